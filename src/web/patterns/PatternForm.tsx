import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ILO_INDICATORS,
  ILO_NUMBERS,
  MAX_PATTERN_NOTES,
  PATTERN_PAY,
  PATTERN_RECRUITMENT,
} from '../../contract/constants.ts';
import type { EventIssue } from '../../contract/events.ts';
import type { Pattern } from '../../contract/patterns.ts';
import {
  FORMS_OF_EXPLOITATION,
  LABOUR_SECTORS,
  POPULATIONS,
  VISIBILITIES,
} from '../../contract/vocab.ts';
import { ApiError } from '../api.ts';
import { formLabel, populationLabel, sectorLabel } from '../atlas/labels.ts';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { fieldErrorText, refusalMessage } from '../shell/errors.ts';
import { patternsApi } from './api.ts';
import { LevelVerdict, PatternWarnings } from './Verdict.tsx';
import { useNotesCheck } from '../atlas/useNotesCheck.ts';

/**
 * An experience pattern on a desktop: anonymised, never a person. After saving, the level and the
 * rule's reasons are shown (never a black box), with any warning on the notes.
 */
export function PatternForm({
  eventId,
  issues,
  onSaved,
}: {
  eventId: string | null;
  issues: readonly EventIssue[];
  onSaved: (p: Pattern) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState('');
  const [sector, setSector] = useState('');
  const [population, setPopulation] = useState('');
  const [issueKey, setIssueKey] = useState('');
  const [indicators, setIndicators] = useState<number[]>([]);
  const [paid, setPaid] = useState<string>('full');
  const [canLeave, setCanLeave] = useState(true);
  const [recruitment, setRecruitment] = useState<string>('free');
  const [moved, setMoved] = useState(false);
  const [notes, setNotes] = useState('');
  const [visibility, setVisibility] = useState('coalition');
  const [warnings, setWarnings] = useNotesCheck(notes);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Pattern | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const summaryFields = [
    { key: 'form', id: 'pattern-form', label: t('patterns.form.form') },
    { key: 'sector', id: 'pattern-sector', label: t('patterns.form.sector') },
    { key: 'population', id: 'pattern-population', label: t('patterns.form.population') },
    { key: 'issueKey', id: 'pattern-issue', label: t('patterns.form.issue') },
    { key: 'indicators', id: 'pattern-indicators', label: t('patterns.form.indicators') },
    { key: 'paid', id: 'pattern-paid', label: t('patterns.form.paid') },
    { key: 'canLeave', id: 'pattern-leave', label: t('patterns.form.canLeave') },
    { key: 'recruitment', id: 'pattern-recruitment', label: t('patterns.form.recruitment') },
    { key: 'moved', id: 'pattern-moved', label: t('patterns.form.moved') },
    { key: 'visibility', id: 'pattern-vis', label: t('patterns.form.visibility') },
    { key: 'notes', id: 'pattern-notes', label: t('patterns.form.notes') },
  ];
  const labelOf = (f: string) => summaryFields.find((x) => x.key === f)?.label;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const p = await patternsApi.create({
        form: (form || undefined) as never,
        sector: (sector || null) as never,
        population: (population || null) as never,
        indicators,
        paid: paid as never,
        canLeave,
        recruitment: recruitment as never,
        moved,
        notes,
        visibility: visibility as never,
        eventId,
        issueKey: eventId && issueKey ? issueKey : null,
      });
      setSaved(p);
      onSaved(p);
    } catch (err) {
      if (err instanceof ApiError && err.body?.fields?.length) {
        const next: Record<string, string> = {};
        for (const f of err.body.fields)
          next[f.field.split('.')[0] ?? f.field] ??= fieldErrorText(t, f, labelOf);
        setFieldErrors(next);
      } else setError(refusalMessage(t, err));
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  if (saved)
    return (
      <section className="pattern-saved" aria-labelledby="pattern-saved-h">
        <h2 id="pattern-saved-h">{t('patterns.form.savedTitle')}</h2>
        <LevelVerdict pattern={saved} live />
        {saved.warnings.length > 0 && <PatternWarnings warnings={saved.warnings} />}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setSaved(null);
            setIndicators([]);
            setNotes('');
            setWarnings([]);
          }}
        >
          {t('patterns.form.another')}
        </button>
      </section>
    );

  const select = (
    id: string,
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    codes: readonly string[],
    lab: (c: string) => string,
    emptyLabel: string,
  ) => (
    <div className={fieldErrors[key] ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {lab(c)}
          </option>
        ))}
      </select>
      {fieldErrors[key] && <p className="field-error">{fieldErrors[key]}</p>}
    </div>
  );

  const radios = <T extends string>(
    id: string,
    key: string,
    legend: string,
    options: readonly T[],
    value: T,
    set: (v: T) => void,
    lab: (v: T) => string,
  ) => (
    <fieldset id={id} className={fieldErrors[key] ? 'choices has-error' : 'choices'}>
      <legend>{legend}</legend>
      {fieldErrors[key] && <p className="field-error">{fieldErrors[key]}</p>}
      <div className="pattern-radios">
        {options.map((o) => (
          <label key={o} className="inline">
            <input type="radio" name={id} checked={value === o} onChange={() => set(o)} /> {lab(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form className="pattern-form" onSubmit={onSubmit} noValidate aria-labelledby="pattern-add-h">
      <h2 id="pattern-add-h">{t('patterns.form.title')}</h2>
      <p className="alert alert-info">{t('patterns.form.notice')}</p>
      <ErrorSummary
        items={summaryItems(fieldErrors, summaryFields)}
        general={error}
        focusKey={failures}
      />
      <div className="pattern-row">
        {select(
          'pattern-form',
          'form',
          t('patterns.form.form'),
          form,
          setForm,
          FORMS_OF_EXPLOITATION,
          (c) => formLabel(t, c),
          t('patterns.form.choose'),
        )}
        {select(
          'pattern-sector',
          'sector',
          t('patterns.form.sector'),
          sector,
          setSector,
          LABOUR_SECTORS,
          (c) => sectorLabel(t, c),
          t('patterns.form.notSaid'),
        )}
        {select(
          'pattern-population',
          'population',
          t('patterns.form.population'),
          population,
          setPopulation,
          POPULATIONS,
          (c) => populationLabel(t, c),
          t('patterns.form.notSaid'),
        )}
        {eventId &&
          select(
            'pattern-issue',
            'issueKey',
            t('patterns.form.issue'),
            issueKey,
            setIssueKey,
            issues.map((i) => i.key),
            (k) => issues.find((i) => i.key === k)?.label ?? k,
            t('patterns.form.noIssue'),
          )}
      </div>
      <fieldset
        id="pattern-indicators"
        className={fieldErrors.indicators ? 'choices has-error' : 'choices'}
      >
        <legend>{t('patterns.form.indicators')}</legend>
        <p className="hint">{t('patterns.form.indicatorsHint')}</p>
        {fieldErrors.indicators && <p className="field-error">{fieldErrors.indicators}</p>}
        <div className="choice-grid">
          {ILO_NUMBERS.map((n) => (
            <label key={n} className="inline">
              <input
                type="checkbox"
                checked={indicators.includes(n)}
                onChange={() =>
                  setIndicators((xs) =>
                    xs.includes(n) ? xs.filter((x) => x !== n) : [...xs, n].sort((a, b) => a - b),
                  )
                }
              />{' '}
              {t('patterns.indicator', {
                n,
                label: t(`sheets.tags.ilo.${ILO_INDICATORS[n - 1]!}`),
              })}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="pattern-row">
        {radios(
          'pattern-paid',
          'paid',
          t('patterns.form.paid'),
          PATTERN_PAY,
          paid as 'full',
          setPaid,
          (v) => t(`patterns.paid.${v}`),
        )}
        {radios(
          'pattern-leave',
          'canLeave',
          t('patterns.form.canLeave'),
          ['yes', 'no'] as const,
          canLeave ? 'yes' : 'no',
          (v) => setCanLeave(v === 'yes'),
          (v) => t(`patterns.yesNo.${v}`),
        )}
        {radios(
          'pattern-recruitment',
          'recruitment',
          t('patterns.form.recruitment'),
          PATTERN_RECRUITMENT,
          recruitment as 'free',
          setRecruitment,
          (v) => t(`patterns.recruitment.${v}`),
        )}
        {radios(
          'pattern-moved',
          'moved',
          t('patterns.form.moved'),
          ['yes', 'no'] as const,
          moved ? 'yes' : 'no',
          (v) => setMoved(v === 'yes'),
          (v) => t(`patterns.yesNo.${v}`),
        )}
      </div>
      <div className="field">
        <label htmlFor="pattern-vis">{t('patterns.form.visibility')}</label>
        <select id="pattern-vis" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`vocab.visibility.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldErrors.notes ? 'field has-error' : 'field'}>
        <label htmlFor="pattern-notes">{t('patterns.form.notes')}</label>
        <textarea
          id="pattern-notes"
          rows={3}
          maxLength={MAX_PATTERN_NOTES}
          value={notes}
          onChange={(e) => {
            setNotes(e.target.value);
            if (!e.target.value.trim()) setWarnings([]);
          }}
          aria-describedby="pattern-notes-hint"
        />
        <p className="hint" id="pattern-notes-hint">
          {t('patterns.form.notesHint')}
        </p>
        {fieldErrors.notes && <p className="field-error">{fieldErrors.notes}</p>}
        {warnings.length > 0 && <PatternWarnings warnings={warnings} />}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('patterns.form.saving') : t('patterns.form.save')}
      </button>
    </form>
  );
}
