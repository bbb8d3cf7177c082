import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import type { ApiHarness } from '../support/api.ts';
import { demoEventSetup, type DemoEventSetup, type LiveRoom } from '../support/demo-event.ts';
import type { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import type { Route } from '../../src/contract/atlas.ts';
import { phoneRouteId } from '../../src/server/live/mapping.ts';

const MAE_SOT = 'city:1152188';
const BANGKOK = 'city:1609350';
const YANGON = 'city:1298824';

/**
 * A mapping session (issue 12): participants add routes from their phones through the live room,
 * each applied exactly once (ROUTE-1), attributed to their organisation, hidden from the public and
 * from other organisations, and waiting for a coordinator's validation.
 */
describe.each(testBackends())('routes from phones in a mapping session on $name', (backend) => {
  let setup: DemoEventSetup;
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let room: LiveRoom;
  let mappingId: string;
  let tickets: JoinTicket[];
  let orgOf: string[];
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    ({ h, admin, event } = setup);
    room = await setup.live();
    mappingId = await setup.addSession('mapping', 'Mapping routes');
    const claimed = await setup.claim(3);
    tickets = claimed.map((c) => c.ticket);
    orgOf = claimed.map((c) => c.organisation);
  });
  afterAll(async () => setup?.close());

  const phone = async (i: number) => (await room.phone(tickets[i]!)).c;
  const facilitator = async () => (await room.facilitator()).c;
  const intent = (c: TestLiveClient, body: object, id?: string) => room.intent(c, body, id);
  const addRoute = (extra: object = {}) => ({
    type: 'addRoute',
    routeId: randomUUID().replaceAll('-', ''),
    source: YANGON,
    transits: [{ place: MAE_SOT, borderCrossing: true }],
    destination: BANGKOK,
    forms: ['ForcedLabour'],
    notes: 'Recruited by brokers at the bus station',
    ...extra,
  });
  const routesOfEvent = () =>
    h.store.db.selectFrom('routes').selectAll().where('event_id', '=', event.id).execute();
  const get = (path: string, cookie?: string) =>
    h.app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });
  const orgId = async (name: string) =>
    (
      await h.store.db
        .selectFrom('organisations')
        .select('id')
        .where('coalition_id', '=', h.coalitionId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  it('ROUTE-1: refused before the mapping session starts; the session starts with no plan', async () => {
    const p = await phone(0);
    const early = await intent(p, addRoute());
    expect(early).toMatchObject({ type: 'reject', error: 'not_mapping' });
    expect(await routesOfEvent()).toHaveLength(0);
    const plan = await h.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/sessions/${mappingId}/plan`,
      headers: { cookie: admin },
      payload: {},
    });
    expect(plan.statusCode).toBe(409);
    expect(plan.json()).toMatchObject({ error: 'no_plan_needed' });
    const f = await facilitator();
    expect(await intent(f, { type: 'startSession', sessionId: mappingId })).toMatchObject({
      type: 'ack',
    });
    // Signed-in users add routes through the atlas, not the room.
    expect(await intent(f, addRoute())).toMatchObject({ type: 'reject', error: 'forbidden' });
    await Promise.all([p.close(), f.close()]);
  });

  it('ROUTE-1: a phone route is applied exactly once — resent on the same socket, after a drop, under a new intent id', async () => {
    const a = await phone(0);
    const b = await phone(1);
    const body = addRoute();
    const intentId = randomUUID().replaceAll('-', '');
    const first = await intent(a, body, intentId);
    expect(first).toMatchObject({ type: 'ack' });
    // The same intent again (its ack was lost): acknowledged with the same number, not applied.
    const again = await intent(a, body, intentId);
    expect(again).toMatchObject({ type: 'ack', seq: (first as { seq: number }).seq });
    // The connection drops; the phone resends its outbox on a new one (SYNC-4).
    a.ws.terminate();
    const a2 = await phone(0);
    expect(await intent(a2, body, intentId)).toMatchObject({ type: 'ack' });
    // A reload lost the intent id but kept the route's key: still one route.
    expect(await intent(a2, body)).toMatchObject({ type: 'ack' });
    const rows = (await routesOfEvent()).filter(
      (r) => r.id === phoneRouteId(event.id, tickets[0]!.participantId, body.routeId),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organisation_id: await orgId(orgOf[0]!),
      visibility: 'organisation',
      participant_id: tickets[0]!.participantId,
      created_by: null,
    });
    expect(Number(rows[0]!.pending_review)).toBe(1);
    // The same key from another participant is another route.
    expect(await intent(b, body)).toMatchObject({ type: 'ack' });
    expect(
      (await routesOfEvent()).filter((r) => r.participant_id === tickets[1]!.participantId),
    ).toHaveLength(1);
    // Nothing about routes is broadcast to the room.
    expect(JSON.stringify(b.messages)).not.toContain(body.routeId);
    expect(b.messages.some((m) => m.type === 'change')).toBe(false);
    await Promise.all([a2.close(), b.close()]);
  });

  it('PRIV: attributed to the organisation, hidden from the public and other organisations; a coordinator validates it', async () => {
    const p = await phone(2);
    const body = addRoute({ notes: 'Seasonal recruitment before the harvest' });
    expect(await intent(p, body)).toMatchObject({ type: 'ack' });
    const id = phoneRouteId(event.id, tickets[2]!.participantId, body.routeId);
    const own = await orgId(orgOf[2]!);
    const other = (
      await h.store.db
        .selectFrom('organisations')
        .select('id')
        .where('coalition_id', '=', h.coalitionId)
        .where('id', '!=', own)
        .executeTakeFirstOrThrow()
    ).id;
    const memberOwn = await h.userWith('member', own);
    const memberOther = await h.userWith('member', other);
    const coordinator = await h.userWith('coordinator');
    expect((await get(`/api/atlas/routes/${id}`)).statusCode).toBe(404);
    expect((await get(`/api/atlas/routes/${id}`, memberOther)).statusCode).toBe(404);
    const seenByOwn = (await get(`/api/atlas/routes/${id}`, memberOwn)).json() as Route;
    expect(seenByOwn).toMatchObject({
      pendingReview: true,
      reportedIn: { eventId: event.id, participantId: null },
      organisation: { id: own },
      can: { validate: false },
    });
    const pending = (await get('/api/atlas/routes?pending=1&limit=200', coordinator)).json() as {
      items: Route[];
      total: number;
    };
    const listed = pending.items.find((r) => r.id === id)!;
    expect(listed).toMatchObject({
      pendingReview: true,
      reportedIn: { eventId: event.id, participantId: tickets[2]!.participantId },
      can: { validate: true, update: true, delete: true },
    });
    expect(pending.items.every((r) => r.pendingReview)).toBe(true);
    // The total counts the routes waiting, not every route (the summaries cannot tell them).
    expect(pending.total).toBe(pending.items.length);
    const byMember = await h.app.inject({
      method: 'PATCH',
      url: `/api/atlas/routes/${id}`,
      headers: { cookie: memberOwn },
      payload: { reviewed: true },
    });
    expect(byMember.statusCode).toBe(400);
    expect(byMember.json().fields[0]).toMatchObject({
      field: 'reviewed',
      code: 'coordinators_only',
    });
    const validated = await h.app.inject({
      method: 'PATCH',
      url: `/api/atlas/routes/${id}`,
      headers: { cookie: coordinator },
      payload: { reviewed: true, version: listed.version },
    });
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json()).toMatchObject({ pendingReview: false, can: { validate: false } });
    await p.close();
  });

  it('notes that look like a phone number or a name are refused with a stable code; nothing stored', async () => {
    const p = await phone(1);
    const before = (await routesOfEvent()).length;
    const bad = await intent(p, addRoute({ notes: 'Call Mr Somchai on 081 234 5678' }));
    expect(bad).toMatchObject({
      type: 'reject',
      error: 'personal_data_in_notes',
      field: 'notes',
      code: 'personal_data',
    });
    expect((bad as { params?: { kind?: string } }).params?.kind).toMatch(/phone|name/);
    const unknown = await intent(p, addRoute({ destination: 'city:999999999' }));
    expect(unknown).toMatchObject({
      type: 'reject',
      error: 'invalid_intent',
      field: 'destination',
      code: 'unknown_place',
    });
    const noForm = await intent(p, addRoute({ forms: [] }));
    expect(noForm).toMatchObject({ type: 'reject', error: 'invalid_intent' });
    expect((await routesOfEvent()).length).toBe(before);
    await p.close();
  });
});
