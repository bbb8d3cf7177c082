/**
 * The least number of repeated meetings any schedule of a given shape can have: a lower bound,
 * so "149 repeats" can be read beside "no plan of this size has fewer than 100". The derivation
 * is in docs/scheduling.md ("How few repeats are possible"); the test compares it with an
 * exhaustive search on small sizes. Two arguments, the larger one wins:
 *
 * - counting: the new rounds seat P = Σ_rounds Σ_tables C(s,2) pairs, but only the pairs that
 *   have not met yet can meet for the first time, so at least P − (those pairs) are repeats;
 * - pigeonhole between rounds: a table of s people in round r' draws them from the k tables of an
 *   earlier round r, so at least Σ C(x_j, 2) of its pairs sat together in round r, where the x_j
 *   are as even as the earlier tables allow. A meeting in round r' is a repeat when the pair met
 *   in ANY earlier round, so round r' contributes at least the largest of these over r < r'.
 *
 * Adding constraints (keep-apart, hosts) can only raise the true optimum, so the bound stays valid
 * for every plan.
 */
import type { Schedule } from './types.ts';

export interface BoundInput {
  /** People numbered 0..people-1 (history may mention people who are absent now). */
  people: number;
  /** Table sizes of every new round. */
  tableSizes: readonly number[];
  rounds: number;
  /** Rounds already held: their meetings count, as in the quality report. */
  history?: Schedule;
  /** Who sits in the new rounds (default: everyone); must number Σ tableSizes. */
  present?: readonly number[];
}

/** Least Σ C(x_j, 2) over x_j ≤ caps[j] with Σ x_j = s (water-filling: raise the lowest first). */
export function leastPairs(s: number, caps: readonly number[]): number {
  let remaining = s;
  let cost = 0;
  for (let level = 0; remaining > 0; level++) {
    // Parts that can take one more person at this level; each added one meets `level` others.
    let open = 0;
    for (const c of caps) if (c > level) open++;
    if (open === 0) return Infinity;
    const take = Math.min(open, remaining);
    cost += take * level;
    remaining -= take;
  }
  return cost;
}

/** Extra meetings beyond the first among the held rounds alone. */
function heldRepeats(n: number, history: Schedule): { repeats: number; met: Uint8Array } {
  const count = new Int32Array(n * n);
  const met = new Uint8Array(n * n);
  let repeats = 0;
  for (const round of history)
    for (const g of round)
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) {
          const a = g[i] as number;
          const b = g[j] as number;
          const k = a < b ? a * n + b : b * n + a;
          if ((count[k] as number) > 0) repeats++;
          count[k] = (count[k] as number) + 1;
          met[k] = 1;
        }
  return { repeats, met };
}

export function repeatLowerBound(input: BoundInput): number {
  const n = input.people;
  const sizes = input.tableSizes;
  const history = input.history ?? [];
  const present = input.present ?? Array.from({ length: n }, (_, i) => i);
  const { repeats: held, met } = heldRepeats(n, history);
  if (input.rounds <= 0) return held;

  // Counting: pairs of present people who have not met yet are the only possible first meetings.
  let unmet = 0;
  for (let i = 0; i < present.length; i++)
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i] as number;
      const b = present[j] as number;
      if (!met[a < b ? a * n + b : b * n + a]) unmet++;
    }
  const pairsPerRound = sizes.reduce((sum, s) => sum + (s * (s - 1)) / 2, 0);
  const counting = input.rounds * pairsPerRound - unmet;

  // Pigeonhole: how each earlier round splits the present people. A present person who was not
  // seated in a held round (a walk-in) is a part of one.
  const isPresent = new Uint8Array(n);
  for (const p of present) isPresent[p] = 1;
  const heldParts = history.map((round) => {
    const parts: number[] = [];
    const seated = new Uint8Array(n);
    for (const g of round) {
      let here = 0;
      for (const p of g)
        if (isPresent[p] && !seated[p]) {
          seated[p] = 1;
          here++;
        }
      if (here > 0) parts.push(here);
    }
    for (const p of present) if (!seated[p]) parts.push(1);
    return parts;
  });
  const fromHeld = heldParts.reduce(
    (best, parts) =>
      Math.max(
        best,
        sizes.reduce((sum, s) => sum + leastPairs(s, parts), 0),
      ),
    0,
  );
  // Between two new rounds the earlier one's parts are its tables.
  const fromNew = sizes.reduce((sum, s) => sum + leastPairs(s, sizes), 0);
  let pigeonhole = 0;
  for (let r = 0; r < input.rounds; r++) {
    const earlier = Math.max(history.length > 0 ? fromHeld : 0, r > 0 ? fromNew : 0);
    pigeonhole += earlier;
  }
  return held + Math.max(0, counting, pigeonhole);
}
