import { LearningsModeration } from './LearningsModeration.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { seatsPeople } from '../../contract/events.ts';
import type { Intent } from '../../contract/live.ts';
import { JoinQr, joinUrl, useJoinBase } from '../shell/qr.tsx';
import { isLoopbackUrl } from '../../contract/address.ts';
import { PlanHistory } from '../events/PlanHistory.tsx';
import { wasStopped } from '../events/PlanProgress.tsx';
import { remaining } from '../../core/clock.ts';
import { currentSession } from '../../core/placement.ts';
import { formatClock } from '../live/derive.ts';
import { useLiveClient, useLiveView, useServerNow } from '../live/useLive.ts';
import { useTitle } from '../shell/useTitle.ts';
import '../events/events.css';
import { BroadcastForm } from './BroadcastForm.tsx';
import { LinkStatus } from './LinkStatus.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import '../shell/fonts.css';

/** /events/:id/facilitate — run the room: rounds and timer, who is here, a message to everyone. */
export function FacilitatePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const joinBase = useJoinBase();
  const client = useLiveClient({ eventId: id });
  const view = useLiveView(client);
  const now = useServerNow(client, 250);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replanning, setReplanning] = useState(false);
  const [pick, setPick] = useState('');
  const snap = view.snapshot;
  useTitle(snap ? t('facilitate.title', { event: snap.event.name }) : t('facilitate.titleShort'));

  /**
   * A re-plan takes seconds (the server solves it in a worker): the rest of the console stays
   * usable meanwhile, and the people panel shows its progress with a cancel button.
   */
  async function replan(): Promise<boolean> {
    if (!client) return false;
    setReplanning(true);
    setProblem(null);
    const r = await client.send({ type: 'replan' });
    setReplanning(false);
    if (!r.ok && !wasStopped(r.error)) setProblem(r.message);
    return r.ok;
  }

  async function act(intent: Intent): Promise<boolean> {
    if (!client) return false;
    setBusy(true);
    setProblem(null);
    const r = await client.send(intent);
    setBusy(false);
    if (!r.ok) setProblem(r.message);
    return r.ok;
  }

  if (view.link === 'denied')
    return (
      <section className="narrow">
        <h1 tabIndex={-1}>{t('facilitate.titleShort')}</h1>
        <p className="alert alert-error" role="alert">
          {t('facilitate.denied')}
        </p>
      </section>
    );
  if (view.link === 'reload')
    return (
      <section className="narrow" role="alert">
        <h1 tabIndex={-1}>{t('join.reloadTitle')}</h1>
        <p>{t('join.reloadBody')}</p>
        <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
          {t('join.reloadButton')}
        </button>
      </section>
    );
  if (!snap)
    return (
      <p className="muted" role="status">
        {t('facilitate.connecting')}
      </p>
    );

  const { event, state } = snap;
  const session = currentSession(snap);
  const left = remaining(state, now);
  const running = state.status === 'running';
  const paused = state.status === 'paused';
  const active = running || paused;
  const lastRound = session ? state.round + 1 >= session.rounds : false;
  // Sessions that can start: planned ones, and mapping and learnings sessions (they seat nobody).
  const planned = event.sessions.filter((s) => s.plan || !seatsPeople(s.kind));
  const chosen =
    pick || planned.find((s) => s.id !== state.sessionId || !active)?.id || planned[0]?.id || '';
  const restart = active && chosen === state.sessionId;

  return (
    <article className="console script-fonts" aria-labelledby="console-title">
      <p className="crumbs">
        <Link href={`/events/${event.id}`}>{t('facilitate.backToSetUp')}</Link>
      </p>
      <div className="page-head">
        <h1 id="console-title" tabIndex={-1}>
          {event.name}
        </h1>
        <LinkStatus link={view.link} pending={view.pending} />
      </div>

      <div className="console-grid">
        <div className="console-col">
          <section className="console-panel console-now" aria-labelledby="now-h">
            <h2 id="now-h">{t('facilitate.nowTitle')}</h2>
            {session && state.status !== 'idle' ? (
              <>
                <p className="console-session">
                  {session.title} ·{' '}
                  <span data-testid="console-round">
                    {t('facilitate.roundOf', { n: state.round + 1, total: session.rounds })}
                  </span>{' '}
                  ·{' '}
                  <span className={`status status-${state.status}`}>
                    {t(`facilitate.status.${state.status}`)}
                  </span>
                </p>
                <p
                  className="console-clock"
                  role="timer"
                  aria-label={t('join.timeLeft')}
                  data-testid="console-countdown"
                >
                  {left === null ? '—' : formatClock(left)}
                </p>
              </>
            ) : (
              <p className="muted">{t('facilitate.idle')}</p>
            )}
            {problem && (
              <p className="alert alert-error" role="alert">
                {problem}
              </p>
            )}
            {active && (
              <div className="console-controls" role="group" aria-label={t('facilitate.controls')}>
                {running ? (
                  <button
                    type="button"
                    className="btn btn-quiet"
                    disabled={busy}
                    onClick={() => void act({ type: 'pause' })}
                  >
                    {t('facilitate.pause')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={busy}
                    onClick={() => void act({ type: 'resume' })}
                  >
                    {t('facilitate.resume')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-quiet"
                  disabled={busy}
                  onClick={() => void act({ type: 'extend', seconds: -60 })}
                >
                  {t('facilitate.minusMinute')}
                </button>
                <button
                  type="button"
                  className="btn btn-quiet"
                  disabled={busy}
                  onClick={() => void act({ type: 'extend', seconds: 60 })}
                >
                  {t('facilitate.plusMinute')}
                </button>
                {!lastRound && (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={busy}
                    onClick={() => void act({ type: 'nextRound' })}
                  >
                    {t('facilitate.nextRound')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy}
                  onClick={() =>
                    window.confirm(t('facilitate.finishConfirm')) && void act({ type: 'finish' })
                  }
                >
                  {t('facilitate.finish')}
                </button>
              </div>
            )}
            <div className="console-start">
              {planned.length === 0 ? (
                <p className="muted">
                  {t('facilitate.noPlans')}{' '}
                  <Link href={`/events/${event.id}#ev-sessions`}>{t('facilitate.goPlan')}</Link>
                </p>
              ) : (
                <form
                  className="add-row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (!chosen) return;
                    if (active && !window.confirm(t('facilitate.restartConfirm'))) return;
                    void act({ type: 'startSession', sessionId: chosen });
                  }}
                >
                  <label htmlFor="start-session" className="visually-hidden">
                    {t('facilitate.sessionToStart')}
                  </label>
                  <select
                    id="start-session"
                    value={chosen}
                    onChange={(e) => setPick(e.target.value)}
                  >
                    {planned.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title} ({t(`events.kind.${s.kind}`)},{' '}
                        {t('events.roundsTimesMinutes', {
                          rounds: s.rounds,
                          minutes: s.minutesPerRound,
                        })}
                        )
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="btn btn-primary" disabled={busy || !chosen}>
                    {restart ? t('facilitate.restart') : t('facilitate.start')}
                  </button>
                </form>
              )}
            </div>
          </section>

          <PeoplePanel
            eventId={event.id}
            sessionId={session?.id ?? null}
            participants={snap.participants}
            canReplan={active && !!session?.plan && session.kind !== 'groups'}
            busy={busy}
            replanning={replanning}
            onPresence={(participantId, status) =>
              void act({ type: 'setPresence', participantId, status })
            }
            onReplan={replan}
          />
          {/* The running session's plan changes (re-plans, table changes, swaps) and a way back:
              restoring touches only rounds not yet held; the room's snapshot brings the result. */}
          {session && seatsPeople(session.kind) && active && (
            <section className="console-panel" aria-labelledby="history-h">
              <h2 id="history-h">{t('events.history.open')}</h2>
              <PlanHistory eventId={event.id} session={session} headingLevel={3} />
            </section>
          )}
        </div>
        <div className="console-col">
          <section className="console-panel console-join" aria-labelledby="join-h">
            <h2 id="join-h">{t('facilitate.joinTitle')}</h2>
            <JoinQr
              code={event.joinCode}
              size={168}
              label={t('facilitate.qrAlt', { url: joinUrl(event.joinCode, joinBase) })}
            />
            <p className="join-code" data-testid="console-join-code">
              {event.joinCode}
            </p>
            <p className="muted small">{joinUrl(event.joinCode, joinBase)}</p>
            {isLoopbackUrl(joinBase) && (
              <p className="alert alert-error small" role="note" data-testid="loopback-warning">
                {t('facilitate.loopbackWarning')}
              </p>
            )}
            <a
              href={`/screen/${event.id}`}
              target="_blank"
              rel="noopener"
              className="btn btn-quiet"
            >
              {t('facilitate.openProjector')}
            </a>
            <Link href={`/events/${event.id}/sheets`} className="btn btn-quiet">
              {t('sheets.manage.indexTitle')}
            </Link>
          </section>

          {(session?.kind === 'learnings' || (snap.learnings?.length ?? 0) > 0) && (
            <LearningsModeration
              eventId={event.id}
              posts={snap.learnings ?? []}
              themes={snap.learningThemes ?? []}
              act={act}
            />
          )}

          <BroadcastForm
            current={state.message?.text ?? ''}
            expiresAt={state.message?.expiresAt ?? null}
            busy={busy}
            onSend={(text, minutes) =>
              act({ type: 'broadcast', text, ...(minutes !== undefined && { minutes }) })
            }
          />
        </div>
      </div>
    </article>
  );
}
