/**
 * Cyclic (1-rotational style) constructions found by search. People are (x, i) with x in Z_w and
 * i one of k rows, plus m fixed "infinity" people; round t is the base round shifted by x -> x+t.
 * Shifting preserves a partition, so only the base round is searched, and a pair meets twice over
 * the w shifts exactly when two base pairs share a "difference class" (row pair and x-difference).
 * The search space shrinks from w rounds to one, which is how designs such as Kirkman's 15
 * schoolgirls (Z_7 x 2 + 1) are classically built by hand; here a tabu search finds the base round.
 * For 32 people in fours over 10 rounds (Z_10 x 3 + 2) the classes add up exactly: the uncovered
 * pairs are {(x,i),(x+5,i)} and the two infinities, the 16-pair matching such a design must leave.
 */
import { createRng, shuffle, type Rng } from './random.ts';
import type { Schedule } from './types.ts';

export interface CyclicBudget {
  deadline: number;
  now: () => number;
  signal?: { readonly aborted: boolean } | undefined;
  maxIterations: number;
}

interface ClassTable {
  /** Class id of each unordered pair, row-major n*n. */
  cls: Int32Array;
  /** Classes that repeat as soon as they are used once (self-paired differences, two infinities). */
  bad: Uint8Array;
}

/**
 * The shape of a cyclic search: `bases` base rounds, each developed by the shifts of Z_order,
 * give order*bases rounds; `multiplier` (coprime to order, 1 for none) additionally asks the base
 * rounds to be invariant under x -> multiplier*x, which shrinks the search further still.
 */
export interface CyclicShape {
  order: number;
  bases: number;
  multiplier: number;
  /** People per row of Z_order; the rest are fixed "infinity" people. */
  rows: number;
}

/** The shapes worth trying for g groups of s over w rounds, most symmetric first. */
export function cyclicShapes(groups: number, size: number, rounds: number): CyclicShape[] {
  const n = groups * size;
  const shapes: CyclicShape[] = [];
  for (let bases = 1; bases <= Math.min(2, rounds); bases++) {
    if (rounds % bases !== 0) continue;
    const order = rounds / bases;
    const most = Math.floor(n / order);
    for (let rows = most; rows >= Math.max(1, most - 1); rows--) {
      if (order < 2 || n - rows * order > groups) continue;
      shapes.push({ order, bases, multiplier: 1, rows });
      for (let mu = 2; mu < order && bases === 1; mu++) {
        if (gcd(mu, order) !== 1) continue;
        const ord = multiplicativeOrder(mu, order);
        if (ord >= 2 && ord <= 4) shapes.push({ order, bases, multiplier: mu, rows });
      }
    }
  }
  // Multiplier shapes are tiny trees that are settled (found or exhausted) in milliseconds; plain
  // shapes with two base rounds are looser than one, so they come next.
  const rank = (x: CyclicShape): number => (x.multiplier !== 1 ? 0 : x.bases === 2 ? 1 : 2);
  return shapes.sort((a, b) => rank(a) - rank(b));
}

