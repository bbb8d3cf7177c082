/**
 * Planning off the event loop and outside the room's queue (issue 11, points 2 and 3), through
 * real sockets on every backend: the room keeps answering while a plan or a re-plan computes, and
 * what a plan depends on is checked inside the room's queue together with its write.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, PlannedRound, PlanProgress } from '../../src/contract/events.ts';
import { PROTOCOL_VERSION } from '../../src/contract/live.ts';

/** Far below the seconds a plan takes here: an event loop or room queue held by the solver fails it. */
const RESPONSIVE_MS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stamp = () => performance.now();

/**
 * A client in its own thread (test/support/probe-worker.js) that times the server's answers to
 * pings (and intents): this thread runs the server too, so it cannot time a stalled event loop.
 */
async function probe(url: string, opts: { cookie?: string; token?: string; intent?: object }) {
  const worker = new Worker(new URL('../support/probe-worker.js', import.meta.url), {
    workerData: {
      url,
      headers: opts.cookie ? { cookie: opts.cookie } : {},
      hello: { protocol: PROTOCOL_VERSION, participantToken: opts.token },
      count: 10,
      intervalMs: 150,
      intent: opts.intent,
    },
  });
  const message = () =>
    new Promise<{ type: string; times?: number[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await message(); // ready
  return {
    /** Starts timing now; resolves with the answer times once all are in. */
    run() {
      const done = message();
      worker.postMessage('start');
      return done.then(async (m) => {
        await worker.terminate();
        return m.times!;
      });
    },
  };
}

describe.each(testBackends())('planning while the room runs, on $name', (backend) => {
  let h: ApiHarness;
  let cookie: string;
  let base: string;
  let ev: EventDetail;
  let sessionId: string;
  let ids: string[];
  let phoneToken: string;

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie } });
  /** Adds a speed-networking session to the event; returns its id. */
  const addPairs = async (title: string, rounds: number) => {
    const body = { kind: 'networking', title, rounds, minutesPerRound: 5 };
    ev = (await call('POST', `/api/events/${ev.id}/sessions`, body)).json() as EventDetail;
    return ev.sessions.at(-1)!.id;
  };
  const planUrl = () => `/api/events/${ev.id}/sessions/${sessionId}/plan`;
  const plan = (timeLimitSeconds: number, seed = 1) =>
    call('POST', planUrl(), { timeLimitSeconds, seed });
  const progress = async () => (await call('GET', planUrl())).json() as PlanProgress;
  const untilRunning = async (kind: 'generate' | 'replan') => {
    for (let i = 0; i < 200; i++) {
      const p = await progress();
      if (p.running && p.kind === kind) return p;
      await sleep(25);
    }
    throw new Error(`no ${kind} job started`);
  };
  const current = async () =>
    ((await call('GET', `/api/events/${ev.id}`)).json() as EventDetail).sessions.find(
      (s) => s.id === sessionId,
    )!.plan!;

  const connect = async (participantToken?: string) => {
    const c = await TestLiveClient.connect(
      `${base}/api/live/${ev.id}`,
      participantToken ? {} : { cookie },
    );
    await c.hello(participantToken ? { participantToken } : {});
    return c;
  };
  /** A re-plan may take two solver runs (the room moved on under the first). */
  const send = (c: TestLiveClient, intent: object) => c.intent(intent, 30_000);

  beforeAll(async () => {
    h = await startApi(backend);
    cookie = await h.adminCookie();
    base = `ws://127.0.0.1:${await listen(h.app)}`;
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie },
      payload: { name: 'Planning under load', startsOn: '2026-12-01', endsOn: '2026-12-01' },
    });
    ev = created.json() as EventDetail;
    // Six people from six organisations, twelve rounds of pairs: each meets five others at most,
    // so repeats are unavoidable and the solver searches for its whole time budget.
    const csv = `Name,Organisation,Sector\n${Array.from({ length: 6 }, (_, i) => `P${i},Org ${i},ngo`).join('\n')}\n`;
    await call('POST', `/api/events/${ev.id}/participants/import`, { csv, dryRun: false });
    sessionId = await addPairs('Pairs', 12);
    ids = (await call('GET', `/api/events/${ev.id}/participants`))
      .json()
      .items.map((p: { id: string }) => p.id);
    phoneToken = (
      await h.app.inject({
        method: 'POST',
        url: `/api/join/${ev.joinCode}/claim`,
        payload: { participantId: ids[0] },
      })
    ).json().token;
  });
  afterAll(async () => h?.close());

  it('while a 3-second plan computes, pings and intents are answered at once and its progress is visible', async () => {
    const f = await connect();
    const facilitator = await probe(`${base}/api/live/${ev.id}`, {
      cookie,
      intent: { type: 'broadcast', text: 'still here' },
    });
    const timing = facilitator.run();
    const pending = plan(3);
    await untilRunning('generate');
    // The console sees the solver's progress: the best plan's repeats so far.
    while ((await progress()).repeats === null) await sleep(25);
    const times = await timing;
    const still = await progress();
    expect(still.running).toBe(true); // the answers above came while the solver was busy
    expect(still.fraction).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(RESPONSIVE_MS);
    const res = await pending;
    expect(res.statusCode).toBe(200);
    const s = (res.json() as EventDetail).sessions[0]!;
    expect(s.plan).toHaveLength(12);
    expect(s.quality?.violations).toBe(0);
    // The plan reached the room as a change with its sequence number.
    expect(
      await f.next(
        (m) =>
          m.type === 'change' &&
          m.change.kind === 'event' &&
          JSON.stringify(m.change.event.sessions[0]!.plan) === JSON.stringify(s.plan),
      ),
    ).toBeTruthy();
    await f.close();
  });

  it('a newer request supersedes a running plan, and DELETE cancels one; the plan in place stays', async () => {
    const before = await current();
    const first = plan(3, 7);
    await untilRunning('generate');
    const second = plan(3, 8);
    const superseded = await first;
    expect(superseded.statusCode).toBe(409);
    expect(superseded.json()).toMatchObject({ error: 'plan_superseded' });
    await untilRunning('generate');
    const t = stamp();
    expect((await call('DELETE', planUrl())).json()).toEqual({ cancelled: true });
    const cancelled = await second;
    expect(stamp() - t).toBeLessThan(RESPONSIVE_MS * 2);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json()).toMatchObject({ error: 'plan_cancelled' });
    expect((await progress()).running).toBe(false);
    expect((await call('DELETE', planUrl())).json()).toEqual({ cancelled: false });
    expect(await current()).toEqual(before);
  });

  it('a plan whose session started while it was computed is refused; the running plan stays', async () => {
    const f = await connect();
    const before = await current();
    const pending = plan(2, 9);
    await untilRunning('generate');
    const t = stamp();
    expect(await send(f, { type: 'startSession', sessionId })).toMatchObject({ type: 'ack' });
    expect(stamp() - t).toBeLessThan(RESPONSIVE_MS);
    const res = await pending;
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'session_running' });
    expect(await current()).toEqual(before);
    await f.close();
  });

  it('a re-plan solves outside the room: phones and other intents are answered while it runs', async () => {
    const f = await connect();
    const before = await current();
    expect(
      await send(f, { type: 'setPresence', participantId: ids[5], status: 'absent' }),
    ).toMatchObject({ type: 'ack' });
    const url = `${base}/api/live/${ev.id}`;
    // A phone keeps its countdown (pings); another console extends the round meanwhile.
    const phone = await probe(url, { token: phoneToken });
    const other = await probe(url, { cookie, intent: { type: 'extend', seconds: 10 } });
    const timing = Promise.all([phone.run(), other.run()]);
    const replanned = send(f, { type: 'replan' });
    await untilRunning('replan');
    const times = (await timing).flat();
    // The console that asked for the re-plan is not held behind it either (it pings every 5 s
    // and drops a socket that stays silent for 12).
    const t = stamp();
    f.send({ type: 'ping', t: 42 });
    await f.next((m) => m.type === 'pong' && m.t === 42);
    times.push(stamp() - t);
    expect((await progress()).running).toBe(true);
    expect(Math.max(...times)).toBeLessThan(RESPONSIVE_MS);
    expect(await replanned).toMatchObject({ type: 'ack' });
    const after = await current();
    expect(after[0]).toEqual(before[0]);
    for (const round of after.slice(1))
      expect(round.groups.flatMap((g) => g.participantIds)).not.toContain(ids[5]);
    await f.close();
  });

  it('a re-plan whose room moved on meanwhile is computed again: a round that started never changes', async () => {
    const f = await connect();
    expect(
      await send(f, { type: 'setPresence', participantId: ids[5], status: 'present' }),
    ).toMatchObject({ type: 'ack' });
    const before: PlannedRound[] = await current();
    const replanned = send(f, { type: 'replan' });
    await untilRunning('replan');
    // Round 2 starts while the re-plan computes from round 1.
    const other = await connect();
    expect(await send(other, { type: 'nextRound' })).toMatchObject({ type: 'ack' });
    expect(await replanned).toMatchObject({ type: 'ack' });
    const after = await current();
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after.slice(2)).not.toEqual(before.slice(2));
    for (const round of after.slice(2))
      expect(round.groups.flatMap((g) => g.participantIds)).toContain(ids[5]);
    expect(await send(f, { type: 'finish' })).toMatchObject({ type: 'ack' });
    await Promise.all([f.close(), other.close()]);
  });

  it('a swap racing a round start is checked in the room queue after it, and refused', async () => {
    // A session of its own, never started: the room's state names the previous one.
    sessionId = await addPairs('Pairs again', 3);
    expect((await plan(0.3)).statusCode).toBe(200);
    const f = await connect();
    const before = await current();
    const [a, b] = [
      before[0]!.groups[0]!.participantIds[0]!,
      before[0]!.groups[1]!.participantIds[0]!,
    ];
    // Hold the room's queue so that the start is queued first and the swap second.
    const room = await h.app.liveHub.loaded(ev.id);
    let release = () => undefined as void;
    void room.serial(() => new Promise<void>((r) => (release = r)));
    const started = send(f, { type: 'startSession', sessionId });
    await sleep(100);
    const swap = call('POST', `/api/events/${ev.id}/sessions/${sessionId}/swap`, {
      round: 0,
      a,
      b,
      confirm: true,
    });
    await sleep(100);
    release();
    expect(await started).toMatchObject({ type: 'ack' });
    const res = await swap;
    expect(res.json()).toMatchObject({ error: 'round_held' });
    expect(res.statusCode).toBe(422);
    expect(await current()).toEqual(before);
    await f.close();
  });
});
