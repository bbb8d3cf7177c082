import { z } from 'zod';
import { format } from './common.ts';

/**
 * Exports (issue 14, "data in and out"): every entity as plain CSV, CSV with HXL hashtags as the
 * second row, JSON, and GeoJSON for the ones with a geometry. The server's registry
 * (src/server/api/exports/registry.ts) has one entry per name here; a test keeps them equal.
 */
export const EXPORT_ENTITIES = [
  'organisations',
  'places',
  'routes',
  'flows',
  'events',
  'participants',
  'cards',
  'factors',
  'patterns',
  'learnings',
  'commitments',
] as const;
export type ExportEntityName = (typeof EXPORT_ENTITIES)[number];

/** Entities with a geometry: GeoJSON is offered for these only. */
export const GEO_EXPORTS: readonly ExportEntityName[] = ['places', 'routes', 'flows'];

export const ExportFormat = z.enum(['csv', 'hxl', 'json', 'geojson']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportQuery = z
  .object({
    format: ExportFormat.default('csv'),
    /** `public`: what an anonymous visitor may see (public records, small counts withheld). */
    view: z.enum(['coalition', 'public']).default('coalition'),
    coalition: z
      .string()
      .regex(format(/^[a-z0-9-]{1,60}$/, 'slug'), 'must be a coalition slug')
      .optional(),
    /** One event's rows (events, participants, cards, patterns). */
    event: z.string().uuid('must be an event id').optional(),
  })
  .strict();
export type ExportQuery = z.infer<typeof ExportQuery>;
