/**
 * The session's seating rules — colleagues apart, sectors mixed, hosts at their tables — each hard
 * (a constraint the plan never breaks) or soft (a penalty with a weight), and what to say when the
 * hard ones cannot all hold.
 *
 * Weights run from 1 to 10. A soft keep-apart or host rule costs weight × RULE_UNIT per break and
 * round (weight 10 = one repeated meeting, so at 10 the solver treats a colleague at the table like
 * meeting someone again); same-sector meetings happen at almost every table, so a soft cross-sector
 * rule only weighs in the mixing tie-break (weight × 1 per same-sector meeting, beside 1 per same
 * country).
 */
import { solveMix } from './mix.ts';
import type { Participant } from './participants.ts';
import {
  InfeasibleError,
  REPEAT_COST,
  type Fix,
  type Infeasibility,
  type MixProblem,
  type MixResult,
  type RuleName,
  type SolveOptions,
} from './types.ts';

export interface RuleSetting {
  mode: 'hard' | 'soft';
  /** 1..10: how much a break counts against the other goals (soft rules only). */
  weight: number;
}
export type SessionRules = Record<RuleName, RuleSetting>;

export const DEFAULT_RULES: SessionRules = {
  keepApart: { mode: 'hard', weight: 5 },
  crossSector: { mode: 'soft', weight: 1 },
  hosts: { mode: 'hard', weight: 5 },
};

/** Cost of one soft keep-apart or host break at weight 1. */
export const RULE_UNIT = REPEAT_COST / 10;

const norm = (s: string | null | undefined): string => s?.trim().toLowerCase() ?? '';

/** People grouped by a shared non-empty value (organisation or sector), groups of two or more. */
function classes(people: readonly Participant[], key: (p: Participant) => string): number[][] {
  const by = new Map<string, number[]>();
  people.forEach((p, i) => {
    const k = key(p);
    if (k) by.set(k, [...(by.get(k) ?? []), i]);
  });
  return [...by.values()].filter((c) => c.length > 1);
}

const pairsOf = (groups: number[][]): [number, number][] =>
  groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => [a, b] as [number, number])));

export interface RuleInput {
  participants: readonly Participant[];
  /** Participant index → table they host. */
  hosts?: readonly { person: number; table: number }[];
  rules?: SessionRules;
}

/** The parts of a mixing problem the rules decide. */
export function ruleProblem(
  input: RuleInput,
): Pick<
  MixProblem,
  'keepApart' | 'avoid' | 'fixed' | 'prefer' | 'sector' | 'country' | 'sectorWeight'
> {
  const rules = input.rules ?? DEFAULT_RULES;
  const people = input.participants;
  const orgPairs = pairsOf(classes(people, (p) => norm(p.organisation)));
  const sectorHard = rules.crossSector.mode === 'hard';
  const keepApart = [
    ...(rules.keepApart.mode === 'hard' ? orgPairs : []),
    ...(sectorHard ? pairsOf(classes(people, (p) => norm(p.sector))) : []),
  ];
  const hosts = input.hosts ?? [];
  return {
    keepApart,
    avoid:
      rules.keepApart.mode === 'soft'
        ? orgPairs.map(([a, b]) => ({ a, b, cost: rules.keepApart.weight * RULE_UNIT }))
        : [],
    fixed: rules.hosts.mode === 'hard' ? hosts.map((h) => ({ ...h })) : [],
    prefer:
      rules.hosts.mode === 'soft'
        ? hosts.map((h) => ({ ...h, cost: rules.hosts.weight * RULE_UNIT }))
        : [],
    sector: people.map((p) => p.sector ?? null),
    country: people.map((p) => p.country ?? null),
    // A hard rule already keeps sectors apart: no tie-break on them is left to do.
    sectorWeight: sectorHard ? 0 : rules.crossSector.weight,
  };
}

/**
 * Whether one round can seat people at tables of `sizes` with no two of one class together and
 * hosts (pinned) at their tables: a max-flow from classes to tables, each class sending at most one
 * person to a table, which is exact for one partition (people outside a class fill any seat).
 */
export function classesFit(
  classMembers: readonly (readonly number[])[],
  sizes: readonly number[],
  pinned: readonly { person: number; table: number }[],
): boolean {
  const T = sizes.length;
  const pinnedTable = new Map(pinned.map((h) => [h.person, h.table]));
  const hostCount = new Int32Array(T);
  for (const h of pinned) hostCount[h.table] = (hostCount[h.table] as number) + 1;
  const C = classMembers.length;
  // Nodes: 0 source, 1..C classes, C+1..C+T tables, C+T+1 sink.
  const N = C + T + 2;
  const sink = N - 1;
  const cap = Array.from({ length: N }, () => new Int32Array(N));
  let need = 0;
  for (let c = 0; c < C; c++) {
    const members = classMembers[c] as readonly number[];
    const blocked = new Set<number>();
    let free = 0;
    for (const p of members) {
      const t = pinnedTable.get(p);
      if (t === undefined) free++;
      else if (blocked.has(t)) return false;
      else blocked.add(t);
    }
    (cap[0] as Int32Array)[c + 1] = free;
    need += free;
    for (let t = 0; t < T; t++) if (!blocked.has(t)) (cap[c + 1] as Int32Array)[C + 1 + t] = 1;
  }
  for (let t = 0; t < T; t++)
    (cap[C + 1 + t] as Int32Array)[sink] = Math.max(
      0,
      (sizes[t] as number) - (hostCount[t] as number),
    );
  // Edmonds–Karp: a few hundred nodes at most.
  let flow = 0;
  const prev = new Int32Array(N);
  while (flow < need) {
    prev.fill(-1);
    prev[0] = 0;
    const queue = [0];
    for (let i = 0; i < queue.length && prev[sink] === -1; i++) {
      const u = queue[i] as number;
      const row = cap[u] as Int32Array;
      for (let v = 0; v < N; v++)
        if (prev[v] === -1 && (row[v] as number) > 0) {
          prev[v] = u;
          queue.push(v);
        }
    }
    if (prev[sink] === -1) break;
    let push = Infinity;
    for (let v = sink; v !== 0; v = prev[v] as number)
      push = Math.min(push, (cap[prev[v] as number] as Int32Array)[v] as number);
    for (let v = sink; v !== 0; v = prev[v] as number) {
      const u = prev[v] as number;
      (cap[u] as Int32Array)[v] = ((cap[u] as Int32Array)[v] as number) - push;
      (cap[v] as Int32Array)[u] = ((cap[v] as Int32Array)[u] as number) + push;
    }
    flow += push;
  }
  return flow >= need;
}

