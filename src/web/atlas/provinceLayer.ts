import type { GeoProjection } from 'd3-geo';
import { merge } from 'topojson-client';
import type { MultiPolygon as TopoMultiPolygon } from 'topojson-specification';
import type { FlowMatrix } from '../../contract/atlas.ts';
import type { ProvinceIndex, ProvinceProps, ProvinceTopology } from './provinces/format.ts';
import { countValue } from './labels.ts';

/** Routes starting and ending in one province, summed over the province flow table. */
export interface ProvinceCount {
  id: string;
  name: string;
  outflow: number;
  inflow: number;
}
export type ProvinceCounts = Map<string, ProvinceCount>;

const PROVINCE_ID = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/**
 * Per-province outflow and inflow from `GET /api/atlas/flows?level=province`. Only ISO 3166-2 ids
 * count (a route whose place has no known province stays at its country); withheld cells (public
 * views) add nothing. A table that came back by country (public views) gives no provinces. Asked
 * for without `top`, the table has every cell.
 */
export function provinceCounts(
  m:
    | Pick<FlowMatrix, 'level' | 'origins' | 'destinations' | 'originTotals' | 'destinationTotals'>
    | undefined,
): ProvinceCounts {
  const out: ProvinceCounts = new Map();
  if (!m || m.level !== 'province') return out;
  const names = new Map([...m.origins, ...m.destinations].map((n) => [n.id, n.name]));
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) {
      c = { id, name: names.get(id) ?? id, outflow: 0, inflow: 0 };
      out.set(id, c);
    }
    return c;
  };
  // The row and column totals: the layer needs no cells (the Map tab asks with `cells=none`).
  for (const [id, n] of Object.entries(m.originTotals))
    if (n && PROVINCE_ID.test(id)) get(id).outflow += countValue(n);
  for (const [id, n] of Object.entries(m.destinationTotals))
    if (n && PROVINCE_ID.test(id)) get(id).inflow += countValue(n);
  return out;
}

/** A map box in projected units (the SVG's viewBox). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The countries whose provinces to draw: those the province table names, and, once zoomed in
 * (a third of the region or less across), those in view. Sorted, so it can key an effect.
 */
export function countriesToDraw(
  counts: ProvinceCounts,
  index: ProvinceIndex,
  projection: GeoProjection,
  view: Box,
  zoomedIn: boolean,
): string[] {
  const out = new Set<string>();
  for (const id of counts.keys()) {
    const cc = id.slice(0, 2);
    if (index[cc]) out.add(cc);
  }
  if (zoomedIn) {
    for (const [cc, [w, s, e, n]] of Object.entries(index)) {
      const a = projection([w, n]);
      const b = projection([e, s]);
      if (!a || !b) continue;
      if (a[0] < view.x + view.w && b[0] > view.x && a[1] < view.y + view.h && b[1] > view.y)
        out.add(cc);
    }
  }
  return [...out].sort();
}

export interface ProvinceShape {
  /** The id counts are keyed by: the province's own, or a larger division it rolls up into. */
  id: string;
  country: string;
  name: string;
  d: string;
  count: ProvinceCount | undefined;
}

/** Each arc of a topology, projected once: [x0, y0, x1, y1, …] in map units. */
const arcCache = new WeakMap<ProvinceTopology, { projection: GeoProjection; arcs: number[][] }>();
function projectedArcs(topo: ProvinceTopology, projection: GeoProjection): number[][] {
  const cached = arcCache.get(topo);
  if (cached && cached.projection === projection) return cached.arcs;
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  const arcs = topo.arcs.map((arc) => {
    const out: number[] = [];
    let x = 0;
    let y = 0;
    for (const [dx, dy] of arc) {
      x += dx!;
      y += dy!;
      const p = projection([x * sx + tx, y * sy + ty]);
      if (p) out.push(p[0], p[1]);
    }
    return out;
  });
  arcCache.set(topo, { projection, arcs });
  return arcs;
}

/** SVG path data, to a tenth of a map unit, from rings of projected points ([x0, y0, x1, …]). */
function ringsPath(rings: number[][]): string {
  let d = '';
  for (const ring of rings) {
    let last = '';
    let n = 0;
    let part = '';
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const xy = `${Math.round(ring[i]! * 10) / 10},${Math.round(ring[i + 1]! * 10) / 10}`;
      if (xy === last) continue;
      part += (n === 0 ? 'M' : 'L') + xy;
      last = xy;
      n++;
    }
    if (n >= 3) d += `${part}Z`;
  }
  return d;
}

/** A TopoJSON ring (arc indexes, `~i` reversed) as projected points. */
function ringPoints(ring: number[], arcs: number[][]): number[] {
  const out: number[] = [];
  for (const ref of ring) {
    const arc = arcs[ref < 0 ? ~ref : ref] ?? [];
    const n = arc.length / 2;
    // consecutive arcs share their end points: each arc after the first starts at its second
    for (let k = out.length ? 1 : 0; k < n; k++) {
      const j = ref < 0 ? n - 1 - k : k;
      out.push(arc[2 * j]!, arc[2 * j + 1]!);
    }
  }
  return out;
}

const shapeCache = new WeakMap<
  ProvinceTopology,
  { counts: ProvinceCounts; projection: GeoProjection; shapes: ProvinceShape[] }
>();

/**
 * A country's provinces as SVG paths (kept while the counts and the projection stay the same: a
 * country arriving or a pan redraws nothing). A province the table does not name but whose larger
 * division it does (Sri Lanka's districts → provinces, Nepal's zones → regions) is drawn merged
 * into that division, so the counts land on the right shape. The arcs are projected once each,
 * point by point (nothing here crosses the antimeridian), and the paths written from them: a
 * phone draws twenty countries' provinces in a fraction of what `geoPath` takes.
 */
export function provinceShapes(
  country: string,
  topo: ProvinceTopology,
  counts: ProvinceCounts,
  projection: GeoProjection,
): ProvinceShape[] {
  const cached = shapeCache.get(topo);
  if (cached && cached.counts === counts && cached.projection === projection) return cached.shapes;
  const arcs = projectedArcs(topo, projection);
  const groups = new Map<string, { name: string; geoms: TopoMultiPolygon<ProvinceProps>[] }>();
  for (const g of topo.objects.provinces.geometries) {
    const own = String(g.id);
    const parent = g.properties?.parent;
    const unit = !counts.has(own) && parent && counts.has(parent) ? parent : own;
    const group = groups.get(unit) ?? { name: g.properties?.name ?? own, geoms: [] };
    group.geoms.push(g);
    groups.set(unit, group);
  }
  const shapes: ProvinceShape[] = [];
  for (const [id, { name, geoms }] of groups) {
    const count = counts.get(id);
    let d: string;
    if (geoms.length === 1) {
      d = ringsPath(geoms[0]!.arcs.flatMap((polygon) => polygon.map((r) => ringPoints(r, arcs))));
    } else {
      // Merged: the outline of the divisions together, without their common borders.
      const merged = merge(topo, geoms);
      const rings = merged.coordinates.flatMap((polygon) =>
        polygon.map((ring) => ring.flatMap(([lon, lat]) => projection([lon!, lat!]) ?? [])),
      );
      d = ringsPath(rings);
    }
    shapes.push({ id, country, name: count?.name ?? name, d, count });
  }
  shapeCache.set(topo, { counts, projection, shapes });
  return shapes;
}
