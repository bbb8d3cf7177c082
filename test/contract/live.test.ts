import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness, demoEvent } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import { buildApp } from '../../src/server/app.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import { PROTOCOL_VERSION, type ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

describe.each(testBackends())('live protocol on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let base: string;
  let event: EventDetail;
  let ticket: JoinTicket;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    base = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    event = await demoEvent(h.app, admin);
    const s = event.sessions.find((x) => x.kind === 'networking')!;
    await h.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/sessions/${s.id}/plan`,
      payload: { timeLimitSeconds: 3 },
      headers: { cookie: admin },
    });
    const roster = (
      await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
    ).json().roster;
    ticket = (
      await h.app.inject({
        method: 'POST',
        url: `/api/join/${event.joinCode}/claim`,
        payload: { participantId: roster[0].id },
      })
    ).json();
  });
  afterAll(async () => h?.close());

  const facilitator = async () => {
    const c = await TestLiveClient.connect(`${base}/api/live/${event.id}`, { cookie: admin });
    const w = (await c.hello()) as Welcome;
    expect(w.role).toBe('facilitator');
    return c;
  };
  const intent = async (c: TestLiveClient, id: string, body: object) => {
    c.send({ type: 'intent', id, intent: body });
    return c.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
  };

  it('welcomes a phone with a snapshot without emails, and a stale page with a reload', async () => {
    const phone = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    const w = (await phone.hello({ participantToken: ticket.token })) as Welcome;
    expect(w).toMatchObject({
      type: 'welcome',
      role: 'participant',
      participantId: ticket.participantId,
    });
    expect(w.snapshot?.participants.length).toBeGreaterThan(30);
    expect(JSON.stringify(w.snapshot)).not.toMatch(/"email"/);
    await phone.close();
    // The answer to a version mismatch says which side is old (issue 11, point 7): an old page
    // reloads; a page newer than this server must not (it would get itself back), it waits.
    const stale = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    expect(await stale.hello({ protocol: PROTOCOL_VERSION - 1 })).toMatchObject({
      type: 'reload',
      older: 'page',
      serverProtocol: PROTOCOL_VERSION,
    });
    const newer = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    expect(await newer.hello({ protocol: PROTOCOL_VERSION + 1 })).toMatchObject({
      type: 'reload',
      older: 'server',
      serverProtocol: PROTOCOL_VERSION,
    });
    const stranger = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    expect(await stranger.hello({ participantToken: 'not-a-token' })).toMatchObject({
      type: 'error',
      error: 'not_allowed',
    });
  });

  it('answers garbage with an error naming the problem and keeps the socket open', async () => {
    const c = await facilitator();
    c.ws.send('{not json');
    expect(await c.next((m) => m.type === 'error')).toMatchObject({ error: 'malformed_json' });
    c.send({ type: 'intent', id: 'short', intent: { type: 'pause' } });
    expect(await c.next((m) => m.type === 'error' && m.error === 'invalid_message')).toBeTruthy();
    c.send({ type: 'ping', t: 123 });
    expect(await c.next((m) => m.type === 'pong')).toMatchObject({ t: 123 });
    await c.close();
  });

  it('broadcasts committed changes in order to every client; phones cannot send facilitator intents', async () => {
    const f = await facilitator();
    const phone = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    await phone.hello({ participantToken: ticket.token });
    const s = event.sessions.find((x) => x.kind === 'networking')!;
    const ack = await intent(f, 'start-0001', { type: 'startSession', sessionId: s.id });
    expect(ack.type).toBe('ack');
    const change = await phone.next((m) => m.type === 'change');
    expect(change).toMatchObject({
      type: 'change',
      change: { kind: 'state', state: { sessionId: s.id, round: 0, status: 'running' } },
    });
    expect(await intent(phone, 'phone-0001', { type: 'pause' })).toMatchObject({
      type: 'reject',
      error: 'forbidden',
    });
    await f.close();
    await phone.close();
  });

  it('applies a retried intent once and answers the retry with the same sequence number', async () => {
    const f = await facilitator();
    const first = (await intent(f, 'extend-0001', { type: 'extend', seconds: 60 })) as {
      seq: number;
    };
    await f.close();
    const again = await facilitator();
    const retry = (await intent(again, 'extend-0001', { type: 'extend', seconds: 60 })) as {
      seq: number;
    };
    expect(retry.seq).toBe(first.seq);
    const rows = await h.store.db
      .selectFrom('live_changes')
      .select('seq')
      .where('event_id', '=', event.id)
      .execute();
    expect(rows.filter((r) => Number(r.seq) === first.seq)).toHaveLength(1);
    expect(Math.max(...rows.map((r) => Number(r.seq)))).toBe(first.seq); // nothing applied twice
    await again.close();
  });

  it('a phone that reconnects with its last sequence receives exactly what it missed', async () => {
    const phone = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    const w = (await phone.hello({ participantToken: ticket.token })) as Welcome;
    await phone.close();
    const f = await facilitator();
    await intent(f, 'next-0001', { type: 'nextRound' });
    await intent(f, 'msg-00001', { type: 'broadcast', text: 'Coffee is served' });
    const back = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    const w2 = (await back.hello({ participantToken: ticket.token, lastSeq: w.seq })) as Welcome;
    expect(w2.snapshot).toBeUndefined();
    await back.next((m) => m.type === 'change' && m.seq === w.seq + 2);
    expect(back.changes().map((c) => c.seq)).toEqual([w.seq + 1, w.seq + 2]);
    expect(back.changes()[1]).toMatchObject({
      change: { state: { message: { text: 'Coffee is served' }, round: 1 } },
    });
    // A client claiming to be ahead of the server (its data is not ours) gets a fresh snapshot.
    const odd = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    expect(
      ((await odd.hello({ participantToken: ticket.token, lastSeq: w2.seq + 50 })) as Welcome)
        .snapshot,
    ).toBeDefined();
    await Promise.all([f.close(), back.close(), odd.close()]);
  });

  it('resumes after a server restart from the stored log', async () => {
    const f = await facilitator();
    const w = (f.messages[0] as Welcome).seq;
    await intent(f, 'pause-0001', { type: 'pause' });
    await f.close();
    // A second app over the same database stands in for a restarted process.
    const restarted = await buildApp({
      db: h.store.db,
      backend: h.store.backend,
      now: () => h.clock.now,
    });
    await restarted.listen({ port: 0, host: '127.0.0.1' });
    const addr = restarted.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const phone = await TestLiveClient.connect(`ws://127.0.0.1:${port}/api/live/${event.id}`);
    const welcome = (await phone.hello({ participantToken: ticket.token, lastSeq: w })) as Welcome;
    expect(welcome.snapshot).toBeUndefined();
    const missed = await phone.next((m) => m.type === 'change');
    expect(missed).toMatchObject({ seq: w + 1, change: { state: { status: 'paused' } } });
    await phone.close();
    await restarted.close();
  });
});
