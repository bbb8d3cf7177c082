import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  toTopology,
  type ProvinceFile,
  type ProvinceIndex,
  type ProvinceTopology,
} from './provinces/format.ts';
import provinceIndex from './provinces/data/index.json';

export type Countries = FeatureCollection<Geometry, { name: string }>;

let loading: Promise<Countries> | undefined;

/**
 * Natural Earth 1:50m country boundaries (world-atlas), shipped in the bundle as its own chunk and
 * loaded only when a map is shown: no tile server, nothing fetched from outside.
 */
export function loadCountries(): Promise<Countries> {
  loading ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = m.default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    return feature(topo, topo.objects.countries) as Countries;
  });
  return loading;
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
