/**
 * Issue 11, point 4: the atlas summaries cannot drift under concurrent edits. Many PATCH and DELETE
 * requests race on one route; afterwards the summary tables must equal counts made afresh from the
 * route rows with plain SQL (not with the summary code's own key function). A stale `version` (in
 * the body or an If-Match header) is answered 409 with a JSON body and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { Database } from '../../src/server/db/schema.ts';
import type { Route } from '../../src/contract/atlas.ts';

const MAE_SOT = 'city:1152188'; // TH
const MYAWADI = 'city:1308052'; // MM
const BANGKOK = 'city:1609350'; // TH
const YANGON = 'city:1298824'; // MM
const SAIGON = 'city:1566083'; // VN
const DESTINATIONS = [BANGKOK, MAE_SOT, SAIGON, MYAWADI];
const FORMS = [['ForcedLabour'], ['SexualExploitation'], ['ForcedLabour', 'SexualExploitation']];

type Counts = Map<string, number>;

const add = (m: Counts, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const nonZero = (m: Counts) =>
  Object.fromEntries([...m].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Country-level flows and place roles counted from the rows themselves: per route its first and
 * destination stops' countries, its forms (and '*'), and its audience bucket (and '*').
 */
async function freshCounts(db: Kysely<Database>, coalitionId: string) {
  const routes = await db
    .selectFrom('routes')
    .select(['id', 'visibility', 'organisation_id'])
    .where('coalition_id', '=', coalitionId)
    .execute();
  const stops = await db
    .selectFrom('route_stops')
    .innerJoin('routes', 'routes.id', 'route_stops.route_id')
    .select(['route_id', 'position', 'role', 'country'])
    .where('routes.coalition_id', '=', coalitionId)
    .orderBy('route_id')
    .orderBy('position')
    .execute();
  const forms = await db
    .selectFrom('route_facets')
    .innerJoin('routes', 'routes.id', 'route_facets.route_id')
    .select(['route_id', 'code'])
    .where('routes.coalition_id', '=', coalitionId)
    .where('facet', '=', 'form')
    .execute();
  const flows: Counts = new Map();
  const places: Counts = new Map();
  for (const r of routes) {
    const mine = stops.filter((s) => s.route_id === r.id);
    const src = mine.find((s) => s.role === 'source')!.country;
    const dst = mine.find((s) => s.role === 'destination')!.country;
    const buckets = [
      `${r.visibility}/${r.visibility === 'organisation' ? (r.organisation_id ?? '') : ''}`,
      '*/',
    ];
    const fs = [...forms.filter((f) => f.route_id === r.id).map((f) => f.code), '*'];
    for (const b of buckets)
      for (const f of fs) {
        add(flows, `${b}|${f}|${src}>${dst}`, 1);
        for (const role of ['source', 'transit', 'destination'])
          for (const c of new Set(mine.filter((s) => s.role === role).map((s) => s.country)))
            add(places, `${b}|${f}|${c}|${role}`, 1);
      }
  }
  return { flows: nonZero(flows), places: nonZero(places) };
}

/** The same figures as the summary tables hold them. */
async function summaryCounts(db: Kysely<Database>, coalitionId: string) {
  const flows: Counts = new Map();
  const places: Counts = new Map();
  for (const r of await db
    .selectFrom('atlas_flow_counts')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('level', '=', 'country')
    .execute())
    add(flows, `${r.visibility}/${r.organisation_id}|${r.form}|${r.origin}>${r.destination}`, r.n);
  for (const r of await db
    .selectFrom('atlas_place_counts')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('level', '=', 'country')
    .execute())
    for (const role of ['source', 'transit', 'destination'] as const)
      add(places, `${r.visibility}/${r.organisation_id}|${r.form}|${r.place_id}|${role}`, r[role]);
  return { flows: nonZero(flows), places: nonZero(places) };
}

