import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventSession, Participant } from '../../contract/events.ts';
import { ApiError } from '../api.ts';
import { errorExtra } from '../live/http.ts';
import { eventsApi } from './api.ts';
import { splitError } from './fieldErrors.ts';

/**
 * Swap two people in one round. A swap that makes a repeat meeting or breaks a rule comes back
 * with warnings and changes nothing; the facilitator reads them and may confirm.
 */
export function SwapForm({
  event,
  session,
  participants,
  onChange,
}: {
  event: EventDetail;
  session: EventSession;
  participants: readonly Participant[];
  onChange(e: EventDetail): void;
}) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inPlan = new Set(session.plan?.[round]?.groups.flatMap((g) => g.participantIds) ?? []);
  const people = participants.filter((p) => inPlan.has(p.id));
  const sid = session.id;

  async function swap(confirm: boolean) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await eventsApi.swap(event.id, sid, { round, a, b, confirm });
      setWarnings(null);
      setDone(
        r.warnings.length
          ? t('events.swappedWithWarnings', { count: r.warnings.length })
          : t('events.swapped'),
      );
      onChange(r.event);
    } catch (err) {
      const w =
        err instanceof ApiError && err.status === 409
          ? errorExtra<string[]>(err, 'warnings')
          : undefined;
      if (w) setWarnings(w);
      else setError(splitError(t, err).general);
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!a || !b || a === b) return setError(t('events.swapPickTwo'));
    void swap(false);
  };
  const reset = () => {
    setWarnings(null);
    setDone(null);
  };

  const pick = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => (set(e.target.value), reset())}>
        <option value="">{t('events.swapChoose')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <details className="swap">
      <summary>{t('events.swapTitle')}</summary>
      <form onSubmit={submit} noValidate className="stack">
        <p className="hint">{t('events.swapHelp')}</p>
        <div className="ev-row ev-row-3">
          <div className="field">
            <label htmlFor={`swap-round-${sid}`}>{t('events.round')}</label>
            <select
              id={`swap-round-${sid}`}
              value={round}
              onChange={(e) => (setRound(Number(e.target.value)), reset())}
            >
              {(session.plan ?? []).map((_, i) => (
                <option key={i} value={i}>
                  {i + 1}
                </option>
              ))}
            </select>
          </div>
          {pick(`swap-a-${sid}`, t('events.swapA'), a, setA)}
          {pick(`swap-b-${sid}`, t('events.swapB'), b, setB)}
        </div>
        <button type="submit" className="btn btn-quiet" disabled={busy}>
          {t('events.swapSubmit')}
        </button>
        <div aria-live="polite">
          {error && <p className="alert alert-error">{error}</p>}
          {done && <p className="alert alert-ok">{done}</p>}
          {warnings && (
            <div className="alert alert-info" data-testid="swap-warnings">
              <p>{t('events.swapWarningsIntro')}</p>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy}
                  onClick={() => void swap(true)}
                >
                  {t('events.swapConfirm')}
                </button>
                <button type="button" className="btn btn-quiet" onClick={reset}>
                  {t('events.swapCancel')}
                </button>
              </div>
            </div>
          )}
        </div>
      </form>
    </details>
  );
}
