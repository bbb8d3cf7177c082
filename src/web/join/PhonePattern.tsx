import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ILO_INDICATORS,
  ILO_NUMBERS,
  PATTERN_PAY,
  PATTERN_RECRUITMENT,
} from '../../contract/constants.ts';
import { FORMS_OF_EXPLOITATION } from '../../contract/vocab.ts';
import type { LiveClient } from '../live/client.ts';
import { newCardId } from '../sheets/view.ts';

type Status = 'idle' | 'queued' | 'sent' | 'refused';

/**
 * An experience pattern told at the café table, from the phone: anonymised, never a person, so
 * there is no free text here at all. It goes through the live client's outbox like a card: kept on
 * the phone while offline, sent once when back. Where the rule places it is for the coalition's
 * spectrum page (the phone carries no rule).
 */
export function PhonePattern({ client, issueKey }: { client: LiveClient; issueKey: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState('');
  const [indicators, setIndicators] = useState<number[]>([]);
  const [paid, setPaid] = useState<(typeof PATTERN_PAY)[number]>('full');
  const [canLeave, setCanLeave] = useState(true);
  const [recruitment, setRecruitment] = useState<(typeof PATTERN_RECRUITMENT)[number]>('free');
  const [moved, setMoved] = useState(false);
  const [status, setStatus] = useState<Status>('idle');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setStatus('queued');
    void client
      .send({
        type: 'addPattern',
        patternId: newCardId(),
        issueKey,
        form: form as (typeof FORMS_OF_EXPLOITATION)[number],
        sector: null,
        population: null,
        indicators,
        paid,
        canLeave,
        recruitment,
        moved,
        notes: '',
      })
      .then((r) => setStatus(r.ok ? 'sent' : 'refused'));
    setIndicators([]);
  }

  const yesNo = (name: string, value: boolean, set: (v: boolean) => void, legend: string) => (
    <fieldset className="ph-pattern-set">
      <legend>{legend}</legend>
      {[true, false].map((v) => (
        <label key={String(v)}>
          <input type="radio" name={name} checked={value === v} onChange={() => set(v)} />{' '}
          {v ? t('join.pattern.yes') : t('join.pattern.no')}
        </label>
      ))}
    </fieldset>
  );

  return (
    <details className="ph-details ph-pattern" data-testid="phone-pattern">
      <summary>{t('join.pattern.title')}</summary>
      <form onSubmit={submit} noValidate>
        <p className="sh-ph-muted">{t('join.pattern.intro')}</p>
        <label htmlFor="ph-pattern-form">{t('join.pattern.form')}</label>
        <select id="ph-pattern-form" value={form} onChange={(e) => setForm(e.target.value)}>
          <option value="">{t('join.pattern.choose')}</option>
          {FORMS_OF_EXPLOITATION.map((f) => (
            <option key={f} value={f}>
              {t(`sheets.tags.forms.${f}`)}
            </option>
          ))}
        </select>
        <fieldset className="ph-pattern-set">
          <legend>{t('join.pattern.indicators')}</legend>
          {ILO_NUMBERS.map((n) => (
            <label key={n}>
              <input
                type="checkbox"
                checked={indicators.includes(n)}
                onChange={() =>
                  setIndicators((xs) => (xs.includes(n) ? xs.filter((x) => x !== n) : [...xs, n]))
                }
              />{' '}
              {n}. {t(`sheets.tags.ilo.${ILO_INDICATORS[n - 1]!}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="ph-pattern-set">
          <legend>{t('join.pattern.paid')}</legend>
          {PATTERN_PAY.map((p) => (
            <label key={p}>
              <input type="radio" name="ph-paid" checked={paid === p} onChange={() => setPaid(p)} />{' '}
              {t(`join.pattern.pay.${p}`)}
            </label>
          ))}
        </fieldset>
        {yesNo('ph-leave', canLeave, setCanLeave, t('join.pattern.canLeave'))}
        <fieldset className="ph-pattern-set">
          <legend>{t('join.pattern.recruitment')}</legend>
          {PATTERN_RECRUITMENT.map((r) => (
            <label key={r}>
              <input
                type="radio"
                name="ph-recruitment"
                checked={recruitment === r}
                onChange={() => setRecruitment(r)}
              />{' '}
              {t(`join.pattern.recruited.${r}`)}
            </label>
          ))}
        </fieldset>
        {yesNo('ph-moved', moved, setMoved, t('join.pattern.moved'))}
        <button type="submit" className="ph-btn" disabled={!form}>
          {t('join.pattern.send')}
        </button>
        {status !== 'idle' && (
          <p role="status" data-testid="pattern-status">
            {t(`join.pattern.status.${status}`)}
          </p>
        )}
      </form>
    </details>
  );
}