describe.each(testBackends())('atlas summaries under concurrent writes on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/atlas/routes',
      headers: { cookie: admin },
      payload: {
        source: YANGON,
        transits: [{ place: MYAWADI }, { place: MAE_SOT, borderCrossing: true }],
        destination: BANGKOK,
        forms: ['ForcedLabour'],
        confidence: 'likely',
        basis: 'casework',
        visibility: 'coalition',
        ...over,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json<Route>();
  };
  const patch = (id: string, payload: object, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'PATCH',
      url: `/api/atlas/routes/${id}`,
      headers: { cookie: admin, ...headers },
      payload,
    });
  const remove = (id: string) =>
    h.app.inject({ method: 'DELETE', url: `/api/atlas/routes/${id}`, headers: { cookie: admin } });

  const expectInStep = async () => {
    const fresh = await freshCounts(h.store.db, h.coalitionId);
    expect(Object.keys(fresh.flows).length).toBeGreaterThan(0);
    expect(await summaryCounts(h.store.db, h.coalitionId)).toEqual(fresh);
  };

  it('the seeded atlas starts in step (the oracle itself agrees with the summaries)', async () => {
    await expectInStep();
  });

  it('many concurrent PATCHes of one route leave the summaries equal to a fresh count', async () => {
    for (let round = 0; round < 3; round++) {
      const r = await create({ visibility: round === 1 ? 'organisation' : 'coalition' });
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          patch(r.id, {
            destination: DESTINATIONS[i % DESTINATIONS.length],
            forms: FORMS[i % FORMS.length],
            visibility: i % 5 === 0 ? 'public' : 'coalition',
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
      await expectInStep();
      // Each PATCH was applied once, one after the other: the version counts them all.
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/atlas/routes/${r.id}`,
            headers: { cookie: admin },
          })
        ).json<Route>().version,
      ).toBe(17);
    }
  });

  it('PATCHes racing DELETEs: one delete wins, the rest are 404, nothing drifts, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const r = await create({ forms: FORMS[round % FORMS.length] });
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          i % 4 === 3
            ? remove(r.id)
            : patch(r.id, { destination: DESTINATIONS[i % DESTINATIONS.length] }),
        ),
      );
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 204)).toHaveLength(1);
      expect(codes.every((c) => c === 200 || c === 204 || c === 404)).toBe(true);
      for (const a of answers.filter((x) => x.statusCode === 404))
        expect(a.json()).toMatchObject({ error: 'not_found' });
      await expectInStep();
    }
  });

  it('a stale version (body or If-Match) is answered 409 with a JSON body and changes nothing', async () => {
    const r = await create();
    expect(r.version).toBe(1);
    const first = await patch(r.id, { destination: SAIGON, version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json<Route>().version).toBe(2);
    const before = await summaryCounts(h.store.db, h.coalitionId);

    const stale = await patch(r.id, { destination: MAE_SOT, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
    expect(stale.json().message).toMatch(/version 1.*version 2/);
    const staleHeader = await patch(r.id, { destination: MAE_SOT }, { 'if-match': '"1"' });
    expect(staleHeader.statusCode).toBe(409);
    expect(staleHeader.json()).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
    const badHeader = await patch(r.id, { destination: MAE_SOT }, { 'if-match': 'yesterday' });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json()).toMatchObject({ fields: [{ field: 'if-match' }] });

    const now = (
      await h.app.inject({
        method: 'GET',
        url: `/api/atlas/routes/${r.id}`,
        headers: { cookie: admin },
      })
    ).json<Route>();
    expect(now.stops.at(-1)!.place.id).toBe(SAIGON);
    expect(now.version).toBe(2);
    expect(await summaryCounts(h.store.db, h.coalitionId)).toEqual(before);

    const current = await patch(r.id, { destination: MAE_SOT }, { 'if-match': 'W/"2"' });
    expect(current.statusCode).toBe(200);
    expect(current.json<Route>().version).toBe(3);
    await expectInStep();
  });

  it('concurrent PATCHes naming the same version: exactly one wins, the others are 409', async () => {
    const r = await create();
    const answers = await Promise.all(
      DESTINATIONS.map((d) => patch(r.id, { destination: d === YANGON ? SAIGON : d, version: 1 })),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409]);
    await expectInStep();
  });

  it('removing an organisation that reported organisation-only routes leaves the summaries in step', async () => {
    const org = await h.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: admin },
      payload: { name: 'Short-lived Outreach', type: 'NGO', visibility: 'coalition' },
    });
    expect(org.statusCode).toBe(201);
    const orgId = org.json<{ id: string }>().id;
    for (const visibility of ['organisation', 'organisation', 'coalition'])
      await create({ visibility, organisationId: orgId });
    await expectInStep();
    const gone = await h.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${orgId}`,
      headers: { cookie: admin },
    });
    expect(gone.statusCode).toBe(204);
    await expectInStep();
  });
});
