/**
 * Conflict-directed tabu search over swaps of two people within one round, after Dotú & Van
 * Hentenryck ("Scheduling social golfers locally", CPAIOR 2005): only people involved in a repeat
 * may move, the best non-tabu swap is taken (ties broken at random), a swap that beats the best
 * schedule ever seen overrides the tabu list, and stagnation triggers a restart from the best
 * schedule with a few random swaps. Hard rules stay true at every step: fixed people never move
 * and a swap that would seat a keep-apart pair together is never considered, so the search can
 * return at any moment.
 *
 * Objective: REPEAT_WEIGHT * sum over pairs of C(meetings, 2) + soft rules (colleagues who
 * should rather sit apart, hosts away from their table, priced by the session's weights) + soft
 * mixing (same sector, same country). C(m,2) counts each extra meeting more than the last, which
 * spreads unavoidable repeats evenly. The best schedule is the one with the least repeats and soft
 * rules together; mixing only breaks ties.
 */
import type { Model } from './model.ts';
import type { Rng } from './random.ts';
import { REPEAT_COST as REPEAT_WEIGHT } from './types.ts';
const MAX_CANDIDATES = 12;

export interface SearchBudget {
  deadline: number;
  now: () => number;
  signal?: { readonly aborted: boolean } | undefined;
  maxIterations: number;
  /** After repeats hit their floor, stop when soft mixing has not improved for this many moves. */
  softPatience: number;
  onProgress?: ((repeats: number, iterations: number) => void) | undefined;
}

interface Score {
  /** Σ C(meetings, 2) over pairs, history included. */
  rep: number;
  /** Soft mixing penalties (tie-break). */
  softSum: number;
  /** Soft rule penalties of the new rounds, priced against REPEAT_WEIGHT. */
  ruleSum: number;
}

export interface SearchOutcome {
  assign: Int32Array;
  iterations: number;
  stoppedBy: 'solved' | 'time' | 'cancel' | 'iterations';
}

