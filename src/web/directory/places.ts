import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryItem, ProvinceItem } from '../../contract/places.ts';
import { api } from '../api.ts';
import { useResource } from '../shell/useResource.ts';

// The gazetteer does not change while the page is open: fetch each list once per page load.
let countriesPromise: Promise<CountryItem[]> | null = null;
const provincePromises = new Map<string, Promise<ProvinceItem[]>>();

function loadCountries(): Promise<CountryItem[]> {
  countriesPromise ??= api.countries().then(
    (r) => r.items,
    (err: unknown) => {
      countriesPromise = null; // let a later visit retry
      throw err;
    },
  );
  return countriesPromise;
}

export function loadProvinces(country: string): Promise<ProvinceItem[]> {
  let p = provincePromises.get(country);
  if (!p) {
    p = api.provinces(country).then(
      (r) => r.items,
      (err: unknown) => {
        provincePromises.delete(country);
        throw err;
      },
    );
    provincePromises.set(country, p);
  }
  return p;
}

export interface CountryOption {
  code: string;
  /** The name in the interface language. */
  name: string;
  /** "Cambodia (កម្ពុជា)": the name plus the local name when it differs. */
  label: string;
}

export function countryName(c: CountryItem, lang: string): string {
  return c.names[lang] ?? c.name;
}

/** Countries sorted by their name in the interface language, with local names for the pickers. */
export function useCountries(): {
  options: CountryOption[];
  byCode: Map<string, CountryOption>;
  error: unknown;
} {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const res = useResource('countries', loadCountries);
  const items = res.data;
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const options = (items ?? [])
      .map((c) => {
        const name = countryName(c, lang);
        const local = c.localName;
        return { code: c.code, name, label: local && local !== name ? `${name} (${local})` : name };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
    return { options, byCode: new Map(options.map((o) => [o.code, o])), error: res.error };
  }, [items, lang, res.error]);
}

/** Province names for a set of countries, by code. */
export function useProvinceNames(countries: readonly string[]): Map<string, string> {
  const key = [...countries].sort().join(',');
  const res = useResource(key ? `provinces:${key}` : null, () =>
    Promise.all(key.split(',').map((c) => loadProvinces(c).catch(() => [] as ProvinceItem[]))),
  );
  const lists = res.data;
  return useMemo(() => new Map((lists ?? []).flat().map((p) => [p.code, p.name])), [lists]);
}
