/**
 * The events service (issue 11, points 3 and 5): presenters without I/O (the event list is one
 * query), the rules in one place (duplicate keys refused on create as on change), and session and
 * table changes checked in the room's queue, so a round that has just started cannot be changed.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import { eventSummaries } from '../../src/server/events/read.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testBackends())('the events service on $name', (backend) => {
  let h: ApiHarness;
  let cookie: string;
  let base: string;
  let demo: EventDetail;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => h.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });
  const detail = async () => (await call('GET', `/api/events/${demo.id}`)).json() as EventDetail;
  const connect = async () => {
    const c = await TestLiveClient.connect(`${base}/api/live/${demo.id}`, { cookie });
    await c.hello();
    return c;
  };
  /** Holds the event's room queue until the returned function is called. */
  const holdRoom = async () => {
    const room = await h.app.liveHub.loaded(demo.id);
    let release = () => undefined as void;
    void room.serial(() => new Promise<void>((r) => (release = r)));
    return () => release();
  };

  beforeAll(async () => {
    h = await startApi(backend);
    cookie = await h.adminCookie();
    base = `ws://127.0.0.1:${await listen(h.app)}`;
    const list = (await call('GET', '/api/events')).json();
    demo = (await call('GET', `/api/events/${list.items[0].id}`)).json() as EventDetail;
  });
  afterAll(async () => h?.close());

  it('lists the events of a coalition in one query, with their participant counts', async () => {
    for (const name of ['Second', 'Third', 'Fourth'])
      expect(
        (await call('POST', '/api/events', { name, startsOn: '2027-02-01', endsOn: '2027-02-02' }))
          .statusCode,
      ).toBe(201);
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const items = await eventSummaries(h.store.db.withPlugin(counter), h.coalitionId);
    expect(queries).toBe(1);
    expect(items).toHaveLength(4);
    expect(items.find((e) => e.id === demo.id)?.participantCount).toBe(demo.participantCount);
    expect(items.filter((e) => e.id !== demo.id).map((e) => e.participantCount)).toEqual([0, 0, 0]);
    // The route answers the same.
    expect((await call('GET', '/api/events')).json().items).toEqual(items);
  });

  it('refuses an issue or group key used twice, when creating an event as when changing one', async () => {
    const issue = { key: 'same', label: 'Same', forms: [], sectors: [], populations: [] };
    const created = await call('POST', '/api/events', {
      name: 'Twice',
      startsOn: '2027-02-01',
      endsOn: '2027-02-01',
      issues: [issue, { ...issue, label: 'Other' }],
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().fields).toEqual([
      {
        field: 'issues',
        code: 'duplicate',
        params: { value: 'same' },
        message: 'repeats the key "same"',
      },
    ]);
    const changed = await call('PATCH', `/api/events/${demo.id}`, {
      issues: [issue, issue],
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().fields[0]).toMatchObject({ field: 'issues', code: 'duplicate' });
  });

  it('a session whose first round has just started cannot be removed: the check runs in the room queue after the start', async () => {
    const added = (
      await call('POST', `/api/events/${demo.id}/sessions`, {
        kind: 'networking',
        title: 'Race',
        rounds: 2,
        minutesPerRound: 5,
      })
    ).json() as EventDetail;
    const sessionId = added.sessions.at(-1)!.id;
    const planned = await call('POST', `/api/events/${demo.id}/sessions/${sessionId}/plan`, {
      timeLimitSeconds: 0.3,
      seed: 1,
    });
    expect(planned.statusCode).toBe(200);
    const f = await connect();
    const release = await holdRoom();
    // The start is queued first, the removal second: the removal must see the round started.
    const started = f.intent({ type: 'startSession', sessionId });
    await sleep(100);
    const removed = call('DELETE', `/api/events/${demo.id}/sessions/${sessionId}`);
    await sleep(100);
    release();
    expect(await started).toMatchObject({ type: 'ack' });
    const res = await removed;
    expect(res.json()).toMatchObject({ error: 'session_running' });
    expect(res.statusCode).toBe(409);
    expect((await detail()).sessions.some((s) => s.id === sessionId)).toBe(true);
    expect(await f.intent({ type: 'finish' })).toMatchObject({ type: 'ack' });
    expect((await call('DELETE', `/api/events/${demo.id}/sessions/${sessionId}`)).statusCode).toBe(
      200,
    );
    await f.close();
  });

  it('the tables seating a running café round cannot be removed (its seating would vanish); once finished they can', async () => {
    const cafe = demo.sessions.find((s) => s.kind === 'cafe')!;
    if (!(await detail()).sessions.find((s) => s.id === cafe.id)!.plan)
      expect(
        (
          await call('POST', `/api/events/${demo.id}/sessions/${cafe.id}/plan`, {
            timeLimitSeconds: 0.5,
            seed: 1,
          })
        ).statusCode,
      ).toBe(200);
    const f = await connect();
    const release = await holdRoom();
    const started = f.intent({ type: 'startSession', sessionId: cafe.id });
    await sleep(100);
    const tables = [{ name: 'Only table', capacity: 40 }];
    const replaced = call('PUT', `/api/events/${demo.id}/tables`, { tables });
    await sleep(100);
    release();
    expect(await started).toMatchObject({ type: 'ack' });
    const res = await replaced;
    expect(res.json()).toMatchObject({ error: 'table_in_use', params: { session: cafe.title } });
    expect(res.statusCode).toBe(409);
    const during = await detail();
    expect(during.tables).toHaveLength(demo.tables.length);
    expect(during.sessions.find((s) => s.id === cafe.id)!.plan).not.toBeNull();
    expect(await f.intent({ type: 'finish' })).toMatchObject({ type: 'ack' });
    const after = await call('PUT', `/api/events/${demo.id}/tables`, { tables });
    expect(after.statusCode).toBe(200);
    expect((after.json() as EventDetail).tables.map((t) => t.name)).toEqual(['Only table']);
    await f.close();
  });
});
