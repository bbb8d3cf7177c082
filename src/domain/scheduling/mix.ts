/**
 * The mixing core: a portfolio. Exact constructions answer pure instances instantly when their
 * shape fits (affine planes, transversal designs, cyclic base rounds); everything else, and every
 * instance with organisation rules, hosts, history or sector mixing, goes to greedy + tabu search.
 * Whatever path answers, the schedule is checked before it is returned.
 */
import { cyclicSchedule, cyclicShapes } from './cyclic.ts';
import { affineSchedule } from './designs.ts';
import { greedyStart } from './greedy.ts';
import { localSearch } from './localSearch.ts';
import { buildModel, type Model } from './model.ts';
import { orbitSchedule, orbitShapes } from './orbits.ts';
import { assessSchedule } from './quality.ts';
import { createRng } from './random.ts';
import type { Method, MixProblem, MixResult, Schedule, SolveOptions } from './types.ts';

const DEFAULT_TIME_LIMIT_MS = 60_000;
/**
 * Search steps allowed per orbit shape (see orbits.ts). 8-4-10 needs 2 000 steps at the median and
 * at most 61 000 over seeds 1-200; a shape still open after this is left to the cyclic search.
 */
const ORBIT_STEPS = 400_000;

export function solveMix(problem: MixProblem, options: SolveOptions = {}): MixResult {
  const model = buildModel(problem);
  const now = options.now ?? Date.now;
  const started = now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const seed = options.seed ?? 1;
  const maxIterations = options.maxIterations ?? Number.MAX_SAFE_INTEGER;
  const report = (method: Method, repeats: number, iterations: number): void =>
    options.onProgress?.({
      repeats,
      iterations,
      method,
      fraction: Math.min(1, (now() - started) / Math.max(1, deadline - started)),
    });
  const finish = (
    schedule: Schedule,
    method: Method,
    stoppedBy: MixResult['stoppedBy'],
    iterations: number,
  ): MixResult => {
    const q = assessSchedule(problem, schedule);
    if (q.totalViolations > 0) throw new Error(`internal error: ${method} broke a hard rule`);
    return {
      schedule,
      repeats: q.repeatedPairs,
      method,
      stoppedBy,
      iterations,
      elapsedMs: now() - started,
    };
  };
  if (model.rounds === 0) return finish([], 'local-search', 'solved', 0);

  let iterations = 0;
  if (isPure(problem, model)) {
    const built = construct(model, seed, { deadline, now, signal: options.signal, maxIterations });
    iterations += built.iterations;
    if (built.schedule) {
      report(built.method, 0, iterations);
      return finish(built.schedule, built.method, 'solved', iterations);
    }
  }
  const rng = createRng(seed ^ 0x5bd1e995);
  const meet = model.past.slice();
  const initial = greedyStart(model, meet, rng);
  const out = localSearch(model, initial, rng, {
    deadline,
    now,
    signal: options.signal,
    maxIterations: Math.max(0, maxIterations - iterations),
    softPatience: 300,
    onProgress: (repeats, it) => report('local-search', repeats, iterations + it),
  });
  return finish(
    toSchedule(model, out.assign),
    'local-search',
    out.stoppedBy,
    iterations + out.iterations,
  );
}

function isPure(problem: MixProblem, model: Model): boolean {
  return (
    !model.forbid &&
    !model.soft &&
    !model.rule &&
    !model.preferTable &&
    !problem.fixed?.length &&
    !problem.history?.length
  );
}

export function toSchedule(model: Model, assign: Int32Array): Schedule {
  const { n, rounds, tables } = model;
  const schedule: Schedule = [];
  for (let r = 0; r < rounds; r++) {
    const round: number[][] = Array.from({ length: tables }, () => []);
    for (let p = 0; p < n; p++) round[assign[r * n + p] as number]?.push(p);
    schedule.push(round);
  }
  return schedule;
}

interface Budget {
  deadline: number;
  now: () => number;
  signal: SolveOptions['signal'];
  maxIterations: number;
}

/**
 * Tries the constructions on the smallest uniform design that covers the tables: g tables of at
 * most s people are g*s points of a design, and the d = g*s - n surplus points are people who
 * never meet one another, removed so that d tables lose one seat.
 */
