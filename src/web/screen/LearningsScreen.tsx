import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learning } from '../../contract/learnings.ts';
import { byTheme, wall } from '../../core/learnings.ts';
import { JoinQr } from '../shell/qr.tsx';
import { LiveGate, liveClosed, useLiveScreen } from '../live/LiveScreen.tsx';
import { useTitle } from '../shell/useTitle.ts';
import './screen.css';
import '../shell/fonts.css';

/** How many posts each column shows: what reads from the back of the room at 1280×720. */
const PER_COLUMN = 5;

/**
 * /screen/:id/learnings — the learnings wall on the projector, live: the most voted posts, the
 * newest, and the themes facilitators grouped them into. Hidden and merged posts never show
 * (LEARN-4), whoever is signed in on the projector.
 */
export function LearningsScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { view } = useLiveScreen(id, 'projector');
  const snap = view.snapshot;
  const posts = snap?.learnings;
  const themes = snap?.learningThemes;
  const columns = useMemo(() => {
    const all = posts ?? [];
    return {
      top: wall(all, 'votes').slice(0, PER_COLUMN),
      newest: wall(all, 'newest').slice(0, PER_COLUMN),
      themes: byTheme(all, themes ?? [])
        .filter((g) => g.theme)
        .slice(0, 4),
      count: wall(all, 'votes').length,
    };
  }, [posts, themes]);
  useTitle(snap ? t('screen.learnTitle', { event: snap.event.name }) : t('screen.titleShort'));

  if (!snap || liveClosed(view))
    return (
      <LiveGate
        view={view}
        className="scr scr-center"
        next={`/screen/${id}/learnings`}
        connecting={t('screen.connecting')}
      />
    );

  return (
    <main className="scr script-fonts" aria-labelledby="lw-title">
      <header className="scr-top">
        <div>
          <p className="scr-event">{snap.event.name}</p>
          <h1 id="lw-title" className="scr-session">
            {t('screen.learnHeading')}
          </h1>
          <p className="scr-round" data-testid="learn-count">
            {t('screen.learnCount', { count: columns.count })}
          </p>
        </div>
        <aside className="scr-join scr-join-compact" aria-label={t('screen.joinTitle')}>
          <JoinQr code={snap.event.joinCode} size={132} label={t('screen.qrAlt')} />
          <div>
            <p className="scr-join-label">{t('screen.joinWith')}</p>
            <p className="scr-join-code">{snap.event.joinCode}</p>
          </div>
        </aside>
      </header>
      {snap.state.message?.text && <p className="scr-message">{snap.state.message.text}</p>}
      <div className="lw-cols">
        <Column title={t('screen.learnTop')} posts={columns.top} testId="lw-top" />
        <Column title={t('screen.learnNewest')} posts={columns.newest} testId="lw-newest" />
        <section className="lw-col" aria-labelledby="lw-themes" data-testid="lw-themes">
          <h2 id="lw-themes">{t('screen.learnThemes')}</h2>
          {columns.themes.length === 0 ? (
            <p className="lw-empty">{t('screen.learnNoThemes')}</p>
          ) : (
            columns.themes.map((g) => (
              <div key={g.theme!.id} className="lw-theme">
                <h3>
                  {g.theme!.label} <span className="lw-votes">▲ {g.votes}</span>
                </h3>
                <ol>
                  {g.posts.slice(0, 2).map((p) => (
                    <li key={p.id}>{p.text}</li>
                  ))}
                </ol>
              </div>
            ))
          )}
        </section>
      </div>
    </main>
  );
}

function Column({ title, posts, testId }: { title: string; posts: Learning[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <section className="lw-col" data-testid={testId}>
      <h2>{title}</h2>
      {posts.length === 0 ? (
        <p className="lw-empty">{t('screen.learnEmpty')}</p>
      ) : (
        <ol>
          {posts.map((p) => (
            <li key={p.id} className="lw-post" data-testid="lw-post">
              <p className="lw-text">{p.text}</p>
              <p className="lw-meta">
                <span className="lw-votes" data-testid="lw-votes">
                  ▲ {p.votes}
                </span>{' '}
                {p.pinned ? `📌 ${t('screen.learnPinned')} · ` : ''}
                {p.organisation ?? t('screen.learnAnonymous')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
