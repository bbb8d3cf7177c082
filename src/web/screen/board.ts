/**
 * The projector's "Find your name" board: everyone placed this round, grouped under index
 * letters, cut into as few screens as a readable type size allows. Pure: the page measures the
 * room it has, these functions decide.
 */
import { indexGroups, keyRange } from '../live/names.ts';

export interface BoardEntry {
  id: string;
  name: string;
  /** The organisation, when someone else has the same name. */
  qualifier: string | null;
  /** Where to go: "Table 4", "Spot 12". */
  where: string;
  /** The index letter the name is filed under. */
  key: string;
}

/** Entries in name order, grouped by index letter (one run per letter). */
export function boardEntries(
  lines: readonly Omit<BoardEntry, 'key'>[],
  locale: string,
): BoardEntry[] {
  return indexGroups(lines, (l) => l.name, locale).flatMap((g) =>
    g.items.map((l) => ({ ...l, key: g.key })),
  );
}

/** How an entry's size relates to the type size (measured on the page, in em). */
export interface BoardMetrics {
  /** Height of one row. */
  rowEm: number;
  /** The narrowest a column may be (the name, its organisation and where to go), gap included. */
  columnEm: number;
}

export interface BoardFit {
  /** Type size of the names, in px. */
  fontPx: number;
  rows: number;
  columns: number;
  pages: number;
}

/**
 * The largest type size, from `maxPx` down to `minPx`, at which `count` names fit on at most
 * `maxPages` screens of `width` × `height` px; at `minPx`, as many screens as it takes. A room
 * of 150 fits three 16:9 screens at any projector resolution, since every size scales with it.
 */
export function fitBoard(
  count: number,
  box: { width: number; height: number },
  m: BoardMetrics,
  opts: { minPx: number; maxPx: number; maxPages: number },
): BoardFit {
  const at = (fontPx: number): BoardFit => {
    const rows = Math.max(1, Math.floor(box.height / (m.rowEm * fontPx)));
    const columns = Math.max(1, Math.floor(box.width / (m.columnEm * fontPx)));
    return { fontPx, rows, columns, pages: Math.max(1, Math.ceil(count / (rows * columns))) };
  };
  for (let px = Math.floor(opts.maxPx); px > opts.minPx; px -= 1) {
    const fit = at(px);
    if (fit.pages <= opts.maxPages) return fit;
  }
  return at(opts.minPx);
}

export interface BoardPage {
  entries: BoardEntry[];
  /** "A–F · ก–ส": the letters this screen holds. */
  range: string;
}

/** Cuts the entries into screens of `perPage`, each named by its range of letters. */
export function paginate(entries: readonly BoardEntry[], perPage: number): BoardPage[] {
  const size = Math.max(1, perPage);
  const pages: BoardPage[] = [];
  for (let i = 0; i < entries.length || pages.length === 0; i += size) {
    const slice = entries.slice(i, i + size);
    const keys: string[] = [];
    for (const e of slice) if (keys[keys.length - 1] !== e.key) keys.push(e.key);
    pages.push({ entries: slice, range: keyRange(keys) });
  }
  return pages;
}

/**
 * Which letter an entry shows in its margin: its group's letter when it starts the group
 * ("start"), or at the top of a column that a group runs on into ("continued"); none otherwise.
 */
export function marginLetter(
  entries: readonly BoardEntry[],
  index: number,
  rows: number,
): 'start' | 'continued' | null {
  const e = entries[index];
  if (!e) return null;
  const prev = entries[index - 1];
  if (!prev || prev.key !== e.key) return 'start';
  return index % Math.max(1, rows) === 0 ? 'continued' : null;
}
