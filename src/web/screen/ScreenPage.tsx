import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EventSession } from '../../contract/events.ts';
import { JoinQr, joinUrl, useJoinBase } from '../shell/qr.tsx';
import { remaining } from '../../core/clock.ts';
import { currentSession } from '../../core/placement.ts';
import { formatClock, roundRoster, type RosterLine } from '../live/derive.ts';
import { nameQualifiers } from '../live/names.ts';
import { LiveGate, liveClosed, useLiveScreen } from '../live/LiveScreen.tsx';
import { useServerNow } from '../live/useLive.ts';
import { useTitle } from '../shell/useTitle.ts';
import { NameBoard } from './NameBoard.tsx';
import './screen.css';
import '../shell/fonts.css';

/** /screen/:id — the projector: round, a countdown readable from the back, where everyone goes. */
export function ScreenPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const joinBase = useJoinBase();
  const { client, view } = useLiveScreen(id, 'projector');
  const now = useServerNow(client, 200);
  const snap = view.snapshot;
  // Everyone placed this round, with what tells a shared name apart and where to go.
  const lines = useMemo(() => {
    const session = currentSession(snap ?? null);
    const st = snap?.state;
    if (!snap || !session || !st || (st.status !== 'running' && st.status !== 'paused')) return [];
    const qualifiers = nameQualifiers(snap.participants);
    return roundRoster(snap.event, snap.participants, session, st.round, i18n.language).map(
      (line) => ({
        id: line.participant.id,
        name: line.participant.name,
        qualifier: qualifiers.get(line.participant.id) ?? null,
        where: whereText(t, session, line),
      }),
    );
  }, [snap, t, i18n.language]);
  useTitle(snap ? t('screen.title', { event: snap.event.name }) : t('screen.titleShort'));

  if (!snap || liveClosed(view))
    return (
      <LiveGate
        view={view}
        className="scr scr-center"
        next={`/screen/${id}`}
        connecting={t('screen.connecting')}
      />
    );

  const { event, state } = snap;
  const session = currentSession(snap);
  const active = session && (state.status === 'running' || state.status === 'paused');
  const left = remaining(state, now);
  const low = left !== null && left <= 60_000 && state.status === 'running';

  return (
    <main className="scr script-fonts" aria-labelledby="scr-title">
      <header className="scr-top">
        <div>
          <p className="scr-event">{event.name}</p>
          <h1 id="scr-title" className="scr-session">
            {active
              ? session.title
              : state.status === 'finished'
                ? t('screen.finished')
                : t('screen.welcome')}
          </h1>
          {active && (
            <p className="scr-round" data-testid="screen-round">
              {t('screen.roundOf', { n: state.round + 1, total: session.rounds })}
            </p>
          )}
        </div>
        {active && <JoinBox code={event.joinCode} base={joinBase} compact />}
        {active && (
          <div className="scr-clock-box">
            <p
              className={`scr-clock${low ? ' scr-clock-low' : ''}`}
              role="timer"
              aria-label={t('join.timeLeft')}
              data-testid="screen-countdown"
            >
              {left === null ? '—' : formatClock(left)}
            </p>
            {state.status === 'paused' && <p className="scr-paused">{t('screen.paused')}</p>}
          </div>
        )}
      </header>
      {state.message?.text && (
        <p className="scr-message" data-testid="screen-message">
          {state.message.text}
        </p>
      )}
      <div className={`scr-body${active ? '' : ' scr-body-idle'}`}>
        {active ? (
          <NameBoard
            lines={lines}
            now={now}
            layoutKey={`${state.status}|${state.round}|${state.message?.text ?? ''}`}
          />
        ) : (
          <section className="scr-idle">
            <p className="scr-idle-text">{t('screen.joinPrompt')}</p>
            <p className="scr-idle-count" data-testid="screen-joined">
              {t('screen.joinedCount', {
                joined: snap.participants.filter((p) => p.joined).length,
                total: snap.participants.length,
              })}
            </p>
          </section>
        )}
        {!active && <JoinBox code={event.joinCode} base={joinBase} compact={false} />}
      </div>
    </main>
  );
}

/** The QR code and the event code: big while people arrive, small beside the clock in a round. */
function JoinBox({ code, base, compact }: { code: string; base: string; compact: boolean }) {
  const { t } = useTranslation();
  return (
    <aside
      className={`scr-join${compact ? ' scr-join-compact' : ''}`}
      aria-label={t('screen.joinTitle')}
    >
      <JoinQr code={code} size={compact ? 132 : 420} label={t('screen.qrAlt')} />
      <div>
        <p className="scr-join-label">{t('screen.joinWith')}</p>
        <p className="scr-join-code" data-testid="screen-join-code">
          {code}
        </p>
        <p className="scr-join-url">
          {joinUrl(code, base)
            .replace(/^https?:\/\//, '')
            .replace(/\/j\/.*$/, '/join')}
        </p>
      </div>
    </aside>
  );
}

function whereText(
  // not ReturnType<typeof useTranslation>['t']: that type is too deep for tsc past ~700 keys
  t: TFunction<'translation', undefined>,
  session: EventSession,
  line: RosterLine,
): string {
  const pl = line.placement;
  const spot = t('screen.spot', { n: pl.group.spot });
  if (session.kind === 'networking') return spot;
  return pl.tableName ?? pl.topic ?? spot;
}
