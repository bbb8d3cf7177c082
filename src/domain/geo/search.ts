import { listCountries } from './countries.ts';
import { normalizeName, tokensOf } from './normalize.ts';
import { allCities, allProvinces, countryPlace, type Place, type PlaceKind } from './places.ts';

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
}

let index: Index | undefined;

function build(): Index {
  const places: Place[] = [
    ...listCountries()
      .map((c) => countryPlace(c.code))
      .filter((p): p is Place => p !== undefined),
    ...allProvinces(),
    ...allCities().values(),
  ];
  const entries: Entry[] = places.map((place) => {
    const keys = [...new Set([place.name, ...place.otherNames].map(normalizeName).filter(Boolean))];
    return { place, keys, words: keys.map(tokensOf) };
  });
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
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return {
    entries,
    words: pairs.map((p) => p[0]),
    wordEntry: Int32Array.from(pairs.map((p) => p[1])),
  };
}

export function gazetteerIndex(): Index {
  index ??= build();
  return index;
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

const KIND_RANK: Record<PlaceKind, number> = { country: 0, province: 1, city: 2, point: 3 };

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
  const seen = new Set<number>();
  const scored: { hit: SearchHit; rank: number; kind: number; pop: number }[] = [];
  for (let i = lowerBound(idx.words, longest); i < idx.words.length; i++) {
    if (!idx.words[i]!.startsWith(longest)) break;
    const ei = idx.wordEntry[i]!;
    if (seen.has(ei)) continue;
    seen.add(ei);
    const e = idx.entries[ei]!;
    if (kinds && !kinds.has(e.place.kind)) continue;
    if (countries && !countries.has(e.place.countryCode)) continue;
    const qual = quality(e, q, qWords);
    if (!qual) continue;
    const [rank, keyIndex] = qual;
    const matchedName =
      keyIndex === 0
        ? null
        : ([e.place.name, ...e.place.otherNames].find(
            (n) => normalizeName(n) === e.keys[keyIndex],
          ) ?? null);
    scored.push({
      hit: {
        place: e.place,
        matched: matchedName,
        quality: rank === 0 ? 'exact' : rank === 1 ? 'prefix' : 'word',
      },
      rank,
      kind: KIND_RANK[e.place.kind],
      pop: e.place.population,
    });
  }
  scored.sort((a, b) => a.rank - b.rank || a.kind - b.kind || b.pop - a.pop);
  return scored.slice(0, limit).map((s) => s.hit);
}
