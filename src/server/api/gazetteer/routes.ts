import { ErrorBody } from '../../../contract/common.ts';
import {
  PlaceItem,
  PlaceParams,
  PlaceSearchQuery,
  PlaceSearchResponse,
  PointQuery,
} from '../../../contract/gazetteer.ts';
import { getPlace, pointId, searchPlaces } from '../../../domain/geo/index.ts';
import type { App } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { presentPlace } from './present.ts';

/** The offline gazetteer: countries, provinces and cities shipped in npm packages. */
export function gazetteerRoutes(app: App): void {
  const open = {
    kind: 'open',
    why: 'public reference data (gazetteer) shipped with the app',
  } as const;
  app.get(
    '/api/gazetteer/search',
    {
      config: { policy: open },
      schema: {
        tags: ['places'],
        summary: 'Search places as you type (English, local and former names; diacritics ignored)',
        querystring: PlaceSearchQuery,
        response: { 200: PlaceSearchResponse, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { q, limit, kind, country } = request.query;
      reply.header('cache-control', 'public, max-age=3600');
      const hits = searchPlaces(q, {
        limit,
        ...(kind ? { kinds: [kind] } : {}),
        ...(country ? { countries: [country] } : {}),
      });
      return {
        items: hits.map((h) => ({
          place: presentPlace(h.place),
          matched: h.matched,
          quality: h.quality,
        })),
      };
    },
  );
  app.get(
    '/api/gazetteer/places/:id',
    {
      config: { policy: open },
      schema: {
        tags: ['places'],
        summary: 'One place by its stable id (TH, TH-63, city:1152188, pt:16.7167,98.5667)',
        params: PlaceParams,
        response: { 200: PlaceItem, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const p = getPlace(request.params.id);
      if (!p) throw notFound('place');
      return presentPlace(p);
    },
  );
  app.get(
    '/api/gazetteer/point',
    {
      config: { policy: open },
      schema: {
        tags: ['places'],
        summary:
          'A point picked on the map (a border crossing, a port): its id, country and province',
        querystring: PointQuery,
        response: { 200: PlaceItem, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const p = getPlace(pointId(request.query.lat, request.query.lon));
      if (!p) throw notFound('place near that point');
      return presentPlace(p);
    },
  );
}
