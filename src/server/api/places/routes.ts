import { ErrorBody } from '../../../contract/common.ts';
import {
  CountryListResponse,
  CountryParams,
  ProvinceListResponse,
} from '../../../contract/places.ts';
import { isCountryCode, listCountries, listProvinces } from '../../../domain/geo/index.ts';
import type { App } from '../../context.ts';
import { notFound } from '../../http/errors.ts';

export function placeRoutes(app: App): void {
  const open = {
    kind: 'open',
    why: 'public reference data (ISO 3166) shipped with the app',
  } as const;
  app.get(
    '/api/places/countries',
    {
      config: { policy: open },
      schema: {
        tags: ['places'],
        summary: 'Countries (ISO 3166-1), English and local names',
        response: { 200: CountryListResponse },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return {
        items: listCountries().map(({ code, name, localName, names }) => ({
          code,
          name,
          names,
          ...(localName ? { localName } : {}),
        })),
      };
    },
  );
  app.get(
    '/api/places/countries/:code/provinces',
    {
      config: { policy: open },
      schema: {
        tags: ['places'],
        summary: 'First-level divisions (ISO 3166-2) of a country',
        params: CountryParams,
        response: { 200: ProvinceListResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!isCountryCode(request.params.code)) throw notFound('country');
      reply.header('cache-control', 'public, max-age=86400');
      return {
        items: listProvinces(request.params.code).map(({ code, countryCode, name }) => ({
          code,
          countryCode,
          name,
        })),
      };
    },
  );
}
