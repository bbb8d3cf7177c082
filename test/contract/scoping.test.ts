import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../src/contract/events.ts';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { secondCoalition } from '../support/coalitions.ts';
import { addCard, TestLiveClient } from '../support/live-client.ts';

/**
 * Issue 10, holes 1 and 2: a child resource (session, table, participant, card) addressed through
 * one's own event with the id of another coalition's child must behave exactly as an id that
 * exists nowhere: nothing read, nothing changed, no answer that tells the two apart.
 */
describe.each(testBackends())('children through their parent on $name', (backend) => {
  let h: ApiHarness;
  let port: number;
  let admin: string; // the demo coalition's admin
  let own: EventDetail; // the demo coalition's event
  let otherAdmin: string;
  let other: EventDetail; // an event of another coalition
  let otherCardId: string;
  /** A card of the other event that this coalition never adds under its own event. */
  let secretCardId: string;
  const OTHER_TEXT = 'other coalition card — must stay private';

  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    cookie: string,
    payload?: object,
  ) => h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const room = async (eventId: string, cookie: string) => {
    const c = await TestLiveClient.connect(`ws://127.0.0.1:${port}/api/live/${eventId}`, {
      cookie,
    });
    expect(await c.hello()).toMatchObject({ type: 'welcome', role: 'facilitator' });
    return c;
  };
  /** Only what tells one answer from another: the kind and the error (ids and seqs differ anyway). */
  const intent = async (c: TestLiveClient, body: object) => {
    const m = await c.intent(body);
    return m.type === 'reject'
      ? { type: m.type, error: m.error, message: m.message }
      : { type: m.type };
  };
  const otherSessions = async () =>
    (await api('GET', `/api/events/${other.id}`, otherAdmin)).json<EventDetail>().sessions;
  const otherHistory = async () =>
    (await api('GET', `/api/events/${other.id}/cards/${otherCardId}/history`, otherAdmin)).json<{
      items: { text: string }[];
    }>().items;

  beforeAll(async () => {
    h = await startApi(backend);
    port = await listen(h.app);
    admin = await h.adminCookie();
    own = await demoEvent(h.app, admin);
    const b = await secondCoalition(h);
    otherAdmin = await b.userWith('admin');
    const created = await api('POST', '/api/events', otherAdmin, {
      name: 'Other convening',
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
      tables: [{ name: 'Other table', capacity: 6 }],
    });
    expect(created.statusCode).toBe(201);
    const withSession = await api('POST', `/api/events/${created.json().id}/sessions`, otherAdmin, {
      kind: 'cafe',
      title: 'Other café',
      rounds: 2,
      minutesPerRound: 10,
    });
    other = withSession.json<EventDetail>();
    expect(other.sessions).toHaveLength(1);
    await api('POST', `/api/events/${other.id}/participants`, otherAdmin, {
      name: 'Other Person',
      organisation: 'Other org',
      sector: 'ngo',
      choices: [],
      languages: [],
      email: null,
    });
    otherCardId = randomUUID();
    secretCardId = randomUUID();
    const c = await room(other.id, otherAdmin);
    for (const cardId of [otherCardId, secretCardId])
      expect(await intent(c, addCard(cardId, other.issues[0]!.key, OTHER_TEXT))).toEqual({
        type: 'ack',
      });
    await c.close();
  });
  afterAll(async () => h?.close());

  it("hole 1: deleting another coalition's session through one's own event is 404 and deletes nothing", async () => {
    const foreign = other.sessions[0]!.id;
    const res = await api('DELETE', `/api/events/${own.id}/sessions/${foreign}`, admin);
    const fresh = await api('DELETE', `/api/events/${own.id}/sessions/${randomUUID()}`, admin);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(fresh.json());
    expect((await otherSessions()).map((s) => s.id)).toEqual([foreign]);
  });

  it("planning or swapping in another coalition's session through one's own event is 404", async () => {
    const foreign = other.sessions[0]!.id;
    for (const [path, body] of [
      ['plan', { seed: 1, timeLimitSeconds: 1 }],
      ['swap', { round: 0, a: randomUUID(), b: randomUUID() }],
    ] as const) {
      const res = await api(
        'POST',
        `/api/events/${own.id}/sessions/${foreign}/${path}`,
        admin,
        body,
      );
      expect(res.statusCode, path).toBe(404);
    }
    expect((await otherSessions())[0]!.plan).toBeNull();
  });

  it("another coalition's table or participant cannot be set as a host through one's own event", async () => {
    const otherTable = other.tables[0]!.id;
    const res = await api('PUT', `/api/events/${own.id}/tables/${otherTable}/host`, admin, {
      participantId: null,
    });
    expect(res.statusCode).toBe(404);
    const otherPerson = (
      await api('GET', `/api/events/${other.id}/participants`, otherAdmin)
    ).json<{ items: { id: string }[] }>().items[0]!.id;
    const host = await api('PUT', `/api/events/${own.id}/tables/${own.tables[0]!.id}/host`, admin, {
      participantId: otherPerson,
    });
    expect(host.statusCode).toBe(400);
  });

  it("hole 2: another event's card history through one's own event is 404 and shows nothing of it", async () => {
    const res = await api('GET', `/api/events/${own.id}/cards/${otherCardId}/history`, admin);
    const fresh = await api('GET', `/api/events/${own.id}/cards/${randomUUID()}/history`, admin);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(fresh.json());
    expect(res.body).not.toContain(OTHER_TEXT);
  });

  it("hole 2: a card added with another event's card id is answered like a fresh id, and overwrites nothing", async () => {
    const c = await room(own.id, admin);
    const card = (cardId: string, text: string) => addCard(cardId, own.issues[0]!.key, text);
    const foreign = await intent(c, card(otherCardId, 'our own card'));
    const fresh = await intent(c, card(randomUUID(), 'another card of ours'));
    expect(foreign).toEqual(fresh);
    expect(foreign).toEqual({ type: 'ack' });
    // Changing it from here changes our card, never theirs.
    expect(await intent(c, { type: 'deleteCard', cardId: otherCardId })).toEqual({ type: 'ack' });
    await c.close();
    expect((await otherHistory()).map((v) => v.text)).toEqual([OTHER_TEXT]);
    const ours = await api('GET', `/api/events/${own.id}/cards/${otherCardId}/history`, admin);
    expect(ours.json<{ items: { text: string }[] }>().items.map((v) => v.text)).toEqual([
      'our own card',
      'our own card',
    ]);
  });

  it("editing, deleting or placing another event's card or participant from one's room is refused like an unknown id", async () => {
    const c = await room(own.id, admin);
    const otherPerson = (
      await api('GET', `/api/events/${other.id}/participants`, otherAdmin)
    ).json<{ items: { id: string }[] }>().items[0]!.id;
    // A card id neither event has, beside ids only the other event has.
    const unknownCard = randomUUID();
    for (const type of ['editCard', 'deleteCard'] as const) {
      const extra = type === 'editCard' ? { baseVersion: 1, text: 'overwritten' } : {};
      const onlyTheirs = { type, cardId: secretCardId, ...extra };
      expect(await intent(c, onlyTheirs)).toEqual(
        await intent(c, { ...onlyTheirs, cardId: unknownCard }),
      );
    }
    expect(
      await intent(c, { type: 'setPresence', participantId: otherPerson, status: 'absent' }),
    ).toEqual(
      await intent(c, { type: 'setPresence', participantId: randomUUID(), status: 'absent' }),
    );
    expect(await intent(c, { type: 'startSession', sessionId: other.sessions[0]!.id })).toEqual(
      await intent(c, { type: 'startSession', sessionId: randomUUID() }),
    );
    await c.close();
    const people = (await api('GET', `/api/events/${other.id}/participants`, otherAdmin)).json<{
      items: { id: string; status: string }[];
    }>().items;
    expect(people.find((p) => p.id === otherPerson)?.status).toBe('expected');
    const secret = await api(
      'GET',
      `/api/events/${other.id}/cards/${secretCardId}/history`,
      otherAdmin,
    );
    expect(secret.json<{ items: { text: string }[] }>().items.map((v) => v.text)).toEqual([
      OTHER_TEXT,
    ]);
  });
});
