/**
 * Country boundaries as the atlas map ships them: already projected onto the map (projection.ts),
 * cut to what the map can show (EXTENT), as SVG path data. The browser only hands the strings to
 * the DOM: no TopoJSON to decode, no projecting, on a phone. Written by generate.ts from Natural
 * Earth 1:50m (world-atlas).
 */
export interface CountryFile {
  /** Where the shapes come from. */
  source: string;
  /** How much detail was dropped: Douglas–Peucker tolerance, in map units (0: none). */
  tolerance: number;
  /** Path coordinates are integers; multiply by this to get map units (an SVG `scale()`). */
  scale: number;
  /** The box the shapes were cut to, in map units: [x0, y0, x1, y1]. */
  extent: [number, number, number, number];
  /** In world-atlas's order (the order they are drawn in). */
  countries: CountryShapeData[];
}

export interface CountryShapeData {
  /** ISO 3166-1 numeric, as world-atlas has it ('' for the few without one: Kosovo…). */
  id: string;
  name: string;
  /** SVG path data: `M x y` then relative `l` moves, in units of `scale`. */
  d: string;
}
