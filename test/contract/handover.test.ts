import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket, PlannedGroup } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

/**
 * The hand-over note of an issue is written by the host of the table that has the issue in the
 * current café round, or by a facilitator (ROOM_POLICY in src/server/auth/policy.ts).
 */
describe.each(testBackends())('HOST-1: hand-over notes on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let url: string;
  let event: EventDetail;
  let cafeId: string;
  let here: PlannedGroup;
  let elsewhere: PlannedGroup;
  const ticket: Record<'host' | 'mate' | 'other', JoinTicket> = {} as never;

  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    const api = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => {
      const r = await h.app.inject({ method, url: path, payload, headers: { cookie: admin } });
      if (r.statusCode >= 300) throw new Error(`${method} ${path}: ${r.statusCode} ${r.body}`);
      return r.json() as T;
    };
    const list = await api<{ items: { id: string }[] }>('GET', '/api/events');
    event = await api<EventDetail>('GET', `/api/events/${list.items[0]!.id}`);
    url = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/live/${event.id}`;
    // A host for the first table, then the café's schedule (which keeps hosts at their table).
    const table = event.tables[0]!;
    const roster = (
      await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
    ).json().roster as { id: string }[];
    const hostId = roster[4]!.id;
    await api('PUT', `/api/events/${event.id}/tables/${table.id}/host`, { participantId: hostId });
    cafeId = event.sessions.find((s) => s.kind === 'cafe')!.id;
    event = await api<EventDetail>('POST', `/api/events/${event.id}/sessions/${cafeId}/plan`, {
      seed: 1,
      timeLimitSeconds: 3,
    });
    const round0 = event.sessions.find((s) => s.id === cafeId)!.plan![0]!.groups;
    here = round0.find((g) => g.tableId === table.id)!;
    elsewhere = round0.find((g) => g.tableId !== table.id && g.issueKey !== here.issueKey)!;
    expect(here.participantIds).toContain(hostId);
    const claim = async (participantId: string) =>
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/join/${event.joinCode}/claim`,
          payload: { participantId },
        })
      ).json() as JoinTicket;
    ticket.host = await claim(hostId);
    ticket.mate = await claim(here.participantIds.find((id) => id !== hostId)!);
    ticket.other = await claim(elsewhere.participantIds[0]!);
  });
  afterAll(async () => h?.close());

  const connect = async (who: { token?: string; cookie?: string }) => {
    const c = await TestLiveClient.connect(url, who.cookie ? { cookie: who.cookie } : {});
    const w = (await c.hello(who.token ? { participantToken: who.token } : {})) as Welcome;
    return { c, w };
  };
  const intent = async (c: TestLiveClient, body: object) => {
    const id = randomUUID().replaceAll('-', '');
    c.send({ type: 'intent', id, intent: body });
    return c.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
  };
  const note = (issueKey: string, text: string) => ({ type: 'handover', issueKey, text });
  const stored = (issueKey: string) =>
    h.store.db
      .selectFrom('handover_notes')
      .selectAll()
      .where('event_id', '=', event.id)
      .where('issue_key', '=', issueKey)
      .executeTakeFirst();

  it('refuses a host outside a café round: nobody hosts a sheet then', async () => {
    const { c } = await connect({ token: ticket.host.token });
    expect(await intent(c, note(here.issueKey!, 'too early'))).toMatchObject({
      type: 'reject',
      error: 'not_host',
    });
    expect(await stored(here.issueKey!)).toBeUndefined();
    await c.close();
  });

  it('during the round: the host writes their table’s note; table-mates, other tables and the host on another issue are refused', async () => {
    const { c: f } = await connect({ cookie: admin });
    expect(await intent(f, { type: 'startSession', sessionId: cafeId })).toMatchObject({
      type: 'ack',
    });
    const { c: host } = await connect({ token: ticket.host.token });
    const { c: mate } = await connect({ token: ticket.mate.token });
    const { c: other } = await connect({ token: ticket.other.token });

    expect(
      await intent(host, note(here.issueKey!, 'Start from debt; return is open.')),
    ).toMatchObject({ type: 'ack' });
    const change = (await mate.next(
      (m) => m.type === 'change' && m.change.kind === 'handover',
    )) as Extract<ServerMessage, { type: 'change' }>;
    expect(change.change).toMatchObject({
      note: { issueKey: here.issueKey, tableId: here.tableId, round: 0 },
    });

    const refused = [
      await intent(mate, note(here.issueKey!, 'mate overwrites')),
      await intent(other, note(here.issueKey!, 'another table overwrites')),
      await intent(other, note(elsewhere.issueKey!, 'not the host here either')),
      await intent(host, note(elsewhere.issueKey!, 'the host, on an issue not at their table')),
    ];
    for (const r of refused) {
      expect(r).toMatchObject({ type: 'reject', error: 'not_host' });
      expect((r as { message: string }).message).toMatch(/host/);
    }
    expect(await stored(here.issueKey!)).toMatchObject({
      text: 'Start from debt; return is open.',
      table_id: here.tableId,
    });
    expect(await stored(elsewhere.issueKey!)).toBeUndefined();
    // a refusal changes nothing and broadcasts nothing
    expect(
      mate
        .changes()
        .filter((m) => m.change.kind === 'handover' && m.change.note.text.includes('overwrites')),
    ).toEqual([]);
    await Promise.all([f.close(), host.close(), mate.close(), other.close()]);
  });

  it('facilitators and coordinators write any note; a signed-in viewer (the projector) cannot', async () => {
    const { c: f } = await connect({ cookie: admin });
    expect(await intent(f, note(elsewhere.issueKey!, 'From the facilitator.'))).toMatchObject({
      type: 'ack',
    });
    const { c: coord, w } = await connect({ cookie: await h.userWith('coordinator') });
    expect(w.role).toBe('facilitator');
    expect(await intent(coord, note(here.issueKey!, 'From a coordinator.'))).toMatchObject({
      type: 'ack',
    });
    const { c: viewer, w: vw } = await connect({ cookie: await h.userWith('viewer') });
    expect(vw.role).toBe('screen');
    expect(await intent(viewer, note(here.issueKey!, 'From the projector.'))).toMatchObject({
      type: 'reject',
      error: 'forbidden',
    });
    expect(await stored(here.issueKey!)).toMatchObject({ text: 'From a coordinator.' });
    expect(await stored(elsewhere.issueKey!)).toMatchObject({ text: 'From the facilitator.' });
    await Promise.all([f.close(), coord.close(), viewer.close()]);
  });
});
