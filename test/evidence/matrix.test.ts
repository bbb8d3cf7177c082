import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import WebSocket from 'ws';
import { can, type RoutePolicy } from '../../src/server/auth/policy.ts';
import { VISIBILITIES } from '../../src/domain/taxonomy/codes.ts';
import { PROTOCOL_VERSION } from '../../src/contract/live.ts';
import { testBackends } from '../support/backends.ts';
import { listen } from '../support/api.ts';
import { ACTOR_NAMES, buildWorld, type World, type WorldActor, type WorldEvent } from './world.ts';
import { CASES, type Prepared, type Variant } from './matrix-cases.ts';
import { KNOWN_OPEN } from './known-open.ts';
import { INTENT_SAMPLES, INTENT_TYPES } from './live-matrix.ts';
import { TestLiveClient } from '../support/live-client.ts';
import { canInRoom, type RoomStanding } from '../../src/server/auth/policy.ts';

interface Registered {
  key: string;
  method: string;
  url: string;
  policy: RoutePolicy;
  websocket: boolean;
}

/** Every route the app registered, one entry per method (Fastify lists `HEAD,GET` together). */
function registered(w: World): Registered[] {
  return w.h.app.routeTable.flatMap((r) =>
    (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
      key: `${String(method)} ${r.url}`,
      method: String(method),
      url: r.url,
      policy: r.config!.policy!,
      websocket: Boolean((r as { websocket?: boolean }).websocket),
    })),
  );
}

/** The case for a route: its own, or for HEAD the GET's (same handler, no body). */
const caseOf = (r: Registered) =>
  CASES[r.key] ?? (r.method === 'HEAD' ? CASES[`GET ${r.url}`] : undefined);

const variants = (varies: 'visibility' | 'parent' | 'none'): Variant[] =>
  varies === 'visibility'
    ? VISIBILITIES.map((visibility) => ({ visibility }))
    : varies === 'parent'
      ? [{ parent: 'own' }, { parent: 'crossed' }]
      : [{ visibility: 'coalition' }];

/** What the policy table says, from the route's declared policy and the records' access facts. */
function expected(policy: RoutePolicy, who: WorldActor, p: Prepared): boolean {
  if (policy.kind === 'open') return true;
  if (policy.kind === 'authenticated') return who.actor.kind === 'user';
  if (p.decide) return p.decide(who.actor);
  const records = p.records ?? (p.record ? [p.record] : []);
  if (!records.length) throw new Error('a resource route case must name its record');
  return records.every((rec) => can(who.actor, policy.action, policy.resource, rec));
}

const DENIED = [401, 403, 404];
/** How the room refuses an intent for want of standing (not_host: the hand-over note's rule). */
const LIVE_DENIALS = ['forbidden', 'not_host'];

