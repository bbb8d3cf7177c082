import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Challenge, Route } from '../../src/contract/atlas.ts';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';

const BANGKOK = 'city:1609350';
const YANGON = 'city:1298824';
const SECRET = 'Hidden Shelter Network (canary 7f3a)';

/**
 * Issue 10, hole 6: an organisation-only organisation reports a route and records a challenge the
 * whole coalition may read. Members of other organisations read both, but never the name (nor the
 * id) of an organisation the policy does not let them read.
 */
describe.each(testBackends())('organisation names beside other records on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let insider: string; // member of the organisation-only organisation
  let outsider: string; // member of another organisation of the coalition
  let viewer: string;
  let secretId: string;

  const get = (url: string, cookie: string) =>
    h.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: object, cookie: string) =>
    h.app.inject({ method: 'POST', url, payload, headers: { cookie } });

  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    const created = await post(
      '/api/organisations',
      { name: SECRET, type: 'NGO', visibility: 'organisation' },
      admin,
    );
    expect(created.statusCode).toBe(201);
    secretId = created.json().id;
    const other = await h.store.db
      .selectFrom('organisations')
      .select('id')
      .where('coalition_id', '=', h.coalitionId)
      .where('visibility', '!=', 'organisation')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    insider = await h.userWith('member', secretId);
    outsider = await h.userWith('member', other.id);
    viewer = await h.userWith('viewer', other.id);
    const route = await post(
      '/api/atlas/routes',
      {
        source: YANGON,
        transits: [],
        destination: BANGKOK,
        forms: ['ForcedLabour'],
        sectors: [],
        confidence: 'likely',
        basis: 'casework',
        visibility: 'coalition',
        // A period no demo route has, so that the list below finds this one among hundreds.
        yearFrom: 1960,
        yearTo: 1961,
      },
      insider,
    );
    expect(route.statusCode).toBe(201);
    const challenge = await post(
      '/api/atlas/challenges',
      { text: 'No interpreters at the border', visibility: 'coalition' },
      insider,
    );
    expect(challenge.statusCode).toBe(201);
  });
  afterAll(async () => h?.close());

  const reads = async (cookie: string) => {
    const routes = (await get('/api/atlas/routes?yearTo=1961', cookie)).json<{ items: Route[] }>();
    const ours = routes.items;
    expect(ours).toHaveLength(1);
    const one = (await get(`/api/atlas/routes/${ours[0]!.id}`, cookie)).json<Route>();
    const challenges = (await get('/api/atlas/challenges', cookie)).json<{ items: Challenge[] }>();
    const challenge = challenges.items.find((c) => c.text === 'No interpreters at the border')!;
    return {
      listed: ours[0]!,
      one,
      challenge,
      bodies: [routes, one, challenges].map((b) => JSON.stringify(b)),
    };
  };

  it('members who cannot read the organisation see the route and challenge without its name or id', async () => {
    for (const cookie of [outsider, viewer]) {
      const r = await reads(cookie);
      expect(r.listed.organisation).toBeNull();
      expect(r.one.organisation).toBeNull();
      expect(r.challenge.organisation).toBeNull();
      for (const body of r.bodies) {
        expect(body).not.toContain(SECRET);
        expect(body).not.toContain(secretId);
      }
    }
  });

  it('its own members and the coalition admin still see who reported them', async () => {
    for (const cookie of [insider, admin]) {
      const r = await reads(cookie);
      const named = { id: secretId, name: SECRET };
      expect(r.listed.organisation).toEqual(named);
      expect(r.one.organisation).toEqual(named);
      expect(r.challenge.organisation).toEqual(named);
    }
  });
});
