import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type Countries = FeatureCollection<Geometry, { name: string }>;

let loading: Promise<Countries> | undefined;

/**
 * Natural Earth 1:50m country boundaries (world-atlas), shipped in the bundle as its own chunk and
 * loaded only when a map is shown: no tile server, nothing fetched from outside.
 */
export function loadCountries(): Promise<Countries> {
  loading ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = m.default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    return feature(topo, topo.objects.countries) as Countries;
  });
  return loading;
}
