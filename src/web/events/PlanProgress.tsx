import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanProgress } from '../../contract/events.ts';
import { eventsApi } from './api.ts';

const POLL_MS = 500;

/**
 * While mounted, polls what the scheduler is doing for a session (it runs on the server in a
 * worker thread, so the room and this page stay responsive) and offers to cancel it. A plan the
 * user cancels answers its own request with `plan_cancelled`; the plan in place stays.
 */
export function PlanProgressLine({ eventId, sessionId }: { eventId: string; sessionId: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<PlanProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        setProgress(await eventsApi.planProgress(eventId, sessionId, ctl.signal));
      } catch {
        // A missed poll is not worth a message: the next one comes in half a second.
      }
      if (!ctl.signal.aborted) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, [eventId, sessionId]);

  const p = progress?.running ? progress : null;
  const percent = Math.round((p?.fraction ?? 0) * 100);
  return (
    <div className="plan-progress" data-testid="plan-progress">
      <p className="muted" role="status">
        {!p
          ? t('planning.starting')
          : t(p.kind === 'replan' ? 'planning.replanning' : 'planning.generating', { percent })}
        {p && p.repeats !== null && (
          <>
            {' · '}
            {p.repeats === 0
              ? t('planning.noRepeats')
              : t('planning.repeats', { count: p.repeats })}
          </>
        )}
      </p>
      <progress max={100} value={percent} aria-label={t('planning.progressLabel')} />
      <button
        type="button"
        className="btn btn-quiet btn-small"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void eventsApi.cancelPlan(eventId, sessionId).catch(() => setCancelling(false));
        }}
      >
        {t('planning.cancel')}
      </button>
    </div>
  );
}

/** A refusal that only says the user (or a newer request) stopped the plan: not an error. */
export const wasStopped = (code: string | undefined) =>
  code === 'plan_cancelled' ||
  code === 'plan_superseded' ||
  code === 'replan_cancelled' ||
  code === 'replan_superseded';
