import { describe, expect, it } from 'vitest';
import { getPlace } from './index.ts';
import { listProvinces } from './countries.ts';

/**
 * Province points on the map, in exports and flows (a day-of-issue-14 probe): the GeoJSON export
 * put Tak (TH-63) in Minnesota — country-state-city geocoded five Thai provinces by name.
 */
describe('province coordinates', () => {
  it('every province of Thailand, Myanmar, Laos and Viet Nam lies in its region', () => {
    for (const country of ['TH', 'MM', 'LA', 'VN']) {
      const list = listProvinces(country);
      expect(list.length, country).toBeGreaterThan(10);
      for (const p of list) {
        const place = getPlace(p.code)!;
        expect(place.lat, p.code).toBeGreaterThan(5);
        expect(place.lat, p.code).toBeLessThan(29);
        expect(place.lon, p.code).toBeGreaterThan(92);
        expect(place.lon, p.code).toBeLessThan(110);
      }
    }
  });

  it('Tak is near Mae Sot, Yala in the far south', () => {
    const tak = getPlace('TH-63')!;
    expect(Math.abs(tak.lat - 16.7)).toBeLessThan(1.5);
    expect(Math.abs(tak.lon - 98.8)).toBeLessThan(1.5);
    const yala = getPlace('TH-95')!;
    expect(Math.abs(yala.lat - 6.5)).toBeLessThan(1.5);
    expect(Math.abs(yala.lon - 101.3)).toBeLessThan(1.5);
  });
});
