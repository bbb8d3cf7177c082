import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import type { FlowMatrix } from '../../contract/atlas.ts';
import { countriesToDraw, provinceCounts, provinceShapes } from './provinceLayer.ts';
import { toTopology, type ProvinceFile, type ProvinceIndex } from './provinces/format.ts';
import { buildCountry, COUNTRIES, DATA_DIR, formatted, readAdmin1 } from './provinces/generate.ts';
import { asiaProjection, MAP_H, MAP_W } from './projection.ts';

const shipped = (cc: string) =>
  JSON.parse(readFileSync(path.join(DATA_DIR, `${cc}.json`), 'utf8')) as ProvinceFile;
const index = JSON.parse(readFileSync(path.join(DATA_DIR, 'index.json'), 'utf8')) as ProvinceIndex;

function matrix(cells: FlowMatrix['cells'], level: FlowMatrix['level'] = 'province') {
  const ids = [...new Set(cells.flatMap((c) => [c.origin, c.destination]))];
  const nodes = ids.map((id) => ({ id, name: `name of ${id}`, countryCode: id.slice(0, 2) }));
  // Totals as the server sends them: a line whose every cell is withheld has its total withheld.
  const totals = (key: 'origin' | 'destination') => {
    const t: Record<string, number | null> = {};
    for (const c of cells)
      t[c[key]] = c.n === null ? (t[c[key]] ?? null) : (t[c[key]] ?? 0) + (c.n as number);
    return t;
  };
  return {
    level,
    origins: nodes,
    destinations: nodes,
    originTotals: totals('origin'),
    destinationTotals: totals('destination'),
  };
}

describe('province layer', () => {
  it('sums each province’s outflow and inflow from the province flow table', () => {
    const counts = provinceCounts(
      matrix([
        { origin: 'MM-05', destination: 'TH-10', n: 4 },
        { origin: 'MM-05', destination: 'TH-63', n: 2 },
        { origin: 'TH-63', destination: 'TH-10', n: 3 },
        { origin: 'KH', destination: 'TH-10', n: 5 }, // no province known: stays at its country
        { origin: 'LA-VT', destination: 'TH-10', n: null }, // withheld
      ]),
    );
    expect(counts.get('MM-05')).toEqual({
      id: 'MM-05',
      name: 'name of MM-05',
      outflow: 6,
      inflow: 0,
    });
    expect(counts.get('TH-10')).toMatchObject({ outflow: 0, inflow: 12 });
    expect(counts.get('TH-63')).toMatchObject({ outflow: 3, inflow: 2 });
    expect(counts.has('KH')).toBe(false);
    expect(counts.has('LA-VT')).toBe(false);
    // A public table comes back by country: no provinces.
    expect(
      provinceCounts(matrix([{ origin: 'TH', destination: 'MY', n: 20 }], 'country')).size,
    ).toBe(0);
  });

  it('draws Thailand’s provinces keyed by the gazetteer’s ISO 3166-2 ids', () => {
    const topo = toTopology(shipped('TH'));
    const counts = provinceCounts(matrix([{ origin: 'TH-63', destination: 'TH-10', n: 3 }]));
    const shapes = provinceShapes('TH', topo, counts, asiaProjection());
    expect(shapes).toHaveLength(77);
    const bangkok = shapes.find((s) => s.id === 'TH-10')!;
    expect(bangkok.count).toMatchObject({ inflow: 3 });
    expect(bangkok.d).toMatch(/^M[\d.]+,[\d.]+/);
    expect(shapes.find((s) => s.id === 'TH-50')).toMatchObject({ name: 'Chiang Mai' });
  });

  it('draws the outlines d3-geo draws, from arcs projected once', () => {
    const projection = asiaProjection();
    const path = geoPath(projection);
    // |signed area| summed over rings, and the bounding box: of path data made of M, L and Z
    const measure = (d: string) => {
      let area = 0;
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of d.split(/Z/).filter(Boolean)) {
        const pts = ring
          .slice(1)
          .split('L')
          .map((xy) => xy.split(',').map(Number) as [number, number]);
        for (let i = 0; i < pts.length; i++) {
          const [x1, y1] = pts[i]!;
          const [x2, y2] = pts[(i + 1) % pts.length]!;
          area += (x1 * y2 - x2 * y1) / 2;
          box[0] = Math.min(box[0]!, x1);
          box[1] = Math.min(box[1]!, y1);
          box[2] = Math.max(box[2]!, x1);
          box[3] = Math.max(box[3]!, y1);
        }
      }
      return { area, box };
    };
    for (const cc of ['TH', 'ID', 'LK']) {
      const topo = toTopology(shipped(cc));
      // LK-1 merges its districts: the merged outline is checked too
      const counts = provinceCounts(matrix([{ origin: 'LK-1', destination: 'TH-10', n: 1 }]));
      for (const shape of provinceShapes(cc, topo, counts, projection)) {
        const geoms = topo.objects.provinces.geometries.filter(
          (g) =>
            g.id === shape.id || (g.properties?.parent === shape.id && !counts.has(String(g.id))),
        );
        const reference = path(geoms.length === 1 ? feature(topo, geoms[0]!) : merge(topo, geoms))!;
        const ours = measure(shape.d);
        const theirs = measure(reference);
        expect(Math.abs(ours.area - theirs.area)).toBeLessThan(0.01 * Math.abs(theirs.area) + 0.5);
        ours.box.forEach((v, i) => expect(Math.abs(v - theirs.box[i]!)).toBeLessThan(0.15));
      }
    }
  });

  it('merges districts into the province a route names (Sri Lanka: LK-11, LK-12, LK-13 → LK-1)', () => {
    const topo = toTopology(shipped('LK'));
    const counts = provinceCounts(matrix([{ origin: 'LK-1', destination: 'LK-31', n: 2 }]));
    const ids = provinceShapes('LK', topo, counts, asiaProjection()).map((s) => s.id);
    expect(ids).toContain('LK-1');
    expect(ids).toContain('LK-31'); // named itself: drawn itself
    expect(ids).not.toContain('LK-11');
    expect(ids).toContain('LK-21'); // not named, nor its province: stays a district
  });

  it('loads the countries the counts name, and those in view once zoomed in', () => {
    const projection = asiaProjection();
    const counts = provinceCounts(matrix([{ origin: 'MM-05', destination: 'TH-10', n: 1 }]));
    const whole = { x: 0, y: 0, w: MAP_W, h: MAP_H };
    expect(countriesToDraw(counts, index, projection, whole, false)).toEqual(['MM', 'TH']);
    const [x, y] = projection([123, 11])!; // the Visayas
    const box = { x: x - 10, y: y - 10, w: 20, h: 20 };
    expect(countriesToDraw(new Map(), index, projection, box, true)).toEqual(['PH']);
  });

  it('ships what generate.ts writes from the pinned Natural Earth data', async () => {
    expect(Object.keys(index).sort()).toEqual([...COUNTRIES].sort());
    const admin1 = readAdmin1();
    for (const cc of ['TH', 'LK']) {
      const text = readFileSync(path.join(DATA_DIR, `${cc}.json`), 'utf8');
      expect(await formatted(buildCountry(cc, admin1))).toBe(text);
    }
  });
});
