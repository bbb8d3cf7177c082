/**
 * Greedy start for the local search, round by round: hosts first, then the most constrained people
 * (most keep-apart partners), each to the open table where they have met the fewest people so far.
 * In the spirit of Triska & Musliu's greedy initialisation: a good start leaves the tabu search
 * only a few conflicts to repair. Hard rules are never broken here; a round that cannot be seated
 * is retried with another order and finally reported as infeasible.
 */
import type { Model } from './model.ts';
import { shuffle, type Rng } from './random.ts';
import { InfeasibleError } from './types.ts';

/** Returns assign[r*n + p] = table, and fills `meet` with history plus the new rounds. */
export function greedyStart(model: Model, meet: Int32Array, rng: Rng): Int32Array {
  const { n, rounds, tables, sizes, forbid, soft, fixedTable, rule, preferTable, preferCost } =
    model;
  const assign = new Int32Array(rounds * n);
  const degree = new Int32Array(n);
  if (forbid)
    for (let p = 0; p < n; p++)
      for (let q = 0; q < n; q++) degree[p] = (degree[p] as number) + (forbid[p * n + q] as number);
  const members: number[][] = Array.from({ length: tables }, () => []);

  for (let r = 0; r < rounds; r++) {
    let seated = false;
    for (let attempt = 0; attempt < 60 && !seated; attempt++) {
      members.forEach((m) => (m.length = 0));
      const free: number[] = [];
      for (let p = 0; p < n; p++) {
        const t = fixedTable[p] as number;
        if (t >= 0) members[t]?.push(p);
        else free.push(p);
      }
      shuffle(free, rng);
      if (forbid) free.sort((a, b) => (degree[b] as number) - (degree[a] as number));
      // Soft hosts first, so their table still has room for them.
      if (preferTable)
        free.sort((a, b) => Number(preferTable[b] !== -1) - Number(preferTable[a] !== -1));
      seated = free.every((p) => {
        let best = -1;
        let bestCost = Infinity;
        let ties = 0;
        for (let t = 0; t < tables; t++) {
          const m = members[t] as number[];
          if (m.length >= (sizes[t] as number)) continue;
          let cost = 0;
          let allowed = true;
          for (const y of m) {
            if (forbid && forbid[p * n + y]) {
              allowed = false;
              break;
            }
            cost += 1000 * (meet[p * n + y] as number) + (soft ? (soft[p * n + y] as number) : 0);
            if (rule) cost += rule[p * n + y] as number;
          }
          if (preferTable && preferTable[p] !== -1 && preferTable[p] !== t)
            cost += preferCost[p] as number;
          // Fuller tables cost a little more so that people spread before tables fill.
          cost = cost * 64 + m.length;
          if (!allowed) continue;
          if (cost < bestCost) {
            bestCost = cost;
            best = t;
            ties = 1;
          } else if (cost === bestCost && rng.int(++ties) === 0) best = t;
        }
        if (best < 0) return false;
        members[best]?.push(p);
        return true;
      });
    }
    if (!seated)
      throw new InfeasibleError(
        `round ${r + 1}: no seating keeps every keep-apart pair apart (an organisation may have more people than there are tables)`,
      );
    members.forEach((m, t) => {
      for (const p of m) assign[r * n + p] = t;
      for (let i = 0; i < m.length; i++)
        for (let j = i + 1; j < m.length; j++) {
          const a = m[i] as number;
          const b = m[j] as number;
          meet[a * n + b] = (meet[a * n + b] as number) + 1;
          meet[b * n + a] = (meet[b * n + a] as number) + 1;
        }
    });
  }
  return assign;
}
