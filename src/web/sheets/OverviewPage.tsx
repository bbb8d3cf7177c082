import { useTranslation } from 'react-i18next';
import type { Card } from '../../contract/cards.ts';
import type { Snapshot } from '../../contract/live.ts';
import { LiveGate, liveClosed, useLiveScreen } from '../live/LiveScreen.tsx';
import { useServerNow } from '../live/useLive.ts';
import { useTitle } from '../shell/useTitle.ts';
import { kindLabel, layerText } from './labels.ts';
import { latestRound, newest } from './view.ts';
import { CARD_KINDS as KINDS } from '../../core/cards.ts';
import { sheetView } from '../../core/sheet.ts';
import { handoverOf } from '../../core/snapshot.ts';
import '../shell/fonts.css';
import './wall.css';
import './overview.css';

/** Seconds each sheet stays up in rotation (`?rotate`). Sheets follow the server clock, so two
 * walls in one hall show the same one. */
const ROTATE_SECONDS = 20;

/**
 * /screen/:eventId/sheets — every café sheet at once on the wall, live: a tile per issue with its
 * counts, its newest cards (the last round's marked) and the hand-over note. `?rotate` shows one
 * sheet at a time instead, larger, turning every 20 seconds (`?rotate=30` for 30). No authors.
 */
export function OverviewPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { client, view } = useLiveScreen(eventId, 'sheet-wall');
  const now = useServerNow(client, 1000);
  const snap = view.snapshot;
  useTitle(t('sheets.overview.title', { event: snap?.event.name ?? '' }));
  const rotate = rotateSeconds(location.search);

  if (!snap || liveClosed(view))
    return (
      <LiveGate
        view={view}
        className="wall wall-center sheet-fonts"
        next={location.pathname + location.search}
        connecting={t('sheets.wall.connecting')}
      />
    );

  const issues = snap.event.issues;
  const all = sheetView(snap.cards ?? [], [], null);
  const shown =
    rotate && issues.length > 0
      ? [issues[Math.floor(now / (rotate * 1000)) % issues.length]!]
      : issues;
  const total = all.length;

  return (
    <main
      className={`wall sov sheet-fonts${rotate ? ' sov-one' : ''}`}
      aria-labelledby="sov-title"
      data-testid="sheets-overview"
    >
      <header className="wall-top sov-top">
        <div>
          <p className="wall-event">{snap.event.name}</p>
          <h1 id="sov-title" className="sov-title">
            {t('sheets.overview.heading')}
          </h1>
        </div>
        <div className="wall-side">
          <p className="wall-count" data-testid="sov-count">
            {t('sheets.wall.cardCount', { count: total })}
          </p>
          <p className="wall-hint">{t('sheets.wall.addFromPhone')}</p>
          {view.link !== 'online' && (
            <p className="wall-offline" role="status">
              {t('sheets.wall.offline')}
            </p>
          )}
        </div>
      </header>
      {issues.length === 0 && <p className="wall-empty">{t('sheets.overview.noIssues')}</p>}
      <div className="sov-grid" style={{ ['--sov-cols' as string]: columnsFor(shown.length) }}>
        {shown.map((issue) => (
          <Tile
            key={issue.key}
            snap={snap}
            label={issue.label}
            cards={all.filter((c) => c.issueKey === issue.key)}
            note={handoverOf(snap.handovers, issue.key)}
            max={rotate ? 12 : 4}
          />
        ))}
      </div>
    </main>
  );
}

/** `?rotate` → 20 s, `?rotate=30` → 30 s (at least 5), no parameter → the grid. */
export function rotateSeconds(search: string): number | null {
  const p = new URLSearchParams(search);
  if (!p.has('rotate')) return null;
  const n = Number(p.get('rotate'));
  return Number.isFinite(n) && n >= 5 ? Math.round(n) : ROTATE_SECONDS;
}

/** Tiles per row: a 16:9 wall holds 9 issues as 3×3, 10–12 as 4×3. */
export function columnsFor(n: number): number {
  if (n <= 1) return 1;
  if (n <= 4) return 2;
  if (n <= 9) return 3;
  return 4;
}

function Tile({
  snap,
  label,
  cards,
  note,
  max,
}: {
  snap: Snapshot;
  label: string;
  cards: Card[];
  note: ReturnType<typeof handoverOf>;
  max: number;
}) {
  const { t } = useTranslation();
  const last = latestRound(cards);
  const tables = snap.event.tables;
  return (
    <section className="sov-tile" aria-label={label} data-testid="sov-tile">
      <h2 className="sov-issue">{label}</h2>
      <p className="sov-counts">
        {KINDS.map((k) => (
          <span key={k} className={`sov-count sov-${k}`}>
            {kindLabel(t, k)} <strong>{cards.filter((c) => c.kind === k).length}</strong>
          </span>
        ))}
      </p>
      {note?.text && (
        <p className="sov-note">
          <strong>{t('sheets.handoverLabel')}</strong> {layerText(t, tables, note)}: {note.text}
        </p>
      )}
      {cards.length === 0 ? (
        <p className="sov-empty">{t('sheets.wall.empty')}</p>
      ) : (
        <ul className="sov-cards">
          {newest(cards, max).map((c) => (
            <li
              key={c.id}
              className={`sov-card sov-card-${c.kind}${last !== null && c.round === last ? ' sov-card-new' : ''}`}
              data-testid="sov-card"
            >
              {c.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