/** A cyclic schedule of the given shape, or null when none was found within the budget. */
export function cyclicSchedule(
  groups: number,
  size: number,
  shape: CyclicShape,
  seed: number,
  budget: CyclicBudget,
): { schedule: Schedule | null; iterations: number } {
  const n = groups * size;
  const v = shape.order;
  const k = shape.rows;
  const m = n - k * v;
  if (k < 1 || m < 0 || m > groups || v < 2) return { schedule: null, iterations: 0 };
  const finite = k * v;
  const table = classTable(k, v, m);
  const rng = createRng(seed);
  const mu = (p: number): number =>
    p >= finite ? p : Math.floor(p / v) * v + (((p % v) * shape.multiplier) % v);
  // Backtracking settles small tight cases outright; tabu search takes over for larger plain
  // shapes where a complete tree is out of reach.
  let base = exactBase(
    { n, g: groups, s: size, finite, v, b: shape.bases, mu, rng, budget },
    table,
  );
  if (!base.groups && shape.bases === 1 && shape.multiplier === 1) {
    const ls = searchBase(n, groups, size, table, rng, budget);
    base = { groups: ls.groups ? [ls.groups] : null, iterations: base.iterations + ls.iterations };
  }
  if (!base.groups) return { schedule: null, iterations: base.iterations };
  const shift = (p: number, t: number): number =>
    p >= finite ? p : Math.floor(p / v) * v + (((p % v) + t) % v);
  const schedule: Schedule = [];
  for (const round of base.groups)
    for (let t = 0; t < v; t++) schedule.push(round.map((g) => g.map((p) => shift(p, t))));
  return { schedule, iterations: base.iterations };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function multiplicativeOrder(a: number, mod: number): number {
  let x = a % mod;
  let ord = 1;
  while (x !== 1 && ord <= mod) {
    x = (x * a) % mod;
    ord++;
  }
  return ord;
}

function classTable(k: number, w: number, m: number): ClassTable {
  const n = k * w + m;
  const half = Math.floor(w / 2);
  const pureCount = k * half;
  const mixedCount = ((k * (k - 1)) / 2) * w;
  const infCount = m * k;
  const total = pureCount + mixedCount + infCount + 1;
  const bad = new Uint8Array(total);
  bad[total - 1] = 1; // infinity with infinity
  if (w % 2 === 0) for (let i = 0; i < k; i++) bad[i * half + half - 1] = 1;
  const rowPair = (i: number, j: number): number => (i * (2 * k - i - 1)) / 2 + (j - i - 1);
  const cls = new Int32Array(n * n);
  const finite = k * w;
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      let c: number;
      if (q >= finite && p >= finite) c = total - 1;
      else if (q >= finite) c = pureCount + mixedCount + (q - finite) * k + Math.floor(p / w);
      else {
        const i = Math.floor(p / w);
        const j = Math.floor(q / w);
        const d = ((((q % w) - (p % w)) % w) + w) % w;
        if (i === j) c = i * half + Math.min(d, w - d) - 1;
        else c = pureCount + rowPair(i, j) * w + d;
      }
      cls[p * n + q] = c;
      cls[q * n + p] = c;
    }
  }
  return { cls, bad };
}