export function localSearch(
  model: Model,
  initial: Int32Array,
  rng: Rng,
  budget: SearchBudget,
): SearchOutcome {
  const { n, tables, rounds: W, sizes, start, forbid, soft, fixedTable, past } = model;
  const { rule, preferTable, preferCost } = model;
  const ruleActive = rule !== null || preferTable !== null;
  /** Cost of person p sitting at table t for one round under a soft host rule. */
  const away = (p: number, t: number): number => {
    if (!preferTable) return 0;
    const h = preferTable[p] as number;
    return h >= 0 && h !== t ? (preferCost[p] as number) : 0;
  };
  const assign = initial.slice();
  const slots = new Int32Array(W * n);
  const pos = new Int32Array(W * n);
  const meet = new Int32Array(n * n);

  const rebuild = (): void => {
    meet.set(past);
    for (let r = 0; r < W; r++) {
      const fill = Int32Array.from(start);
      for (let p = 0; p < n; p++) {
        const t = assign[r * n + p] as number;
        const at = fill[t] as number;
        fill[t] = at + 1;
        slots[r * n + at] = p;
        pos[r * n + p] = at;
      }
      for (let t = 0; t < tables; t++) {
        const a0 = r * n + (start[t] as number);
        const a1 = a0 + (sizes[t] as number);
        for (let i = a0; i < a1; i++)
          for (let j = i + 1; j < a1; j++) {
            const a = slots[i] as number;
            const b = slots[j] as number;
            meet[a * n + b] = (meet[a * n + b] as number) + 1;
            meet[b * n + a] = (meet[b * n + a] as number) + 1;
          }
      }
    }
  };
  const totals = (): Score => {
    let rep = 0;
    let softSum = 0;
    let ruleSum = 0;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const m = meet[p * n + q] as number;
        rep += (m * (m - 1)) / 2;
        if (soft) softSum += m * (soft[p * n + q] as number);
        // History's meetings are facts: only the new rounds pay for soft rules.
        if (rule) ruleSum += (m - (past[p * n + q] as number)) * (rule[p * n + q] as number);
      }
    if (preferTable)
      for (let r = 0; r < W; r++)
        for (let p = 0; p < n; p++) ruleSum += away(p, assign[r * n + p] as number);
    return { rep, softSum, ruleSum };
  };
  rebuild();
  // Repeats already fixed by history are a floor the search cannot go below.
  let floor = 0;
  for (let i = 0; i < n * n; i++) {
    const m = past[i] as number;
    floor += (m * (m - 1)) / 2;
  }
  floor /= 2;

  let { rep, softSum, ruleSum } = totals();
  let best: Score = { rep, softSum, ruleSum };
  const bestAssign = assign.slice();
  const primary = (a: Score): number => REPEAT_WEIGHT * a.rep + a.ruleSum;
  const better = (a: Score, b: Score): boolean =>
    primary(a) < primary(b) || (primary(a) === primary(b) && a.softSum < b.softSum);

  const tabu = new Int32Array(W * n * tables);
  const inc = (p: number, y: number): number =>
    REPEAT_WEIGHT * (meet[p * n + y] as number) +
    (soft ? (soft[p * n + y] as number) : 0) +
    (rule ? (rule[p * n + y] as number) : 0);
  const SP = new Float64Array(tables);
  const FP = new Int32Array(tables);
  const own = new Float64Array(n);
  const candidates: number[] = [];
  let it = 0;
  let sinceBest = 0;
  let stoppedBy: SearchOutcome['stoppedBy'] = 'iterations';
  const stall = 400 + 10 * n;

  /**
   * People of round r who share their table with someone they have met before or should rather
   * not sit with, or sit away from their preferred table (or, once those are settled, a mixing
   * clash).
   */
  const conflicted = (r: number, softOnly: boolean): void => {
    candidates.length = 0;
    let seenCandidates = 0;
    for (let p = 0; p < n; p++) {
      if ((fixedTable[p] as number) >= 0) continue;
      const t = assign[r * n + p] as number;
      const a0 = r * n + (start[t] as number);
      const a1 = a0 + (sizes[t] as number);
      const misplaced = !softOnly && away(p, t) > 0;
      for (let i = a0; i < a1; i++) {
        const y = slots[i] as number;
        if (y === p && !misplaced) continue;
        const hit =
          misplaced ||
          (softOnly
            ? soft !== null && (soft[p * n + y] as number) > 0
            : (meet[p * n + y] as number) > 1 ||
              (rule !== null && (rule[p * n + y] as number) > 0));
        if (hit) {
          // Reservoir-sample at most MAX_CANDIDATES movers: iterations stay cheap on big rooms
          // and the random subset adds the diversification a full scan lacks.
          seenCandidates++;
          if (candidates.length < MAX_CANDIDATES) candidates.push(p);
          else {
            const j = rng.int(seenCandidates);
            if (j < MAX_CANDIDATES) candidates[j] = p;
          }
          break;
        }
      }
    }
  };

  const applySwap = (r: number, p: number, q: number): void => {
    const A = assign[r * n + p] as number;
    const B = assign[r * n + q] as number;
    const bump = (x: number, y: number, d: number): void => {
      const m = meet[x * n + y] as number;
      rep += d > 0 ? m : -(m - 1);
      if (soft) softSum += d * (soft[x * n + y] as number);
      if (rule) ruleSum += d * (rule[x * n + y] as number);
      meet[x * n + y] = m + d;
      meet[y * n + x] = m + d;
    };
    for (let i = r * n + (start[A] as number), e = i + (sizes[A] as number); i < e; i++) {
      const x = slots[i] as number;
      if (x === p) continue;
      bump(p, x, -1);
      bump(q, x, 1);
    }
    for (let i = r * n + (start[B] as number), e = i + (sizes[B] as number); i < e; i++) {
      const y = slots[i] as number;
      if (y === q) continue;
      bump(q, y, -1);
      bump(p, y, 1);
    }
    const ip = pos[r * n + p] as number;
    const iq = pos[r * n + q] as number;
    slots[r * n + ip] = q;
    slots[r * n + iq] = p;
    pos[r * n + p] = iq;
    pos[r * n + q] = ip;
    assign[r * n + p] = B;
    assign[r * n + q] = A;
    if (preferTable) ruleSum += away(p, B) - away(p, A) + away(q, A) - away(q, B);
  };

  while (true) {
    // Soft rules may be impossible to meet in full: once repeats are at their floor, stop when
    // they too have stopped improving.
    const settled = best.rep === floor && (!ruleActive || best.ruleSum === 0);
    if (
      (settled && (!soft || sinceBest > budget.softPatience)) ||
      (ruleActive && best.rep === floor && sinceBest > budget.softPatience)
    ) {
      stoppedBy = 'solved';
      break;
    }
    if (it >= budget.maxIterations) break;
    if ((it & 63) === 0) {
      if (budget.signal?.aborted) {
        stoppedBy = 'cancel';
        break;
      }
      if (budget.now() > budget.deadline) {
        stoppedBy = 'time';
        break;
      }
      if ((it & 4095) === 0) budget.onProgress?.(best.rep, it);
    }
    it++;
    // Pick a round with conflicts, starting from a random one so all rounds get attention.
    const softOnly = rep === floor && ruleSum === 0;
    const r0 = rng.int(W);
    let r = -1;
    for (let k = 0; k < W; k++) {
      conflicted((r0 + k) % W, softOnly);
      if (candidates.length > 0) {
        r = (r0 + k) % W;
        break;
      }
    }
    if (r < 0) {
      sinceBest = budget.softPatience + 1;
      continue;
    }
    for (let q = 0; q < n; q++) {
      const t = assign[r * n + q] as number;
      let sum = 0;
      for (let i = r * n + (start[t] as number), e = i + (sizes[t] as number); i < e; i++) {
        const y = slots[i] as number;
        if (y !== q) sum += inc(q, y);
      }
      own[q] = sum;
    }
    let bestDelta = Infinity;
    let bp = -1;
    let bq = -1;
    let ties = 0;
    const current = REPEAT_WEIGHT * rep + ruleSum + softSum;
    const bestValue = REPEAT_WEIGHT * best.rep + best.ruleSum + best.softSum;
    for (const p of candidates) {
      const A = assign[r * n + p] as number;
      SP.fill(0);
      if (forbid) FP.fill(0);
      for (let i = r * n, e = i + n; i < e; i++) {
        const y = slots[i] as number;
        if (y === p) continue;
        const t = assign[r * n + y] as number;
        SP[t] = (SP[t] as number) + inc(p, y);
        if (forbid) FP[t] = (FP[t] as number) + (forbid[p * n + y] as number);
      }
      const sizeA = sizes[A] as number;
      const a0 = r * n + (start[A] as number);
      for (let q = 0; q < n; q++) {
        const B = assign[r * n + q] as number;
        if (B === A || (fixedTable[q] as number) >= 0) continue;
        if (forbid) {
          if ((FP[B] as number) - (forbid[p * n + q] as number) > 0) continue;
          let clash = false;
          for (let i = a0, e = a0 + sizeA; i < e && !clash; i++) {
            const x = slots[i] as number;
            clash = x !== p && (forbid[q * n + x] as number) === 1;
          }
          if (clash) continue;
        }
        let sqA = 0;
        for (let i = a0, e = a0 + sizeA; i < e; i++) {
          const x = slots[i] as number;
          if (x !== p) sqA += inc(q, x);
        }
        const delta =
          (SP[B] as number) -
          inc(p, q) -
          (SP[A] as number) +
          REPEAT_WEIGHT * (sizeA - 1) +
          sqA -
          (own[q] as number) +
          REPEAT_WEIGHT * ((sizes[B] as number) - 1) +
          (preferTable ? away(p, B) - away(p, A) + away(q, A) - away(q, B) : 0);
        const isTabu =
          (tabu[(r * n + p) * tables + B] as number) > it ||
          (tabu[(r * n + q) * tables + A] as number) > it;
        if (isTabu && current + delta >= bestValue) continue;
        if (delta < bestDelta) {
          bestDelta = delta;
          bp = p;
          bq = q;
          ties = 1;
        } else if (delta === bestDelta && rng.int(++ties) === 0) {
          bp = p;
          bq = q;
        }
      }
    }
    if (bp < 0) {
      sinceBest++;
      continue;
    }
    const A = assign[r * n + bp] as number;
    const B = assign[r * n + bq] as number;
    applySwap(r, bp, bq);
    tabu[(r * n + bp) * tables + A] = it + 3 + rng.int(10);
    tabu[(r * n + bq) * tables + B] = it + 3 + rng.int(10);
    const now = { rep, softSum, ruleSum };
    if (better(now, best)) {
      best = now;
      bestAssign.set(assign);
      sinceBest = 0;
    } else if (++sinceBest > stall && (rep > floor || ruleSum > 0)) {
      // Restart from the best schedule, shaken by a few random legal swaps.
      assign.set(bestAssign);
      rebuild();
      ({ rep, softSum, ruleSum } = totals());
      for (let k = 0, shakes = 2 + rng.int(4); k < shakes; k++) randomSwap(rng.int(W));
      sinceBest = 0;
    }
  }
  budget.onProgress?.(best.rep, it);
  return { assign: bestAssign, iterations: it, stoppedBy };

  function randomSwap(r: number): void {
    for (let tries = 0; tries < 50; tries++) {
      const p = rng.int(n);
      const q = rng.int(n);
      const A = assign[r * n + p] as number;
      const B = assign[r * n + q] as number;
      if (A === B || (fixedTable[p] as number) >= 0 || (fixedTable[q] as number) >= 0) continue;
      if (forbid && (clashes(r, p, B, q) || clashes(r, q, A, p))) continue;
      applySwap(r, p, q);
      return;
    }
  }
  function clashes(r: number, p: number, table: number, except: number): boolean {
    const f = forbid as Uint8Array;
    for (let i = r * n + (start[table] as number), e = i + (sizes[table] as number); i < e; i++) {
      const y = slots[i] as number;
      if (y !== except && f[p * n + y]) return true;
    }
    return false;
  }
}
