import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { ClientMessage, Intent } from '../../src/contract/live.ts';
import { PROTOCOL_VERSION } from '../../src/contract/constants.ts';
import { listen } from '../support/api.ts';
import type { TestBackend } from '../support/backends.ts';
import { prng, type Prng } from '../support/prng.ts';
import { CASES, type Prepared } from './matrix-cases.ts';
import { buildWorld, type World, type WorldActor } from './world.ts';
import { deepJson, HOSTILE_STRINGS, malform, mutate, sample } from './zod-fuzz.ts';

export interface FuzzReport {
  seed: number;
  requests: number;
  liveMessages: number;
  families: Record<string, number>;
  rejectedWriteBatches: number;
  failures: string[];
  ms: number;
}

interface Target {
  method: string;
  url: string;
  family: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
  base: Prepared;
}

/** A stack trace or source path in an answer: the server said more than it should. */
const LEAK = /\n\s+at [\w.<>]+ \(|\.ts:\d+|node_modules|SQLITE_|syntax error at or near/;
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** URL-encodes, sending a lone surrogate as the bytes of an encoded surrogate (invalid UTF-8). */
const urlPart = (s: string) =>
  s
    .split(/([\uD800-\uDFFF])/)
    .map((p) => (/^[\uD800-\uDFFF]$/.test(p) ? '%ED%A0%80' : encodeURIComponent(p)))
    .join('');

/** Every table's rows, hashed: equal before and after a batch of refused writes. */
async function snapshot(w: World): Promise<string> {
  const db = w.h.store.db;
  const tables =
    w.h.store.backend === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)
        ).rows
      : (
          await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(
            db,
          )
        ).rows;
  const h = createHash('sha256');
  for (const { name } of tables) {
    // Sessions record when they were last used; that is not a change to the coalition's data.
    if (name === 'sessions') continue;
    // Request counters and sign-in back-off are how refusals are counted (shared limits, stored in
    // the database since migration 0012): a refused request is meant to move them.
    if (name === 'rate_counts' || name === 'auth_backoff') continue;
    const rows = (await sql`SELECT * FROM ${sql.table(name)}`.execute(db)).rows as Record<
      string,
      unknown
    >[];
    const lines = rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
      .sort();
    h.update(`${name}\n${lines.join('\n')}\n`);
  }
  return h.digest('hex');
}

/** The fuzzer's requests, each derived from a route's zod schemas and a valid request to it. */
function request(
  t: Target,
  rnd: Prng,
): { url: string; payload?: string | object; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let url = t.base.url;
  const roll = rnd.int(100);
  // Path: a parameter replaced by something no id looks like.
  if (t.schema.params && roll < 12) {
    const parts = url.split('?')[0]!.split('/');
    const i = 3 + rnd.int(Math.max(1, parts.length - 3));
    parts[i] = urlPart(rnd.pick([...HOSTILE_STRINGS.slice(0, 12), '%ff', '..', '0'.repeat(500)]));
    url = parts.join('/') + (url.includes('?') ? `?${url.split('?')[1]}` : '');
  } else if (roll < 12) url = url + (url.includes('?') ? '&' : '?') + 'unknown=1';
  // Query: a field of the querystring schema malformed, repeated or sampled.
  if (t.schema.querystring && rnd.int(2) === 0) {
    const q = mutate(t.schema.querystring, sample(t.schema.querystring, rnd), rnd) as Record<
      string,
      unknown
    >;
    const params = new URLSearchParams();
    if (q && typeof q === 'object')
      for (const [k, v] of Object.entries(q))
        params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    if (rnd.int(5) === 0) {
      params.append('limit', '1');
      params.append('limit', '2');
    }
    url = `${url.split('?')[0]}?${params.toString()}`;
  }
  if (!WRITE.has(t.method)) return { url, headers };
  const kind = rnd.int(100);
  if (kind < 10) {
    // Not JSON at all, or JSON under another content type.
    headers['content-type'] = rnd.pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json',
    ]);
    return {
      url,
      headers,
      payload: rnd.pick([
        '{"a":',
        'a=1&b=2',
        '<x/>',
        '\u0000',
        '{"name":"\\ud800"}',
        '[]',
        'null',
        '',
      ]),
    };
  }
  if (kind < 14) {
    headers['content-type'] = 'application/json';
    return { url, headers, payload: deepJson(rnd.pick([1000, 100_000])) };
  }
  if (kind < 16) {
    headers['content-type'] = 'application/json';
    return { url, headers, payload: `{"text":"${'x'.repeat(300 * 1024)}"}` };
  }
  const schema = t.schema.body;
  const base = t.base.payload ?? (schema ? sample(schema, rnd) : {});
  const body = schema
    ? mutate(schema, kind < 60 ? base : sample(schema, rnd), rnd)
    : malform(null, rnd);
  headers['content-type'] = 'application/json';
  return { url, headers, payload: JSON.stringify(body) ?? 'null' };
}

/**
 * `count` requests (about one in 40 a live message) against every route of the app, seeded: the
 * same seed gives the same requests. Refused writes run in batches with the whole database hashed
 * before and after: a refused batch must change nothing.
 */
