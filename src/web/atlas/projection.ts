import { geoMercator, type GeoProjection } from 'd3-geo';

export const MAP_W = 960;
export const MAP_H = 640;

/**
 * What the map can show once panned, in map units: the ocean is drawn over it and the countries
 * are cut to it (countries/generate.ts). From the antimeridian to the antimeridian, ≈84° N to ≈70° S.
 */
export const EXTENT = { x: -2 * MAP_W, y: -1.25 * MAP_H, w: 4 * MAP_W, h: 3.25 * MAP_H };

/** South, South-East and East Asia with the Gulf: where the coalition's routes run (degrees). */
export const REGION = { west: 48, south: -11, east: 146, north: 46 };

/** Mercator fitted to REGION in MAP_W × MAP_H, as `fitAsia()` computes it (a unit test checks). */
const SCALE = 418.4106717484845;
const TRANSLATE: [number, number] = [-228.35645320675064, 517.7769271125641];

/** The map's projection: the fit is a constant, so that a phone does not compute it. */
export function asiaProjection(): GeoProjection {
  return geoMercator().scale(SCALE).translate(TRANSLATE);
}

/** The fit itself: Mercator fitted to REGION. */
export function fitAsia(): GeoProjection {
  const { west, south, east, north } = REGION;
  return geoMercator().fitExtent(
    [
      [0, 0],
      [MAP_W, MAP_H],
    ],
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [west, south],
            [west, north],
            [east, north],
            [east, south],
            [west, south],
          ],
        ],
      },
    },
  );
}

/** A curved, directed flow from a to b, bending to the left of the direction of travel. */
export function curve(a: [number, number], b: [number, number]): string {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const bend = 0.22;
  const cx = (x1 + x2) / 2 - dy * bend;
  const cy = (y1 + y2) / 2 + dx * bend;
  return `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
}
