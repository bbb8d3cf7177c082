import { createRequire } from 'node:module';
import type { City, Country, State } from 'country-state-city';
import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import th from 'i18n-iso-countries/langs/th.json' with { type: 'json' };
import km from 'i18n-iso-countries/langs/km.json' with { type: 'json' };
import vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import id from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import ms from 'i18n-iso-countries/langs/ms.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import hi from 'i18n-iso-countries/langs/hi.json' with { type: 'json' };
import bn from 'i18n-iso-countries/langs/bn.json' with { type: 'json' };
import ur from 'i18n-iso-countries/langs/ur.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import ko from 'i18n-iso-countries/langs/ko.json' with { type: 'json' };
import mn from 'i18n-iso-countries/langs/mn.json' with { type: 'json' };
import ps from 'i18n-iso-countries/langs/ps.json' with { type: 'json' };
import fa from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import ta from 'i18n-iso-countries/langs/ta.json' with { type: 'json' };
import dv from 'i18n-iso-countries/langs/dv.json' with { type: 'json' };

/**
 * Countries (ISO 3166-1) and first-level divisions (ISO 3166-2) from npm packages that ship their
 * data: nothing is fetched at run time. English names come from i18n-iso-countries (the UN/ISO
 * short names); local names where that package has the country's own language.
 */
/**
 * country-state-city parses all its data (some 150k cities) when loaded: it is loaded on first use
 * rather than when the server starts, so a restart answers at once.
 */
interface CountryStateCity {
  Country: typeof Country;
  State: typeof State;
  City: typeof City;
}
const require = createRequire(import.meta.url);
let csc: CountryStateCity | undefined;
export function countryStateCity(): CountryStateCity {
  csc ??= require('country-state-city') as CountryStateCity;
  return csc;
}

for (const locale of [en, th, km, vi, id, ms, zh, hi, bn, ur, ja, ko, mn, ps, fa, ta, dv]) {
  isoCountries.registerLocale(locale);
}

/** The language a country's local name is written in, where the name package carries it. */
const LOCAL_LANGUAGE: Record<string, string> = {
  TH: 'th',
  KH: 'km',
  VN: 'vi',
  ID: 'id',
  MY: 'ms',
  BN: 'ms',
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  MO: 'zh',
  SG: 'zh',
  IN: 'hi',
  BD: 'bn',
  PK: 'ur',
  JP: 'ja',
  KR: 'ko',
  KP: 'ko',
  MN: 'mn',
  AF: 'ps',
  IR: 'fa',
  LK: 'ta',
  MV: 'dv',
};

export interface CountryInfo {
  code: string;
  name: string;
  localName?: string;
  /** Names in the languages the interface ships, so a Thai screen can show Thai names. */
  names: Record<string, string>;
  latitude: number;
  longitude: number;
}

export interface ProvinceInfo {
  /** ISO 3166-2 code, e.g. `TH-10` for Bangkok. */
  code: string;
  countryCode: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

const UI_LANGUAGES = ['en', 'th'] as const;

function buildCountries(): Map<string, CountryInfo> {
  const out = new Map<string, CountryInfo>();
  for (const c of countryStateCity().Country.getAllCountries()) {
    const name = isoCountries.getName(c.isoCode, 'en');
    if (!name) continue; // not an ISO 3166-1 code (e.g. Kosovo's user-assigned XK)
    const lang = LOCAL_LANGUAGE[c.isoCode];
    const localName = lang ? isoCountries.getName(c.isoCode, lang) : undefined;
    const names: Record<string, string> = {};
    for (const l of UI_LANGUAGES) names[l] = isoCountries.getName(c.isoCode, l) ?? name;
    out.set(c.isoCode, {
      code: c.isoCode,
      name,
      ...(localName && localName !== name ? { localName } : {}),
      names,
      latitude: Number(c.latitude),
      longitude: Number(c.longitude),
    });
  }
  return out;
}

let countries: Map<string, CountryInfo> | undefined;
const provincesByCountry = new Map<string, ProvinceInfo[]>();

function countryMap(): Map<string, CountryInfo> {
  countries ??= buildCountries();
  return countries;
}

export function listCountries(): CountryInfo[] {
  return [...countryMap().values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function getCountry(code: string): CountryInfo | undefined {
  return countryMap().get(code);
}

/**
 * Every name a file may give a country by: the ISO names in English (all variants: "South Korea",
 * "Republic of Korea"), the names in the interface's languages and the local one, the other data
 * set's name ("Laos"), and the ISO alpha-3 code.
 */
export function countryAliases(code: string): string[] {
  const c = countryMap().get(code);
  if (!c) return [];
  const english = isoCountries.getName(code, 'en', { select: 'all' }) ?? [];
  const other = countryStateCity().Country.getCountryByCode(code)?.name;
  const alpha3 = isoCountries.alpha2ToAlpha3(code);
  return [
    ...new Set(
      [c.name, ...english, ...Object.values(c.names), c.localName, other, alpha3].filter(
        (n): n is string => !!n,
      ),
    ),
  ];
}

export function isCountryCode(code: string): boolean {
  return countryMap().has(code);
}

export function listProvinces(countryCode: string): ProvinceInfo[] {
  const cached = provincesByCountry.get(countryCode);
  if (cached) return cached;
  if (!isCountryCode(countryCode)) return [];
  const list = countryStateCity()
    .State.getStatesOfCountry(countryCode)
    .map((s) => ({
      code: `${countryCode}-${s.isoCode}`,
      countryCode,
      name: s.name,
      latitude: s.latitude ? Number(s.latitude) : null,
      longitude: s.longitude ? Number(s.longitude) : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const country = countryMap().get(countryCode);
  if (country) for (const p of list) placeFarProvince(p, country);
  provincesByCountry.set(countryCode, list);
  return list;
}

/** More than this many degrees from where its cities are: a province point is wrong. */
const FAR = 5;

/**
 * country-state-city places a few provinces on another continent (Tak, Nan, Sukhothai, Surin and
 * Yala of Thailand sit in North America: geocoded by name). A province point far from its
 * country's centre is checked against the province's own cities and, when it is far from them
 * too, moved to their median — so maps, exports and flows put Tak in Thailand.
 */
function placeFarProvince(
  p: { code: string; latitude: number | null; longitude: number | null },
  country: { code: string; latitude: number; longitude: number },
): void {
  const far = (lat: number, lon: number, lat2: number, lon2: number, deg: number) =>
    Math.abs(lat - lat2) > deg || Math.abs(((lon - lon2 + 540) % 360) - 180) > deg;
  if (
    p.latitude !== null &&
    p.longitude !== null &&
    !far(p.latitude, p.longitude, country.latitude, country.longitude, 20)
  )
    return;
  const state = p.code.slice(country.code.length + 1);
  const cities = (countryStateCity().City.getCitiesOfState(country.code, state) ?? []).filter(
    (c) => c.latitude && c.longitude,
  );
  if (cities.length === 0) return;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const lat = median(cities.map((c) => Number(c.latitude)));
  const lon = median(cities.map((c) => Number(c.longitude)));
  if (p.latitude === null || p.longitude === null || far(p.latitude, p.longitude, lat, lon, FAR)) {
    p.latitude = lat;
    p.longitude = lon;
  }
}

export function getProvince(code: string): ProvinceInfo | undefined {
  const countryCode = code.split('-', 1)[0] ?? '';
  return listProvinces(countryCode).find((p) => p.code === code);
}
