import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AtlasFilters,
  AtlasMap,
  FlowMatrix,
  FlowsGeoJson,
  FlowsQuery,
  GapList,
  GapsQuery,
  MapQuery,
} from '../../../contract/atlas.ts';
import { ErrorBody } from '../../../contract/common.ts';
import { getPlace } from '../../../domain/geo/index.ts';
import type { App, AppContext } from '../../context.ts';
import type { Actor } from '../../auth/policy.ts';
import { flowCounts } from '../../db/repos/atlas-queries.ts';
import type { RouteFilter } from '../../db/repos/routes.ts';
import { atlasMap, flowMatrix, gapList } from './analysis-service.ts';
import type { AtlasAnswerCache } from './answer-cache.ts';
import { atlasReader, type AtlasReader } from './audience.ts';
import { send, type AtlasHub } from './live.ts';
import { countOf, publicCells } from './public-answers.ts';
import { publicRelease } from './public-release.ts';

const policy = { kind: 'resource', resource: 'atlas', action: 'read' } as const;
const errors = { 400: ErrorBody, 404: ErrorBody };

function filterOf(q: Omit<RouteFilter, 'organisationId'>, isPublic: boolean): RouteFilter {
  // The public view answers by form only: every other filter would publish differently-cut
  // tables whose differences could reveal withheld small counts (see domain/analysis/release.ts).
  if (isPublic) return q.form ? { form: q.form } : {};
  return {
    form: q.form,
    sector: q.sector,
    population: q.population,
    confidence: q.confidence,
    yearFrom: q.yearFrom,
    yearTo: q.yearTo,
    place: q.place,
  };
}

/**
 * Large aggregate answers skip the response re-validation by zod (several ms for a thousand
 * cells): their presenters are typed by the same contract at compile time, and the contract tests
 * parse these responses with the schema. Cached answers are the same object until the next route
 * write, so their JSON text is kept beside them (a province matrix can be megabytes).
 */
const jsonOfCached = new WeakMap<object, string>();
function fastJson(reply: FastifyReply): void {
  // A custom serializer leaves the content type to us.
  reply.type('application/json; charset=utf-8');
  reply.serializer((payload: unknown) => {
    if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
    let text = jsonOfCached.get(payload);
    if (text === undefined) jsonOfCached.set(payload, (text = JSON.stringify(payload)));
    return text;
  });
}

/**
 * Public tables are published by country only: finer tables are mostly small cells (withheld
 * anyway), and auditing a table of thousands of cells against differencing is too costly to run
 * for any anonymous request.
 */
function publicLevel<L extends string>(r: AtlasReader, level: L): L | 'country' {
  return r.isPublic ? 'country' : level;
}

