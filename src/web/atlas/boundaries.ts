import type { CountryFile } from './countries/format.ts';
import {
  toTopology,
  type ProvinceFile,
  type ProvinceIndex,
  type ProvinceTopology,
} from './provinces/format.ts';
import provinceIndex from './provinces/data/index.json';

export type { CountryFile, CountryShapeData } from './countries/format.ts';

/**
 * Country boundaries: Natural Earth 1:50m (world-atlas), projected and cut to the map at build time
 * by countries/generate.ts, each level its own lazy chunk loaded only when a map is shown: no tile
 * server, nothing fetched from outside, nothing to project on the phone. `overview` (≈73 kB
 * brotli) draws the region; `detail` (≈155 kB) is 1:50m as it is, for a zoomed-in map.
 */
const countryFiles = import.meta.glob<CountryFile>('./countries/data/*.json', {
  import: 'default',
});
export type CountryLevel = 'overview' | 'detail';
const countryLoads = new Map<CountryLevel, Promise<CountryFile>>();

export function loadCountries(level: CountryLevel): Promise<CountryFile> {
  let p = countryLoads.get(level);
  if (!p) {
    const load = countryFiles[`./countries/data/${level}.json`]!;
    p = load().catch((err: unknown) => {
      // A chunk that failed to arrive (the Wi-Fi dropped) is asked for again next time.
      countryLoads.delete(level);
      throw err;
    });
    countryLoads.set(level, p);
  }
  return p;
}

/** The countries that have province boundaries, with their bounding boxes (a small static file). */
export const PROVINCE_COUNTRIES = provinceIndex as unknown as ProvinceIndex;

/** One lazy chunk per country (0.2–20 kB gzip), so a phone fetches only the countries it draws. */
const provinceFiles = import.meta.glob<ProvinceFile>(
  ['./provinces/data/*.json', '!./provinces/data/index.json'],
  { import: 'default' },
);
const provinceLoads = new Map<string, Promise<ProvinceTopology | null>>();

/**
 * Natural Earth 1:10m first-level divisions (provinces, states…) of one country, simplified for
 * this map by provinces/generate.ts; `null` for a country without them.
 */
export function loadProvinces(country: string): Promise<ProvinceTopology | null> {
  let p = provinceLoads.get(country);
  if (!p) {
    const load = provinceFiles[`./provinces/data/${country}.json`];
    // A chunk that failed to arrive (the Wi-Fi dropped) is asked for again next time.
    p = load
      ? load().then(toTopology, () => {
          provinceLoads.delete(country);
          return null;
        })
      : Promise.resolve(null);
    provinceLoads.set(country, p);
  }
  return p;
}
