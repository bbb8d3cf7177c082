import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../directory/fields.tsx';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { splitError, type FieldErrors } from './fieldErrors.ts';

export interface Details {
  name: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  timeZone: string;
  walkInsAllowed: boolean;
}

const ORDER: (keyof Details)[] = ['name', 'startsOn', 'endsOn', 'venue', 'timeZone'];

/** Name, dates, venue, time zone, walk-ins: creating an event and editing it use the same form. */
export function DetailsForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: Details;
  submitLabel: string;
  onSubmit(d: Details): Promise<void>;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const labels: Record<keyof Details, string> = {
    name: t('events.name'),
    startsOn: t('events.startsOn'),
    endsOn: t('events.endsOn'),
    venue: t('events.venue'),
    timeZone: t('events.timeZone'),
    walkInsAllowed: t('events.walkInsAllowed'),
  };
  const labelOf = (f: string) => (f in labels ? labels[f as keyof Details] : undefined);
  const set = <K extends keyof Details>(k: K, v: Details[K]) => setD((x) => ({ ...x, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    try {
      await onSubmit(d);
      setErrors({});
    } catch (err) {
      const s = splitError(t, err, labelOf);
      setErrors(s.fields);
      setGeneral(s.general);
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const date = (k: 'startsOn' | 'endsOn', label: string) => (
    <div className={`field${errors[k] ? ' has-error' : ''}`}>
      <label htmlFor={`ev-${k}`}>{label}</label>
      {errors[k] && (
        <p className="field-error" id={`ev-${k}-error`}>
          {errors[k]}
        </p>
      )}
      <input
        id={`ev-${k}`}
        type="date"
        value={d[k]}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `ev-${k}-error` : undefined}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="stack ev-form">
      <ErrorSummary
        items={summaryItems(
          errors,
          ORDER.map((k) => ({ key: k, id: `ev-${k}`, label: labels[k] })),
        )}
        general={general}
        focusKey={failures}
      />
      <TextField
        id="ev-name"
        label={t('events.name')}
        value={d.name}
        onChange={(v) => set('name', v)}
        error={errors.name}
        maxLength={200}
        required
      />
      <div className="ev-row">
        {date('startsOn', t('events.startsOn'))}
        {date('endsOn', t('events.endsOn'))}
      </div>
      <TextField
        id="ev-venue"
        label={t('events.venue')}
        value={d.venue}
        onChange={(v) => set('venue', v)}
        error={errors.venue}
        maxLength={200}
        optional
      />
      <TextField
        id="ev-timeZone"
        label={t('events.timeZone')}
        hint={t('events.timeZoneHint')}
        value={d.timeZone}
        onChange={(v) => set('timeZone', v)}
        error={errors.timeZone}
        maxLength={64}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={d.walkInsAllowed}
          onChange={(e) => set('walkInsAllowed', e.target.checked)}
        />
        <span>{t('events.walkInsAllowed')}</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('events.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
