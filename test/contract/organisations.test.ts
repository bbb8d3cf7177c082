import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { Organisation } from '../../src/contract/organisations.ts';

const valid = {
  name: 'Test Harbour Outreach',
  type: 'NGO',
  kindsOfWork: ['protection', 'prevention'],
  forms: ['ForcedLabour'],
  countries: ['TH', 'MM'],
  provinces: ['TH-10'],
  languages: ['th', 'my'],
  website: 'https://example.org/harbour',
  description: 'ทดสอบ — ငါးဖမ်း — 测试 — বাংলা',
  visibility: 'coalition',
};

describe.each(testBackends())('organisation directory on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  const get = (url: string, cookie?: string) =>
    h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const send = (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload: unknown,
    cookie = admin,
  ) => h.app.inject({ method, url, payload: payload as object, headers: { cookie } });

  it('lists the demo organisations, paginated, sorted by name', async () => {
    const res = await get('/api/organisations?limit=5', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Organisation[]; total: number };
    expect(body.total).toBeGreaterThanOrEqual(25);
    expect(body.items).toHaveLength(5);
    const names = body.items.map((o) => o.name);
    expect([...names].sort((a, b) => (a < b ? -1 : 1))).toEqual(names);
    const page2 = (await get('/api/organisations?limit=5&offset=5', admin)).json() as {
      items: Organisation[];
    };
    expect(page2.items.map((o) => o.id)).not.toContain(body.items[0]!.id);
  });

  it('filters by country, kind of work, form, type and text', async () => {
    const all = (
      (await get('/api/organisations?limit=200', admin)).json() as { items: Organisation[] }
    ).items;
    const cases: [string, (o: Organisation) => boolean][] = [
      ['country=KH', (o) => o.countries.includes('KH')],
      ['kindOfWork=research', (o) => o.kindsOfWork.includes('research')],
      ['form=ForcedMarriage', (o) => o.forms.includes('ForcedMarriage')],
      ['type=SurvivorLed', (o) => o.type === 'SurvivorLed'],
      ['q=BORDER', (o) => /border/i.test(o.name + o.description)],
      [
        'country=TH&form=ForcedLabour&kindOfWork=protection',
        (o) =>
          o.countries.includes('TH') &&
          o.forms.includes('ForcedLabour') &&
          o.kindsOfWork.includes('protection'),
      ],
    ];
    for (const [query, predicate] of cases) {
      const body = (await get(`/api/organisations?limit=200&${query}`, admin)).json() as {
        items: Organisation[];
        total: number;
      };
      const expected = all
        .filter(predicate)
        .map((o) => o.id)
        .sort();
      expect(expected.length, query).toBeGreaterThan(0);
      expect(body.items.map((o) => o.id).sort(), query).toEqual(expected);
      expect(body.total, query).toBe(expected.length);
    }
  });

  it('treats LIKE wildcards in a search literally', async () => {
    const body = (await get('/api/organisations?q=%25', admin)).json() as { total: number };
    expect(body.total).toBe(0);
  });

  it('creates, reads, updates and deletes an organisation, storing any script', async () => {
    const created = await send('POST', '/api/organisations', valid);
    expect(created.statusCode).toBe(201);
    const org = created.json() as Organisation;
    expect(org).toMatchObject({
      ...valid,
      supportServices: [],
      populations: [],
      publicContact: null,
      can: { update: true, delete: true },
    });
    expect((await get(`/api/organisations/${org.id}`, admin)).json()).toEqual(org);

    h.clock.advance(60_000);
    const patched = await send('PATCH', `/api/organisations/${org.id}`, {
      name: 'Renamed Outreach',
      countries: ['TH'],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Renamed Outreach',
      countries: ['TH'],
      provinces: ['TH-10'],
      forms: ['ForcedLabour'],
    });
    expect(patched.json().updatedAt > org.updatedAt).toBe(true);

    expect((await send('DELETE', `/api/organisations/${org.id}`, undefined)).statusCode).toBe(204);
    expect((await get(`/api/organisations/${org.id}`, admin)).statusCode).toBe(404);
  });

  it('stores a script tag as plain text', async () => {
    const res = await send('POST', '/api/organisations', {
      ...valid,
      name: '<script>alert(1)</script>',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('<script>alert(1)</script>');
  });

  describe('bad input gets a 400 naming each field, and nothing stored changes', () => {
    const snapshot = async () => (await get('/api/organisations?limit=200', admin)).body;

    const badBodies: [string, unknown, string[]][] = [
      ['empty name', { ...valid, name: '   ' }, ['name']],
      ['unknown field', { ...valid, colour: 'red' }, ['colour']],
      ['wrong type', { ...valid, countries: 'TH' }, ['countries']],
      ['over-long text', { ...valid, description: 'x'.repeat(4001) }, ['description']],
      [
        'unknown taxonomy codes',
        { ...valid, type: 'Cartel', forms: ['ForcedLabour', 'Smuggling'] },
        ['type', 'forms.1'],
      ],
      ['unknown country', { ...valid, countries: ['TH', 'XX'] }, ['countries.1']],
      ['malformed country', { ...valid, countries: ['Thailand'] }, ['countries.0']],
      ['province outside the countries', { ...valid, provinces: ['VN-SG'] }, ['provinces.0']],
      ['unknown province', { ...valid, provinces: ['TH-99'] }, ['provinces.0']],
      ['javascript URL', { ...valid, website: 'javascript:alert(1)' }, ['website']],
      [
        'repeated entries',
        { ...valid, kindsOfWork: ['prevention', 'prevention'] },
        ['kindsOfWork'],
      ],
      ['control characters', { ...valid, name: 'a\u0000b' }, ['name']],
      ['missing required', { name: 'No type' }, ['type']],
    ];
    it.each(badBodies)('POST with %s', async (_label, body, fields) => {
      const before = await snapshot();
      const res = await send('POST', '/api/organisations', body);
      expect(res.statusCode).toBe(400);
      const err = res.json() as { error: string; fields: { field: string }[]; message: string };
      expect(err.error).toBe('validation_failed');
      expect(err.fields.map((f) => f.field).sort()).toEqual([...fields].sort());
      expect(res.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      expect(await snapshot()).toBe(before);
    });

    it('PATCH with a bad field changes nothing in the record', async () => {
      const org = (await send('POST', '/api/organisations', valid)).json() as Organisation;
      for (const body of [
        { name: '' },
        { countries: ['ZZ'] },
        { countries: ['MM'] } /* leaves TH-10 orphaned */,
        {},
        { id: 'x' },
      ]) {
        const res = await send('PATCH', `/api/organisations/${org.id}`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().fields.length).toBeGreaterThan(0);
      }
      expect((await get(`/api/organisations/${org.id}`, admin)).json()).toEqual(org);
    });

    it('malformed JSON, a wrong content type, a huge payload, a bad id and a poisoned prototype', async () => {
      const before = await snapshot();
      const raw = (payload: string, contentType = 'application/json') =>
        h.app.inject({
          method: 'POST',
          url: '/api/organisations',
          payload,
          headers: { cookie: admin, 'content-type': contentType },
        });
      expect((await raw('{"name": ')).json()).toMatchObject({ error: 'malformed_json' });
      expect((await raw('{"name": ')).statusCode).toBe(400);
      expect((await raw('name=x', 'text/plain')).statusCode).toBe(415);
      const huge = await raw(JSON.stringify({ ...valid, description: 'x'.repeat(300_000) }));
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error).toBe('payload_too_large');
      const poisoned = await raw('{"__proto__": {"admin": true}, "name": "x", "type": "NGO"}');
      expect(poisoned.statusCode).toBe(400);
      const badId = await get('/api/organisations/not-a-uuid', admin);
      expect(badId.statusCode).toBe(400);
      expect(badId.json().fields[0].field).toBe('id');
      const badQuery = await get('/api/organisations?limit=0&country=thailand', admin);
      expect(badQuery.statusCode).toBe(400);
      expect(
        badQuery
          .json()
          .fields.map((f: { field: string }) => f.field)
          .sort(),
      ).toEqual(['country', 'limit']);
      expect(await snapshot()).toBe(before);
    });
  });

  describe('access follows the policy table', () => {
    let orgOnly: Organisation;
    let coalitionOnly: Organisation;
    let publicOrg: Organisation;
    beforeAll(async () => {
      orgOnly = (
        await send('POST', '/api/organisations', {
          ...valid,
          name: 'Org-only record',
          visibility: 'organisation',
        })
      ).json();
      coalitionOnly = (
        await send('POST', '/api/organisations', {
          ...valid,
          name: 'Coalition record',
          visibility: 'coalition',
        })
      ).json();
      publicOrg = (
        await send('POST', '/api/organisations', {
          ...valid,
          name: 'Public record',
          visibility: 'public',
        })
      ).json();
    });

    it('anonymous visitors see public records only, and cannot write', async () => {
      const list = (await get('/api/organisations?limit=200')).json() as { items: Organisation[] };
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((o) => o.visibility === 'public')).toBe(true);
      expect(list.items.every((o) => !o.can.update && !o.can.delete)).toBe(true);
      expect((await get(`/api/organisations/${publicOrg.id}`)).statusCode).toBe(200);
      expect((await get(`/api/organisations/${coalitionOnly.id}`)).statusCode).toBe(404);
      expect((await get(`/api/organisations/${orgOnly.id}`)).statusCode).toBe(404);
      const res = await h.app.inject({ method: 'POST', url: '/api/organisations', payload: valid });
      expect(res.statusCode).toBe(401);
    });

    it('a viewer reads coalition records but not another organisation’s private ones, and cannot write', async () => {
      const viewer = await h.userWith('viewer');
      expect((await get(`/api/organisations/${coalitionOnly.id}`, viewer)).statusCode).toBe(200);
      expect((await get(`/api/organisations/${orgOnly.id}`, viewer)).statusCode).toBe(404);
      const ids = (
        (await get('/api/organisations?limit=200', viewer)).json() as { items: Organisation[] }
      ).items.map((o) => o.id);
      expect(ids).toContain(coalitionOnly.id);
      expect(ids).not.toContain(orgOnly.id);
      expect((await send('POST', '/api/organisations', valid, viewer)).statusCode).toBe(403);
      expect(
        (await send('PATCH', `/api/organisations/${coalitionOnly.id}`, { name: 'x' }, viewer))
          .statusCode,
      ).toBe(403);
    });

    it('a member edits their own organisation only, and never deletes', async () => {
      const member = await h.userWith('member', orgOnly.id);
      const own = await get(`/api/organisations/${orgOnly.id}`, member);
      expect(own.statusCode).toBe(200);
      expect(own.json().can).toEqual({ update: true, delete: false });
      expect(
        (
          await send(
            'PATCH',
            `/api/organisations/${orgOnly.id}`,
            { description: 'Updated by member' },
            member,
          )
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await send(
            'PATCH',
            `/api/organisations/${coalitionOnly.id}`,
            { description: 'x' },
            member,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (await send('DELETE', `/api/organisations/${orgOnly.id}`, undefined, member)).statusCode,
      ).toBe(403);
      expect((await get(`/api/organisations/${orgOnly.id}`, admin)).json().description).toBe(
        'Updated by member',
      );
    });

    it('records non-public reads and every change in the audit log', async () => {
      const rows = await h.store.db
        .selectFrom('audit_log')
        .select(['action', 'resource', 'record_id'])
        .where('record_id', '=', orgOnly.id)
        .execute();
      const actions = rows.map((r) => r.action);
      expect(actions).toContain('create');
      expect(actions).toContain('read');
      expect(actions).toContain('update');
    });
  });
});
