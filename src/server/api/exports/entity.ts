import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ExportColumn, ExportRow } from '../../../domain/csv/table.ts';
import type { Action, Resource } from '../../auth/policy.ts';
import type { Db } from '../../db/index.ts';
import type { ExportReader } from './reader.ts';

/** What an export may be narrowed to. */
export interface ExportQuery {
  /** One event's rows (participants, cards, patterns): its id. */
  event?: string | undefined;
}

/**
 * One exportable entity: one registry entry each (registry.ts), so a new entity is one small
 * module. `policy` is the rule the reader needs (the route declares the same), `rows` reads what
 * the reader may see (through the policy table, with the public suppression where it counts),
 * and `feature` makes a row a GeoJSON feature for entities with a geometry.
 */
export interface ExportEntity {
  name: string;
  policy: { resource: Resource; action: Action };
  /** Why the public view has none of these, when it has none (said to whoever asks for it). */
  notPublic?: string;
  columns(r: ExportReader): readonly ExportColumn[];
  rows(db: Db, r: ExportReader, q: ExportQuery): Promise<ExportRow[]>;
  feature?: (row: ExportRow) => Feature<Geometry, ExportRow> | null;
}

export function featureCollection(
  entity: ExportEntity,
  rows: readonly ExportRow[],
): FeatureCollection<Geometry, ExportRow> {
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((r) => entity.feature?.(r) ?? []),
  };
}

/** A point feature at a place's coordinates (GeoJSON puts longitude first). */
export function point(
  lon: number,
  lat: number,
  properties: ExportRow,
): Feature<Geometry, ExportRow> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

export function line(
  coordinates: [number, number][],
  properties: ExportRow,
): Feature<Geometry, ExportRow> {
  return { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties };
}