export async function runApiFuzz(opts: {
  backend: TestBackend;
  seed: number;
  count: number;
  log?: (line: string) => void;
}): Promise<FuzzReport> {
  const t0 = Date.now();
  const rnd = prng(opts.seed);
  const w = await buildWorld(opts.backend);
  const failures: string[] = [];
  const families: Record<string, number> = {};
  let requests = 0;
  let liveMessages = 0;
  let rejectedWriteBatches = 0;
  try {
    const targets: Target[] = [];
    for (const r of w.h.app.routeTable) {
      const method = String(r.method);
      if (method.includes('HEAD') && !method.includes('GET')) continue;
      if ((r as { websocket?: boolean }).websocket || r.url.endsWith('/stream')) continue;
      const key = `${method.replace('HEAD,', '')} ${r.url}`;
      const c = CASES[key];
      if (!c || r.url === '/api/auth/logout') continue;
      const base = await c.prepare(w, w.actors.admin, { visibility: 'coalition' });
      const family = r.url.split('/')[2] ?? r.url;
      targets.push({
        method: method.replace('HEAD,', ''),
        url: r.url,
        family,
        schema: (r.schema ?? {}) as Target['schema'],
        base,
      });
    }
    const askers: WorldActor[] = [
      w.actors.admin,
      w.actors.admin,
      w.actors.memberA,
      w.actors.anonymous,
      w.actors.coordinator,
    ];
    const reads = targets.filter((t) => !WRITE.has(t.method));
    const writes = targets.filter((t) => WRITE.has(t.method));
    const live = await liveFuzzer(w, rnd);
    const send = async (t: Target) => {
      const who = rnd.pick(askers);
      const r = request(t, rnd);
      const label = `${t.method} ${r.url.slice(0, 120)} as ${who.name}`;
      const res = await w.h.app.inject({
        method: t.method as 'GET',
        url: r.url,
        headers: { ...r.headers, ...(who.cookie ? { cookie: who.cookie } : {}) },
        ...(r.payload === undefined ? {} : { payload: r.payload }),
      });
      requests++;
      families[t.family] = (families[t.family] ?? 0) + 1;
      if (res.statusCode >= 500)
        failures.push(`${res.statusCode}: ${label}: ${res.body.slice(0, 200)}`);
      if (LEAK.test(res.body)) failures.push(`leak: ${label}: ${res.body.slice(0, 200)}`);
      return { label: `${label} → ${res.statusCode}`, refused: res.statusCode >= 400 };
    };
    // Blocks of 25 reads (with live messages, which may write) and 8 writes in turn. A block of
    // writes that were all refused must leave every table as it was.
    for (let block = 0; requests + liveMessages < opts.count; block++) {
      const size = Math.min(block % 2 === 0 ? 25 : 8, opts.count - requests - liveMessages);
      if (block % 2 === 0) {
        for (let i = 0; i < size; i++) {
          if (rnd.int(12) === 0) {
            await live.send();
            liveMessages++;
          } else await send(reads[(requests + i) % reads.length]!);
        }
        continue;
      }
      const before = await snapshot(w);
      const answers = [];
      for (let i = 0; i < size; i++) answers.push(await send(writes[rnd.int(writes.length)]!));
      if (answers.every((a) => a.refused)) {
        rejectedWriteBatches++;
        if ((await snapshot(w)) !== before)
          failures.push(
            `refused writes changed the database: ${answers
              .map((a) => a.label)
              .join('; ')
              .slice(0, 800)}`,
          );
      }
      if (block % 200 === 1) opts.log?.(`[fuzz:api] ${requests + liveMessages}/${opts.count}`);
    }
    failures.push(...(await live.close()));
  } finally {
    await w.close();
  }
  return {
    seed: opts.seed,
    requests,
    liveMessages,
    families,
    rejectedWriteBatches,
    failures,
    ms: Date.now() - t0,
  };
}

/** Malformed and schema-derived messages on live sockets of a facilitator and a participant. */
async function liveFuzzer(w: World, rnd: Prng) {
  const port = await listen(w.h.app);
  const origin = `http://127.0.0.1:${port}`;
  const url = `ws://127.0.0.1:${port}/api/live/${w.event1.detail.id}`;
  const failures: string[] = [];
  const open = async (who: WorldActor) => {
    const ws = new WebSocket(url, {
      headers: { origin, ...(who.cookie ? { cookie: who.cookie } : {}) },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.on('message', (raw) => {
      const text = String(raw);
      if (/"error":"internal"/.test(text))
        failures.push(`live internal error: ${text.slice(0, 200)}`);
      if (LEAK.test(text)) failures.push(`live leak: ${text.slice(0, 200)}`);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        ...(who.participantToken ? { participantToken: who.participantToken } : {}),
      }),
    );
    return ws;
  };
  const sockets = [await open(w.actors.admin), await open(w.actors.participant)];
  const intents = Intent.options;
  return {
    async send(): Promise<string | undefined> {
      let ws = rnd.pick(sockets);
      if (ws.readyState !== WebSocket.OPEN) {
        // A socket the server closed (a bad frame may end it) is replaced: the server must live on.
        const i = sockets.indexOf(ws);
        ws = sockets[i] = await open(i === 0 ? w.actors.admin : w.actors.participant);
      }
      const roll = rnd.int(10);
      const message =
        roll < 6
          ? JSON.stringify({
              type: 'intent',
              id: `fz${rnd.int(1e9)}xxxxxx`,
              intent: mutate(rnd.pick(intents), sample(rnd.pick(intents), rnd), rnd),
            })
          : roll < 8
            ? JSON.stringify(
                mutate(
                  ClientMessage.options[rnd.int(3)],
                  sample(ClientMessage.options[rnd.int(3)], rnd),
                  rnd,
                ),
              )
            : rnd.pick(['{', 'null', '[]', '"x"', deepJson(100_000), '\uD800', 'x'.repeat(70_000)]);
      ws.send(message);
      // The answer (or none, for a frame the socket refuses) before the next message.
      await new Promise((resolve) => setTimeout(resolve, 2));
      return undefined;
    },
    async close() {
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const ws of sockets) ws.terminate();
      const health = await w.h.app.inject({ url: '/api/health' });
      if (health.statusCode !== 200) failures.push(`health after live fuzz: ${health.statusCode}`);
      return failures;
    },
  };
}
