/**
 * Shared shapes of the scheduling engine. People are dense integers 0..n-1 so the search can use
 * typed arrays; callers map their own ids onto them at the boundary.
 */

/** One group (table) of one round: the people sitting there. */
export type Group = number[];
/** One round: `round[t]` is table t. Table indices are stable across rounds (hosts rely on it). */
export type Round = Group[];
/** A schedule: `schedule[r][t]` lists the people at table t in round r. */
export type Schedule = Round[];

export interface MixProblem {
  /** Number of people, numbered 0..people-1. */
  people: number;
  /** Exact size of every table, the same every round; must add up to `people`. */
  tableSizes: readonly number[];
  rounds: number;
  /** Pairs that must never share a table (always includes colleagues from one organisation). */
  keepApart?: readonly (readonly [number, number])[];
  /** People who stay at one table every round, e.g. world-café hosts. */
  fixed?: readonly { person: number; table: number }[];
  /** Soft mixing: people sharing a non-empty sector (or country) prefer not to sit together. */
  sector?: readonly (string | null | undefined)[];
  country?: readonly (string | null | undefined)[];
  /** Meetings that already happened (re-planning): they count towards repeats. */
  history?: Schedule;
  /**
   * Soft keep-apart: pairs that should rather not share a table, each with the cost of sharing one
   * for a round (a repeated meeting costs REPEAT_COST). Never a violation, only a penalty.
   */
  avoid?: readonly { a: number; b: number; cost: number }[];
  /** Soft hosts: the table a person should stay at, and the cost of each round away from it. */
  prefer?: readonly { person: number; table: number; cost: number }[];
  /** Weight of one same-sector meeting in the mixing tie-break (default 1, as a same country). */
  sectorWeight?: number;
}

/** What one repeated meeting costs in the search's objective; soft rules are priced against it. */
export const REPEAT_COST = 1000;

export interface Progress {
  /** Repeated meetings in the best schedule so far (0 is perfect). */
  repeats: number;
  /** Fraction of the time budget used, 0..1. */
  fraction: number;
  iterations: number;
  method: Method;
}

export type Method = 'affine-plane' | 'transversal' | 'cyclic' | 'orbit' | 'local-search';

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget; the best schedule found so far is returned when it runs out. */
  timeLimitMs?: number;
  /** Cancellation in the shape of AbortSignal, so a UI or CLI can stop a long search. */
  signal?: { readonly aborted: boolean };
  onProgress?: (p: Progress) => void;
  /** Injectable clock so tests and the server control time. */
  now?: () => number;
  /**
   * Deterministic effort cap. Time limits keep a run bounded, but only iteration caps make two
   * runs with one seed return the same schedule on machines of different speed.
   */
  maxIterations?: number;
}

export interface MixResult {
  schedule: Schedule;
  /** Extra meetings beyond the first, summed over pairs (history included). */
  repeats: number;
  method: Method;
  stoppedBy: 'solved' | 'time' | 'cancel' | 'iterations';
  iterations: number;
  elapsedMs: number;
}

export type RuleName = 'keepApart' | 'crossSector' | 'hosts';

/** One change that makes an infeasible problem feasible. */
export type Fix = { kind: 'tables'; tables: number } | { kind: 'soften'; rule: RuleName };

/**
 * Why hard rules cannot all hold, as a stable code with parameters (the UI words it in the user's
 * language) and the smallest changes that make them hold, computed rather than guessed.
 */
export interface Infeasibility {
  code:
    | 'keepApartTables'
    | 'keepApartPairs'
    | 'crossSectorTables'
    | 'crossSectorPairs'
    | 'rulesConflict';
  params: Record<string, number>;
  fixes: Fix[];
}

/** A problem the engine can never satisfy (e.g. an organisation larger than the table count). */
export class InfeasibleError extends Error {
  override readonly name = 'InfeasibleError';
  constructor(
    message: string,
    readonly detail?: Infeasibility,
  ) {
    super(message);
  }
}
