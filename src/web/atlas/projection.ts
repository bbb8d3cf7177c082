import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';

export const MAP_W = 960;
export const MAP_H = 640;

/** South, South-East and East Asia with the Gulf: where the coalition's routes run. */
export function asiaProjection(): GeoProjection {
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
            [48, -11],
            [48, 46],
            [146, 46],
            [146, -11],
            [48, -11],
          ],
        ],
      },
    },
  );
}

export function pathFor(projection: GeoProjection) {
  return geoPath(projection);
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
