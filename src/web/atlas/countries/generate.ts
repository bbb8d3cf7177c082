/**
 * Writes the country boundaries the atlas map ships (src/web/atlas/countries/data/*.json) from
 * Natural Earth 1:50m countries (public domain) as world-atlas (ISC) carries them. Run it again
 * after upgrading world-atlas or changing the map's projection (projection.ts); a unit test checks
 * the committed files are what it writes:
 *
 *   node --import tsx src/web/atlas/countries/generate.ts
 *
 * Every arc of the topology is projected once (the map's Mercator) and simplified once
 * (Douglas–Peucker with fixed ends, in map units, so neighbours keep a common border); each
 * country is then cut to what the map can show (EXTENT, by d3-geo's rectangle clipping) and
 * written as SVG path data in integer steps with relative moves. Two levels:
 *
 * - `overview.json`: what the whole region needs (0.4 map units, below a pixel on a phone or a
 *   laptop): the first drawing of the map.
 * - `detail.json`: Natural Earth 1:50m as it is (0.05 units), loaded once the map is zoomed in.
 *
 * Both keep every country of world-atlas that reaches the extent, the smallest too (Singapore,
 * Bahrain, Hong Kong, Macao, the Maldives): a ring too small to survive the integer steps is kept
 * as a dot-sized ring, so that a country is never lost. Nothing is fetched: the package is local.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { formatted } from '../provinces/generate.ts';
import { asiaProjection, EXTENT } from '../projection.ts';
import type { CountryFile, CountryShapeData } from './format.ts';
import { keepPoints } from '../simplify.ts';

export const LEVELS = {
  overview: { tolerance: 0.4, scale: 0.1 },
  detail: { tolerance: 0.05, scale: 0.05 },
} as const;
export type Level = keyof typeof LEVELS;

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

export function readWorld(): { topology: WorldTopology; source: string } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('world-atlas/package.json'));
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    topology: JSON.parse(
      readFileSync(path.join(dir, 'countries-50m.json'), 'utf8'),
    ) as WorldTopology,
    source: `Natural Earth 1:50m countries, world-atlas ${version}`,
  };
}

type XY = [number, number];

/** The topology's arcs, decoded and projected onto the map (Mercator: latitudes kept within ±85°). */
function projectedArcs(topology: WorldTopology): XY[][] {
  const projection = asiaProjection();
  const [sx, sy] = topology.transform!.scale;
  const [tx, ty] = topology.transform!.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      const lat = Math.max(-85, Math.min(85, y * sy + ty));
      return projection([x * sx + tx, lat])!;
    });
  });
}

/** An arc simplified (simplify.ts); a closed arc keeps at least a quadrilateral. */
function simplify(a: XY[], tolerance: number): XY[] {
  if (a.length <= 2) return a;
  const last = a.length - 1;
  const keep = keepPoints(
    a.length,
    (i) => a[i]![0],
    (i) => a[i]![1],
    { tolerance, closed: a[0]![0] === a[last]![0] && a[0]![1] === a[last]![1], minClosed: 5 },
  );
  return a.filter((_, i) => keep[i]);
}

/** A d3-geo path context writing rings as integer steps: `M x y l dx dy … z`. */
class StepPath {
  private rings: string[] = [];
  private ring: XY[] = [];
  constructor(private readonly step: number) {}
  moveTo(x: number, y: number) {
    this.flush();
    this.ring = [[x, y]];
  }
  lineTo(x: number, y: number) {
    this.ring.push([x, y]);
  }
  closePath() {
    this.flush();
  }
  arc() {}
  beginPath() {}
  private flush() {
    const pts: XY[] = [];
    for (const [x, y] of this.ring) {
      const p: XY = [Math.round(x / this.step), Math.round(y / this.step)];
      const prev = pts[pts.length - 1];
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) pts.push(p);
    }
    const first = pts[0];
    const end = pts[pts.length - 1];
    if (pts.length > 1 && first && end && first[0] === end[0] && first[1] === end[1]) pts.pop();
    this.ring = [];
    if (!first) return;
    let d = `M${first[0]} ${first[1]}`;
    if (pts.length < 3) {
      // Too small for the steps (an islet): a one-step square, so the country stays on the map.
      d += 'h1v1h-1z';
    } else {
      const nums: number[] = [];
      for (let i = 1; i < pts.length; i++)
        nums.push(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
      d += `l${nums.map((n, i) => (i === 0 || n < 0 ? String(n) : ` ${n}`)).join('')}z`;
    }
    this.rings.push(d);
  }
  result(): string {
    this.flush();
    const d = this.rings.join('');
    this.rings = [];
    return d;
  }
}

/** One level of the shipped country boundaries. */
export function buildLevel(world: { topology: WorldTopology; source: string }, level: Level) {
  const { tolerance, scale } = LEVELS[level];
  const { topology } = world;
  const arcs = projectedArcs(topology).map((a) => simplify(a, tolerance));
  const projected = { type: 'Topology', objects: topology.objects, arcs } as WorldTopology;
  const x1 = EXTENT.x + EXTENT.w;
  const y1 = EXTENT.y + EXTENT.h;
  const context = new StepPath(scale);
  const path = geoPath(
    geoIdentity().clipExtent([
      [EXTENT.x, EXTENT.y],
      [x1, y1],
    ]),
    context,
  );
  const countries: CountryShapeData[] = [];
  for (const g of topology.objects.countries.geometries) {
    const f = feature(projected, g) as Feature<Geometry, { name: string }>;
    path(f);
    const d = context.result();
    if (d) countries.push({ id: String(g.id ?? ''), name: f.properties.name, d });
  }
  const file: CountryFile = {
    source: world.source,
    tolerance,
    scale,
    extent: [EXTENT.x, EXTENT.y, x1, y1],
    countries,
  };
  return file;
}

async function main() {
  const started = Date.now();
  const world = readWorld();
  for (const level of Object.keys(LEVELS) as Level[]) {
    const file = buildLevel(world, level);
    const text = await formatted(file);
    writeFileSync(path.join(DATA_DIR, `${level}.json`), text);
    const points = file.countries.reduce((n, c) => n + (c.d.match(/-?\d+/g)?.length ?? 0) / 2, 0);
    console.log(
      `${level}: ${file.countries.length} countries, ≈${Math.round(points)} points, ` +
        `${(text.length / 1024).toFixed(0)} kB`,
    );
  }
  console.log(`done in ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
