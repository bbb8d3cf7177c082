import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventSession } from '../../contract/events.ts';
import type { PlanVersion } from '../../contract/plans.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { eventsApi } from './api.ts';
import { splitError } from './fieldErrors.ts';

/**
 * A session's plan history: every change (generated, swapped, re-planned after a table or
 * participant change, restored) with who, when and how many rounds had started, and a button that
 * brings back a version's rounds not yet held. Held rounds never change, so a restore can be
 * undone by restoring the version before it. Used on the set-up page and in the console.
 */
export function PlanHistory({
  eventId,
  session: s,
  onRestored,
  headingLevel = 4,
}: {
  eventId: string;
  session: EventSession;
  onRestored?(e: EventDetail): void;
  /** The panel's heading: one below the heading it sits under. */
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Reloaded whenever the plan changes (a swap, a re-plan, a restore from another screen).
  const stamp = useMemo(() => planStamp(s), [s]);
  const list = useResource(open ? `plan-versions:${eventId}:${s.id}:${stamp}` : null, (signal) =>
    eventsApi.planVersions(eventId, s.id, signal),
  );
  // Newest first, as the server lists them.
  const items = list.data?.items ?? list.previous?.items ?? [];
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const panelId = `plan-history-${s.id}`;

  async function restore(v: PlanVersion) {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const r = await eventsApi.restorePlan(eventId, s.id, v.version);
      setDone(t('events.history.restored', { n: v.version }));
      onRestored?.(r.event);
      list.reload();
    } catch (err) {
      setError(splitError(t, err).general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="plan-history">
      <button
        type="button"
        className="btn btn-quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('events.history.close') : t('events.history.open')}
      </button>
      {open && (
        <section
          id={panelId}
          className="plan-history-panel"
          aria-labelledby={`${panelId}-h`}
          data-testid="plan-history"
        >
          <Heading id={`${panelId}-h`}>{t('events.history.title', { session: s.title })}</Heading>
          <div aria-live="polite">
            {done && <p className="alert alert-ok">{done}</p>}
            {error && <p className="alert alert-error">{error}</p>}
          </div>
          {list.error !== undefined && (
            <p className="alert alert-error" role="alert">
              {errorMessage(t, list.error)}
            </p>
          )}
          {list.data && items.length === 0 && <p className="empty">{t('events.history.empty')}</p>}
          <ol className="plan-versions">
            {items.map((v) => (
              <li key={v.version} data-version={v.version}>
                <p>
                  <strong>{t('events.history.version', { n: v.version })}</strong>
                  {v.current && (
                    <span className="badge badge-public">{t('events.history.current')}</span>
                  )}{' '}
                  · {t(`events.history.reason.${v.reason}`)}
                  {v.restoredFrom !== null &&
                    ` ${t('events.history.restoredFrom', { n: v.restoredFrom })}`}
                </p>
                <p className="muted small">
                  {when.format(new Date(v.at))} ·{' '}
                  {v.by ? t('events.history.by', { name: v.by }) : t('events.history.byServer')} ·{' '}
                  {v.heldThrough < 0
                    ? t('events.history.beforeStart')
                    : t('events.history.held', { n: v.heldThrough + 1 })}{' '}
                  ·{' '}
                  {v.hasPlan
                    ? v.repeatedPairs === null
                      ? ''
                      : t('events.history.repeats', { n: v.repeatedPairs })
                    : t('events.history.noPlan')}
                </p>
                {!v.current && v.hasPlan && (
                  <button
                    type="button"
                    className="btn btn-quiet plan-restore"
                    disabled={busy}
                    aria-label={`${t('events.history.restore')} — ${t('events.history.version', { n: v.version })}`}
                    onClick={() => void restore(v)}
                  >
                    {t('events.history.restore')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

/** A short fingerprint of a session's plan: changes whenever anyone's place does. */
function planStamp(s: EventSession): string {
  let h = 0;
  for (const round of s.plan ?? [])
    for (const g of round.groups)
      for (const id of [g.tableId ?? '', ...g.participantIds])
        for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return `${s.plan ? s.plan.length : 'none'}:${h}`;
}
