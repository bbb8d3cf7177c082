import type { ExportRow } from '../../../domain/csv/table.ts';
import { getPlace } from '../../../domain/geo/index.ts';
import { readScopes } from '../../auth/policy.ts';
import { flowCounts } from '../../db/repos/atlas-queries.ts';
import { listRoutes, type AtlasAudience } from '../../db/repos/routes.ts';
import { shownOrganisation } from '../organisations/service.ts';
import { AtlasAnswerCache } from '../atlas/answer-cache.ts';
import { countOf, publicCells } from '../atlas/public-answers.ts';
import { publicRelease } from '../atlas/public-release.ts';
import { line, type ExportEntity } from './entity.ts';
import type { ExportReader } from './reader.ts';

function audience(r: ExportReader, resource: 'route' | 'atlas'): AtlasAudience {
  const member = r.actor.kind === 'user' && r.actor.coalitionId === r.coalition.id;
  return {
    coalitionId: r.coalition.id,
    scopes: readScopes(r.actor, resource),
    readerCoalitionId: member ? r.coalition.id : null,
    organisationId: member && r.actor.kind === 'user' ? r.actor.organisationId : null,
  };
}

const placeName = (id: string) => getPlace(id)?.name ?? null;
const coords = (id: unknown): [number, number] | null => {
  const p = typeof id === 'string' ? getPlace(id) : undefined;
  return p ? [p.lon, p.lat] : null;
};

/**
 * Routes one by one: coalition members only (the policy has no public rule for routes; the
 * public sees them as flows, with small counts withheld). The column names are the route import's,
 * so an export imports back as it is.
 */
export const routes: ExportEntity = {
  name: 'routes',
  policy: { resource: 'route', action: 'read' },
  notPublic:
    'routes are published only as aggregates with small counts withheld: export flows instead',
  columns: () => [
    { key: 'id', hxl: '#meta+id' },
    { key: 'source', hxl: '#loc+code+origin' },
    { key: 'source_name', hxl: '#loc+name+origin' },
    { key: 'source_country', hxl: '#country+code+origin' },
    { key: 'transits', hxl: '#loc+code+transit' },
    { key: 'border_crossings', hxl: '#loc+code+border' },
    { key: 'destination', hxl: '#loc+code+destination' },
    { key: 'destination_name', hxl: '#loc+name+destination' },
    { key: 'destination_country', hxl: '#country+code+destination' },
    { key: 'forms', hxl: '#sector+form' },
    { key: 'sectors', hxl: '#sector+labour' },
    { key: 'populations', hxl: '#affected+type' },
    { key: 'year_from', hxl: '#date+year+start' },
    { key: 'year_to', hxl: '#date+year+end' },
    { key: 'confidence', hxl: '#meta+confidence' },
    { key: 'basis', hxl: '#meta+source+basis' },
    { key: 'notes', hxl: '#description' },
    { key: 'visibility', hxl: '#meta+visibility' },
    { key: 'organisation', hxl: '#org+name+reporting' },
    { key: 'created_at', hxl: '#date+created' },
    { key: 'updated_at', hxl: '#date+updated' },
  ],
  async rows(db, r) {
    const a = audience(r, 'route');
    const out: ExportRow[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await listRoutes(db, a, {}, { limit: 1000, offset });
      for (const rt of page) {
        const source = rt.stops[0]!;
        const destination = rt.stops[rt.stops.length - 1]!;
        const transits = rt.stops.slice(1, -1);
        out.push({
          id: rt.id,
          source: source.placeId,
          source_name: placeName(source.placeId),
          source_country: source.country,
          transits: transits.map((t) => t.placeId),
          border_crossings: transits.filter((t) => t.borderCrossing).map((t) => t.placeId),
          destination: destination.placeId,
          destination_name: placeName(destination.placeId),
          destination_country: destination.country,
          forms: rt.forms,
          sectors: rt.sectors,
          populations: rt.populations,
          year_from: rt.yearFrom,
          year_to: rt.yearTo,
          confidence: rt.confidence,
          basis: rt.basis,
          notes: rt.notes,
          visibility: rt.visibility,
          // Named only to a reader who may read that organisation (as the route API does).
          organisation: shownOrganisation(r.actor, rt.organisation)?.name ?? null,
          created_at: rt.createdAt,
          updated_at: rt.updatedAt,
        });
      }
      if (page.length < 1000) return out;
    }
  },
  feature(row) {
    const stops = [
      row.source,
      ...(Array.isArray(row.transits) ? row.transits : []),
      row.destination,
    ]
      .map(coords)
      .filter((c): c is [number, number] => c !== null);
    return stops.length >= 2 ? line(stops, row) : null;
  },
};

/**
 * Flows: routes counted origin → destination. Coalition view: city to city, every route the
 * reader may read. Public view: the public release, country to country, counts below k withheld
 * (left out) and counts that would let one be narrowed down given as a range.
 */
export const flows: ExportEntity = {
  name: 'flows',
  policy: { resource: 'atlas', action: 'read' },
  columns: () => [
    { key: 'origin', hxl: '#loc+code+origin' },
    { key: 'origin_name', hxl: '#loc+name+origin' },
    { key: 'destination', hxl: '#loc+code+destination' },
    { key: 'destination_name', hxl: '#loc+name+destination' },
    { key: 'routes', hxl: '#meta+count' },
    { key: 'routes_min', hxl: '#meta+count+min' },
    { key: 'routes_max', hxl: '#meta+count+max' },
    { key: 'level', hxl: '#loc+type' },
  ],
  async rows(db, r) {
    const cells = r.isPublic
      ? publicCells(
          await publicRelease({ db }, new AtlasAnswerCache(64), r.coalition.id, r.k),
          undefined,
        ).map((c) => ({ origin: c.origin, destination: c.destination, n: countOf(c.figure, r.k) }))
      : await flowCounts(db, audience(r, 'atlas'), 'city', {});
    const level = r.isPublic ? 'country' : 'city';
    return cells.flatMap((c) => {
      if (c.n === null) return [];
      return [
        {
          origin: c.origin,
          origin_name: placeName(c.origin),
          destination: c.destination,
          destination_name: placeName(c.destination),
          routes: typeof c.n === 'number' ? c.n : null,
          routes_min: typeof c.n === 'number' ? c.n : c.n.lo,
          routes_max: typeof c.n === 'number' ? c.n : c.n.hi,
          level,
        },
      ];
    });
  },
  feature(row) {
    const o = coords(row.origin);
    const d = coords(row.destination);
    return o && d ? line([o, d], row) : null;
  },
};
