import { listCountries } from './countries.ts';
import { normalizeName, tokensOf } from './normalize.ts';
import {
  allCitiesSteps,
  allProvinces,
  countryPlace,
  drain,
  type Place,
  type PlaceKind,
} from './places.ts';

/**
 * Search as you type over countries, provinces and cities, by English, local and alternate names,
 * diacritics-insensitive. Ranking, best first: the whole name equals the query > a name starts
 * with it > a word of a name starts with it; then countries before provinces before cities; then
 * population. Every word of the query must start a word of the same name ("ho chi" finds
 * "Ho Chi Minh City", "chi minh" too; "hi minh" does not).
 *
 * The index is a sorted array of (word, entry) pairs: a query costs one binary search for its
 * longest word plus a check of the candidates, so it stays in the low milliseconds over 140k places.
 */
interface Entry {
  place: Place;
  /** Normalised names of the place: [0] is the main name. */
  keys: string[];
  /** The words of each key, split once at build time (searches compare words). */
  words: string[][];
}

interface Index {
  entries: Entry[];
  words: string[];
  wordEntry: Int32Array;
  /** Each entry's position when sorted by kind (countries first) then population. */
  order: Int32Array;
  /** The inverse: entry index at each position. */
  byOrder: Int32Array;
  /** Entries by each of their whole normalised names, for exact matches. */
  exact: Map<string, number[]>;
}

const KIND_RANK: Record<PlaceKind, number> = { country: 0, province: 1, city: 2, point: 3 };

let index: Index | undefined;
let indexJob: Generator<void, void> | undefined;

function* build(): Generator<void, void> {
  const cities = yield* allCitiesSteps();
  const places: Place[] = [
    ...listCountries()
      .map((c) => countryPlace(c.code))
      .filter((p): p is Place => p !== undefined),
    ...allProvinces(),
    ...cities.values(),
  ];
  const entries: Entry[] = [];
  for (const place of places) {
    if (entries.length % 1000 === 0) yield;
    const keys = [...new Set([place.name, ...place.otherNames].map(normalizeName).filter(Boolean))];
    entries.push({ place, keys, words: keys.map(tokensOf) });
  }
  const pairs: [string, number][] = [];
  entries.forEach((e, i) => {
    const seen = new Set<string>();
    for (const k of e.keys)
      for (const w of tokensOf(k))
        if (!seen.has(w)) {
          seen.add(w);
          pairs.push([w, i]);
        }
  });
  yield;
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  yield;
  const byOrder = Int32Array.from(entries.keys()).sort(
    (a, b) =>
      KIND_RANK[entries[a]!.place.kind] - KIND_RANK[entries[b]!.place.kind] ||
      entries[b]!.place.population - entries[a]!.place.population ||
      a - b,
  );
  const order = new Int32Array(entries.length);
  byOrder.forEach((ei, pos) => (order[ei] = pos));
  const exact = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const k of e.keys) {
      const list = exact.get(k);
      if (list) list.push(i);
      else exact.set(k, [i]);
    }
  });
  index = {
    exact,
    entries,
    words: pairs.map((p) => p[0]),
    wordEntry: Int32Array.from(pairs.map((p) => p[1])),
    order,
    byOrder,
  };
}

export function gazetteerIndex(): Index {
  if (!index) drain((indexJob ??= build()));
  return index!;
}

/**
 * Builds the index between other work: steps of at most about `sliceMs` of the event loop, then
 * a turn for everything else (a restarted server answers phones at once instead of after seconds
 * of decoding). A search arriving meanwhile finishes the same job at once (`gazetteerIndex`).
 */
