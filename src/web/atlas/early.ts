import type { AtlasMap } from '../../contract/atlas.ts';
import { atlasApi, qs } from './api.ts';
import { loadCountries } from './boundaries.ts';
import { filtersFrom } from './filters.ts';

/**
 * The map page's two big downloads (its answer and the countries), started as soon as the atlas
 * code arrives rather than once React has drawn the page around the map and run its effects: on a
 * phone (4× slower CPU, 9 Mbit/s) that is 0.2–0.3 s earlier (bench/atlas-page). Only when the page
 * opened is the map itself (`/atlas`, `/atlas/screen`). The answer is used once, by the map's
 * first request for the same filters within a few seconds; otherwise it is forgotten.
 */
let early: { query: string; at: number; answer: Promise<AtlasMap> } | null = null;
const FRESH_MS = 10_000;

export function startMapDownloads(): void {
  if (typeof location === 'undefined' || !/^\/atlas(\/screen)?\/?$/.test(location.pathname)) return;
  const q = filtersFrom(new URLSearchParams(location.search));
  const answer = atlasApi.map(q);
  answer.catch(() => undefined); // if unused, a failure is nobody's to report
  early = { query: qs(q), at: Date.now(), answer };
  loadCountries('overview').catch(() => undefined);
}

/** The answer started early for these filters, once; null if there is none (or it is stale). */
export function takeEarlyMap(query: string): Promise<AtlasMap> | null {
  const e = early;
  early = null;
  return e && e.query === query && Date.now() - e.at < FRESH_MS ? e.answer : null;
}
