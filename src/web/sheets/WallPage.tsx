import { useTranslation } from 'react-i18next';
import type { Card } from '../../contract/cards.ts';
import { LiveGate, liveClosed, useLiveScreen } from '../live/LiveScreen.tsx';
import { useTitle } from '../shell/useTitle.ts';
import { kindLabel, layerText, levelLabel } from './labels.ts';
import { tagWords } from './tags.ts';
import { latestRound } from './view.ts';
import { CARD_KINDS as KINDS, CARD_LEVELS as LEVELS } from '../../core/cards.ts';
import { sheetView } from '../../core/sheet.ts';
import { handoverOf } from '../../core/snapshot.ts';
import '../shell/fonts.css';
import './wall.css';

/** How long a just-added card stays highlighted on the wall. */
const FRESH_MS = 90_000;

/**
 * /screen/:eventId/sheet/:issueKey — one café sheet on the projector: live, causes on the left and
 * consequences on the right, each by level; every card says which round and table added it, and
 * the newest layer stands out. No authors, ever (PRIV-1): the wall may run on a facilitator's
 * laptop, which receives them, so they are simply never rendered here.
 */
export function WallPage({ eventId, issueKey }: { eventId: string; issueKey: string }) {
  const { t } = useTranslation();
  const { view } = useLiveScreen(eventId, 'sheet-wall');
  const snap = view.snapshot;
  const issue = snap?.event.issues.find((i) => i.key === issueKey);
  useTitle(t('sheets.wall.title', { issue: issue?.label ?? issueKey }));

  if (!snap || liveClosed(view))
    return (
      <LiveGate
        view={view}
        className="wall wall-center sheet-fonts"
        next={location.pathname}
        connecting={t('sheets.wall.connecting')}
      />
    );
  if (!issue)
    return (
      <main className="wall wall-center sheet-fonts">
        <h1>{t('sheets.wall.unknownIssue', { key: issueKey })}</h1>
      </main>
    );
  const cards = sheetView(snap.cards ?? [], [], issueKey);
  const lastRound = latestRound(cards);
  const newestAt = cards.reduce((m, c) => Math.max(m, c.createdAt), 0);
  const note = handoverOf(snap.handovers, issueKey);
  const tables = snap.event.tables;
  // the newest layer: the last round's cards, or (outside café rounds) the last few minutes'
  const isNew = (c: Card) =>
    lastRound !== null ? c.round === lastRound : newestAt - c.createdAt < FRESH_MS;

  return (
    <main
      className={`wall sheet-fonts${cards.length > 24 ? ' wall-dense' : ''}`}
      aria-labelledby="wall-title"
    >
      <header className="wall-top">
        <div>
          <p className="wall-event">{snap.event.name}</p>
          <h1 id="wall-title" className="wall-title">
            {issue.label}
          </h1>
        </div>
        <div className="wall-side">
          <p className="wall-count" data-testid="wall-count">
            {t('sheets.wall.cardCount', { count: cards.length })}
          </p>
          <p className="wall-hint">{t('sheets.wall.addFromPhone')}</p>
          {view.link !== 'online' && (
            <p className="wall-offline" role="status">
              {t('sheets.wall.offline')}
            </p>
          )}
        </div>
      </header>
      {note && note.text && (
        <p className="wall-note" data-testid="wall-handover">
          <strong>{t('sheets.handoverLabel')}</strong> {layerText(t, tables, note)}: {note.text}
        </p>
      )}
      {cards.length === 0 && <p className="wall-empty">{t('sheets.wall.empty')}</p>}
      <div className="wall-kinds">
        {KINDS.map((kind) => (
          <section key={kind} className={`wall-kind wall-${kind}`} aria-labelledby={`wk-${kind}`}>
            <h2 id={`wk-${kind}`} className="wall-kind-title">
              {t(`sheets.kindsPlural.${kind}`)}
            </h2>
            {LEVELS.map((level) => {
              const here = cards.filter((c) => c.kind === kind && c.level === level);
              return (
                <section
                  key={level}
                  className="wall-level"
                  aria-label={`${kindLabel(t, kind)} · ${levelLabel(t, level)}`}
                >
                  <h3 className="wall-level-title">
                    {levelLabel(t, level)} <span className="wall-n">{here.length}</span>
                  </h3>
                  <ul className="wall-cards">
                    {here.map((c) => (
                      <li
                        key={c.id}
                        className={`wall-card${isNew(c) ? ' wall-card-new' : ''}`}
                        data-testid="wall-card"
                        data-card-id={c.id}
                      >
                        <p className="wall-text">{c.text}</p>
                        {tagWords(t, c.tags).length > 0 && (
                          <ul
                            className="wall-tags"
                            aria-label={t('sheets.tags.label')}
                            data-testid="wall-tags"
                          >
                            {tagWords(t, c.tags).map((w) => (
                              <li key={w}>{w}</li>
                            ))}
                          </ul>
                        )}
                        <p className="wall-layer">
                          {isNew(c) && <span className="wall-new">{t('sheets.wall.new')}</span>}
                          {c.round !== null &&
                            (c.tableId
                              ? t('sheets.addedBy', {
                                  round: c.round + 1,
                                  table: tables.find((x) => x.id === c.tableId)?.name ?? c.tableId,
                                })
                              : layerText(t, tables, c))}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        ))}
      </div>
    </main>
  );
}
