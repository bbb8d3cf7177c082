import type { Count } from '../../contract/atlas.ts';
import type { OverlapMatrix, OverlapView } from '../../contract/overlap.ts';

/** One number to shade and rank by: a public range at its middle (derived from what is published). */
export function countValue(n: Count | undefined): number {
  if (n === undefined || n === null) return 0;
  if (typeof n === 'number') return n;
  return (n.lo + n.hi) / 2;
}

/** How a count reads: "7", "1–10" (a range), or null for withheld (the caller says "fewer than k"). */
export function countText(n: Count | undefined): string | null {
  if (n === undefined) return '0';
  if (n === null) return null;
  if (typeof n === 'number') return String(n);
  return `${n.lo}–${n.hi}`;
}

/** Rows that have cards (a heatmap of empty rows says nothing the table does not). */
export function rowsWithCards(m: OverlapMatrix): OverlapMatrix['rows'] {
  return m.rows.filter((r) => countValue(r.total) > 0 || r.total === null);
}

/**
 * The one-sentence reading of a matrix: the factor found in the most columns (ties: more cards),
 * with how many and of how many. Undefined when no card is counted.
 */
export function matrixReading(
  m: OverlapMatrix,
): { factor: string; n: number; of: number } | undefined {
  const top = [...m.rows]
    .filter((r) => r.spread > 0)
    .sort((a, b) => b.spread - a.spread || countValue(b.total) - countValue(a.total))[0];
  return top && { factor: top.label, n: top.spread, of: m.columns.length };
}

/** The network's reading: how many factors two or more forms share, and the widest-shared one. */
export function networkReading(
  v: OverlapView,
): { shared: number; factor: string; n: number; of: number } | undefined {
  const top = [...v.network.factors].sort((a, b) => b.forms.length - a.forms.length)[0];
  return (
    top && {
      shared: v.network.factors.length,
      factor: top.label,
      n: top.forms.length,
      of: v.network.forms.length,
    }
  );
}