function construct(
  model: Model,
  seed: number,
  budget: Budget,
): { schedule: Schedule | null; method: Method; iterations: number } {
  const g = model.tables;
  const s = Math.max(...model.sizes);
  const surplus = g * s - model.n;
  if (model.sizes.some((x) => x < s - 1) || surplus > g || s < 2)
    return { schedule: null, method: 'local-search', iterations: 0 };
  const w = model.rounds;
  const affine = affineSchedule(g, s, w);
  if (affine) {
    const fitted = fit(model, affine, surplus);
    if (fitted)
      return { schedule: fitted, method: s === g ? 'affine-plane' : 'transversal', iterations: 0 };
  }
  // Local search first: it settles easy and loosely constrained instances in milliseconds, where a
  // cyclic search could spend seconds on a shape that has no solution.
  let iterations = 0;
  const quick = localSearchPure(model, seed, {
    ...budget,
    deadline: Math.min(budget.deadline, budget.now() + 2000),
    maxIterations: Math.min(budget.maxIterations, 20_000),
  });
  iterations += quick.iterations;
  if (quick.schedule) return { schedule: quick.schedule, method: 'local-search', iterations };
  // Orbit shapes are small trees over Z_a × Z_b: a solvable one answers in a few thousand steps,
  // so each gets a bounded share of the budget.
  for (const shape of orbitShapes(g, s, w)) {
    const remaining = budget.deadline - budget.now();
    if (remaining <= 0 || budget.signal?.aborted) break;
    const found = orbitSchedule(g, s, shape, seed, {
      ...budget,
      deadline: budget.now() + Math.max(1000, remaining / 8),
      maxIterations: Math.max(0, Math.min(ORBIT_STEPS, budget.maxIterations - iterations)),
    });
    iterations += found.iterations;
    const fitted = found.schedule && fit(model, found.schedule.slice(0, w), surplus);
    if (fitted) return { schedule: fitted, method: 'orbit', iterations };
  }
  for (const shape of cyclicShapes(g, s, w)) {
    const remaining = budget.deadline - budget.now();
    if (remaining <= 0 || budget.signal?.aborted) break;
    const found = cyclicSchedule(g, s, shape, seed, {
      ...budget,
      deadline: budget.now() + Math.max(1000, remaining / 4),
      maxIterations: Math.max(0, budget.maxIterations - iterations),
    });
    iterations += found.iterations;
    const fitted = found.schedule && fit(model, found.schedule.slice(0, w), surplus);
    if (fitted) return { schedule: fitted, method: 'cyclic', iterations };
  }
  return { schedule: null, method: 'local-search', iterations };
}

function localSearchPure(
  model: Model,
  seed: number,
  budget: Budget,
): { schedule: Schedule | null; iterations: number } {
  const rng = createRng(seed ^ 0x2545f491);
  const initial = greedyStart(model, model.past.slice(), rng);
  const out = localSearch(model, initial, rng, { ...budget, softPatience: 0 });
  return {
    schedule: out.stoppedBy === 'solved' ? toSchedule(model, out.assign) : null,
    iterations: out.iterations,
  };
}

/**
 * Maps a design on g*s points onto the model: drops `surplus` points that never meet each other
 * (so each round loses them from distinct tables), renumbers the rest 0..n-1, and orders each
 * round's groups so group sizes match table sizes.
 */
function fit(model: Model, design: Schedule, surplus: number): Schedule | null {
  if (design.length < model.rounds) return null;
  const rounds = design.slice(0, model.rounds);
  const points = rounds[0]?.reduce((a, g) => a + g.length, 0) ?? 0;
  const dropped = new Set<number>();
  if (surplus > 0) {
    const met = new Set<number>();
    for (const round of rounds)
      for (const group of round)
        for (const a of group) for (const b of group) if (a !== b) met.add(a * points + b);
    for (let p = 0; p < points && dropped.size < surplus; p++)
      if ([...dropped].every((d) => !met.has(d * points + p))) dropped.add(p);
    if (dropped.size < surplus) return null;
  }
  const relabel = new Int32Array(points).fill(-1);
  let next = 0;
  for (let p = 0; p < points; p++) if (!dropped.has(p)) relabel[p] = next++;
  const out: Schedule = [];
  for (const round of rounds) {
    const groups = round.map((g) =>
      g.filter((p) => !dropped.has(p)).map((p) => relabel[p] as number),
    );
    const bySize = new Map<number, number[][]>();
    for (const g of groups) bySize.set(g.length, [...(bySize.get(g.length) ?? []), g]);
    const ordered: number[][] = [];
    for (const size of model.sizes) {
      const g = bySize.get(size)?.shift();
      if (!g) return null;
      ordered.push(g.sort((a, b) => a - b));
    }
    out.push(ordered);
  }
  return out;
}
