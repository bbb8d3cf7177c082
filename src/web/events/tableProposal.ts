/**
 * "Add tables" as a proposal that seats everyone present: the fewest tables of at most `size`
 * people, as even as possible (150 at 10 → 15 tables of 10; 150 at 8 → 19 tables, 17 of 8 and
 * 2 of 7), never "add 5 tables" of a fixed size.
 */
export interface TableProposal {
  count: number;
  /** Seats per table, larger first; every table's capacity is the largest. */
  sizes: number[];
}

export const MIN_TABLE = 2;
export const MAX_TABLE = 50;

export function proposeTables(present: number, size: number): TableProposal | null {
  if (!Number.isInteger(size) || size < MIN_TABLE || size > MAX_TABLE || present < MIN_TABLE)
    return null;
  const count = Math.ceil(present / size);
  const base = Math.floor(present / count);
  const extra = present % count;
  return { count, sizes: Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0)) };
}

/** The table size a room already uses most, or 10. */
export function usualSize(capacities: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const c of capacities) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = 10;
  let seen = 0;
  for (const [c, n] of counts) if (n > seen || (n === seen && c > best)) [best, seen] = [c, n];
  return best;
}

/** "15 × 10" or "17 × 8 + 2 × 7": the sizes grouped, largest first. */
export function sizesSummary(sizes: readonly number[]): [size: number, tables: number][] {
  const out: [number, number][] = [];
  for (const s of sizes) {
    const last = out.at(-1);
    if (last && last[0] === s) last[1]++;
    else out.push([s, 1]);
  }
  return out;
}
