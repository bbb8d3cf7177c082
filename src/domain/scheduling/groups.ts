/**
 * Expertise groups from ranked choices. The assignment is optimal (min-cost flow), not greedy:
 * greedy first-come seating can leave someone with no choice at all where a swap elsewhere would
 * have given everyone one. Balance is enforced with a large reward on each group's first
 * floor(n/G) seats, so sizes differ by at most one unless explicit capacities are given. Sector
 * mixing comes second: swaps that keep total satisfaction equal are applied when they reduce
 * same-sector pairs inside groups.
 */
import { FlowGraph } from './assignment.ts';
import { splitEvenly } from './sizes.ts';
import { InfeasibleError } from './types.ts';

export interface GroupsInput {
  /** choices[p]: group indices in preference order (1st, 2nd, 3rd); may be shorter or empty. */
  choices: readonly (readonly number[])[];
  groups?: number;
  /** Exact seats per group; default: as equal as possible. */
  capacities?: readonly number[];
  sector?: readonly (string | null | undefined)[];
}

export interface GroupsPlan {
  /** Group index of each person. */
  assignment: number[];
  members: number[][];
  /** got[k]: people who got their (k+1)-th choice; `unranked` got none of theirs. */
  satisfaction: { first: number; second: number; third: number; unranked: number };
  /** Same-sector pairs sharing a group (lower is better mixed). */
  sameSectorPairs: number;
}

/** Cost of a seat by rank: convex so that two second choices beat a first plus a third. */
const RANK_COST = [0, 2, 5];
const UNRANKED_COST = 20;
const FILL_REWARD = 1_000_000;

export function planGroups(input: GroupsInput): GroupsPlan {
  const n = input.choices.length;
  const G = input.capacities?.length ?? input.groups ?? 6;
  if (!Number.isInteger(G) || G < 1) throw new RangeError('there must be at least one group');
  for (const [p, list] of input.choices.entries())
    for (const g of list)
      if (!Number.isInteger(g) || g < 0 || g >= G)
        throw new RangeError(`person ${p} chose unknown group ${g}`);
  const capacities = input.capacities ?? splitEvenly(n, G);
  const seats = capacities.reduce((a, b) => a + b, 0);
  if (seats < n) throw new InfeasibleError(`${n} people but only ${seats} seats in the groups`);
  const cost = (p: number, g: number): number => {
    const rank = input.choices[p]?.indexOf(g) ?? -1;
    return rank >= 0 && rank < RANK_COST.length ? (RANK_COST[rank] as number) : UNRANKED_COST;
  };

  const source = n + G;
  const sink = source + 1;
  const graph = new FlowGraph(n + G + 2);
  const arcs: number[][] = [];
  for (let p = 0; p < n; p++) {
    graph.addEdge(source, p, 1, 0);
    arcs.push(Array.from({ length: G }, (_, g) => graph.addEdge(p, n + g, 1, cost(p, g))));
  }
  const floor = input.capacities ? 0 : Math.floor(n / G);
  // Without explicit capacities any group may take one of the n mod G extra people; the flow
  // decides which, so popular groups get them.
  const extra = input.capacities ? null : n % G > 0 ? 1 : 0;
  capacities.forEach((c, g) => {
    if (floor > 0) graph.addEdge(n + g, sink, floor, -FILL_REWARD);
    const rest = extra ?? c - floor;
    if (rest > 0) graph.addEdge(n + g, sink, rest, 0);
  });
  const [flow] = graph.minCostFlow(source, sink, n);
  if (flow < n) throw new InfeasibleError('could not seat everyone in the groups');
  const assignment = arcs.map((row) => row.findIndex((e) => graph.flowOn(e) > 0));

  if (input.sector) improveSectorMix(assignment, cost, input.sector);
  const members: number[][] = Array.from({ length: G }, () => []);
  assignment.forEach((g, p) => members[g]?.push(p));
  const satisfaction = { first: 0, second: 0, third: 0, unranked: 0 };
  assignment.forEach((g, p) => {
    const rank = input.choices[p]?.indexOf(g) ?? -1;
    if (rank === 0) satisfaction.first++;
    else if (rank === 1) satisfaction.second++;
    else if (rank === 2) satisfaction.third++;
    else satisfaction.unranked++;
  });
  return { assignment, members, satisfaction, sameSectorPairs: sameSector(members, input.sector) };
}

function improveSectorMix(
  assignment: number[],
  cost: (p: number, g: number) => number,
  sector: readonly (string | null | undefined)[],
): void {
  const n = assignment.length;
  const count = new Map<string, number>();
  const key = (g: number, s: string): string => `${g}\u0000${s}`;
  assignment.forEach((g, p) => {
    const s = sector[p];
    if (s) count.set(key(g, s), (count.get(key(g, s)) ?? 0) + 1);
  });
  const c = (g: number, s: string | null | undefined): number =>
    s ? (count.get(key(g, s)) ?? 0) : 0;
  for (let pass = 0; pass < 20; pass++) {
    let improved = false;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const A = assignment[p] as number;
        const B = assignment[q] as number;
        const sp = sector[p];
        const sq = sector[q];
        if (A === B || sp === sq || cost(p, B) + cost(q, A) !== cost(p, A) + cost(q, B)) continue;
        // Same-sector pairs gained minus lost when p and q trade groups.
        const lose = (g: number, s: string | null | undefined): number => (s ? c(g, s) - 1 : 0);
        const gain = c(B, sp) + c(A, sq) - lose(A, sp) - lose(B, sq);
        if (gain >= 0) continue;
        if (sp) {
          count.set(key(A, sp), c(A, sp) - 1);
          count.set(key(B, sp), c(B, sp) + 1);
        }
        if (sq) {
          count.set(key(B, sq), c(B, sq) - 1);
          count.set(key(A, sq), c(A, sq) + 1);
        }
        assignment[p] = B;
        assignment[q] = A;
        improved = true;
      }
    if (!improved) break;
  }
}

function sameSector(members: number[][], sector: GroupsInput['sector']): number {
  if (!sector) return 0;
  let pairs = 0;
  for (const m of members)
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++) {
        const a = sector[m[i] as number];
        if (a && a === sector[m[j] as number]) pairs++;
      }
  return pairs;
}
