import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteWarning, Route } from '../../contract/atlas.ts';
import type { PlaceItem } from '../../contract/gazetteer.ts';
import {
  FORMS_OF_EXPLOITATION,
  LABOUR_SECTORS,
  POPULATIONS,
  VISIBILITIES,
} from '../../contract/vocab.ts';
import { ApiError } from '../api.ts';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { errorMessage, fieldErrorText, refusalMessage } from '../shell/errors.ts';
import { atlasApi } from './api.ts';
import { basisLabel, confidenceLabel, formLabel, populationLabel, sectorLabel } from './labels.ts';
import { MapView } from './MapView.tsx';
import { PlaceField } from './PlaceField.tsx';
import { useNotesCheck } from './useNotesCheck.ts';

type Target = 'source' | 'destination' | number;

/**
 * A route, added or (with `initial`) edited: a pattern, never a person. An edit names the version
 * it was made on, so a route changed meanwhile is refused (409), never overwritten.
 */
export function RouteForm({
  initial,
  onDone,
  onCancel,
}: {
  initial?: Route;
  onDone?: (r: Route) => void;
  onCancel?: () => void;
} = {}) {
  const { t } = useTranslation();
  const first = initial?.stops[0];
  const last = initial?.stops[initial.stops.length - 1];
  const [source, setSource] = useState<PlaceItem | null>(first?.place ?? null);
  const [destination, setDestination] = useState<PlaceItem | null>(last?.place ?? null);
  const [transits, setTransits] = useState<{ place: PlaceItem | null; border: boolean }[]>(
    () =>
      initial?.stops
        .filter((s) => s.role === 'transit')
        .map((s) => ({ place: s.place, border: s.borderCrossing })) ?? [],
  );
  const [forms, setForms] = useState<string[]>(initial?.forms ?? []);
  const [sectors, setSectors] = useState<string[]>(initial?.sectors ?? []);
  const [populations, setPopulations] = useState<string[]>(initial?.populations ?? []);
  const [yearFrom, setYearFrom] = useState(initial?.yearFrom?.toString() ?? '');
  const [yearTo, setYearTo] = useState(initial?.yearTo?.toString() ?? '');
  const [confidence, setConfidence] = useState<string>(initial?.confidence ?? 'likely');
  const [basis, setBasis] = useState<string>(initial?.basis ?? 'casework');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [visibility, setVisibility] = useState<string>(initial?.visibility ?? 'coalition');
  const [warnings, setWarnings] = useNotesCheck(notes, initial?.warnings ?? []);
  // Notes the server refused as personal data, which this reader (a coordinator) may confirm.
  const [confirmable, setConfirmable] = useState(false);
  const [confirmNotes, setConfirmNotes] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Route | null>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState<Target | null>(null);
  const [failures, setFailures] = useState(0);
  // The fields in the order the form shows them, as the server names them, for the summary.
  const summaryFields = [
    { key: 'source', id: 'route-source', label: t('atlas.form.source') },
    { key: 'transits', id: 'route-transit-0', label: t('atlas.form.transit', { n: 1 }) },
    { key: 'destination', id: 'route-destination', label: t('atlas.form.destination') },
    { key: 'forms', id: 'route-forms', label: t('atlas.form.forms') },
    { key: 'sectors', id: 'route-sectors', label: t('atlas.form.sectors') },
    { key: 'populations', id: 'route-populations', label: t('atlas.form.populations') },
    { key: 'yearFrom', id: 'route-yf', label: t('atlas.form.yearFrom') },
    { key: 'yearTo', id: 'route-yt', label: t('atlas.form.yearTo') },
    { key: 'confidence', id: 'route-conf', label: t('atlas.form.confidence') },
    { key: 'basis', id: 'route-basis', label: t('atlas.form.basis') },
    { key: 'visibility', id: 'route-vis', label: t('atlas.form.visibility') },
    { key: 'notes', id: 'route-notes', label: t('atlas.form.notes') },
  ];
  const labelOf = (f: string) => summaryFields.find((x) => x.key === f)?.label;

  const toggle = (list: string[], set: (x: string[]) => void, code: string) =>
    set(list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);

  async function onPick(lat: number, lon: number) {
    const target = picking;
    setPicking(null);
    if (target === null) return;
    try {
      const p = await atlasApi.point(lat, lon);
      if (target === 'source') setSource(p);
      else if (target === 'destination') setDestination(p);
      else
        setTransits((ts) =>
          ts.map((x, i) => (i === target ? { ...x, place: p, border: true } : x)),
        );
    } catch (err) {
      setError(errorMessage(t, err));
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const fields = {
        source: source?.id ?? '',
        destination: destination?.id ?? '',
        transits: transits
          .filter((x) => x.place)
          .map((x) => ({ place: x.place!.id, borderCrossing: x.border })),
        forms: forms as never,
        sectors: sectors as never,
        populations: populations as never,
        yearFrom: yearFrom ? Number(yearFrom) : null,
        yearTo: yearTo ? Number(yearTo) : null,
        confidence: confidence as never,
        basis: basis as never,
        notes,
        visibility: visibility as never,
        ...(confirmable && confirmNotes ? { confirmNotes: true } : {}),
      };
      const route = initial
        ? await atlasApi.updateRoute(initial.id, { ...fields, version: initial.version })
        : await atlasApi.createRoute(fields);
      if (onDone) onDone(route);
      else setSaved(route);
    } catch (err) {
      if (err instanceof ApiError && err.body?.fields?.length) {
        const next: Record<string, string> = {};
        for (const f of err.body.fields)
          next[f.field.split('.')[0] ?? f.field] ??= fieldErrorText(t, f, labelOf);
        setFieldErrors(next);
        setConfirmable(
          err.body.fields.some((f) => f.code === 'personal_data' && f.params?.confirmable === true),
        );
        setError(null);
      } else {
        setFieldErrors({});
        setError(refusalMessage(t, err));
      }
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  if (saved)
    return (
      <section className="atlas-saved" aria-live="polite">
        <p className="alert alert-ok" role="status">
          {t('atlas.form.saved', {
            from: saved.stops[0]?.place.name,
            to: saved.stops[saved.stops.length - 1]?.place.name,
          })}
        </p>
        {saved.warnings.length > 0 && <Warnings warnings={saved.warnings} />}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setSaved(null);
            setSource(null);
            setDestination(null);
            setTransits([]);
            setNotes('');
            setWarnings([]);
          }}
        >
          {t('atlas.form.another')}
        </button>
      </section>
    );

  const choice = (
    name: string,
    codes: readonly string[],
    list: string[],
    set: (x: string[]) => void,
    lab: (code: string) => string,
  ) => (
    <fieldset id={`route-${name}`} className={fieldErrors[name] ? 'choices has-error' : 'choices'}>
      <legend>{t(`atlas.form.${name as 'forms' | 'sectors' | 'populations'}`)}</legend>
      {fieldErrors[name] && <p className="field-error">{fieldErrors[name]}</p>}
      <div className="choice-grid">
        {codes.map((c) => (
          <label key={c} className="inline">
            <input
              type="checkbox"
              checked={list.includes(c)}
              onChange={() => toggle(list, set, c)}
            />{' '}
            {lab(c)}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form className="atlas-route-form" onSubmit={onSubmit} noValidate aria-labelledby="atlas-add-h">
      <h2 id="atlas-add-h">{initial ? t('atlas.form.editTitle') : t('atlas.form.title')}</h2>
      <p className="alert alert-info">{t('atlas.form.patternNotice')}</p>
      <ErrorSummary
        items={summaryItems(fieldErrors, summaryFields)}
        general={error}
        focusKey={failures}
      />
      <PlaceField
        id="route-source"
        label={t('atlas.form.source')}
        value={source}
        onChange={setSource}
        error={fieldErrors.source}
        onPickOnMap={() => setPicking('source')}
      />
      {transits.map((x, i) => (
        <div className="transit" key={i}>
          <PlaceField
            id={`route-transit-${i}`}
            label={t('atlas.form.transit', { n: i + 1 })}
            value={x.place}
            onChange={(p) =>
              setTransits((ts) => ts.map((y, j) => (j === i ? { ...y, place: p } : y)))
            }
            onPickOnMap={() => setPicking(i)}
            error={fieldErrors.transits}
          />
          <label className="inline">
            <input
              type="checkbox"
              checked={x.border}
              onChange={(e) =>
                setTransits((ts) =>
                  ts.map((y, j) => (j === i ? { ...y, border: e.target.checked } : y)),
                )
              }
            />{' '}
            {t('atlas.borderCrossing')}
          </label>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => setTransits((ts) => ts.filter((_, j) => j !== i))}
          >
            {t('atlas.form.removeTransit')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-quiet"
        onClick={() => setTransits((ts) => [...ts, { place: null, border: false }])}
      >
        {t('atlas.form.addTransit')}
      </button>
      <PlaceField
        id="route-destination"
        label={t('atlas.form.destination')}
        value={destination}
        onChange={setDestination}
        error={fieldErrors.destination}
        onPickOnMap={() => setPicking('destination')}
      />
      {picking !== null && (
        <div className="atlas-picker">
          <p className="hint">{t('atlas.form.pickHint')}</p>
          <MapView onPick={(lat, lon) => void onPick(lat, lon)} label={t('atlas.form.pickHint')} />
          <button type="button" className="btn btn-quiet" onClick={() => setPicking(null)}>
            {t('atlas.form.cancelPick')}
          </button>
        </div>
      )}
      {choice('forms', FORMS_OF_EXPLOITATION, forms, setForms, (c) => formLabel(t, c))}
      {choice('sectors', LABOUR_SECTORS, sectors, setSectors, (c) => sectorLabel(t, c))}
      {choice('populations', POPULATIONS, populations, setPopulations, (c) =>
        populationLabel(t, c),
      )}
      <div className="atlas-row">
        <div className={fieldErrors.yearFrom ? 'field has-error' : 'field'}>
          <label htmlFor="route-yf">{t('atlas.form.yearFrom')}</label>
          <input
            id="route-yf"
            inputMode="numeric"
            value={yearFrom}
            onChange={(e) => setYearFrom(e.target.value.replace(/\D/g, '').slice(0, 4))}
          />
        </div>
        <div className={fieldErrors.yearTo ? 'field has-error' : 'field'}>
          <label htmlFor="route-yt">{t('atlas.form.yearTo')}</label>
          <input
            id="route-yt"
            inputMode="numeric"
            value={yearTo}
            onChange={(e) => setYearTo(e.target.value.replace(/\D/g, '').slice(0, 4))}
          />
          {fieldErrors.yearTo && <p className="field-error">{fieldErrors.yearTo}</p>}
        </div>
      </div>
      <div className="atlas-row">
        <div className="field">
          <label htmlFor="route-conf">{t('atlas.form.confidence')}</label>
          <select
            id="route-conf"
            value={confidence}
            onChange={(e) => setConfidence(e.target.value)}
          >
            {['confirmed', 'likely', 'suspected'].map((c) => (
              <option key={c} value={c}>
                {confidenceLabel(t, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="route-basis">{t('atlas.form.basis')}</label>
          <select id="route-basis" value={basis} onChange={(e) => setBasis(e.target.value)}>
            {['casework', 'hotline', 'research', 'media', 'fieldObservation'].map((c) => (
              <option key={c} value={c}>
                {basisLabel(t, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="route-vis">{t('atlas.form.visibility')}</label>
          <select id="route-vis" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`vocab.visibility.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="route-notes">{t('atlas.form.notes')}</label>
        <textarea
          id="route-notes"
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(e) => {
            setNotes(e.target.value);
            setConfirmNotes(false);
            if (!e.target.value.trim()) setWarnings([]);
          }}
          aria-describedby="route-notes-hint"
          aria-invalid={fieldErrors.notes ? true : undefined}
        />
        <p className="hint" id="route-notes-hint">
          {t('atlas.form.notesHint')}
        </p>
        {fieldErrors.notes && <p className="field-error">{fieldErrors.notes}</p>}
        {warnings.length > 0 && <Warnings warnings={warnings} />}
        {confirmable && warnings.length > 0 && (
          <label className="inline">
            <input
              id="route-confirm-notes"
              type="checkbox"
              checked={confirmNotes}
              onChange={(e) => setConfirmNotes(e.target.checked)}
            />{' '}
            {t('atlas.form.confirmNotes')}
          </label>
        )}
      </div>
      <div className="atlas-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy
            ? t('atlas.form.saving')
            : initial
              ? t('atlas.form.saveChanges')
              : t('atlas.form.save')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            {t('atlas.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function Warnings({ warnings }: { warnings: NoteWarning[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warn" role="status">
      <p>{t('atlas.form.warningTitle')}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{t(`atlas.form.warning.${w.kind}`, { excerpt: w.excerpt })}</li>
        ))}
      </ul>
    </div>
  );
}