export interface FeasibilityInput extends RuleInput {
  /** Table sizes of a round. */
  sizes: readonly number[];
  /** Speed networking: the groups are pairs, so "more tables" is not a change anyone can make. */
  pairs?: boolean;
  /** Table sizes for `tables` tables (default: as equal as possible). */
  sizesFor?: (tables: number) => number[];
}

/**
 * Checks each hard rule that partitions people (keep-apart by organisation, cross-sector by
 * sector) on its own, and says the smallest change that makes it hold: the fewest tables that can
 * seat the room with that rule (and hard hosts), and making the rule a preference.
 */
export function checkHardRules(input: FeasibilityInput): Infeasibility | null {
  const rules = input.rules ?? DEFAULT_RULES;
  const people = input.participants;
  const n = people.length;
  const pinned = rules.hosts.mode === 'hard' ? (input.hosts ?? []) : [];
  const tables = input.sizes.length;
  const sizesFor =
    input.sizesFor ??
    ((t: number) => Array.from({ length: t }, (_, i) => Math.floor(n / t) + (i < n % t ? 1 : 0)));
  const checks: [RuleName, (p: Participant) => string][] = [
    ['keepApart', (p) => norm(p.organisation)],
    ['crossSector', (p) => norm(p.sector)],
  ];
  for (const [rule, key] of checks) {
    if (rules[rule].mode !== 'hard') continue;
    const groups = classes(people, key);
    if (classesFit(groups, input.sizes, pinned)) continue;
    const over = groups.filter((g) => g.length > tables);
    const largest = Math.max(0, ...groups.map((g) => g.length));
    const fixes: Fix[] = [];
    let needed = -1;
    // Every table seats at least two people; pinned hosts keep their tables.
    if (!input.pairs)
      for (let t = tables + 1; t <= Math.floor(n / 2); t++)
        if (classesFit(groups, sizesFor(t), pinned)) {
          needed = t;
          fixes.push({ kind: 'tables', tables: t });
          break;
        }
    fixes.push({ kind: 'soften', rule });
    const base = rule === 'keepApart' ? 'keepApart' : 'crossSector';
    return {
      code: `${base}${input.pairs ? 'Pairs' : 'Tables'}`,
      params: {
        [rule === 'keepApart' ? 'organisations' : 'sectors']: over.length,
        largest,
        needed,
        tables,
        people: n,
      },
      fixes,
    };
  }
  return null;
}

/** Plain English for the CLI and logs; the web app words the same codes through i18n. */
export function describeInfeasibility(x: Infeasibility): string {
  const p = x.params;
  const tablesPart =
    (p.needed ?? -1) > 0
      ? `needs at least ${p.needed} tables — you have ${p.tables}`
      : `cannot be done at ${p.tables} tables`;
  switch (x.code) {
    case 'keepApartTables':
      return `${p.organisations} organisations send more than ${p.tables} people (up to ${p.largest}): keeping colleagues apart ${tablesPart}.`;
    case 'keepApartPairs':
      return `${p.organisations} organisations send more than ${p.tables} people (up to ${p.largest}): with ${p.people} people in pairs, colleagues cannot always be kept apart.`;
    case 'crossSectorTables':
      return `${p.sectors} sectors have more than ${p.tables} people (up to ${p.largest}): seating every sector apart ${tablesPart}.`;
    case 'crossSectorPairs':
      return `${p.sectors} sectors have more than ${p.tables} people (up to ${p.largest}): with ${p.people} people in pairs, sectors cannot always be kept apart.`;
    case 'rulesConflict':
      return 'The hard rules cannot all hold at once: make one of them a preference.';
  }
}

/** Throws an InfeasibleError that explains itself when the hard rules cannot hold. */
export function assertFeasible(input: FeasibilityInput): void {
  const x = checkHardRules(input);
  if (x) throw new InfeasibleError(describeInfeasibility(x), x);
}

/** The generic answer when each hard rule fits alone but the search found no seating for all. */
export function conflictOf(rules: SessionRules = DEFAULT_RULES): Infeasibility {
  return {
    code: 'rulesConflict',
    params: {},
    fixes: (['keepApart', 'crossSector', 'hosts'] as const)
      .filter((r) => rules[r].mode === 'hard')
      .map((rule) => ({ kind: 'soften', rule })),
  };
}

/**
 * Solves, and words a failure of the search to seat a round under the hard rules (each rule fit on
 * its own, so together they are too tight) as an infeasibility the user can act on.
 */
export function solveWithRules(
  problem: MixProblem,
  options: SolveOptions,
  rules: SessionRules = DEFAULT_RULES,
): MixResult {
  try {
    return solveMix(problem, options);
  } catch (err) {
    if (err instanceof InfeasibleError && !err.detail) {
      const x = conflictOf(rules);
      throw new InfeasibleError(describeInfeasibility(x), x);
    }
    throw err;
  }
}
