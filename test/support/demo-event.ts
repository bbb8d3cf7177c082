import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { EventDetail, JoinTicket, SessionKind } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';
import { demoEvent, listen, startApi, type ApiHarness } from './api.ts';
import type { TestBackend } from './backends.ts';
import { TestLiveClient } from './live-client.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Answer = Extract<ServerMessage, { type: 'ack' | 'reject' }>;
export type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

/** A roster entry a phone claims, with the organisation the roster gives it. */
export interface Claimed {
  ticket: JoinTicket;
  participantId: string;
  organisation: string;
}

/**
 * What most contract tests start from: the app on a fresh seeded database of one backend, the
 * demo coalition's admin signed in, and the demo event as that coordinator reads it. Each helper
 * does what the tests did by hand, through the public API, and throws with the status and body
 * when the API refuses, so a broken setup fails loudly instead of testing nothing.
 */
export interface DemoEventSetup {
  h: ApiHarness;
  /** The demo admin's session cookie. */
  admin: string;
  event: EventDetail;
  /** A request as `cookie` (null: anonymous), answered whatever its status. */
  call(
    method: Method,
    url: string,
    cookie: string | null,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** The coalition's new organisation (an NGO the coalition sees), created by the admin: its id. */
  organisation(name: string): Promise<string>;
  /** Adds a session of `kind` to the event (one round of 20 minutes): its id. */
  addSession(kind: SessionKind, title: string): Promise<string>;
  /** Phones claim the first `n` roster entries (after `skip`), as a participant's phone does. */
  claim(n: number, skip?: number): Promise<Claimed[]>;
  /** The event's live room, the app listening on loopback (started on first use). */
  live(): Promise<LiveRoom>;
  close(): Promise<void>;
}

export interface LiveRoom {
  url: string;
  /** A phone signed in with a participant's ticket, after its welcome. */
  phone(ticket: JoinTicket): Promise<{ c: TestLiveClient; w: Welcome }>;
  /** The admin's console, after its welcome. */
  facilitator(): Promise<{ c: TestLiveClient; w: Welcome }>;
  /** Sends an intent and waits for its answer (ack or reject). */
  intent(c: TestLiveClient, body: object, id?: string): Promise<Answer>;
}

export async function demoEventSetup(backend: TestBackend): Promise<DemoEventSetup> {
  const h = await startApi(backend);
  const admin = await h.adminCookie();
  const event = await demoEvent(h.app, admin);
  const call: DemoEventSetup['call'] = (method, url, cookie, payload) =>
    h.app.inject({
      method,
      url,
      ...(payload !== undefined && { payload: payload as object }),
      headers: cookie ? { cookie } : {},
    });
  const ok = async <T>(res: Promise<LightMyRequestResponse>, status: number, what: string) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
    return r.json<T>();
  };
  let room: LiveRoom | undefined;
  return {
    h,
    admin,
    event,
    call,
    async organisation(name) {
      const payload = { name, type: 'NGO', visibility: 'coalition' };
      const r = call('POST', '/api/organisations', admin, payload);
      return (await ok<{ id: string }>(r, 201, `organisation ${name}`)).id;
    },
    async addSession(kind, title) {
      const payload = { kind, title, rounds: 1, minutesPerRound: 20 };
      const r = call('POST', `/api/events/${event.id}/sessions`, admin, payload);
      const after = await ok<EventDetail>(r, 201, `session ${kind}`);
      return after.sessions.findLast((s) => s.kind === kind)!.id;
    },
    async claim(n, skip = 0) {
      const join = await ok<{ roster: { id: string; organisation: string }[] }>(
        call('GET', `/api/join/${event.joinCode}`, null),
        200,
        'roster',
      );
      const entries = join.roster.slice(skip, skip + n);
      if (entries.length < n) throw new Error(`the roster has ${join.roster.length} entries`);
      const out: Claimed[] = [];
      for (const r of entries) {
        const res = call('POST', `/api/join/${event.joinCode}/claim`, null, {
          participantId: r.id,
        });
        const ticket = await ok<JoinTicket>(res, 200, `claim ${r.id}`);
        out.push({ ticket, participantId: r.id, organisation: r.organisation });
      }
      return out;
    },
    async live() {
      if (room) return room;
      const port = await listen(h.app);
      const url = `ws://127.0.0.1:${port}/api/live/${event.id}`;
      const welcomed = async (c: TestLiveClient, extra?: { participantToken: string }) => {
        const w = await c.hello(extra);
        if (w.type !== 'welcome') throw new Error(`no welcome: ${JSON.stringify(w)}`);
        return { c, w };
      };
      room = {
        url,
        phone: async (ticket) =>
          welcomed(await TestLiveClient.connect(url), { participantToken: ticket.token }),
        facilitator: async () => welcomed(await TestLiveClient.connect(url, { cookie: admin })),
        async intent(c, body, id = randomUUID().replaceAll('-', '')) {
          c.send({ type: 'intent', id, intent: body });
          const m = await c.next((x) => (x.type === 'ack' || x.type === 'reject') && x.id === id);
          if (m.type !== 'ack' && m.type !== 'reject') throw new Error(`no answer to ${id}`);
          return m;
        },
      };
      return room;
    },
    close: () => h.close(),
  };
}
