/**
 * The search's view of a mixing problem: validated once, flattened into typed arrays (n*n pair
 * matrices) so the inner loops of the local search touch no objects.
 */
import { InfeasibleError, type MixProblem } from './types.ts';

export interface Model {
  n: number;
  tables: number;
  rounds: number;
  sizes: Int32Array;
  /** First slot of each table in a round's slot array (tables laid out one after another). */
  start: Int32Array;
  /** 1 where two people must never share a table; null when there are no such rules. */
  forbid: Uint8Array | null;
  /** Soft penalty for one shared table (same sector + same country); null when unused. */
  soft: Uint8Array | null;
  /** Table a person is pinned to every round, or -1. */
  fixedTable: Int32Array;
  /** Meetings already held (history), n*n. */
  past: Int32Array;
  /** Cost of two people sharing a table for a round under a soft rule (n*n); null when unused. */
  rule: Int32Array | null;
  /** Table a person should rather stay at (soft host), or -1; null when nobody has one. */
  preferTable: Int32Array | null;
  /** Cost of each round a person spends away from `preferTable`. */
  preferCost: Int32Array;
}

export function buildModel(problem: MixProblem): Model {
  const n = problem.people;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('people must be a positive integer');
  if (!Number.isInteger(problem.rounds) || problem.rounds < 0)
    throw new RangeError('rounds must be a non-negative integer');
  const sizes = Int32Array.from(problem.tableSizes);
  if (sizes.length === 0 || sizes.some((s) => !Number.isInteger(s) || s < 1))
    throw new RangeError('every table needs a positive whole size');
  const seats = sizes.reduce((a, b) => a + b, 0);
  if (seats !== n) throw new RangeError(`table sizes add up to ${seats}, not ${n} people`);
  const start = new Int32Array(sizes.length);
  for (let t = 1; t < sizes.length; t++)
    start[t] = (start[t - 1] as number) + (sizes[t - 1] as number);
  const inRange = (p: number): boolean => Number.isInteger(p) && p >= 0 && p < n;

  let forbid: Uint8Array | null = null;
  for (const [a, b] of problem.keepApart ?? []) {
    if (!inRange(a) || !inRange(b))
      throw new RangeError(`keep-apart pair (${a}, ${b}) is out of range`);
    if (a === b) continue;
    forbid ??= new Uint8Array(n * n);
    forbid[a * n + b] = 1;
    forbid[b * n + a] = 1;
  }

  const fixedTable = new Int32Array(n).fill(-1);
  const pinned = new Int32Array(sizes.length);
  for (const { person, table } of problem.fixed ?? []) {
    if (!inRange(person)) throw new RangeError(`fixed person ${person} is out of range`);
    if (!Number.isInteger(table) || table < 0 || table >= sizes.length)
      throw new RangeError(`fixed table ${table} does not exist`);
    if (fixedTable[person] !== -1 && fixedTable[person] !== table)
      throw new InfeasibleError(`person ${person} is fixed to two tables`);
    if (fixedTable[person] === table) continue;
    fixedTable[person] = table;
    pinned[table] = (pinned[table] as number) + 1;
    if ((pinned[table] as number) > (sizes[table] as number))
      throw new InfeasibleError(`table ${table} has more fixed people than seats`);
  }
  if (forbid)
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++)
        if (forbid[p * n + q] && fixedTable[p] !== -1 && fixedTable[p] === fixedTable[q])
          throw new InfeasibleError(
            `people ${p} and ${q} must be kept apart but are fixed to one table`,
          );

  let rule: Int32Array | null = null;
  for (const { a, b, cost } of problem.avoid ?? []) {
    if (!inRange(a) || !inRange(b)) throw new RangeError(`avoid pair (${a}, ${b}) is out of range`);
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError('avoid costs are whole numbers');
    if (a === b || cost === 0) continue;
    rule ??= new Int32Array(n * n);
    rule[a * n + b] = (rule[a * n + b] as number) + cost;
    rule[b * n + a] = rule[a * n + b] as number;
  }
  let preferTable: Int32Array | null = null;
  const preferCost = new Int32Array(n);
  for (const { person, table, cost } of problem.prefer ?? []) {
    if (!inRange(person)) throw new RangeError(`preferring person ${person} is out of range`);
    if (!Number.isInteger(table) || table < 0 || table >= sizes.length)
      throw new RangeError(`preferred table ${table} does not exist`);
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError('preference costs are whole');
    // A hard pin wins over a preference.
    if (fixedTable[person] !== -1 || cost === 0) continue;
    preferTable ??= new Int32Array(n).fill(-1);
    preferTable[person] = table;
    preferCost[person] = cost;
  }

  const sectorWeight = problem.sectorWeight ?? 1;
  if (!Number.isInteger(sectorWeight) || sectorWeight < 0 || sectorWeight > 100)
    throw new RangeError('sectorWeight must be a whole number from 0 to 100');
  const soft = softMatrix(n, problem.sector, problem.country, sectorWeight);
  const past = new Int32Array(n * n);
  for (const round of problem.history ?? [])
    for (const group of round)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as number;
          const b = group[j] as number;
          if (!inRange(a) || !inRange(b)) throw new RangeError(`history mentions unknown person`);
          past[a * n + b] = (past[a * n + b] as number) + 1;
          past[b * n + a] = (past[b * n + a] as number) + 1;
        }
  return {
    n,
    tables: sizes.length,
    rounds: problem.rounds,
    sizes,
    start,
    forbid,
    soft,
    fixedTable,
    past,
    rule,
    preferTable,
    preferCost,
  };
}

function softMatrix(
  n: number,
  sector: MixProblem['sector'],
  country: MixProblem['country'],
  sectorWeight: number,
): Uint8Array | null {
  if (!sector && !country) return null;
  const soft = new Uint8Array(n * n);
  let any = false;
  for (const [attr, weight] of [
    [sector, sectorWeight],
    [country, 1],
  ] as const) {
    if (!attr || weight === 0) continue;
    for (let p = 0; p < n; p++) {
      const a = attr[p];
      if (!a) continue;
      for (let q = p + 1; q < n; q++)
        if (attr[q] === a) {
          soft[p * n + q] = (soft[p * n + q] as number) + weight;
          soft[q * n + p] = soft[p * n + q] as number;
          any = true;
        }
    }
  }
  return any ? soft : null;
}
