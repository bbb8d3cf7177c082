import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { testBackends, type TestBackend } from '../support/backends.ts';
import pg from 'pg';
import {
  DEMO,
  listen,
  startApi,
  startInstance,
  type ApiHarness,
  demoEvent,
} from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import { LISTENER_NAME } from '../../src/server/bus/bus.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;
type ChangeMsg = Extract<ServerMessage, { type: 'change' }>;
type Answer = Extract<ServerMessage, { type: 'ack' } | { type: 'reject' }>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const id = () => randomUUID().replaceAll('-', '');

/**
 * SYNC-11 (docs/sync-spec.md): several instances of Mosaic behind a balancer share live rooms
 * through one PostgreSQL database. Instance A is the harness's app, B another app over the same
 * database with its own LISTEN connection, C one that listens to nothing (it must still decide on
 * the latest state, and resume phones, from the database alone).
 *
 * SQLite has one process per database: the same two-app set-up there (two apps over one SQLite
 * file in one process, no fan-out between them) only checks what the database itself guarantees —
 * sequence numbers and idempotency. Everything else is defined for PostgreSQL only.
 */
for (const backend of testBackends()) describeInstances(backend);

function describeInstances(backend: TestBackend): void {
  const shared = backend.name === 'postgres';
  const title = shared
    ? 'SYNC-11: two instances sharing live rooms on postgres'
    : 'SYNC-11 on sqlite, limited: two apps over one SQLite file in one process (no fan-out between them; sequence numbers and idempotency only)';

  describe(title, () => {
    let h: ApiHarness;
    let b: Awaited<ReturnType<typeof startInstance>>;
    let c: Awaited<ReturnType<typeof startInstance>>;
    let admin: string;
    let event: EventDetail;
    let networkingId: string;
    const tickets: JoinTicket[] = [];
    const url: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

    beforeAll(async () => {
      h = await startApi(backend);
      admin = await h.adminCookie();
      url.A = `ws://127.0.0.1:${await listen(h.app)}`;
      b = await startInstance(h);
      url.B = `ws://127.0.0.1:${b.port}`;
      c = await startInstance(h, { listens: false });
      url.C = `ws://127.0.0.1:${c.port}`;
      event = await demoEvent(h.app, admin);
      networkingId = event.sessions.find((x) => x.kind === 'networking')!.id;
      await h.app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/sessions/${networkingId}/plan`,
        payload: { timeLimitSeconds: 1 },
        headers: { cookie: admin },
      });
      const roster = (
        await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
      ).json().roster as { id: string }[];
      for (const r of roster.slice(0, 8))
        tickets.push(
          (
            await h.app.inject({
              method: 'POST',
              url: `/api/join/${event.joinCode}/claim`,
              payload: { participantId: r.id },
            })
          ).json(),
        );
    });
    afterAll(async () => {
      await c?.close();
      await b?.close();
      await h?.close();
    });

    const facilitator = async (on: 'A' | 'B' | 'C') => {
      const client = await TestLiveClient.connect(`${url[on]}/api/live/${event.id}`, {
        cookie: admin,
      });
      const w = (await client.hello()) as Welcome;
      expect(w.role).toBe('facilitator');
      return { client, w };
    };
    const phone = async (on: 'A' | 'B' | 'C', i: number, lastSeq?: number) => {
      const client = await TestLiveClient.connect(`${url[on]}/api/live/${event.id}`);
      const w = (await client.hello({
        participantToken: tickets[i]!.token,
        ...(lastSeq === undefined ? {} : { lastSeq }),
      })) as Welcome;
      expect(w.type).toBe('welcome');
      return { client, w };
    };
    const send = (client: TestLiveClient, body: object, intentId = id()) => {
      client.send({ type: 'intent', id: intentId, intent: body });
      return client.next(
        (m) => (m.type === 'ack' || m.type === 'reject') && m.id === intentId,
        10_000,
      ) as Promise<Answer>;
    };
    const ack = async (client: TestLiveClient, body: object, intentId?: string) => {
      const a = await send(client, body, intentId);
      expect(a).toMatchObject({ type: 'ack' });
      return (a as Extract<Answer, { type: 'ack' }>).seq;
    };
    const addCard = (text: string) => ({
      type: 'addCard',
      cardId: randomUUID(),
      issueKey: event.issues[0]!.key,
      text,
      kind: 'cause',
      level: 'individual',
    });
    const storedSeqs = async () =>
      (
        await h.store.db
          .selectFrom('live_changes')
          .select('seq')
          .where('event_id', '=', event.id)
          .orderBy('seq')
          .execute()
      ).map((r) => Number(r.seq));
    /** The changes a client received after `from`, once it has received `to`. */
    const seen = async (client: TestLiveClient, from: number, to: number) => {
      await client.next((m) => m.type === 'change' && m.seq === to, 10_000);
      return client.changes().filter((m) => m.seq > from && m.seq <= to);
    };
    const range = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => from + 1 + i);
    const closeAll = (...cs: TestLiveClient[]) => Promise.all(cs.map((x) => x.close()));

    it('SYNC-11: intents sent at once through both instances get distinct, gap-free sequence numbers', async () => {
      h.clock.advance(11_000); // a fresh LIMIT-1 window
      const { client: fA, w } = await facilitator('A');
      const { client: fB } = await facilitator('B');
      const { client: pA } = await phone('A', 2);
      const { client: pB } = await phone('B', 3);
      const start = Math.max(...(await storedSeqs()), 0);
      expect(w.seq).toBe(start);
      const answers = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => send(pA, addCard(`A ${i}`))),
        ...Array.from({ length: 12 }, (_, i) => send(pB, addCard(`B ${i}`))),
        ...Array.from({ length: 4 }, () => send(fA, { type: 'broadcast', text: 'from A' })),
        ...Array.from({ length: 4 }, () => send(fB, { type: 'broadcast', text: 'from B' })),
      ]);
      expect(answers.map((a) => a.type)).toEqual(answers.map(() => 'ack'));
      const seqs = answers.map((a) => (a as Extract<Answer, { type: 'ack' }>).seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(range(start, start + 32));
      expect((await storedSeqs()).filter((s) => s > start)).toEqual(range(start, start + 32));
      if (shared)
        // Every client, whichever instance it is on, receives all of them in order.
        for (const client of [fA, fB, pA, pB])
          expect((await seen(client, start, start + 32)).map((m) => m.seq)).toEqual(
            range(start, start + 32),
          );
      await closeAll(fA, fB, pA, pB);
    });

    it('SYNC-2/SYNC-11: an intent retried through the other instance is applied once, also when both arrive at once', async () => {
      const { client: fA } = await facilitator('A');
      const { client: fB } = await facilitator('B');
      const retried = id();
      const first = await ack(fA, { type: 'broadcast', text: 'once' }, retried);
      expect(await ack(fB, { type: 'broadcast', text: 'once' }, retried)).toBe(first);
      expect(Math.max(...(await storedSeqs()))).toBe(first);

      // The same intent through both instances at the same moment: a change, and an intent that
      // changes nothing (a delete of a deleted card, recorded without a sequence number of its own).
      const card = addCard('to delete');
      await ack(fA, card);
      await ack(fA, { type: 'deleteCard', cardId: card.cardId });
      for (let round = 0; round < 4; round++) {
        const before = Math.max(...(await storedSeqs()));
        const both = id();
        const [a, bb] = await Promise.all([
          send(fA, { type: 'broadcast', text: `both ${round}` }, both),
          send(fB, { type: 'broadcast', text: `both ${round}` }, both),
        ]);
        expect(a).toMatchObject({ type: 'ack', seq: before + 1 });
        expect(bb).toMatchObject({ type: 'ack', seq: before + 1 });
        expect(Math.max(...(await storedSeqs()))).toBe(before + 1);
        const noop = id();
        const [x, y] = await Promise.all([
          send(fA, { type: 'deleteCard', cardId: card.cardId }, noop),
          send(fB, { type: 'deleteCard', cardId: card.cardId }, noop),
        ]);
        expect(x).toMatchObject({ type: 'ack' });
        expect(y).toEqual(x);
        expect(Math.max(...(await storedSeqs()))).toBe(before + 1);
      }
      await closeAll(fA, fB);
    });

    if (!shared) return;

    it('SYNC-11/PRIV-1: a facilitator on A and phones on B and A see the same changes in the same order without gaps; authors reach facilitators only', async () => {
      h.clock.advance(11_000);
      const { client: f, w } = await facilitator('A');
      const { client: pB } = await phone('B', 0);
      const { client: pA } = await phone('A', 1);
      const start = w.seq;
      await ack(f, { type: 'startSession', sessionId: networkingId });
      const byB = addCard('written on B');
      await ack(pB, byB);
      await ack(pA, addCard('written on A'));
      await ack(f, { type: 'broadcast', text: 'Tea in the lobby' });
      await ack(pB, { type: 'editCard', cardId: byB.cardId, baseVersion: 1, text: 'edited on B' });
      const last = await ack(f, { type: 'extend', seconds: 60 });
      expect(last).toBe(start + 6);
      const views = await Promise.all([f, pB, pA].map((x) => seen(x, start, last)));
      for (const v of views) expect(v.map((m) => m.seq)).toEqual(range(start, last));
      const plain = (m: ChangeMsg) =>
        JSON.stringify(
          m.change.kind === 'card'
            ? { ...m, change: { ...m.change, card: { ...m.change.card, participantId: null } } }
            : m,
        );
      expect(views[1]!.map(plain)).toEqual(views[0]!.map(plain));
      expect(views[2]!.map(plain)).toEqual(views[0]!.map(plain));
      const cardOf = (v: ChangeMsg[]) =>
        v.find((m) => m.change.kind === 'card' && m.change.card.id === byB.cardId)!.change;
      expect(cardOf(views[0]!)).toMatchObject({
        card: { participantId: tickets[0]!.participantId },
      });
      expect(cardOf(views[1]!)).toMatchObject({ card: { participantId: null } });
      expect(cardOf(views[2]!)).toMatchObject({ card: { participantId: null } });
      await closeAll(f, pB, pA);
    });

    it('SYNC-4/SYNC-11: a phone that reconnects to the other instance resumes from its last sequence number', async () => {
      // C listens to nothing: its room was loaded before the changes and only the database can
      // tell it what happened since.
      const { client: onC } = await phone('C', 5);
      const { client: p, w } = await phone('A', 4);
      await p.close();
      const { client: f } = await facilitator('A');
      await ack(f, { type: 'broadcast', text: 'while you were away' });
      const last = await ack(f, { type: 'extend', seconds: 30 });
      for (const on of ['B', 'C'] as const) {
        const { client: back, w: w2 } = await phone(on, 4, w.seq);
        expect(w2.snapshot).toBeUndefined();
        expect(w2.seq).toBe(last);
        expect((await seen(back, w.seq, last)).map((m) => m.seq)).toEqual(range(w.seq, last));
        await back.close();
      }
      await closeAll(f, onC);
    });

    it('SYNC-11: an instance that heard nothing decides on the latest state (the clock, and the REST API)', async () => {
      const { client: screenOnC, w } = await phone('C', 6);
      const { client: fA } = await facilitator('A');
      const { client: fC } = await facilitator('C');
      // A finishes the running session and starts it again: C's room still has the old state.
      await ack(fA, { type: 'finish' });
      const started = await ack(fA, { type: 'startSession', sessionId: networkingId });
      // C applies A's changes under the room's lock before deciding: a pause of a running round.
      const paused = await ack(fC, { type: 'pause' });
      expect(paused).toBe(started + 1);
      const state = await h.store.db
        .selectFrom('live_state')
        .select('state')
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(state.state)).toMatchObject({ status: 'paused', round: 0 });
      // …and its own clients received A's changes first, in order.
      expect((await seen(screenOnC, w.seq, paused)).map((m) => m.seq)).toEqual(
        range(w.seq, paused),
      );
      // A finishes; C's REST API refuses or allows re-planning on the state as it is now.
      await ack(fA, { type: 'finish' });
      const plan = await c.app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/sessions/${networkingId}/plan`,
        payload: { timeLimitSeconds: 1 },
        headers: { cookie: admin },
      });
      expect(plan.statusCode).toBe(200);
      await closeAll(screenOnC, fA, fC);
    });

    it('SYNC-11: an instance whose listening connection dropped reads what it missed once it is back', async () => {
      const { client: pB, w } = await phone('B', 7);
      const { client: f } = await facilitator('A');
      const listeners = async () =>
        Number(
          (
            await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
              where application_name = ${LISTENER_NAME} and datname = current_database()`.execute(
              h.store.db,
            )
          ).rows[0]!.n,
        );
      let missed: number | undefined;
      for (let attempt = 0; attempt < 5 && missed === undefined; attempt++) {
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = ${LISTENER_NAME} and datname = current_database()`.execute(
          h.store.db,
        );
        while ((await listeners()) > 0) await sleep(5);
        const seq = await ack(f, {
          type: 'broadcast',
          text: `while B was not listening ${attempt}`,
        });
        // Only conclusive if B was still away when the change committed (its backoff is 250 ms).
        if ((await listeners()) === 0) missed = seq;
        else while ((await listeners()) < 2) await sleep(20);
      }
      expect(missed).toBeDefined();
      expect((await seen(pB, w.seq, missed!)).map((m) => m.seq)).toEqual(range(w.seq, missed!));
      await closeAll(pB, f);
    });

    it("SYNC-2's backstop: an intent another writer recorded meanwhile is answered as applied, never as an error", async () => {
      // Another writer records the intent while this instance is applying it (here: a test
      // connection, while the card's row is locked so that the instance waits inside its
      // transaction). The instance's own record then violates live_intents' primary key.
      const { client: f } = await facilitator('A');
      const card = addCard('locked for a moment');
      await ack(f, card);
      const user = await h.store.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.email)
        .executeTakeFirstOrThrow();
      const holder = new pg.Client({ connectionString: h.store.url });
      const other = new pg.Client({ connectionString: h.store.url });
      await Promise.all([holder.connect(), other.connect()]);
      try {
        await holder.query('begin');
        await holder.query('select id from cards where id = $1 for update', [card.cardId]);
        const intentId = id();
        const before = Math.max(...(await storedSeqs()));
        const answer = send(
          f,
          { type: 'editCard', cardId: card.cardId, baseVersion: 1, text: 'x' },
          intentId,
        );
        const waiting = async () =>
          (
            await other.query(
              `select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
            )
          ).rows[0].n as number;
        while ((await waiting()) === 0) await sleep(5);
        await other.query(
          'insert into live_intents (event_id, client_key, intent_id, seq, at) values ($1, $2, $3, $4, $5)',
          [event.id, `user:${user.id}`, intentId, before, h.clock.now.toISOString()],
        );
        await holder.query('rollback');
        expect(await answer).toEqual({ type: 'ack', id: intentId, seq: before });
        expect(Math.max(...(await storedSeqs()))).toBe(before);
        const stored = await h.store.db
          .selectFrom('cards')
          .select(['text', 'version'])
          .where('id', '=', card.cardId)
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({ text: 'locked for a moment', version: 1 });
      } finally {
        await Promise.all([holder.end(), other.end()]);
        await f.close();
      }
    });

    it('LIMIT-1 across instances: a phone that moves to another instance keeps its budget', async () => {
      h.clock.advance(11_000);
      const { client: onA } = await phone('A', 5);
      for (let i = 0; i < 30; i++) await ack(onA, addCard(`flood ${i}`));
      expect(await send(onA, addCard('one too many'))).toMatchObject({ error: 'rate_limited' });
      await onA.close();
      const { client: onB } = await phone('B', 5);
      const card = addCard('one too many, elsewhere');
      expect(await send(onB, card)).toMatchObject({ type: 'reject', error: 'rate_limited' });
      const stored = await h.store.db
        .selectFrom('cards')
        .select('id')
        .where('id', '=', card.cardId)
        .executeTakeFirst();
      expect(stored).toBeUndefined();
      h.clock.advance(11_000);
      await ack(onB, addCard('after the window'));
      await onB.close();
    });

    it('atlas: a route written through A makes open atlas pages on B (and A, once) refetch at once', async () => {
      const stream = async (port: number) => {
        const ctrl = new AbortController();
        const res = await fetch(`http://127.0.0.1:${port}/api/atlas/stream`, {
          headers: { cookie: admin },
          signal: ctrl.signal,
        });
        const reader = res.body!.getReader();
        let text = '';
        let reading: ReturnType<typeof reader.read> | undefined;
        /** Reads until the text matches `needle` (or for `ms` when it never does). */
        const until = async (needle: RegExp, ms = 5000) => {
          const deadline = Date.now() + ms;
          while (!needle.test(text) && Date.now() < deadline) {
            // A read still pending from the last call is kept: its chunk must not be lost.
            reading ??= reader.read();
            const r = await Promise.race([reading, sleep(100).then(() => undefined)]);
            if (!r) continue;
            reading = undefined;
            if (r.value) text += new TextDecoder().decode(r.value);
            if (r.done) break;
          }
          return needle.test(text);
        };
        return { until, text: () => text, close: () => ctrl.abort() };
      };
      const portA = Number(new URL(url.A).port);
      const onB = await stream(b.port);
      const onA = await stream(portA);
      try {
        expect(await onB.until(/event: hello/)).toBe(true);
        expect(await onA.until(/event: hello/)).toBe(true);
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/atlas/routes',
          headers: { cookie: admin },
          payload: {
            source: 'city:1298824',
            transits: [{ place: 'city:1308052' }, { place: 'city:1152188', borderCrossing: true }],
            destination: 'city:1609350',
            forms: ['ForcedLabour'],
            sectors: ['Construction'],
            confidence: 'likely',
            basis: 'casework',
            visibility: 'coalition',
          },
        });
        expect(res.statusCode).toBeLessThan(300);
        expect(await onB.until(/event: change\ndata: \{"version":\d+\}/)).toBe(true);
        expect(await onA.until(/event: change/)).toBe(true);
        // A's own announcement comes back to it: its pages are not told twice.
        await onA.until(/event: change[^]*event: change/, 500);
        expect(onA.text().match(/event: change/g)).toHaveLength(1);
      } finally {
        // An open stream would keep the server from closing.
        onA.close();
        onB.close();
      }
    });
  });
}