/** Tabu search over swaps in the base round, minimising class collisions. */
function searchBase(
  n: number,
  g: number,
  s: number,
  { cls, bad }: ClassTable,
  rng: Rng,
  budget: CyclicBudget,
): { groups: number[][] | null; iterations: number } {
  const count = new Int32Array(bad.length);
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    rng,
  );
  const groupOf = new Int32Array(n);
  const members: number[][] = Array.from({ length: g }, (_, t) => order.slice(t * s, t * s + s));
  members.forEach((mem, t) => mem.forEach((p) => (groupOf[p] = t)));
  const weight = (c: number, v: number): number => (bad[c] ? v * 4 : (v * (v - 1)) / 2);
  let cost = 0;
  const bump = (p: number, q: number, by: number): number => {
    const c = cls[p * n + q] as number;
    const before = count[c] as number;
    count[c] = before + by;
    return weight(c, before + by) - weight(c, before);
  };
  for (const mem of members)
    for (let a = 0; a < s; a++)
      for (let b = a + 1; b < s; b++) cost += bump(mem[a] as number, mem[b] as number, 1);

  const swapDelta = (p: number, q: number, apply: boolean): number => {
    const A = members[groupOf[p] as number] as number[];
    const B = members[groupOf[q] as number] as number[];
    let d = 0;
    for (const x of A) if (x !== p) d += bump(p, x, -1) + bump(q, x, 1);
    for (const y of B) if (y !== q) d += bump(q, y, -1) + bump(p, y, 1);
    if (!apply) {
      for (const x of A) if (x !== p) d -= bump(p, x, 1) + bump(q, x, -1);
      for (const y of B) if (y !== q) d -= bump(q, y, 1) + bump(p, y, -1);
    }
    return d;
  };
  const inConflict = (p: number): boolean => {
    for (const x of members[groupOf[p] as number] as number[]) {
      if (x === p) continue;
      const c = cls[p * n + x] as number;
      if ((count[c] as number) > 1 || bad[c]) return true;
    }
    return false;
  };

  const tabu = new Int32Array(n * g);
  let best = cost;
  let bestMembers = members.map((m) => m.slice());
  let sinceBest = 0;
  let it = 0;
  while (best > 0 && it < budget.maxIterations) {
    it++;
    if ((it & 255) === 0 && (budget.now() > budget.deadline || budget.signal?.aborted)) break;
    let bestDelta = Infinity;
    let bp = -1;
    let bq = -1;
    let ties = 0;
    for (let p = 0; p < n; p++) {
      if (!inConflict(p)) continue;
      const gp = groupOf[p] as number;
      for (let q = 0; q < n; q++) {
        const gq = groupOf[q] as number;
        if (gq === gp) continue;
        const d = swapDelta(p, q, false);
        const isTabu = (tabu[p * g + gq] as number) > it || (tabu[q * g + gp] as number) > it;
        if (isTabu && cost + d >= best) continue;
        if (d < bestDelta) {
          bestDelta = d;
          bp = p;
          bq = q;
          ties = 1;
        } else if (d === bestDelta && rng.int(++ties) === 0) {
          bp = p;
          bq = q;
        }
      }
    }
    if (bp < 0) continue;
    const ga = groupOf[bp] as number;
    const gb = groupOf[bq] as number;
    cost += swapDelta(bp, bq, true);
    const A = members[ga] as number[];
    const B = members[gb] as number[];
    A[A.indexOf(bp)] = bq;
    B[B.indexOf(bq)] = bp;
    groupOf[bp] = gb;
    groupOf[bq] = ga;
    tabu[bp * g + ga] = it + 4 + rng.int(8);
    tabu[bq * g + gb] = it + 4 + rng.int(8);
    if (cost < best) {
      best = cost;
      bestMembers = members.map((mm) => mm.slice());
      sinceBest = 0;
    } else if (++sinceBest > 2000) {
      // Stagnation: a burst of random swaps escapes the basin the tabu list could not.
      for (let r = 0; r < 3; r++) {
        const p = rng.int(n);
        let q = rng.int(n);
        while (groupOf[q] === groupOf[p]) q = rng.int(n);
        const gp = groupOf[p] as number;
        const gq = groupOf[q] as number;
        cost += swapDelta(p, q, true);
        const P = members[gp] as number[];
        const Q = members[gq] as number[];
        P[P.indexOf(p)] = q;
        Q[Q.indexOf(q)] = p;
        groupOf[p] = gq;
        groupOf[q] = gp;
      }
      sinceBest = 0;
    }
  }
  return { groups: best === 0 ? bestMembers : null, iterations: it };
}

interface ExactInput {
  n: number;
  g: number;
  s: number;
  finite: number;
  v: number;
  b: number;
  mu: (p: number) => number;
  rng: Rng;
  budget: CyclicBudget;
}

/**
 * Randomised backtracking with restarts: the lowest unplaced person opens a group and mates are
 * added only while every new pair uses an unused difference class; a finished group brings its
 * multiplier images along. Random value order plus geometric restarts tames the heavy-tailed run
 * times of plain backtracking; a run that ends below its node limit has exhausted the tree.
 */
