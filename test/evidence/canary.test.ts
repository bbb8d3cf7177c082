import http from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../src/contract/constants.ts';
import { listen } from '../support/api.ts';
import { testBackends } from '../support/backends.ts';
import { buildWorld, plantCard, type World, type WorldActor } from './world.ts';

/**
 * Canary scan: unique strings planted in the organisation-only (CNRYO…) and coalition-only
 * (CNRYC…) fields of every entity, then every read path — every GET route the app registers with
 * its parameters filled and its query variants (lists, exports, atlas, search), the atlas event
 * stream, live messages and the server's log — read by each kind of outsider. A canary where its
 * reader must not see it is a leak. Positive controls prove the canaries are there to be found.
 */
const O = 'CNRYO'; // organisation-only, owned by organisation A
const C = 'CNRYC'; // coalition-only (coalition 1)

const QUERIES = [
  '',
  '?coalition=demo',
  '?view=public&coalition=demo',
  '?format=csv',
  '?limit=200',
  // A search matching the planted names (not the canary itself: a URL is the asker's own words).
  '?q=organisation',
];

describe.each(testBackends())('canary scan on $name', (backend) => {
  let w: World;
  const log: string[] = [];
  let ids: Record<string, string[]>;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        log.push(chunk.toString());
        done();
      },
    });
    w = await buildWorld(backend, { log: stream });
    const admin = w.actors.admin;
    const ok = async (method: string, url: string, body: unknown) => {
      const r = await w.req(admin, method, url, body);
      if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
      return r.json<{ id: string }>();
    };
    await ok('PATCH', `/api/organisations/${w.orgA}`, {
      name: `${O} organisation name`,
      description: `${O}-org-description`,
      publicContact: `${O}-contact@example.org`,
      visibility: 'organisation',
    });
    await ok('PATCH', `/api/organisations/${w.orgB}`, {
      name: `${C} organisation name`,
      description: `${C}-org-description`,
      visibility: 'coalition',
    });
    const route = (visibility: string, tag: string) =>
      ok('POST', '/api/atlas/routes', {
        source: 'city:1298824',
        destination: 'city:1609350',
        forms: ['ForcedLabour'],
        confidence: 'likely',
        basis: 'casework',
        notes: `${tag}-route-notes`,
        organisationId: w.orgA,
        visibility,
      });
    const challenge = (visibility: string, tag: string) =>
      ok('POST', '/api/atlas/challenges', {
        text: `${tag}-challenge`,
        organisationId: w.orgA,
        visibility,
        place: 'city:1609350',
      });
    const routes = [(await route('organisation', O)).id, (await route('coalition', C)).id];
    await challenge('organisation', O);
    await challenge('coalition', C);
    await ok('PATCH', `/api/events/${w.event1.detail.id}`, {
      venue: `${C}-venue`,
      name: `${C} event name`,
    });
    await ok('POST', `/api/events/${w.event1.detail.id}/participants`, {
      name: `${C} participant`,
      organisation: `${C} participant organisation`,
      sector: 'ngo',
      email: 'cnryc-participant@example.org',
    });
    const card = await plantCard(
      w.h.store.db,
      { eventId: w.event1.detail.id, issueKey: w.event1.issueKey },
      `${C}-card text`,
      w.h.clock.now.toISOString(),
    );
    ids = {
      id: [w.orgA, w.orgB, ...routes],
      eventId: [w.event1.detail.id],
      sessionId: [w.event1.sessionId],
      tableId: [w.event1.tableId],
      issueKey: [w.event1.issueKey],
      cardId: [card],
      code: ['NOTACODE'],
      userId: [(w.actors.memberA.actor as { userId: string }).userId],
      invitationId: ['00000000-0000-4000-8000-000000000000'],
    };
  }, 180_000);
  afterAll(async () => w?.close());

  /** Every URL a reader can ask: each GET route, its parameters filled, each query variant. */
  function readUrls(): string[] {
    const urls = new Set<string>();
    for (const r of w.h.app.routeTable) {
      if (!String(r.method).includes('GET') || r.url.includes('*') || r.url.startsWith('/api/docs'))
        continue;
      if ((r as { websocket?: boolean }).websocket || r.url.endsWith('/stream')) continue;
      let filled = [r.url];
      for (const [, name] of r.url.matchAll(/:(\w+)/g)) {
        const values = ids[name!] ?? (name === 'code' ? ['TH'] : ['x']);
        filled = filled.flatMap((u) =>
          values.map((v) => u.replace(`:${name}`, encodeURIComponent(v))),
        );
      }
      for (const u of filled) for (const q of QUERIES) urls.add(u + q);
    }
    return [...urls];
  }

  const found = (text: string, tag: string) => text.includes(tag);

  async function sse(who: WorldActor, query: string): Promise<string> {
    const port = await portOf();
    return new Promise((resolve) => {
      let text = '';
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/atlas/stream${query}`,
          headers: who.cookie ? { cookie: who.cookie } : {},
        },
        (res) => {
          res.on('data', (d: Buffer) => (text += d.toString()));
          setTimeout(() => {
            req.destroy();
            resolve(text);
          }, 150);
        },
      );
      req.on('error', () => resolve(text));
    });
  }
  let port = 0;
  const portOf = async () => (port ||= await listen(w.h.app));

  async function liveText(who: WorldActor): Promise<string> {
    const p = await portOf();
    const ws = new WebSocket(`ws://127.0.0.1:${p}/api/live/${w.event1.detail.id}`, {
      headers: { origin: `http://127.0.0.1:${p}`, ...(who.cookie ? { cookie: who.cookie } : {}) },
    });
    let text = '';
    ws.on('message', (raw) => (text += String(raw)));
    await new Promise((resolve) => ws.once('open', resolve).once('error', resolve));
    if (ws.readyState === WebSocket.OPEN)
      ws.send(
        JSON.stringify({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          ...(who.participantToken ? { participantToken: who.participantToken } : {}),
        }),
      );
    await new Promise((resolve) => setTimeout(resolve, 300));
    ws.terminate();
    return text;
  }

  it('no outsider finds a canary on any read path; insiders do (positive control)', async () => {
    const t0 = Date.now();
    const urls = readUrls();
    const readers: { who: WorldActor; forbidden: string[] }[] = [
      { who: w.actors.anonymous, forbidden: [O, C] },
      { who: w.actors.foreignAdmin, forbidden: [O, C] },
      { who: w.actors.memberB, forbidden: [O] },
      { who: w.actors.viewer, forbidden: [] }, // organisation A's viewer: a control, sees both
    ];
    const leaks: string[] = [];
    let reads = 0;
    for (const { who, forbidden } of readers) {
      for (const url of urls) {
        const res = await w.req(who, 'GET', url);
        reads++;
        for (const tag of forbidden)
          if (found(res.body, tag)) leaks.push(`${who.name} GET ${url}: ${tag}`);
      }
      for (const q of ['', '?coalition=demo', '?view=public&coalition=demo']) {
        const text = await sse(who, q);
        reads++;
        for (const tag of forbidden)
          if (found(text, tag)) leaks.push(`${who.name} SSE ${q}: ${tag}`);
      }
    }
    // Live: a phone in the room reads the event (coalition-level by design), never org-only data.
    for (const who of [
      w.actors.participant,
      w.actors.foreignAdmin,
      w.actors.memberB,
      w.actors.anonymous,
    ]) {
      const text = await liveText(who);
      reads++;
      const forbidden =
        who === w.actors.participant ? [O] : who === w.actors.memberB ? [O] : [O, C];
      for (const tag of forbidden) if (found(text, tag)) leaks.push(`${who.name} live: ${tag}`);
    }
    // The server's log carries no personal data and no request bodies: no canary at all.
    for (const tag of [O, C])
      for (const l of log.filter((x) => x.includes(tag)).slice(0, 3))
        leaks.push(`server log: ${tag}: ${l.slice(0, 400)}`);
    console.log(
      `[canary ${backend.name}] ${urls.length} URLs × ${readers.length} readers + SSE + live: ${reads} reads, ${log.length} log lines, ${leaks.length} leaks, ${Date.now() - t0} ms`,
    );
    expect(leaks).toEqual([]);

    // Positive controls: the canaries are there for those who may read them.
    const coord = w.actors.coordinator;
    expect((await w.req(coord, 'GET', `/api/organisations/${w.orgA}`)).body).toContain(
      `${O}-org-description`,
    );
    expect(
      (await w.req(w.actors.memberA, 'GET', `/api/atlas/routes/${ids.id![2]}`)).body,
    ).toContain(`${O}-route-notes`);
    expect((await w.req(w.actors.memberB, 'GET', `/api/organisations/${w.orgB}`)).body).toContain(
      `${C}-org-description`,
    );
    expect(
      (
        await w.req(
          coord,
          'GET',
          `/api/events/${w.event1.detail.id}/sheets/${w.event1.issueKey}?format=csv`,
        )
      ).body,
    ).toContain(`${C}-card`);
    expect(await liveText(w.actors.participant)).toContain(`${C} event name`);
    expect(log.length).toBeGreaterThan(0);
  }, 300_000);
});