/** A request that hangs is a finding, not a stuck suite. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
const isOk = (s: number) => s >= 200 && s < 300;

describe.each(testBackends())('authorisation matrix on $name', (backend) => {
  let w: World;
  let port = 0;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(async () => w?.close());

  it('every registered route has a matrix entry (a new route without one fails here)', () => {
    const missing = registered(w)
      .filter((r) => !caseOf(r))
      .map((r) => r.key);
    expect(missing).toEqual([]);
    const unused = Object.keys(CASES).filter((k) => !registered(w).some((r) => r.key === k));
    expect(unused).toEqual([]);
  });

  /** An event stream never ends: its status comes over a real socket, then the client hangs up. */
  async function sseStatus(method: string, url: string, cookie?: string): Promise<number> {
    port ||= await listen(w.h.app);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: url,
          method,
          agent: false,
          headers: cookie ? { cookie } : {},
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** hello on the live socket: the role the room gives, or null when it refuses. */
  async function liveRole(e: WorldEvent, who: WorldActor): Promise<string | null> {
    port ||= await listen(w.h.app);
    const origin = `http://127.0.0.1:${port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/live/${e.detail.id}`, {
      headers: { origin, ...(who.cookie ? { cookie: who.cookie } : {}) },
    });
    const answer = await new Promise<string | null>((resolve) => {
      ws.on('message', (raw) => {
        const m = JSON.parse(String(raw)) as { type: string; role?: string };
        resolve(m.type === 'welcome' ? m.role! : null);
      });
      ws.on('open', () =>
        ws.send(
          JSON.stringify({
            type: 'hello',
            protocol: PROTOCOL_VERSION,
            ...(who.participantToken ? { participantToken: who.participantToken } : {}),
          }),
        ),
      );
      ws.on('error', () => resolve(null));
      ws.on('close', () => resolve(null));
      ws.on('unexpected-response', () => resolve(null));
    });
    ws.terminate();
    return answer;
  }

  it('every route × actor × record visibility (and child × foreign parent) answers as the policy table says', async () => {
    const t0 = Date.now();
    const mismatches: string[] = [];
    let requests = 0;
    for (const r of registered(w)) {
      const c = caseOf(r)!;
      const openAnswers = new Map<string, number>();
      for (const name of ACTOR_NAMES) {
        const who = w.actors[name];
        for (const v of variants(c.varies)) {
          const label = `${r.key} as ${name} ${JSON.stringify(v)}`;
          if (r.websocket) {
            if (r.method !== 'GET') continue; // HEAD on a socket route: no socket to open
            for (const e of [w.event1, w.event2]) {
              const role = await within(10_000, label, liveRole(e, who));
              requests++;
              const rec = {
                coalitionId: e.coalitionId,
                owningOrganisationId: null,
                visibility: 'coalition',
              } as const;
              const want =
                who.participantToken && e === w.event1
                  ? 'participant'
                  : can(who.actor, 'update', 'event', rec)
                    ? 'facilitator'
                    : can(who.actor, 'read', 'event', rec)
                      ? 'screen'
                      : null;
              if (role !== want)
                mismatches.push(
                  `${label} event of ${e.coalitionId === w.c1 ? 'c1' : 'c2'}: room said ${role}, policy says ${want}`,
                );
            }
            continue;
          }
          const p = await c.prepare(w, who, v);
          const cookie = p.cookieless ? undefined : who.cookie;
          requests++;
          let status: number;
          let body = '';
          if (r.url.endsWith('/stream')) status = await sseStatus(r.method, p.url, cookie);
          else {
            const res = await within(10_000, label, w.req({ cookie }, r.method, p.url, p.payload));
            status = res.statusCode;
            body = res.body;
          }
          if (status >= 500) {
            mismatches.push(`${label}: ${status}`);
            continue;
          }
          // HEAD runs the GET's handler without a body: it must answer as the GET does.
          if (r.method === 'HEAD') {
            const get = r.url.endsWith('/stream')
              ? await within(10_000, label, sseStatus('GET', p.url, cookie))
              : (await within(10_000, label, w.req({ cookie }, 'GET', p.url))).statusCode;
            if (get !== status)
              mismatches.push(`HEAD differs from GET: ${label}: ${status} vs ${get}`);
            continue;
          }
          if (r.policy.kind === 'open') {
            openAnswers.set(label, status);
            continue;
          }
          const want = expected(r.policy, who, p);
          const listedCheck = p.listed !== undefined && r.method === 'GET';
          const got = listedCheck
            ? isOk(status) && body.includes(p.listed!)
            : isOk(status) || (p.businessRefusal === true && !DENIED.includes(status));
          const clearDeny = listedCheck ? !got : DENIED.includes(status);
          if (want && !got) mismatches.push(`unexpected deny: ${label}: ${status}`);
          if (!want && !clearDeny) mismatches.push(`unexpected allow: ${label}: ${status}`);
        }
      }
      // An open route answers everyone alike: who asks must not change the answer.
      const statuses = new Set(openAnswers.values());
      if (statuses.size > 1)
        mismatches.push(
          `open route answers differ by actor: ${r.key}: ${[...openAnswers].map(([l, s]) => `${l.split(' as ')[1]}=${s}`).join(', ')}`,
        );
    }
    const known = mismatches.filter((m) => KNOWN_OPEN.some((k) => m.includes(k.match)));
    const unexpected = mismatches.filter((m) => !known.includes(m));
    console.log(
      `[matrix ${backend.name}] ${registered(w).length} routes × ${ACTOR_NAMES.length} actors: ${requests} requests, ${unexpected.length} unexpected, ${known.length} known open, ${Date.now() - t0} ms`,
    );
    expect(unexpected).toEqual([]);
    // Each known-open case must still fail: once its fix lands, remove it from known-open.ts.
    for (const k of KNOWN_OPEN)
      expect(
        mismatches.some((m) => m.includes(k.match)),
        `${k.match} (owner: ${k.owner}) now passes: remove it from known-open.ts`,
      ).toBe(true);
  }, 300_000);

  it('every live intent type × standing in the room answers as ROOM_POLICY and the event rules say', async () => {
    const t0 = Date.now();
    expect(INTENT_TYPES.filter((t) => !INTENT_SAMPLES[t])).toEqual([]);
    port ||= await listen(w.h.app);
    const e = w.event1;
    const url = `ws://127.0.0.1:${port}/api/live/${e.detail.id}`;
    const origin = `http://127.0.0.1:${port}`;
    const mismatches: string[] = [];
    let sent = 0;
    const people: { who: WorldActor; standing: RoomStanding[] }[] = [
      { who: w.actors.admin, standing: ['facilitator'] },
      { who: w.actors.coordinator, standing: ['facilitator'] },
      { who: w.actors.viewer, standing: [] }, // the projector (screen) stands nowhere
      { who: w.actors.participant, standing: ['participant'] },
    ];
    for (const { who, standing } of people) {
      const c = await TestLiveClient.connect(url, {
        origin,
        ...(who.cookie ? { cookie: who.cookie } : {}),
      });
      await c.hello(who.participantToken ? { participantToken: who.participantToken } : {});
      // A card of this person's own, for the author's rights.
      const own = await c.intent(INTENT_SAMPLES.addCard!.make(e, ''));
      const ownCard =
        own.type === 'ack'
          ? (c.messages
              .flatMap((m) =>
                m.type === 'change' && m.change.kind === 'card' ? [m.change.card.id] : [],
              )
              .at(-1) ?? '')
          : '';
      for (const type of INTENT_TYPES) {
        const sample = INTENT_SAMPLES[type]!;
        const targets: ('other' | 'own')[] = sample.about && ownCard ? ['other', 'own'] : ['other'];
        for (const about of targets) {
          const body = sample.make(about === 'own' ? { ...e, cardId: ownCard } : e, ownCard);
          const answer = await within(10_000, `${type} as ${who.name}`, c.intent(body));
          sent++;
          const mine: RoomStanding[] = about === 'own' ? [...standing, 'cardAuthor'] : standing;
          const want =
            sample.action === 'facilitate'
              ? mine.includes('facilitator')
              : canInRoom(mine, sample.action);
          const refused = answer.type === 'reject' && LIVE_DENIALS.includes(answer.error);
          if (want === refused)
            mismatches.push(
              `${type} (${about} card) as ${who.name} [${mine.join(',')}]: ${answer.type} ${answer.type === 'reject' ? answer.error : ''}`,
            );
        }
      }
      await c.close();
    }
    console.log(
      `[matrix ${backend.name}] live: ${INTENT_TYPES.length} intent types × ${people.length} standings: ${sent} intents, ${mismatches.length} unexpected, ${Date.now() - t0} ms`,
    );
    expect(mismatches).toEqual([]);
  }, 120_000);
});