export function analysisRoutes(
  app: App,
  ctx: AppContext,
  hub: AtlasHub,
  cache: AtlasAnswerCache,
): void {
  /** The atlas as this actor may read it, in the view and coalition the query names. */
  const readAtlas = (
    actor: Actor,
    q: { view: 'coalition' | 'public'; coalition?: string | undefined },
  ) => atlasReader(ctx, actor, 'atlas', q.view, q.coalition);
  app.get(
    '/api/atlas/map',
    {
      config: { policy },
      schema: {
        tags: ['atlas'],
        summary:
          'The map: flows source → destination, source/destination regions, organisation footprints',
        querystring: MapQuery,
        response: { 200: AtlasMap, ...errors },
      },
    },
    async (request, reply) => {
      const r = await readAtlas(request.actor, request.query);
      fastJson(reply);
      return atlasMap(
        ctx,
        cache,
        r,
        filterOf(request.query, r.isPublic),
        request.query.kind,
        hub.version(r.audience.coalitionId),
      );
    },
  );
  app.get(
    '/api/atlas/flows',
    {
      config: { policy },
      schema: {
        tags: ['atlas'],
        summary: 'Origin → destination matrix by country or province, per form',
        querystring: FlowsQuery,
        response: { 200: FlowMatrix, ...errors },
      },
    },
    async (request, reply) => {
      const r = await readAtlas(request.actor, request.query);
      fastJson(reply);
      return flowMatrix(
        ctx,
        cache,
        r,
        publicLevel(r, request.query.level),
        filterOf(request.query, r.isPublic),
        { top: request.query.top, cells: request.query.cells },
      );
    },
  );
  app.get(
    '/api/atlas/gaps',
    {
      config: { policy },
      schema: {
        tags: ['atlas'],
        summary:
          'Ranked gaps: places × forms with routes but few organisations, by kind of work (rule and weights in the answer)',
        querystring: GapsQuery,
        response: { 200: GapList, ...errors },
      },
    },
    async (request, reply) => {
      const r = await readAtlas(request.actor, request.query);
      fastJson(reply);
      return gapList(ctx, cache, r, request.query, filterOf(request.query, r.isPublic));
    },
  );
  app.get(
    '/api/atlas/flows.geojson',
    {
      config: { policy },
      schema: {
        tags: ['atlas'],
        summary:
          'Flows as GeoJSON (LineString per origin → destination, with counts); public views omit withheld flows',
        querystring: FlowsQuery.extend({
          level: z.enum(['country', 'province', 'city']).default('city'),
        }),
        response: { 200: FlowsGeoJson, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await readAtlas(request.actor, q);
      const level = publicLevel(r, q.level);
      // Public: the release's cells with an exact count (withheld ones are left out, ranges are
      // given as their two ends).
      const shown = r.isPublic
        ? publicCells(await publicRelease(ctx, cache, r.audience.coalitionId, r.k), q.form).map(
            (c) => ({ origin: c.origin, destination: c.destination, n: countOf(c.figure, r.k) }),
          )
        : await flowCounts(ctx.db, r.audience, level, filterOf(q, r.isPublic));
      const features = shown.flatMap((c) => {
        const o = getPlace(c.origin);
        const d = getPlace(c.destination);
        if (!o || !d || c.n === null) return [];
        const routes: Record<string, number | null> =
          typeof c.n === 'number'
            ? { routes: c.n }
            : { routes: null, routesMin: c.n.lo, routesMax: c.n.hi };
        return [
          {
            type: 'Feature' as const,
            geometry: {
              type: 'LineString' as const,
              coordinates: [lonLat(o), lonLat(d)],
            },
            properties: {
              origin: o.id,
              originName: o.name,
              destination: d.id,
              destinationName: d.name,
              ...routes,
              form: q.form ?? null,
              level,
            },
          },
        ];
      });
      reply
        .type('application/geo+json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="mosaic-flows-${level}${q.form ? `-${q.form}` : ''}.geojson"`,
        );
      return { type: 'FeatureCollection' as const, features };
    },
  );
  app.get(
    '/api/atlas/stream',
    {
      config: { policy },
      schema: {
        tags: ['atlas'],
        summary:
          'Server-Sent Events: `change` with the new version whenever routes change (refetch on it)',
        querystring: z.object({ coalition: AtlasFilters.shape.coalition }),
      },
    },
    async (request, reply) => {
      const r = await atlasReader(
        ctx,
        request.actor,
        'atlas',
        'coalition',
        request.query.coalition,
      );
      const id = r.audience.coalitionId;
      // Public readers get the public version (a digest of what they can see), never the count
      // of the coalition's writes, which would reveal organisation-only activity.
      const publicVersion = r.isPublic
        ? async () => (await publicRelease(ctx, cache, id, r.k)).version
        : undefined;
      const hello = publicVersion ? await publicVersion() : hub.version(id);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // HEAD has no body: without an end its headers are never sent and the socket stays open.
      if (request.method === 'HEAD') return void reply.raw.end();
      send(reply, 'hello', { version: hello });
      const unsubscribe = hub.subscribe(
        id,
        reply,
        publicVersion ? { publicVersion, last: hello } : undefined,
      );
      // A signed-in reader's stream ends with their session or membership (HOLE-5).
      const watch =
        request.session && ctx.liveSessions.watch(request.session, () => reply.raw.end());
      // A comment line every 25 s keeps proxies and phones from closing an idle stream.
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
      request.raw.on('close', () => {
        clearInterval(ping);
        unsubscribe();
        watch?.stop();
      });
    },
  );
}

/** A place's GeoJSON position. */
const lonLat = (p: { lon: number; lat: number }): [number, number] => [p.lon, p.lat];
