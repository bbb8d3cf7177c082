import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Participant } from '../../contract/events.ts';
import type { LiveClient, LiveView } from '../live/client.ts';
import { remaining } from '../../core/clock.ts';
import { currentSession, placementOf, type Placement } from '../../core/placement.ts';
import { formatClock } from '../live/derive.ts';
import { useLiveClient, useLiveView, useServerNow } from '../live/useLive.ts';
import { Announcer } from '../live/Announcer.tsx';
import { livePersistence, loadMe, type Membership } from './me.ts';
import { PhoneSheet } from '../sheets/PhoneSheet.tsx';
import { hasHan, useHanFont } from '../sheets/cjk.ts';
import { MappingPanel } from './MappingPanel.tsx';
import { PhonePattern } from './PhonePattern.tsx';
import { LearningsPanel } from './LearningsPanel.tsx';

/** /live/:eventId — where to go now, how long is left, what comes next. Works from the last
 * schedule kept on the phone when the network is gone. */
export function LivePage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [me, setMe] = useState<Membership | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadMe(eventId).then((m) => live && setMe(m ?? null));
    return () => {
      live = false;
    };
  }, [eventId]);
  const persist = useMemo(() => livePersistence(eventId), [eventId]);
  const client = useLiveClient(me ? { eventId, participantToken: me.token, persist } : null);
  const view = useLiveView(client);
  const now = useServerNow(client, 250);

  const snap = view.snapshot;
  // The names a phone shows (tablemates, partners, its own) may be Chinese: load that face then.
  useHanFont(
    hasHan([
      snap?.event.name,
      snap?.state.message?.text,
      ...(snap?.participants ?? []).flatMap((p) => [p.name, p.organisation]),
    ]),
  );
  const eventName = snap?.event.name;
  useEffect(() => {
    document.title = `${eventName ?? t('join.liveTitle')} · Mosaic`;
  }, [eventName, t]);

  if (me === undefined) return <p role="status">{t('join.loading')}</p>;
  if (me === null)
    return (
      <section className="ph-stack">
        <h1>{t('join.notJoinedTitle')}</h1>
        <p>{t('join.notJoinedBody')}</p>
        <Link href="/join" className="ph-btn">
          {t('join.title')}
        </Link>
      </section>
    );
  return <LiveBody view={view} now={now} me={me} client={client} />;
}

