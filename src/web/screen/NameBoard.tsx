import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  boardEntries,
  fitBoard,
  marginLetter,
  paginate,
  type BoardEntry,
  type BoardFit,
} from './board.ts';

/** Seconds each screen of the board stays up. Screens follow the server clock, so two projectors
 * in one hall show the same screen. */
const PAGE_SECONDS = 12;
/** The names' type size: the largest that fits in at most three screens, within these bounds
 * (as a share of the projector's width, so every resolution shows the same board). */
const MAX_VW = 2.2;
const MIN_VW = 1.05;
const MAX_PAGES = 3;
/** The narrowest column, in em of the names' size: a name, its organisation and "Table 10". */
const COLUMN_EM = 18;

/**
 * "Find your name": everyone placed this round in name order, filed under index letters, in as
 * few screens as a readable size allows (a room of 150 in three at most). A presenter's clicker
 * (→, PageDown, space; ←, PageUp) steps through the screens; otherwise they turn by the clock.
 */
export function NameBoard({
  lines,
  now,
  layoutKey,
}: {
  lines: readonly Omit<BoardEntry, 'key'>[];
  now: number;
  /** Changes when something above the board changes height (a message, the round). */
  layoutKey: string;
}) {
  const { t, i18n } = useTranslation();
  const entries = useMemo(() => boardEntries(lines, i18n.language), [lines, i18n.language]);
  const listRef = useRef<HTMLOListElement>(null);
  const fit = useBoardFit(listRef, entries.length, layoutKey);
  const pages = useMemo(
    () => paginate(entries, fit.rows * fit.columns),
    [entries, fit.rows, fit.columns],
  );
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' '].includes(e.key)) setOffset((o) => o + 1);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) setOffset((o) => o - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const n = pages.length;
  const pageNo = (((Math.floor(now / (PAGE_SECONDS * 1000)) + offset) % n) + n) % n;
  const page = pages[pageNo]!;

  return (
    <section
      className="scr-board"
      aria-labelledby="scr-find"
      data-testid="name-board"
      data-pages={n}
      data-page={pageNo + 1}
    >
      <div className="scr-board-head">
        <h2 id="scr-find" className="scr-find">
          {t('screen.findYourName')}
        </h2>
        {n > 1 && (
          <ol className="scr-index" aria-label={t('screen.screensLabel')}>
            {pages.map((p, i) => (
              <li
                key={i}
                className={i === pageNo ? 'scr-index-now' : undefined}
                aria-current={i === pageNo ? 'step' : undefined}
                data-testid="board-range"
              >
                <span className="visually-hidden">
                  {t('screen.screenOf', { n: i + 1, total: n })}:{' '}
                </span>
                {p.range}
              </li>
            ))}
          </ol>
        )}
      </div>
      <ol
        ref={listRef}
        className="scr-names"
        style={{
          fontSize: `${fit.fontPx}px`,
          gridTemplateRows: `repeat(${Math.max(1, Math.min(fit.rows, Math.ceil(page.entries.length / fit.columns)))}, auto)`,
          gridTemplateColumns: `repeat(${fit.columns}, minmax(0, 1fr))`,
        }}
      >
        {page.entries.map((e, i) => {
          const letter = marginLetter(page.entries, i, fit.rows);
          return (
            <li key={e.id} data-testid="board-name" data-id={e.id} data-key={e.key}>
              <span
                className={`scr-letter${letter === 'continued' ? ' scr-letter-cont' : ''}`}
                aria-hidden={letter !== 'start'}
              >
                {letter ? e.key : ''}
              </span>
              <span className="scr-who">
                <span className="scr-name">{e.name}</span>
                {e.qualifier && <span className="scr-org"> ({e.qualifier})</span>}
              </span>
              <span className="scr-where">{e.where}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const DEFAULT_FIT: BoardFit = { fontPx: 24, rows: 12, columns: 3, pages: 1 };

/**
 * Measures the room the list has (to the bottom of the window) and one row's height, and picks
 * the type size, rows and columns; again on resize and whenever the layout above changes.
 */
function useBoardFit(
  list: RefObject<HTMLOListElement | null>,
  count: number,
  layoutKey: string,
): BoardFit {
  const [fit, setFit] = useState<BoardFit>(DEFAULT_FIT);
  useLayoutEffect(() => {
    const measure = () => {
      const ol = list.current;
      const li = ol?.querySelector('li');
      if (!ol || !li) return;
      const fontPx = parseFloat(getComputedStyle(ol).fontSize) || DEFAULT_FIT.fontPx;
      const box = ol.getBoundingClientRect();
      const height = window.innerHeight - box.top - 12;
      const rowEm = li.getBoundingClientRect().height / fontPx;
      const vw = window.innerWidth / 100;
      const next = fitBoard(
        count,
        { width: box.width, height },
        { rowEm, columnEm: COLUMN_EM },
        { minPx: MIN_VW * vw, maxPx: MAX_VW * vw, maxPages: MAX_PAGES },
      );
      setFit((f) =>
        f.fontPx === next.fontPx && f.rows === next.rows && f.columns === next.columns ? f : next,
      );
    };
    measure();
    const ro = new ResizeObserver(measure);
    if (list.current) ro.observe(list.current);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [list, count, layoutKey]);
  return fit;
}
