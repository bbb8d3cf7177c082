/**
 * Issue 11, point 7: limits that hold across instances, and rows that do not pile up for ever.
 * - The sign-in back-off and the per-address request limits are counted in the database: two app
 *   instances on one database (on PostgreSQL each with its own connection pool) share them.
 * - Expired sessions, old live changes and old intent ids are pruned (injected clock); a phone that
 *   comes back after its changes were pruned gets a snapshot, never a gap; the server prunes by
 *   itself on a timer.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import {
  DEMO,
  demoEvent,
  listen,
  startApi,
  startInstance,
  type ApiHarness,
} from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import { openDb, type Db } from '../../src/server/db/index.ts';
import {
  LIVE_CHANGES_KEEP_MS,
  LIVE_INTENTS_KEEP_MS,
  pruneStaleRows,
} from '../../src/server/db/repos/prune.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;
const DAY = 24 * 3_600_000;

describe.each(testBackends())('limits shared by two instances on $name', (backend) => {
  let h: ApiHarness;
  let a: App;
  let b: App;
  let bDb: Db | undefined;
  beforeAll(async () => {
    h = await startApi(backend);
    // PostgreSQL: the second instance has its own pool, as another process would. SQLite has one
    // process per file: the two apps share the connection.
    if (h.store.url) bDb = openDb({ databaseUrl: h.store.url, dataDir: os.tmpdir() }).db;
    const options = {
      backend: h.store.backend,
      now: () => h.clock.now,
      loginAttemptsPerMinute: 6,
    };
    a = await buildApp({ ...options, db: h.store.db });
    b = await buildApp({ ...options, db: bDb ?? h.store.db });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await bDb?.destroy();
    await h?.close();
  });

  const login = (app: App, email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it('wrong passwords through one instance slow sign-ins through the other', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(a, DEMO.email, `guess-${i}`)).statusCode).toBe(401);
    const viaB = await login(b, DEMO.email, 'guess-5');
    expect(viaB.statusCode).toBe(429);
    expect(viaB.json()).toMatchObject({ error: 'rate_limited' });
    expect(Number(viaB.headers['retry-after'])).toBeGreaterThan(0);
    // The right password too waits, on either instance, until the back-off has passed.
    expect((await login(a, DEMO.email, DEMO.password)).statusCode).toBe(429);
    h.clock.advance(61_000); // past the wait, and into a fresh minute for the address limit
    expect((await login(b, DEMO.email, DEMO.password)).statusCode).toBe(200);
  });

  it("one address's sign-in attempts per minute are counted across both instances", async () => {
    h.clock.advance(60_000); // a fresh window
    const codes: number[] = [];
    // Different (unknown) emails: only the per-address limit of 6 a minute applies.
    for (let i = 0; i < 8; i++)
      codes.push((await login(i % 2 ? b : a, `nobody-${i}@example.org`, 'x')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    h.clock.advance(60_000);
    expect((await login(b, 'nobody-9@example.org', 'x')).statusCode).toBe(401);
  });
});

describe.each(testBackends())('pruning on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let ticket: JoinTicket;
  let base: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    base = `ws://127.0.0.1:${await listen(h.app)}`;
    event = await demoEvent(h.app, admin);
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

  const broadcast = async (c: TestLiveClient, text: string) => {
    const id = `${text.replace(/\W/g, '')}${'0'.repeat(16)}`.slice(0, 16);
    c.send({ type: 'intent', id, intent: { type: 'broadcast', text } });
    const answer = await c.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
    expect(answer.type).toBe('ack');
    return answer.type === 'ack' ? answer.seq : -1;
  };
  const count = async (table: 'live_changes' | 'live_intents') =>
    (
      await h.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('old changes go; a phone that was away longer gets a snapshot, one that was not resumes', async () => {
    const f = await TestLiveClient.connect(`${base}/api/live/${event.id}`, { cookie: admin });
    expect((await f.hello()).type).toBe('welcome');
    const early = await broadcast(f, 'early one');
    await broadcast(f, 'early two');
    h.clock.advance(LIVE_CHANGES_KEEP_MS + DAY);
    const late = await broadcast(f, 'late one');
    const last = await broadcast(f, 'late two');
    await f.close();
    const changesBefore = await count('live_changes');
    const intentsBefore = await count('live_intents');

    const pruned = await pruneStaleRows(h.store.db, h.clock.now);
    expect(pruned.liveChanges).toBeGreaterThanOrEqual(2);
    expect(await count('live_changes')).toBe(changesBefore - pruned.liveChanges);
    const kept = await h.store.db.selectFrom('live_changes').select('seq').orderBy('seq').execute();
    expect(kept.map((r) => Number(r.seq))).toEqual([late, last]);
    // Intent ids are remembered longer than the log (a phone's outbox may retry after days).
    expect(pruned.liveIntents).toBe(0);
    expect(await count('live_intents')).toBe(intentsBefore);

    // A fresh instance reads its rooms from what is left of the log.
    const other = await startInstance(h);
    try {
      const url = `ws://127.0.0.1:${other.port}/api/live/${event.id}`;
      const away = await TestLiveClient.connect(url);
      const w = (await away.hello({ participantToken: ticket.token, lastSeq: early })) as Welcome;
      expect(w.type).toBe('welcome');
      expect(w.snapshot?.state.message?.text).toBe('late two'); // the log compacted: the room now
      expect(w.seq).toBe(last);
      const recent = await TestLiveClient.connect(url);
      const w2 = (await recent.hello({ participantToken: ticket.token, lastSeq: late })) as Welcome;
      expect(w2.snapshot).toBeUndefined();
      await recent.next((m) => m.type === 'change' && m.seq === last);
      expect(recent.changes().map((c) => c.seq)).toEqual([last]);
      await Promise.all([away.close(), recent.close()]);
    } finally {
      await other.close();
    }

    h.clock.advance(LIVE_INTENTS_KEEP_MS - LIVE_CHANGES_KEEP_MS);
    const later = await pruneStaleRows(h.store.db, h.clock.now);
    expect(later.liveIntents).toBeGreaterThanOrEqual(2); // the early ones, older than 30 days
    expect(await count('live_intents')).toBe(intentsBefore - later.liveIntents);
  });

  it('expired sessions, stale back-off and request counts go; the server prunes on a timer', async () => {
    const app = await buildApp({
      db: h.store.db,
      backend: h.store.backend,
      now: () => h.clock.now,
      pruneEveryMs: 50,
    });
    try {
      await app.ready();
      const admin = await h.store.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.email)
        .executeTakeFirstOrThrow();
      const t = h.clock.now.getTime();
      await h.store.db
        .insertInto('sessions')
        .values({
          token_hash: 'expired-an-hour-ago',
          user_id: admin.id,
          coalition_id: h.coalitionId,
          created_at: new Date(t - 8 * DAY).toISOString(),
          expires_at: new Date(t - 3_600_000).toISOString(),
        })
        .execute();
      await h.store.db
        .insertInto('auth_backoff')
        .values([
          { key_hash: 'stale', failures: 9, last_ms: t - 2 * DAY },
          { key_hash: 'fresh', failures: 9, last_ms: t - 60_000 },
        ])
        .execute();
      await h.store.db
        .insertInto('rate_counts')
        .values([
          { key_hash: 'stale', window_start: t - 2 * DAY, n: 3 },
          { key_hash: 'fresh', window_start: t - 60_000, n: 3 },
        ])
        .execute();
      const keys = async (table: 'auth_backoff' | 'rate_counts') =>
        (await h.store.db.selectFrom(table).select('key_hash').execute()).map((r) => r.key_hash);
      // A pass of the timer may fall between two of the inserts above: wait for one after them all.
      const gone = async () =>
        (await h.store.db
          .selectFrom('sessions')
          .select('token_hash')
          .where('token_hash', '=', 'expired-an-hour-ago')
          .executeTakeFirst()) === undefined &&
        !(await keys('auth_backoff')).includes('stale') &&
        !(await keys('rate_counts')).includes('stale');
      for (let i = 0; i < 100 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await gone()).toBe(true);
      expect(await keys('auth_backoff')).toContain('fresh');
      expect(await keys('rate_counts')).toContain('fresh');
    } finally {
      await app.close();
    }
  });
});
