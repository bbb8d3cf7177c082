/**
 * Live-safe set-up (issue 12): changing tables or people while a café is in round 2. Each change
 * either re-plans the rounds still to come with held rounds kept exactly, or is refused naming
 * the session; never a silent wipe. Checked on every backend through real sockets: a phone that
 * stayed connected (its snapshot plus the change frames it received) and a projector that
 * connects afterwards (a fresh snapshot) must agree with the stored event, and seat the people
 * the plan says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, PlannedRound } from '../../src/contract/events.ts';
import type { ServerMessage, Snapshot } from '../../src/contract/live.ts';
import type { PlanVersion } from '../../src/contract/plans.ts';
import { applyChange } from '../../src/core/snapshot.ts';
import { placementOf } from '../../src/core/placement.ts';
import { followUpsSettled } from '../../src/server/events/people.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

const PEOPLE = 16;
const ROUNDS = 3;

/** Who sits where in a round, as comparable data: table → sorted ids. */
const seating = (r: PlannedRound | undefined) =>
  Object.fromEntries((r?.groups ?? []).map((g) => [g.tableId, [...g.participantIds].sort()]));

describe.each(testBackends())('changing tables and people during round 2, on $name', (backend) => {
  let h: ApiHarness;
  let cookie: string;
  let base: string;

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => h.app.inject({ method, url, payload, headers: { cookie } });
  const detail = async (id: string) =>
    (await call('GET', `/api/events/${id}`)).json() as EventDetail;
  const versions = async (ev: EventDetail, sessionId: string) =>
    (await call('GET', `/api/events/${ev.id}/sessions/${sessionId}/plan/versions`)).json()
      .items as PlanVersion[];

  /** A client that keeps its copy of the room from its welcome and the change frames after it. */
  const watch = async (opts: { participantToken?: string }, eventId: string) => {
    const c = await TestLiveClient.connect(
      `${base}/api/live/${eventId}`,
      opts.participantToken ? {} : { cookie },
    );
    const welcome = (await c.hello(opts)) as Welcome;
    return {
      c,
      welcome,
      /** The snapshot as this client now has it, once it has seen `seq`. */
      async view(seq: number): Promise<Snapshot> {
        if (seq > welcome.seq) await c.next((m) => m.type === 'change' && m.seq >= seq);
        let s = welcome.snapshot!;
        for (const m of c.changes()) if (m.seq > welcome.seq) s = applyChange(s, m.change);
        return s;
      },
    };
  };
  /** The room's sequence number now: what a connected client will have seen once it catches up. */
  const roomSeq = async (eventId: string) => (await h.app.liveHub.loaded(eventId)).seq;

  /** A café of 16 people from 16 organisations at 4 tables, in round 2 of 3, with a phone on. */
  async function cafeInRound2() {
    const ev = (
      await call('POST', '/api/events', {
        name: 'Live café',
        startsOn: '2026-12-01',
        endsOn: '2026-12-01',
        walkInsAllowed: true,
        tables: [1, 2, 3, 4].map((n) => ({ name: `Table ${n}`, capacity: 5 })),
      })
    ).json() as EventDetail;
    const csv = `Name,Organisation,Sector\n${Array.from({ length: PEOPLE }, (_, i) => `Person ${i},Org ${i},ngo`).join('\n')}\n`;
    expect(
      (await call('POST', `/api/events/${ev.id}/participants/import`, { csv, dryRun: false }))
        .statusCode,
    ).toBe(200);
    const withSession = (
      await call('POST', `/api/events/${ev.id}/sessions`, {
        kind: 'cafe',
        title: 'Morning café',
        rounds: ROUNDS,
        minutesPerRound: 20,
      })
    ).json() as EventDetail;
    const sessionId = withSession.sessions[0]!.id;
    const planned = await call('POST', `/api/events/${ev.id}/sessions/${sessionId}/plan`, {
      timeLimitSeconds: 0.5,
      seed: 1,
    });
    expect(planned.statusCode).toBe(200);
    const people = (await call('GET', `/api/events/${ev.id}/participants`)).json().items as {
      id: string;
    }[];
    const token = (
      await h.app.inject({
        method: 'POST',
        url: `/api/join/${ev.joinCode}/claim`,
        payload: { participantId: people[0]!.id },
      })
    ).json().token as string;
    const f = await watch({}, ev.id);
    expect(await f.c.intent({ type: 'startSession', sessionId })).toMatchObject({ type: 'ack' });
    expect(await f.c.intent({ type: 'nextRound' })).toMatchObject({ type: 'ack' });
    const phone = await watch({ participantToken: token }, ev.id);
    const before = await detail(ev.id);
    return {
      ev: before,
      sessionId,
      f,
      phone,
      people: people.map((p) => p.id),
      plan: before.sessions[0]!.plan!,
    };
  }

  /** The phone's copy and a projector connecting now agree with the stored event. */
  async function agree(
    live: Awaited<ReturnType<typeof cafeInRound2>>,
    seq: number,
  ): Promise<Snapshot> {
    const stored = await detail(live.ev.id);
    const phone = await live.phone.view(seq);
    const projector = await watch({}, live.ev.id);
    const fresh = projector.welcome.snapshot!;
    await projector.c.close();
    expect(phone.event).toEqual(stored);
    expect(fresh.event).toEqual(stored);
    expect(phone.participants.map((p) => p.id).sort()).toEqual(
      fresh.participants.map((p) => p.id).sort(),
    );
    expect(phone.state).toEqual(fresh.state);
    expect(fresh.state).toMatchObject({ status: 'running', round: 1 });
    return phone;
  }

  /** Rounds 1 and 2 exactly as they were; round 3 seats each present person once, within capacity. */
  function heldKept(before: PlannedRound[], after: PlannedRound[]) {
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after).toHaveLength(ROUNDS);
  }
  function seatsEveryone(ev: EventDetail, round: PlannedRound, ids: string[]) {
    const seated = round.groups.flatMap((g) => g.participantIds);
    expect([...seated].sort()).toEqual([...ids].sort());
    for (const g of round.groups) {
      const table = ev.tables.find((t) => t.id === g.tableId);
      expect(table).toBeDefined();
      expect(g.participantIds.length).toBeLessThanOrEqual(table!.capacity);
    }
  }

  beforeAll(async () => {
    h = await startApi(backend);
    cookie = await h.adminCookie();
    base = `ws://127.0.0.1:${await listen(h.app)}`;
  });
  afterAll(async () => h?.close());

  it('renaming a table changes no seating: same ids, same plan, phone and projector show the new name', async () => {
    const live = await cafeInRound2();
    const tables = live.ev.tables.map((t, i) => ({
      id: t.id,
      name: i === 0 ? 'Window table' : t.name,
      capacity: t.capacity,
    }));
    const res = await call('PUT', `/api/events/${live.ev.id}/tables`, { tables });
    expect(res.statusCode).toBe(200);
    const after = res.json() as EventDetail;
    expect(after.tables.map((t) => t.id)).toEqual(live.ev.tables.map((t) => t.id));
    expect(after.sessions[0]!.plan).toEqual(live.plan);
    // The rename made no plan version: the only one is the generated plan.
    expect((await versions(live.ev, live.sessionId)).map((v) => v.reason)).toEqual(['generated']);
    const phone = await agree(live, await roomSeq(live.ev.id));
    const me = placementOf(
      phone.event,
      phone.participants,
      phone.event.sessions[0]!,
      1,
      live.people[0]!,
    );
    const mine = live.plan[1]!.groups.find((g) => g.participantIds.includes(live.people[0]!))!;
    expect(me?.group.tableId).toBe(mine.tableId);
    if (mine.tableId === live.ev.tables[0]!.id) expect(me?.tableName).toBe('Window table');
    expect(phone.event.tables[0]!.name).toBe('Window table');
    await Promise.all([live.f.c.close(), live.phone.c.close()]);
  });

  it('adding a table in round 2 re-plans round 3 to use it; rounds 1 and 2 stay exactly', async () => {
    const live = await cafeInRound2();
    const tables = [
      ...live.ev.tables.map((t) => ({ id: t.id, name: t.name, capacity: t.capacity })),
      { name: 'Table 5', capacity: 5 },
    ];
    const res = await call('PUT', `/api/events/${live.ev.id}/tables`, { tables });
    expect(res.statusCode).toBe(200);
    const after = res.json() as EventDetail;
    expect(after.tables).toHaveLength(5);
    const added = after.tables[4]!;
    expect(live.ev.tables.map((t) => t.id)).not.toContain(added.id);
    const plan = after.sessions[0]!.plan!;
    heldKept(live.plan, plan);
    seatsEveryone(after, plan[2]!, live.people);
    expect(seating(plan[2])[added.id]?.length ?? 0).toBeGreaterThan(0);
    // The new table has an issue to discuss, like every other.
    expect(plan[2]!.groups.every((g) => g.issueKey !== null)).toBe(true);
    const phone = await agree(live, await roomSeq(live.ev.id));
    expect(phone.event.sessions[0]!.plan).toEqual(plan);
    const [v] = await versions(live.ev, live.sessionId);
    expect(v).toMatchObject({ reason: 'tables_changed', heldThrough: 1, current: true });
    expect(v!.by).toBeTruthy();
    await Promise.all([live.f.c.close(), live.phone.c.close()]);
  });

  it('removing a table that seats people in the round under way is refused naming the session; nothing changes', async () => {
    const live = await cafeInRound2();
    const tables = live.ev.tables
      .slice(1)
      .map((t) => ({ id: t.id, name: t.name, capacity: t.capacity }));
    const res = await call('PUT', `/api/events/${live.ev.id}/tables`, { tables });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: 'table_in_use',
      params: { session: 'Morning café', round: 2, table: 'Table 1' },
    });
    expect(await detail(live.ev.id)).toEqual(live.ev);
    await Promise.all([live.f.c.close(), live.phone.c.close()]);
  });

  it('removing a participant in round 2 re-plans round 3 without them; round 2 keeps them', async () => {
    const live = await cafeInRound2();
    const gone = live.people[5]!;
    const res = await call('DELETE', `/api/events/${live.ev.id}/participants/${gone}`);
    expect(res.statusCode).toBe(200);
    const plan = (res.json() as EventDetail).sessions[0]!.plan!;
    heldKept(live.plan, plan);
    expect(plan[1]!.groups.some((g) => g.participantIds.includes(gone))).toBe(true);
    seatsEveryone(
      live.ev,
      plan[2]!,
      live.people.filter((id) => id !== gone),
    );
    const phone = await agree(live, await roomSeq(live.ev.id));
    expect(phone.participants.some((p) => p.id === gone)).toBe(false);
    expect(phone.participants).toHaveLength(PEOPLE - 1);
    const [v] = await versions(live.ev, live.sessionId);
    expect(v).toMatchObject({ reason: 'participant_removed', heldThrough: 1 });
    // Removed: their id answers 404 now, and nothing else changes.
    expect(
      (await call('DELETE', `/api/events/${live.ev.id}/participants/${gone}`)).statusCode,
    ).toBe(404);
    await Promise.all([live.f.c.close(), live.phone.c.close()]);
  });

  it('a walk-in during round 2 is placed in round 3; their phone shows their table once it starts', async () => {
    const live = await cafeInRound2();
    const reg = await h.app.inject({
      method: 'POST',
      url: `/api/join/${live.ev.joinCode}/register`,
      payload: {
        name: 'Late Arrival',
        organisation: 'Org late',
        sector: 'ngo',
        country: null,
        choices: [],
        languages: [],
      },
    });
    expect(reg.statusCode).toBe(200);
    const ticket = reg.json() as { participantId: string; token: string };
    expect(await followUpsSettled(h.app.liveHub, live.ev.id)).toBeUndefined();
    const after = await detail(live.ev.id);
    const plan = after.sessions[0]!.plan!;
    heldKept(live.plan, plan);
    seatsEveryone(after, plan[2]!, [...live.people, ticket.participantId]);
    const [v] = await versions(live.ev, live.sessionId);
    expect(v).toMatchObject({ reason: 'participant_added', heldThrough: 1, by: null });
    const phone = await agree(live, await roomSeq(live.ev.id));
    expect(phone.participants.some((p) => p.id === ticket.participantId)).toBe(true);
    // Their own phone: nothing in round 2, a table in round 3.
    const mine = await watch({ participantToken: ticket.token }, live.ev.id);
    const snap = mine.welcome.snapshot!;
    const s = snap.event.sessions[0]!;
    expect(placementOf(snap.event, snap.participants, s, 1, ticket.participantId)).toBeNull();
    expect(await live.f.c.intent({ type: 'nextRound' })).toMatchObject({ type: 'ack' });
    const now = await mine.view(await roomSeq(live.ev.id));
    expect(now.state.round).toBe(2);
    const place = placementOf(now.event, now.participants, s, 2, ticket.participantId);
    expect(place?.tableName).toBeTruthy();
    await Promise.all([live.f.c.close(), live.phone.c.close(), mine.c.close()]);
  });

  it('a previous plan is restored for the rounds not yet held; held rounds never change', async () => {
    const live = await cafeInRound2();
    // Round 3 changes twice: a table added, then a participant removed.
    const tables = [
      ...live.ev.tables.map((t) => ({ id: t.id, name: t.name, capacity: t.capacity })),
      { name: 'Table 5', capacity: 5 },
    ];
    expect((await call('PUT', `/api/events/${live.ev.id}/tables`, { tables })).statusCode).toBe(
      200,
    );
    const list = await versions(live.ev, live.sessionId);
    expect(list.map((v) => v.reason)).toEqual(['tables_changed', 'generated']);
    const restore = (v: number) =>
      call(
        'POST',
        `/api/events/${live.ev.id}/sessions/${live.sessionId}/plan/versions/${v}/restore`,
      );
    const res = await restore(1);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { event: EventDetail; version: number };
    expect(body.version).toBe(3);
    expect(body.event.sessions[0]!.plan).toEqual(live.plan);
    const [v] = await versions(live.ev, live.sessionId);
    expect(v).toMatchObject({ reason: 'restored', restoredFrom: 1, heldThrough: 1, current: true });
    await agree(live, await roomSeq(live.ev.id));
    // Unknown version: 404; in round 3 every round is held: nothing can be restored.
    expect((await restore(99)).statusCode).toBe(404);
    expect(await live.f.c.intent({ type: 'nextRound' })).toMatchObject({ type: 'ack' });
    const held = await restore(2);
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({
      error: 'rounds_all_held',
      params: { session: 'Morning café' },
    });
    await Promise.all([live.f.c.close(), live.phone.c.close()]);
  });
});