function LinkBadge({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const text =
    view.link === 'online'
      ? t('join.linkOnline')
      : view.link === 'connecting'
        ? t('join.linkConnecting')
        : t('join.linkOffline');
  return (
    <p className={`ph-link ph-link-${view.link}`} role="status" data-testid="link-status">
      {text}
    </p>
  );
}

function describe(
  // not ReturnType<typeof useTranslation>['t']: that type is too deep for tsc past ~700 keys
  t: TFunction<'translation', undefined>,
  pl: Placement,
  sectorOf: (p: Participant) => string,
): string {
  if (pl.kind === 'networking') {
    const names = pl.others.map((o) =>
      t('join.person', { name: o.name, organisation: o.organisation, sector: sectorOf(o) }),
    );
    return t('join.meet', { people: names.join(t('join.and')), spot: pl.group.spot });
  }
  if (!pl.tableName)
    return pl.topic
      ? t('join.groupOnly', { topic: pl.topic })
      : t('join.tableOnly', { table: String(pl.group.spot) });
  return pl.topic
    ? t('join.tableTopic', { table: pl.tableName, topic: pl.topic })
    : t('join.tableOnly', { table: pl.tableName });
}

/** Where to go, as short as a sign: "Table 4 · Spot 62", "Spot 12". */
function placeOf(t: TFunction<'translation', undefined>, pl: Placement): string {
  const spot =
    pl.kind === 'networking' || !pl.tableName ? t('join.spot', { n: pl.group.spot }) : null;
  return [pl.tableName, spot].filter(Boolean).join(' · ');
}

function LiveBody({
  view,
  now,
  me,
  client,
}: {
  view: LiveView;
  now: number;
  me: Membership;
  client: LiveClient | null;
}) {
  const { t } = useTranslation();
  const snap = view.snapshot;
  const sectorOf = (p: Participant) => t(`join.sector.${p.sector}`);

  if (view.link === 'reload')
    return (
      <section className="ph-stack" role="alert">
        <h1>{t('join.reloadTitle')}</h1>
        <p>{t('join.reloadBody')}</p>
        <button type="button" className="ph-btn" onClick={() => location.reload()}>
          {t('join.reloadButton')}
        </button>
      </section>
    );
  if (view.link === 'denied')
    return (
      <section className="ph-stack" role="alert">
        <h1>{t('join.deniedTitle')}</h1>
        <p>{t('join.deniedBody')}</p>
        <Link href="/join" className="ph-btn">
          {t('join.title')}
        </Link>
      </section>
    );
  if (!snap)
    return (
      <section className="ph-stack">
        <LinkBadge view={view} />
        <p role="status">{t('join.loading')}</p>
      </section>
    );

  const state = snap.state;
  const session = currentSession(snap);
  const self = snap.participants.find((p) => p.id === me.participantId);
  const total = session?.rounds ?? 0;
  const left = remaining(state, now);
  const here = session
    ? placementOf(snap.event, snap.participants, session, state.round, me.participantId)
    : null;
  const next =
    session && state.round + 1 < total
      ? placementOf(snap.event, snap.participants, session, state.round + 1, me.participantId)
      : null;
  const nowText = here ? describe(t, here, sectorOf) : null;
  const live = state.status === 'running' || state.status === 'paused';

  return (
    <section className="ph-stack" aria-labelledby="live-title">
      <div className="ph-topline">
        <p className="ph-event" id="live-title">
          {snap.event.name}
        </p>
        <LinkBadge view={view} />
      </div>
      {view.link !== 'online' && <p className="ph-offline-note">{t('join.offlineNote')}</p>}
      {state.message?.text && (
        <div className="ph-message" role="status" aria-live="polite">
          <p className="ph-label">{t('join.messageLabel')}</p>
          <p data-testid="message">{state.message.text}</p>
        </div>
      )}
      {live && session ? (
        <div className="ph-now" data-testid="now">
          <p className="ph-label" data-testid="phone-round">
            {session.title} · {t('join.roundOf', { n: state.round + 1, total })}
          </p>
          {here && (
            <p className="ph-place" data-testid="place">
              {placeOf(t, here)}
            </p>
          )}
          <h1 className="ph-now-text" data-testid="now-text">
            {nowText ??
              (session.kind === 'mapping'
                ? t('join.route.now')
                : session.kind === 'learnings'
                  ? t('join.learn.now')
                  : t('join.notPlaced'))}
          </h1>
          {here && here.kind !== 'networking' && here.others.length > 0 && (
            <p className="ph-muted">{t('join.withPeople', { count: here.others.length })}</p>
          )}
          <p
            className="ph-countdown"
            role="timer"
            aria-label={t('join.timeLeft')}
            data-testid="countdown"
          >
            {left === null ? '—' : formatClock(left)}
          </p>
          {state.status === 'paused' && <p className="ph-paused">{t('join.paused')}</p>}
          <Announcer
            round={state.round}
            total={total}
            where={nowText}
            leftMs={left}
            running={state.status === 'running'}
          />
        </div>
      ) : (
        <div className="ph-now">
          <h1 className="ph-now-text" data-testid="now-text">
            {state.status === 'finished' ? t('join.finished') : t('join.waiting')}
          </h1>
        </div>
      )}
      {live && client && here?.kind === 'cafe' && here.group.issueKey && (
        <PhoneSheet
          key={here.group.issueKey}
          client={client}
          view={view}
          snap={snap}
          issueKey={here.group.issueKey}
          topic={here.topic ?? here.group.issueKey}
          participantId={me.participantId}
        />
      )}
      {client && session?.kind === 'mapping' && state.status !== 'idle' && (
        <MappingPanel client={client} eventId={snap.event.id} />
      )}
      {live && client && here?.kind === 'cafe' && here.group.issueKey && (
        <PhonePattern
          key={`p-${here.group.issueKey}`}
          client={client}
          issueKey={here.group.issueKey}
        />
      )}
      {client && session?.kind === 'learnings' && state.status !== 'idle' && (
        <LearningsPanel
          client={client}
          view={view}
          sessionId={session.id}
          organisation={self?.organisation ?? null}
          now={now}
        />
      )}
      {live && (
        <div className="ph-next">
          <h2 className="ph-label">{t('join.nextLabel')}</h2>
          <p data-testid="next-text">{next ? describe(t, next, sectorOf) : t('join.nextNone')}</p>
        </div>
      )}
      <footer className="ph-foot">
        {self && <p>{t('join.signedInAs', { name: self.name })}</p>}
        <p>
          {t('join.personalCodeIs')}: <strong className="ph-mono">{me.personalCode}</strong>
        </p>
      </footer>
    </section>
  );
}
