import type { PlaceItem } from '../../../contract/gazetteer.ts';
import { getCountry, getPlace, getProvince, type Place } from '../../../domain/geo/index.ts';

export function presentPlace(p: Place): PlaceItem {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    otherNames: p.otherNames,
    countryCode: p.countryCode,
    countryName: getCountry(p.countryCode)?.name ?? p.countryCode,
    provinceCode: p.provinceCode,
    provinceName: p.provinceCode ? (getProvince(p.provinceCode)?.name ?? null) : null,
    lat: p.lat,
    lon: p.lon,
    population: p.kind === 'city' ? p.population : null,
  };
}

/** A stored id always resolves (ids are validated on write); a stub keeps a response whole if the data package ever drops one. */
export function placeItem(id: string): PlaceItem {
  const p = getPlace(id);
  if (p) return presentPlace(p);
  return {
    id,
    kind: 'point',
    name: id,
    otherNames: [],
    countryCode: '',
    countryName: '',
    provinceCode: null,
    provinceName: null,
    lat: 0,
    lon: 0,
    population: null,
  };
}