export function warmGazetteerIndex(sliceMs = 15): Promise<void> {
  const job = (indexJob ??= build());
  return new Promise((resolve, reject) => {
    const step = () => {
      try {
        const until = performance.now() + sliceMs;
        while (!index) {
          if (job.next().done) break;
          if (performance.now() >= until) return void setImmediate(step);
        }
        resolve();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    setImmediate(step);
  });
}

function lowerBound(words: string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SearchOptions {
  limit?: number;
  kinds?: PlaceKind[];
  /** Restrict to places in these countries (ISO alpha-2). */
  countries?: string[];
}

export interface SearchHit {
  place: Place;
  /** The name that matched, when it is not the main name ("Sài Gòn" for Ho Chi Minh City). */
  matched: string | null;
  quality: 'exact' | 'prefix' | 'word';
}

function quality(e: Entry, q: string, qWords: string[]): [number, number] | null {
  let best: [number, number] | null = null;
  e.keys.forEach((k, i) => {
    let rank: number;
    if (k === q) rank = 0;
    else if (k.startsWith(q)) rank = 1;
    else {
      const words = e.words[i] ?? [];
      if (!qWords.every((qw) => words.some((w) => w.startsWith(qw)))) return;
      rank = 2;
    }
    if (!best || rank < best[0]) best = [rank, i];
  });
  return best;
}

export function searchPlaces(query: string, opts: SearchOptions = {}): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const limit = Math.min(opts.limit ?? 10, 50);
  const idx = gazetteerIndex();
  const qWords = tokensOf(q);
  const longest = qWords.reduce((a, b) => (b.length > a.length ? b : a));
  const kinds = opts.kinds ? new Set(opts.kinds) : null;
  const countries = opts.countries ? new Set(opts.countries) : null;
  const n = idx.entries.length;
  if (qWords.length === 1 && q.length <= 2) {
    const quick = shortQuery(idx, q, limit, kinds, countries);
    if (quick) return quick;
  }
  // One number per candidate: quality rank, then the entry's static (kind, population) order,
  // so a numeric sort ranks them; objects are made for the winners only. A one-letter query
  // has tens of thousands of candidates and this keeps it in a few milliseconds.
  const scores: number[] = [];
  const keyOf = new Map<number, number>();
  const seen = new Uint8Array(n);
  for (let i = lowerBound(idx.words, longest); i < idx.words.length; i++) {
    if (!idx.words[i]!.startsWith(longest)) break;
    const ei = idx.wordEntry[i]!;
    if (seen[ei]) continue;
    seen[ei] = 1;
    const e = idx.entries[ei]!;
    if (kinds && !kinds.has(e.place.kind)) continue;
    if (countries && !countries.has(e.place.countryCode)) continue;
    let rank = 2;
    let keyIndex = 0;
    if (qWords.length === 1) {
      // One word, and this entry has a word starting with it: at least a word match.
      for (let ki = 0; ki < e.keys.length && rank > 0; ki++) {
        const k = e.keys[ki]!;
        const r = k === q ? 0 : k.startsWith(q) ? 1 : 2;
        if (r < rank) [rank, keyIndex] = [r, ki];
      }
      if (rank === 2) keyIndex = e.words.findIndex((ws) => ws.some((w) => w.startsWith(q)));
    } else {
      const qual = quality(e, q, qWords);
      if (!qual) continue;
      [rank, keyIndex] = qual;
    }
    scores.push(rank * n + idx.order[ei]!);
    if (keyIndex > 0) keyOf.set(ei, keyIndex);
  }
  scores.sort((a, b) => a - b);
  return scores.slice(0, limit).map((score) => {
    const rank = Math.floor(score / n);
    const ei = idx.byOrder[score % n]!;
    const e = idx.entries[ei]!;
    const keyIndex = keyOf.get(ei) ?? 0;
    const matched =
      keyIndex === 0
        ? null
        : ([e.place.name, ...e.place.otherNames].find(
            (name) => normalizeName(name) === e.keys[keyIndex],
          ) ?? null);
    return {
      place: e.place,
      matched,
      quality: rank === 0 ? 'exact' : rank === 1 ? 'prefix' : 'word',
    };
  });
}

/**
 * A query of one or two letters matches tens of thousands of names. The best answers are then
 * the exact matches followed by the largest places whose name starts with it, so walk the places
 * in (kind, population) order and stop at `limit`. Returns null when too few names start with it
 * (the general path then adds word matches).
 */
function shortQuery(
  idx: Index,
  q: string,
  limit: number,
  kinds: Set<PlaceKind> | null,
  countries: Set<string> | null,
): SearchHit[] | null {
  const ok = (e: Entry) =>
    (!kinds || kinds.has(e.place.kind)) && (!countries || countries.has(e.place.countryCode));
  const hits: SearchHit[] = [];
  const taken = new Set<number>();
  const exact = [...(idx.exact.get(q) ?? [])].sort((a, b) => idx.order[a]! - idx.order[b]!);
  for (const ei of exact) {
    const e = idx.entries[ei]!;
    if (!ok(e) || hits.length >= limit) continue;
    taken.add(ei);
    const matched = e.keys[0] === q ? null : matchedName(e, e.keys.indexOf(q));
    hits.push({ place: e.place, matched, quality: 'exact' });
  }
  for (let pos = 0; pos < idx.byOrder.length && hits.length < limit; pos++) {
    const ei = idx.byOrder[pos]!;
    if (taken.has(ei)) continue;
    const e = idx.entries[ei]!;
    const ki = e.keys.findIndex((k) => k.startsWith(q));
    if (ki < 0 || !ok(e)) continue;
    hits.push({ place: e.place, matched: ki === 0 ? null : matchedName(e, ki), quality: 'prefix' });
  }
  return hits.length >= limit ? hits : null;
}

function matchedName(e: Entry, keyIndex: number): string | null {
  return (
    [e.place.name, ...e.place.otherNames].find((n) => normalizeName(n) === e.keys[keyIndex]) ?? null
  );
}
