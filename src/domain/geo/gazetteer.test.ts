import { describe, expect, it } from 'vitest';
import { getPlace, lineage, pointId, searchPlaces } from './index.ts';

describe('gazetteer', () => {
  it('finds Ho Chi Minh City by its local and former names, diacritics or not', () => {
    for (const q of ['Sài Gòn', 'sai gon', 'SAIGON', 'Thành phố Hồ Chí Minh', 'ho chi minh city'])
      expect(
        searchPlaces(q, { limit: 3 }).map((h) => h.place.id),
        q,
      ).toContain('city:1566083');
  });

  it('ranks exact before prefix, countries before cities, then population', () => {
    const hits = searchPlaces('thai', { limit: 3 });
    expect(hits[0]!.place.id).toBe('TH');
    const bangkok = searchPlaces('bangkok', { kinds: ['city'], limit: 3 });
    expect(bangkok[0]!.place.name).toBe('Bangkok');
    expect(bangkok[0]!.quality).toBe('exact');
  });

  it('searches Thai script and restricts by country', () => {
    expect(searchPlaces('กรุงเทพ')[0]!.place.id).toBe('city:1609350');
    expect(searchPlaces('mae sot', { countries: ['TH'] })[0]!.place.provinceCode).toBe('TH-63');
  });

  it('gives stable ids that resolve back, with the hierarchy', () => {
    const maeSot = getPlace('city:1152188')!;
    expect(maeSot.name).toBe('Mae Sot');
    expect(lineage(maeSot)).toEqual(['city:1152188', 'TH-63', 'TH']);
    expect(getPlace('TH-63')!.kind).toBe('province');
    expect(getPlace('XX')).toBeUndefined();
    expect(getPlace('city:999999999')).toBeUndefined();
  });

  it('turns a point picked on the map into a place with a country', () => {
    const id = pointId(16.71234567, 98.5712345);
    expect(id).toBe('pt:16.7123,98.5712');
    const p = getPlace(id)!;
    expect(p.kind).toBe('point');
    expect(['TH', 'MM']).toContain(p.countryCode);
  });

  // Search speed is a benchmark (bench/atlas, p99 in docs/benchmarks.md), never a timed unit test.
});
