import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EventSession } from '../../contract/events.ts';
import { JoinQr, joinUrl, useJoinBase } from '../shell/qr.tsx';
import { remaining } from '../../core/clock.ts';
import { currentSession } from '../../core/placement.ts';
import { formatClock, roundRoster, type RosterLine } from '../live/derive.ts';
import { useLiveClient, useLiveView, useServerNow } from '../live/useLive.ts';
import { useTitle } from '../shell/useTitle.ts';
import './screen.css';
import '../shell/fonts.css';

/** Seconds each page of the "find your name" list stays up. Pages follow the server clock, so two
 * projectors in one hall show the same page. */
const PAGE_SECONDS = 10;

/** /screen/:id — the projector: round, a countdown readable from the back, where everyone goes. */
export function ScreenPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const joinBase = useJoinBase();
  const client = useLiveClient({ eventId: id });
  const view = useLiveView(client);
  const now = useServerNow(client, 200);
  const listRef = useRef<HTMLUListElement>(null);
  const st = view.snapshot?.state;
  const maxRows = useRowsThatFit(
    listRef,
    `${view.snapshot?.participants.length}|${st?.status}|${st?.round}|${st?.message?.text}`,
  );
  const snap = view.snapshot;
  useTitle(snap ? t('screen.title', { event: snap.event.name }) : t('screen.titleShort'));

  useEffect(() => {
    document.documentElement.classList.add('projector');
    return () => document.documentElement.classList.remove('projector');
  }, []);

  if (view.link === 'denied' || view.link === 'reload')
    return (
      <main className="scr scr-center">
        <h1>{view.link === 'reload' ? t('join.reloadTitle') : t('screen.denied')}</h1>
        {view.link === 'denied' && (
          <p>
            <a href={`/login?next=${encodeURIComponent(`/screen/${id}`)}`}>{t('screen.signIn')}</a>
          </p>
        )}
      </main>
    );
  if (!snap)
    return (
      <main className="scr scr-center">
        <p role="status">{t('screen.connecting')}</p>
      </main>
    );

  const { event, state } = snap;
  const session = currentSession(snap);
  const active = session && (state.status === 'running' || state.status === 'paused');
  const left = remaining(state, now);
  const roster = active
    ? roundRoster(event, snap.participants, session, state.round, i18n.language)
    : [];
  const columns = 3;
  const perPage = Math.max(1, maxRows * columns);
  // a short list spreads over the columns rather than filling the first one
  const rows = Math.max(1, Math.min(maxRows, Math.ceil(roster.length / columns)));
  const pages = Math.max(1, Math.ceil(roster.length / perPage));
  const page = Math.floor(now / (PAGE_SECONDS * 1000)) % pages;
  const shown = roster.slice(page * perPage, (page + 1) * perPage);
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
        </div>
        {active && (
          <div className="scr-clock-box">
            <p className="scr-round" data-testid="screen-round">
              {t('screen.roundOf', { n: state.round + 1, total: session.rounds })}
            </p>
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
          <section className="scr-list" aria-labelledby="scr-find">
            <h2 id="scr-find" className="scr-find">
              {t('screen.findYourName')}
              {pages > 1 && (
                <span className="scr-page">
                  {' '}
                  · {t('screen.pageOf', { n: page + 1, total: pages })}
                </span>
              )}
            </h2>
            <ul
              ref={listRef}
              className="scr-names"
              style={{ gridTemplateRows: `repeat(${rows}, auto)` }}
            >
              {shown.map((line) => (
                <li key={line.participant.id}>
                  <span className="scr-name">{line.participant.name}</span>
                  <span className="scr-where">{whereText(t, session, line)}</span>
                </li>
              ))}
            </ul>
          </section>
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
        <aside className="scr-join" aria-label={t('screen.joinTitle')}>
          <JoinQr code={event.joinCode} size={active ? 260 : 420} label={t('screen.qrAlt')} />
          <p className="scr-join-label">{t('screen.joinWith')}</p>
          <p className="scr-join-code" data-testid="screen-join-code">
            {event.joinCode}
          </p>
          <p className="scr-join-url">
            {joinUrl(event.joinCode, joinBase)
              .replace(/^https?:\/\//, '')
              .replace(/\/j\/.*$/, '/join')}
          </p>
        </aside>
      </div>
    </main>
  );
}

function whereText(
  // not ReturnType<typeof useTranslation>['t']: that type is too deep for tsc past ~700 keys
  t: TFunction<'translation', undefined>,
  session: EventSession,
  line: RosterLine,
): string {
  const pl = line.placement;
  if (session.kind === 'networking')
    return t('screen.spotWith', {
      spot: pl.group.spot,
      names: pl.others.map((o) => o.name).join(', '),
    });
  if (!pl.tableName) return pl.topic ?? t('events.spotN', { n: pl.group.spot });
  return pl.topic ? `${pl.tableName} · ${pl.topic}` : pl.tableName;
}

/**
 * How many names fit in one column: the list's height (it takes what the header and the message
 * leave) over the height of one name, measured after each layout and on resize.
 */
function useRowsThatFit(list: RefObject<HTMLUListElement | null>, layout: string): number {
  const [rows, setRows] = useState(6);
  useLayoutEffect(() => {
    const measure = () => {
      const ul = list.current;
      const li = ul?.querySelector('li');
      if (!ul || !li) return;
      const available = window.innerHeight - ul.getBoundingClientRect().top - 16;
      const next = Math.max(2, Math.floor(available / li.getBoundingClientRect().height));
      setRows((r) => (r === next ? r : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    if (list.current) ro.observe(list.current);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [list, layout]);
  return rows;
}
