import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import type { CountryFile } from './countries/format.ts';
import { buildLevel, DATA_DIR, LEVELS, readWorld, type Level } from './countries/generate.ts';
import { formatted } from './provinces/generate.ts';
import { asiaProjection, EXTENT, fitAsia, MAP_H, MAP_W } from './projection.ts';

const shipped = (level: Level) =>
  JSON.parse(readFileSync(path.join(DATA_DIR, `${level}.json`), 'utf8')) as CountryFile;

/** The rings of shipped path data (`M x y`, relative `l` moves, `h`/`v`, `z`), in map units. */
function rings(d: string, scale: number): [number, number][][] {
  const out: [number, number][][] = [];
  const tokens = d.match(/[Mlhvz]|-?\d+/g) ?? [];
  let x = 0;
  let y = 0;
  let cmd = '';
  let ring: [number, number][] = [];
  for (let i = 0; i < tokens.length;) {
    const tok = tokens[i]!;
    if (/[Mlhvz]/.test(tok)) {
      cmd = tok;
      i++;
      if (cmd === 'z') {
        out.push(ring);
        ring = [];
      }
      continue;
    }
    if (cmd === 'M') {
      x = Number(tok);
      y = Number(tokens[i + 1]);
      i += 2;
    } else if (cmd === 'l') {
      x += Number(tok);
      y += Number(tokens[i + 1]);
      i += 2;
    } else {
      if (cmd === 'h') x += Number(tok);
      else y += Number(tok);
      i++;
    }
    ring.push([x * scale, y * scale]);
  }
  return out;
}

function box(points: [number, number][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
}

/**
 * What d3-geo draws of each world-atlas country, cut to a box: the reference. Without adaptive
 * resampling: Natural Earth's edges are straight in longitude and latitude, so straight on the map
 * (d3 would bend a long edge into a great circle, 0.8 map units off on Russia's Arctic coast).
 */
function reference(clip: [[number, number], [number, number]]) {
  const { topology } = readWorld();
  const points = new Map<string, [number, number][]>();
  for (const g of topology.objects.countries.geometries) {
    const f = feature(topology, g) as Feature<Geometry, { name: string }>;
    const pts: [number, number][] = [];
    geoPath(asiaProjection().precision(0).clipExtent(clip), {
      moveTo: (x: number, y: number) => pts.push([x, y]),
      lineTo: (x: number, y: number) => pts.push([x, y]),
      closePath: () => undefined,
      arc: () => undefined,
      beginPath: () => undefined,
    } as unknown as CanvasRenderingContext2D)(f);
    if (pts.length) points.set(`${String(g.id ?? '')}:${f.properties.name}`, pts);
  }
  return points;
}

describe('country boundaries (countries/generate.ts)', () => {
  it('the projection is the fit of the region, as a constant', () => {
    const fitted = fitAsia();
    const ours = asiaProjection();
    expect(ours.scale()).toBe(fitted.scale());
    expect(ours.translate()).toEqual(fitted.translate());
  });

  it('ships what generate.ts writes from the pinned world-atlas', async () => {
    const world = readWorld();
    for (const level of Object.keys(LEVELS) as Level[]) {
      const text = readFileSync(path.join(DATA_DIR, `${level}.json`), 'utf8');
      expect(await formatted(buildLevel(world, level))).toBe(text);
    }
  });

  it('keeps every country the map shows, the smallest too, where d3-geo draws it', () => {
    const inView = reference([
      [0, 0],
      [MAP_W, MAP_H],
    ]);
    const inExtent = reference([
      [EXTENT.x, EXTENT.y],
      [EXTENT.x + EXTENT.w, EXTENT.y + EXTENT.h],
    ]);
    for (const level of Object.keys(LEVELS) as Level[]) {
      const file = shipped(level);
      const byKey = new Map(file.countries.map((c) => [`${c.id}:${c.name}`, c]));
      for (const key of inView.keys()) expect(byKey.has(key), `${level}: ${key}`).toBe(true);
      for (const id of ['702', '048', '344', '446', '462', '096']) {
        expect(
          file.countries.some((c) => c.id === id),
          `${level}: ${id}`,
        ).toBe(true);
      }
      // Each country where d3-geo puts it, within the simplification and the steps.
      const antimeridian = [-180, 180].map((lon) => asiaProjection()([lon, 0])![0]);
      const slack = LEVELS[level].tolerance + LEVELS[level].scale;
      for (const [key, pts] of inExtent) {
        const shape = byKey.get(key);
        expect(shape, `${level}: ${key}`).toBeDefined();
        const ours = box(rings(shape!.d, file.scale).flat());
        const theirs = box(pts);
        ours.forEach((v, i) => {
          // d3-geo cuts a ring crossing the antimeridian at ±180° exactly: ours ends at its last
          // point, up to 0.1° before (Chukotka)
          const cut = i % 2 === 0 && antimeridian.some((x) => Math.abs(theirs[i]! - x) < 1);
          expect(Math.abs(v - theirs[i]!), `${level}: ${key}`).toBeLessThan(cut ? 1 : slack);
        });
      }
    }
  });

  it('the overview drops detail only below what a screen shows at full view', () => {
    const file = shipped('overview');
    const thailand = file.countries.find((c) => c.id === '764')!;
    const detail = shipped('detail').countries.find((c) => c.id === '764')!;
    const area = (rs: [number, number][][]) =>
      rs.reduce((sum, r) => {
        let a = 0;
        for (let i = 0; i < r.length; i++) {
          const [x1, y1] = r[i]!;
          const [x2, y2] = r[(i + 1) % r.length]!;
          a += x1 * y2 - x2 * y1;
        }
        return sum + Math.abs(a / 2);
      }, 0);
    const a = area(rings(thailand.d, file.scale));
    const b = area(rings(detail.d, shipped('detail').scale));
    expect(Math.abs(a - b) / b).toBeLessThan(0.01);
    expect(thailand.d.length).toBeLessThan(detail.d.length / 2);
  });
});
