import { z } from 'zod';
import { format } from './common.ts';

/** Stable place ids: `TH` (country), `TH-63` (province), `city:1152188` (GeoNames), `pt:16.7167,98.5667` (a point on the map). */
export const PlaceId = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .regex(
    format(
      /^(?:[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3}|city:\d{1,10}|pt:-?\d{1,2}(?:\.\d{1,4})?,-?\d{1,3}(?:\.\d{1,4})?)$/,
      'place',
    ),
    'must be a place id such as TH, TH-63, city:1152188 or pt:16.7167,98.5667',
  );

export const PlaceKind = z.enum(['country', 'province', 'city', 'point']);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const PlaceItem = z
  .object({
    id: z.string(),
    kind: PlaceKind,
    name: z.string(),
    otherNames: z.array(z.string()),
    countryCode: z.string(),
    countryName: z.string(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    lat: z.number(),
    lon: z.number(),
    population: z.number().int().nullable(),
  })
  .meta({ id: 'Place' });
export type PlaceItem = z.infer<typeof PlaceItem>;

export const PlaceSearchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  kind: PlaceKind.optional(),
  country: z
    .string()
    .regex(format(/^[A-Z]{2}$/, 'country'), 'must be an ISO 3166-1 alpha-2 code')
    .optional(),
});
export type PlaceSearchQuery = z.infer<typeof PlaceSearchQuery>;

export const PlaceSearchHit = z.object({
  place: PlaceItem,
  matched: z.string().nullable().describe('The other name that matched, if not the main one'),
  quality: z.enum(['exact', 'prefix', 'word']),
});
export const PlaceSearchResponse = z.object({ items: z.array(PlaceSearchHit) });
export type PlaceSearchResponse = z.infer<typeof PlaceSearchResponse>;

export const PlaceParams = z.object({ id: PlaceId });
export const PointQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
});
