import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { Route } from '../../src/contract/atlas.ts';
import type { ErrorBody } from '../../src/contract/common.ts';

const MAE_SOT = 'city:1152188';
const BANGKOK = 'city:1609350';
const YANGON = 'city:1298824';
const PII = 'Broker Mr Somchai, call 081 234 5678';

/**
 * Route notes that look like personal data are refused unless a coordinator confirms them; routes
 * are edited and deleted by who the policy table allows, naming the version they were read at.
 */
describe.each(testBackends())('route notes and route changes on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let coordinator: string;
  let memberA: string;
  let memberB: string;
  let viewer: string;
  let orgA: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    const orgs = await h.store.db
      .selectFrom('organisations')
      .select('id')
      .where('coalition_id', '=', h.coalitionId)
      .orderBy('name')
      .execute();
    orgA = orgs[0]!.id;
    memberA = await h.userWith('member', orgA);
    memberB = await h.userWith('member', orgs[1]!.id);
    coordinator = await h.userWith('coordinator');
    viewer = await h.userWith('viewer', orgA);
  });
  afterAll(async () => h?.close());

  const send = (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    cookie: string,
    payload?: object,
    ifMatch?: string,
  ) =>
    h.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { cookie, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    });
  const route = (over: Record<string, unknown> = {}) => ({
    source: YANGON,
    transits: [{ place: MAE_SOT, borderCrossing: true }],
    destination: BANGKOK,
    forms: ['ForcedLabour'],
    confidence: 'likely',
    basis: 'casework',
    visibility: 'coalition',
    ...over,
  });
  const countRoutes = async () =>
    Number(
      (
        await h.store.db
          .selectFrom('routes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fieldsOf = (body: ErrorBody) =>
    (body.fields ?? []).map((f) => [f.field, f.code, f.params?.kind, f.params?.confirmable]);

  it('refuses a member notes that look like a name and a phone number, with a stable code; nothing is stored', async () => {
    const before = await countRoutes();
    const res = await send('POST', '/api/atlas/routes', memberA, route({ notes: PII }));
    expect(res.statusCode).toBe(422);
    const body = res.json() as ErrorBody;
    expect(body.error).toBe('personal_data_in_notes');
    expect(fieldsOf(body)).toEqual(
      expect.arrayContaining([
        ['notes', 'personal_data', 'phone', false],
        ['notes', 'personal_data', 'name', false],
      ]),
    );
    expect(body.fields!.find((f) => f.params?.kind === 'phone')!.params!.value).toBe(
      '081 234 5678',
    );
    // A member cannot confirm: the refusal says so on the field.
    const confirmed = await send(
      'POST',
      '/api/atlas/routes',
      memberA,
      route({ notes: PII, confirmNotes: true }),
    );
    expect(confirmed.statusCode).toBe(422);
    expect(fieldsOf(confirmed.json() as ErrorBody)).toContainEqual([
      'confirmNotes',
      'coordinators_only',
      undefined,
      undefined,
    ]);
    expect(await countRoutes()).toBe(before);
    // Edited notes go through.
    const clean = await send(
      'POST',
      '/api/atlas/routes',
      memberA,
      route({ notes: 'Brokers at the bus station' }),
    );
    expect(clean.statusCode, clean.body).toBe(201);
    expect(await countRoutes()).toBe(before + 1);
  });

  it('a coordinator is told they may confirm, and a confirmed note is saved (and audited)', async () => {
    const res = await send('POST', '/api/atlas/routes', coordinator, route({ notes: PII }));
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.json() as ErrorBody)).toContainEqual([
      'notes',
      'personal_data',
      'phone',
      true,
    ]);
    const ok = await send(
      'POST',
      '/api/atlas/routes',
      coordinator,
      route({ notes: PII, confirmNotes: true, organisationId: orgA }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const r = ok.json() as Route;
    expect(r.notes).toBe(PII);
    expect(r.warnings.map((w) => w.kind).sort()).toEqual(['name', 'phone']);
    const audited = await h.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', r.id)
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['confirm_notes', 'create']);
    // The owning organisation's member changes another field: the confirmed notes do not block it.
    const other = await send('PATCH', `/api/atlas/routes/${r.id}`, memberA, {
      confidence: 'confirmed',
      version: r.version,
    });
    expect(other.statusCode, other.body).toBe(200);
    // But new notes are checked again.
    const again = await send('PATCH', `/api/atlas/routes/${r.id}`, memberA, {
      notes: 'Ask Khun Malee at 02 555 0199',
    });
    expect(again.statusCode).toBe(422);
    expect((again.json() as ErrorBody).error).toBe('personal_data_in_notes');
    const kept = await h.app.inject({
      method: 'GET',
      url: `/api/atlas/routes/${r.id}`,
      headers: { cookie: admin },
    });
    expect((kept.json() as Route).notes).toBe(PII);
  });

  it('edits and deletes by the policy table, refusing a stale version with 409', async () => {
    const r = (
      await send('POST', '/api/atlas/routes', memberA, route({ notes: 'Seasonal farm work' }))
    ).json() as Route;
    expect(r.can).toEqual({ update: true, delete: true, validate: false });
    // Another organisation's member and a viewer may read it (coalition) but not change it.
    const seenByB = (
      await h.app.inject({
        method: 'GET',
        url: `/api/atlas/routes/${r.id}`,
        headers: { cookie: memberB },
      })
    ).json() as Route;
    expect(seenByB.can).toEqual({ update: false, delete: false, validate: false });
    expect(
      (await send('PATCH', `/api/atlas/routes/${r.id}`, memberB, { notes: 'x' })).statusCode,
    ).toBe(403);
    expect((await send('DELETE', `/api/atlas/routes/${r.id}`, memberB)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/atlas/routes/${r.id}`, viewer)).statusCode).toBe(403);
    // The author's organisation edits it at its version; a second edit at the old version is 409.
    const edited = await send('PATCH', `/api/atlas/routes/${r.id}`, memberA, {
      notes: 'Seasonal farm work, recruited in villages',
      version: r.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const v2 = (edited.json() as Route).version;
    expect(v2).toBe(r.version + 1);
    const stale = await send('PATCH', `/api/atlas/routes/${r.id}`, coordinator, {
      notes: 'stale',
      version: r.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version_conflict', currentVersion: v2 });
    // Delete names the version as read (If-Match): a stale one is 409 and the route stays.
    const staleDelete = await send(
      'DELETE',
      `/api/atlas/routes/${r.id}`,
      memberA,
      undefined,
      `"${r.version}"`,
    );
    expect(staleDelete.statusCode).toBe(409);
    expect(staleDelete.json()).toMatchObject({ error: 'version_conflict', currentVersion: v2 });
    const still = await h.app.inject({
      method: 'GET',
      url: `/api/atlas/routes/${r.id}`,
      headers: { cookie: memberA },
    });
    expect(still.statusCode).toBe(200);
    expect(
      (await send('DELETE', `/api/atlas/routes/${r.id}`, memberA, undefined, `"${v2}"`)).statusCode,
    ).toBe(204);
    const gone = await h.app.inject({
      method: 'GET',
      url: `/api/atlas/routes/${r.id}`,
      headers: { cookie: memberA },
    });
    expect(gone.statusCode).toBe(404);
    // A coordinator may delete any route of the coalition.
    const other = (await send('POST', '/api/atlas/routes', memberB, route())).json() as Route;
    expect((await send('DELETE', `/api/atlas/routes/${other.id}`, coordinator)).statusCode).toBe(
      204,
    );
  });
});