function exactBase(
  { n, g, s, finite, v, b, mu, rng, budget }: ExactInput,
  { cls, bad }: ClassTable,
): { groups: number[][][] | null; iterations: number } {
  const used = new Uint8Array(bad.length);
  const placed = new Uint8Array(n * b);
  const rounds: number[][][] = Array.from({ length: b }, () => []);
  let nodes = 0;
  let limit = 2000;
  let total = 0;
  // Infinity people first: they have the fewest admissible mates.
  const byOrder = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => (x >= finite ? x - finite : x + n) - (y >= finite ? y - finite : y + n),
  );
  const candidates = Array.from({ length: n }, (_, i) => i);
  const symmetric = mu(1 % v) !== 1 % v;

  /** Marks the classes of p's pairs with the block, or leaves nothing marked and says no. */
  const tryMark = (block: readonly number[], p: number, upTo: number): boolean => {
    for (let i = 0; i < upTo; i++) {
      const c = cls[p * n + (block[i] as number)] as number;
      if (used[c] || bad[c]) {
        for (let j = 0; j < i; j++) used[cls[p * n + (block[j] as number)] as number] = 0;
        return false;
      }
      used[c] = 1;
    }
    return true;
  };
  const unmark = (block: readonly number[], upTo: number, p: number): void => {
    for (let i = 0; i < upTo; i++) used[cls[p * n + (block[i] as number)] as number] = 0;
  };
  /** Places a whole block (marks + placed), all or nothing. */
  const placeBlock = (r: number, block: readonly number[]): boolean => {
    for (let i = 0; i < block.length; i++) {
      const p = block[i] as number;
      if (placed[r * n + p] || !tryMark(block, p, i)) {
        for (let j = i - 1; j >= 0; j--) removeAt(r, block, j);
        return false;
      }
      placed[r * n + p] = 1;
    }
    return true;
  };
  const removeAt = (r: number, block: readonly number[], i: number): void => {
    const p = block[i] as number;
    unmark(block, i, p);
    placed[r * n + p] = 0;
  };
  const removeBlock = (r: number, block: readonly number[]): void => {
    for (let j = block.length - 1; j >= 0; j--) removeAt(r, block, j);
  };
  /** The images of a finished block under the multiplier, excluding itself. */
  const orbit = (block: readonly number[]): number[][] | null => {
    const images: number[][] = [];
    let img = block.map(mu);
    const key = (x: readonly number[]): string =>
      x
        .slice()
        .sort((p, q) => p - q)
        .join(',');
    const own = key(block);
    while (key(img) !== own) {
      if (images.length > v) return null;
      images.push(img);
      img = img.map(mu);
    }
    return images;
  };

  const complete = (r: number, block: number[]): boolean => {
    const images = orbit(block);
    if (!images) return false;
    let placedImages = 0;
    for (const img of images) {
      if (!placeBlock(r, img)) break;
      placedImages++;
    }
    let ok = false;
    if (placedImages === images.length) {
      rounds[r]?.push(block.slice(), ...images);
      ok = openBlock();
      if (!ok) rounds[r]?.splice(rounds[r].length - 1 - images.length);
    }
    for (let i = placedImages - 1; i >= 0; i--) removeBlock(r, images[i] as number[]);
    return ok;
  };
  const extend = (r: number, block: number[], from: number): boolean => {
    if (++nodes > limit) return false;
    if (block.length === s) return complete(r, block);
    for (let idx = from; idx < n; idx++) {
      const p = candidates[idx] as number;
      if (placed[r * n + p]) continue;
      // Translation symmetry: the first group may put its first finite mate at x = 0.
      if (!symmetric && r === 0 && rounds[0]?.length === 0 && p < finite && p % v !== 0)
        if (block.every((x) => x >= finite)) continue;
      if (!tryMark(block, p, block.length)) continue;
      placed[r * n + p] = 1;
      block.push(p);
      if (extend(r, block, idx + 1)) return true;
      block.pop();
      unmark(block, block.length, p);
      placed[r * n + p] = 0;
      if (nodes > limit) return false;
    }
    return false;
  };
  const openBlock = (): boolean => {
    const r = rounds.findIndex((round) => round.length < g);
    if (r < 0) return true;
    const first = byOrder.find((p) => !placed[r * n + p]);
    if (first === undefined) return false;
    placed[r * n + first] = 1;
    const ok = extend(r, [first], 0);
    placed[r * n + first] = 0;
    return ok;
  };
  while (total < budget.maxIterations) {
    nodes = 0;
    shuffle(candidates, rng);
    const found = openBlock();
    total += nodes;
    if (found) return { groups: rounds, iterations: total };
    if (nodes <= limit) break; // the whole tree was searched: this shape has no solution
    if (budget.now() > budget.deadline || budget.signal?.aborted) break;
    limit = Math.min(limit * 2, 2_000_000);
  }
  return { groups: null, iterations: total };
}
