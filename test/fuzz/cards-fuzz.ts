/**
 * Seeded convergence fuzzing of the world-café sheets: the REAL client core (`src/core/client.ts`,
 * what every phone's LiveClient wraps) over real WebSockets against a real server built as the
 * tests build it. Phones add, edit (text, kind, level, tags), delete and restore their cards — also
 * cards still waiting to send (SYNC-10) — while facilitators edit and delete everybody's cards and
 * write hand-over notes; several people edit the same card at once, deletes race edits;
 * connections drop, phones stay offline for a while with their queue growing, incoming frames are
 * delayed at random and now and then lost (the core must notice the gap and resync), and the
 * server restarts once.
 *
 * At the end every client and the database must hold identical sheets — every field of every
 * card, tags included, and the hand-over notes — every acknowledged add exactly one card, each
 * card's history must be whole (versions 1…n, the last equal to the card) and hold every value an
 * acknowledged edit proposed (the loser of a race as `superseded`, SYNC-6), and a card only its
 * author touched must be as its author last showed it (SYNC-9/10).
 *
 * With `instances: 2` and a PostgreSQL URL (SYNC-11), two servers share the database as behind a
 * balancer without sticky sessions: each (re)connection goes to either at random, and the restart
 * restarts one of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp } from '../../src/server/app.ts';
import { migrateToLatest, openDb, type Db } from '../../src/server/db/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { insertMembership, insertUser } from '../../src/server/db/repos/accounts.ts';
import { LiveCore } from '../../src/core/client.ts';
import { canonicalTags, TAG_GROUPS, type Tags } from '../../src/core/cards.ts';
import type { CardFields } from '../../src/core/sheet.ts';
import type { App } from '../../src/server/context.ts';
import type { Intent, ServerMessage } from '../../src/contract/live.ts';
import type { Card, HandoverNote } from '../../src/contract/cards.ts';
import { prng, type Prng } from '../support/prng.ts';

const TEXTS = [
  'poverty',
  'debt to a broker',
  'ความยากจน',
  'ការជំពាក់បំណុល',
  'အလုပ်အကိုင်မရှိ',
  '没有证件',
  'कर्ज',
  'ঋণ',
  '<script>alert(1)</script>',
  'family shame 😔',
];
const KINDS = ['cause', 'consequence'] as const;
const LEVELS = ['individual', 'family', 'community', 'structural'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DEMO_ADMIN = { email: 'admin@demo.mosaic.test', password: 'mosaic-demo' };
const SECOND = { email: 'fuzz-coordinator@demo.mosaic.test', password: 'fuzz coordinator pass' };

type Shown = Pick<Card, 'text' | 'kind' | 'level' | 'tags' | 'deleted'>;
const shownOf = (c: Shown): Shown => ({
  text: c.text,
  kind: c.kind,
  level: c.level,
  tags: canonicalTags(c.tags),
  deleted: c.deleted,
});

/** One device: the real client core, a `ws` socket, and what the fuzz needs to check it. */
class Client {
  readonly core: LiveCore;
  ws: WebSocket | undefined;
  /** Kept off the network by the fuzz: does not reconnect until it comes back. */
  offline = false;
  /** Adds and edits the server acknowledged. */
  ackedAdds = new Set<string>();
  ackedEdits: Extract<Intent, { type: 'editCard' }>[] = [];
  rejections: { intent: Intent; error: string; message: string }[] = [];
  /** Each card this client changed, as it showed it after its last change. */
  intended = new Map<string, Shown>();
  /** Frames the fuzz threw away (the core must notice the gap) and resyncs the core asked for. */
  lostFrames = 0;
  resyncs = 0;
  port = 0;
  private inbox: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly headers: Record<string, string>,
    token: string | null,
    private readonly rnd: Prng,
    private readonly maxDelay: number,
    public loseRate: number,
  ) {
    let n = 0;
    this.core = new LiveCore({
      participantToken: token,
      newId: () => `${name}x${(n++).toString(36).padStart(6, '0')}`,
    });
  }

  get online(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  connect(url: string): Promise<void> {
    const ws = new WebSocket(url, { headers: this.headers });
    this.ws = ws;
    this.port = Number(new URL(url).port);
    return new Promise((resolve) => {
      ws.on('open', () => {
        this.raw(ws, this.core.hello());
        resolve();
      });
      ws.on('error', () => resolve());
      ws.on('close', () => {
        if (this.ws !== ws) return;
        this.ws = undefined;
        this.core.closed();
      });
      ws.on('message', (data) => {
        const delay = this.rnd.int(this.maxDelay + 1);
        const lose = this.rnd.next() < this.loseRate;
        // Delivery is delayed at random but stays in order, as one TCP stream does.
        this.inbox = this.inbox.then(async () => {
          if (delay) await sleep(delay);
          if (this.ws !== ws) return; // a socket this client gave up on
          const m = JSON.parse(String(data)) as ServerMessage;
          if (m.type === 'change' && lose) {
            this.lostFrames++;
            return;
          }
          this.receive(ws, url, m);
        });
      });
    });
  }

  private receive(ws: WebSocket, url: string, m: ServerMessage): void {
    const queued =
      m.type === 'ack' || m.type === 'reject'
        ? this.core.outbox.find((p) => p.id === m.id)
        : undefined;
    const r = this.core.receive(m);
    if (r.settled && queued) {
      const { intent } = queued;
      if (r.settled.result.ok) {
        if (intent.type === 'addCard') this.ackedAdds.add(intent.cardId);
        if (intent.type === 'editCard') this.ackedEdits.push(intent);
      } else this.rejections.push({ intent, ...r.settled.result });
    }
    if (r.resync) {
      // SYNC-5: what LiveClient does on a gap: a new connection, resuming from the last seq
      this.resyncs++;
      this.drop();
      void this.connect(url);
      return;
    }
    for (const out of r.send) this.raw(ws, out);
  }

  private raw(ws: WebSocket, m: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  }

  /** Queues an intent in the core and sends it if the connection is in the room. */
  act(intent: Intent): void {
    const { send } = this.core.queue(intent);
    if (send && this.ws) this.raw(this.ws, send);
    const cardId = 'cardId' in intent ? intent.cardId : null;
    const shown = cardId ? this.core.shown(cardId) : undefined;
    if (cardId && shown) this.intended.set(cardId, shownOf(shown));
  }

  edit(cardId: string, fields: CardFields): void {
    const intent = this.core.editOf(cardId, fields);
    if (intent) this.act(intent);
  }

  drop(): void {
    const ws = this.ws;
    this.ws = undefined;
    this.core.closed();
    ws?.terminate();
  }

  settled(): Promise<void> {
    return this.inbox;
  }
}

export interface FuzzResult {
  seed: number;
  ok: boolean;
  problems: string[];
  cards: number;
  steps: number;
  /** How much of the interesting behaviour this seed reached. */
  stats: {
    concurrentEdits: number;
    superseded: number;
    facilitatorEdits: number;
    taggedEdits: number;
    lostFrames: number;
    resyncs: number;
  };
}

let templateFile: Promise<string> | undefined;

/** Adds a second coordinator to a seeded database: another facilitator, another client key. */
async function addCoordinator(db: Db): Promise<void> {
  const coalition = await db
    .selectFrom('coalitions')
    .select('id')
    .where('slug', '=', 'demo')
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const passwordHash = await hashPassword(SECOND.password);
  await db.transaction().execute(async (trx) => {
    const userId = await insertUser(
      trx,
      { email: SECOND.email, displayName: 'Fuzz coordinator', passwordHash },
      at,
    );
    await insertMembership(
      trx,
      { userId, coalitionId: coalition.id, role: 'coordinator', organisationId: null },
      at,
    );
  });
}

/** A migrated, seeded database made once per process and copied for each seed (seeding is slow). */
function template(): Promise<string> {
  templateFile ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-fuzz-template-'));
    const { db } = openDb({ dataDir: dir });
    await migrateToLatest(db);
    await seedDemo(db);
    await addCoordinator(db);
    await db.destroy(); // closing checkpoints the WAL into the file
    return path.join(dir, 'mosaic.sqlite');
  })();
  return templateFile;
}

let pgTemplate: Promise<string> | undefined;

/** The same, on PostgreSQL: a template database each seed's database is created from. */
function postgresTemplate(adminUrl: string): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `mosaic_fuzz_template_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const { db } = openDb({ databaseUrl: dbUrl(adminUrl, name), dataDir: os.tmpdir() });
    await migrateToLatest(db);
    await seedDemo(db);
    await addCoordinator(db);
    await db.destroy(); // a template must have no connections
    return name;
  })();
  return pgTemplate;
}

/** Drops the PostgreSQL template database, once every seed of this process has run. */
export async function dropPostgresTemplate(adminUrl: string): Promise<void> {
  if (!pgTemplate) return;
  const name = await pgTemplate;
  pgTemplate = undefined;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
}

const dbUrl = (adminUrl: string, name: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

let adminQueue: Promise<unknown> = Promise.resolve();
/** CREATE/DROP DATABASE one at a time: copying a template refuses to run alongside another. */
function adminQuery(adminUrl: string, text: string): Promise<void> {
  const run = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  const next = adminQueue.then(run, run);
  adminQueue = next.catch(() => undefined);
  return next;
}

export interface FuzzOptions {
  phones?: number;
  steps?: number;
  maxDelay?: number;
  /** The chance that an incoming change frame is lost (the core must resync). */
  loseRate?: number;
  /** Servers sharing the database (2 needs `postgres`). */
  instances?: number;
  /** A PostgreSQL server's URL: each seed gets its own database there. */
  postgres?: string;
}

function randomTags(rnd: Prng): Tags {
  const out = { forms: [], sectors: [], populations: [], ilo: [] } as Tags;
  for (const { group, codes } of TAG_GROUPS)
    if (rnd.next() < 0.5)
      // in any order, sometimes twice: the canonical form is the server's and the core's business
      (out[group] as string[]) = Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(codes));
  return out;
}

/** A change of one or more fields, as a person makes it in the card's form. */
function randomFields(rnd: Prng, step: number, who: string): CardFields {
  const f: CardFields = {};
  do {
    const r = rnd.next();
    if (r < 0.35) f.text = `${rnd.pick(TEXTS)} (${who} ${step})`;
    else if (r < 0.55) f.kind = rnd.pick(KINDS);
    else if (r < 0.75) f.level = rnd.pick(LEVELS);
    else f.tags = randomTags(rnd);
  } while (rnd.next() < 0.3);
  return f;
}

export async function runSeed(seed: number, opts: FuzzOptions = {}): Promise<FuzzResult> {
  const rnd = prng(seed);
  const instances = opts.instances ?? 1;
  if (instances > 1 && !opts.postgres)
    throw new Error('several instances share rooms on PostgreSQL only');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mosaic-fuzz-${seed}-`));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (opts.postgres) {
    const adminUrl = opts.postgres;
    const name = `mosaic_fuzz_${seed}_${randomBytes(4).toString('hex')}`;
    await adminQuery(
      adminUrl,
      `CREATE DATABASE ${name} TEMPLATE ${await postgresTemplate(adminUrl)}`,
    );
    databaseUrl = dbUrl(adminUrl, name);
    dropDatabase = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  } else fs.copyFileSync(await template(), path.join(dir, 'mosaic.sqlite'));
  const { db, backend } = openDb({ databaseUrl, dataDir: dir });
  const problems: string[] = [];
  const apps: (App | undefined)[] = [];
  const clients: Client[] = [];
  const stats = {
    concurrentEdits: 0,
    superseded: 0,
    facilitatorEdits: 0,
    taggedEdits: 0,
    lostFrames: 0,
    resyncs: 0,
  };
  try {
    const start = async () => {
      const a = await buildApp({
        db,
        backend,
        databaseUrl,
        joinAttemptsPerMinute: 100_000,
        loginAttemptsPerMinute: 100_000,
      });
      await a.listen({ port: 0, host: '127.0.0.1' });
      const addr = a.server.address();
      return { a, port: typeof addr === 'object' && addr ? addr.port : 0 };
    };
    const servers: { a: App; port: number }[] = [];
    for (let i = 0; i < instances; i++) servers.push(await start());
    apps.push(...servers.map((x) => x.a));
    const app = servers[0]!.a;
    const event = await db
      .selectFrom('events')
      .select(['id', 'join_code', 'issues'])
      .executeTakeFirstOrThrow();
    const issueKeys = (JSON.parse(event.issues) as { key: string }[]).map((i) => i.key).slice(0, 3);
    const roster = (
      await app.inject({ method: 'GET', url: `/api/join/${event.join_code}` })
    ).json() as { roster: { id: string }[] };
    const maxDelay = opts.maxDelay ?? 15;
    const loseRate = opts.loseRate ?? 0.05;
    const phones: Client[] = [];
    for (let i = 0; i < (opts.phones ?? 4); i++) {
      const t = (
        await app.inject({
          method: 'POST',
          url: `/api/join/${event.join_code}/claim`,
          payload: { participantId: roster.roster[i]!.id },
        })
      ).json() as { token: string };
      phones.push(new Client(`p${i}`, {}, t.token, rnd, maxDelay, loseRate));
    }
    const cookieOf = async (who: { email: string; password: string }) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: who });
      const c = res.cookies.find((x) => x.name === 'mosaic_session');
      if (!c) throw new Error(`login of ${who.email} failed: ${res.statusCode} ${res.body}`);
      return `mosaic_session=${c.value}`;
    };
    const adminCookie = await cookieOf(DEMO_ADMIN);
    const facilitators = [
      new Client('f0', { cookie: adminCookie }, null, rnd, maxDelay, loseRate),
      new Client('f1', { cookie: await cookieOf(SECOND) }, null, rnd, maxDelay, loseRate),
    ];
    clients.push(...phones, ...facilitators);
    // Each connection goes to any instance, as through a balancer without sticky sessions.
    const url = () =>
      `ws://127.0.0.1:${servers[instances > 1 ? rnd.int(instances) : 0]!.port}/api/live/${event.id}`;
    await Promise.all(clients.map((c) => c.connect(url())));
    // the facilitators need the sheets before they can edit them
    for (let i = 0; i < 100 && facilitators.some((f) => !f.core.snapshot); i++) await sleep(10);

    /** Who changed each card after its add: only a card its author alone touched has one truth. */
    const touchedBy = new Map<string, Set<string>>();
    const touch = (cardId: string, who: Client) => {
      const s = touchedBy.get(cardId) ?? new Set<string>();
      s.add(who.name);
      touchedBy.set(cardId, s);
    };
    /** The cards a client may change: its own (a phone), every card it shows (a facilitator). */
    const cardsOf = (c: Client): string[] =>
      c.name.startsWith('f')
        ? (c.core.snapshot?.cards ?? []).map((x) => x.id)
        : c.core.myCardIds.filter((id) => c.core.shown(id));
    const change = (c: Client, cardId: string, step: number) => {
      const what = rnd.next();
      if (what < 0.7) {
        const fields = randomFields(rnd, step, c.name);
        if (fields.tags) stats.taggedEdits++;
        c.edit(cardId, fields);
      } else if (what < 0.88) c.act({ type: 'deleteCard', cardId });
      else c.act({ type: 'restoreCard', cardId });
      touch(cardId, c);
    };

    const steps = opts.steps ?? 50;
    const restartAt = 5 + rnd.int(steps - 10);
    for (let step = 0; step < steps; step++) {
      // people act a few milliseconds apart: frames, acks and reconnections interleave with them
      await sleep(rnd.int(12));
      if (step === restartAt) {
        // A server goes away with its sockets, and comes back on the same database.
        const which = instances > 1 ? rnd.int(instances) : 0;
        const port = servers[which]!.port;
        for (const c of clients) if (c.port === port) c.drop();
        await servers[which]!.a.close();
        servers[which] = await start();
        apps[which] = servers[which].a;
      }
      // The network: a drop, a phone going offline for a while, coming back.
      const c = rnd.pick(clients);
      const net = rnd.next();
      if (net < 0.08) c.drop();
      else if (net < 0.12) {
        c.offline = true;
        c.drop();
      } else if (net < 0.3 && c.offline) c.offline = false;
      for (const x of clients) if (!x.ws && !x.offline && rnd.next() < 0.5) void x.connect(url());

      const act = rnd.next();
      if (act < 0.2) {
        // The same card changed by its author and the facilitators at once (SYNC-6), deletes
        // racing edits: each makes its change on the card as it shows it, before any answer.
        const f = rnd.pick(facilitators);
        const target = rnd.pick([...phones.filter((p) => cardsOf(p).length > 0), f]);
        const ids = cardsOf(target).filter((id) => f.core.shown(id));
        if (ids.length > 0) {
          const cardId = rnd.pick(ids);
          const racers = [target, ...facilitators.filter((x) => x !== target)].filter(
            (x) => x.core.shown(cardId) && rnd.next() < 0.8,
          );
          for (const r of racers) change(r, cardId, step);
          if (racers.length > 1) stats.concurrentEdits++;
          continue;
        }
      }
      if (act < 0.35) {
        const f = rnd.pick(facilitators);
        const ids = cardsOf(f);
        if (rnd.next() < 0.15)
          f.act({
            type: 'handover',
            issueKey: rnd.pick(issueKeys),
            text: `${rnd.pick(TEXTS)} — note ${step}`,
          });
        else if (ids.length > 0) {
          change(f, rnd.pick(ids), step);
          stats.facilitatorEdits++;
        }
        continue;
      }
      const p = rnd.pick(phones);
      const mine = cardsOf(p);
      if (act < 0.7 || mine.length === 0) {
        p.act({
          type: 'addCard',
          cardId: crypto.randomUUID(),
          issueKey: rnd.pick(issueKeys),
          text: `${rnd.pick(TEXTS)} #${seed}.${step}`,
          kind: rnd.pick(KINDS),
          level: rnd.pick(LEVELS),
          ...(rnd.next() < 0.4 && { tags: randomTags(rnd) }),
        });
      } else change(p, rnd.pick(mine), step);
    }

    // Everyone comes back on a fresh connection (a frame lost last has no later frame to reveal
    // it; a new connection resumes from the last seq applied) and drains their queue.
    for (const c of clients) {
      c.offline = false;
      c.loseRate = 0;
      c.drop();
    }
    await Promise.all(clients.map((c) => c.connect(url())));
    const deadline = Date.now() + 20_000;
    const serverSeq = async () =>
      Number(
        (
          await db
            .selectFrom('live_state')
            .select('seq')
            .where('event_id', '=', event.id)
            .executeTakeFirst()
        )?.seq ?? 0,
      );
    for (;;) {
      await Promise.all(clients.map((c) => c.settled()));
      const seq = await serverSeq();
      if (clients.every((c) => c.core.outbox.length === 0 && c.core.seq === seq)) break;
      if (Date.now() > deadline) {
        problems.push(
          `did not settle: server seq ${seq}, clients ${clients.map((c) => `${c.name} ${c.core.seq}/${c.core.outbox.length}${c.online ? '' : ' (off)'}`).join(', ')}`,
        );
        break;
      }
      // a client whose socket died meanwhile reconnects, as LiveClient's backoff would
      for (const c of clients) if (!c.ws) void c.connect(url());
      await sleep(20);
    }

    // The database's truth, read without the server's presenter.
    const stored = await storedCards(db, event.id);
    const notes = await storedNotes(db, event.id);
    const forView = (facilitator: boolean) =>
      JSON.stringify(
        stored
          .map((c) => (facilitator ? c : { ...c, participantId: null }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      );
    for (const c of clients) {
      const got = [...(c.core.snapshot?.cards ?? [])]
        .map(normalCard)
        .sort((a, b) => a.id.localeCompare(b.id));
      if (JSON.stringify(got) !== forView(c.name.startsWith('f'))) {
        const want = JSON.parse(forView(c.name.startsWith('f'))) as Card[];
        const diff = want.find(
          (w) => JSON.stringify(w) !== JSON.stringify(got.find((g) => g.id === w.id)),
        );
        problems.push(
          `${c.name} diverged: ${got.length} cards vs ${stored.length} stored; first difference ${JSON.stringify(diff)} vs ${JSON.stringify(got.find((g) => g.id === diff?.id))}`,
        );
      }
      const gotNotes = [...(c.core.snapshot?.handovers ?? [])]
        .map((n) => ({
          issueKey: n.issueKey,
          text: n.text,
          tableId: n.tableId,
          round: n.round,
          at: n.at,
        }))
        .sort((a, b) => a.issueKey.localeCompare(b.issueKey));
      if (JSON.stringify(gotNotes) !== JSON.stringify(notes))
        problems.push(`${c.name}: hand-over notes differ: ${JSON.stringify(gotNotes)}`);
      for (const id of c.ackedAdds)
        if (!stored.some((s) => s.id === id))
          problems.push(`${c.name}: acknowledged card ${id} is missing`);
      const refusedAdd = c.rejections.some((r) => r.intent.type === 'addCard');
      const unexpected = c.rejections.filter(
        (r) => r.error !== 'rate_limited' && !(r.error === 'not_found' && refusedAdd),
      );
      if (unexpected.length)
        problems.push(`${c.name}: unexpected rejections ${JSON.stringify(unexpected.slice(0, 2))}`);
      // SYNC-9/10: a card only this client changed is as it last showed it
      if (c.rejections.length === 0)
        for (const [id, want] of c.intended) {
          if ([...(touchedBy.get(id) ?? [])].some((who) => who !== c.name)) continue;
          const s = stored.find((x) => x.id === id);
          const got = s && shownOf(s);
          if (JSON.stringify(got) !== JSON.stringify(want))
            problems.push(
              `${c.name}: card ${id} is ${JSON.stringify(got)}, the client left it ${JSON.stringify(want)}`,
            );
        }
      stats.lostFrames += c.lostFrames;
      stats.resyncs += c.resyncs;
    }
    const ids = stored.map((c) => c.id);
    if (new Set(ids).size !== ids.length) problems.push('a card is stored twice');

    // History, as the facilitator's console reads it: whole, ending at the card, losing nothing.
    const edits = clients.flatMap((c) => c.ackedEdits);
    for (const card of stored) {
      const res = await servers[0]!.a.inject({
        method: 'GET',
        url: `/api/events/${event.id}/cards/${card.id}/history`,
        headers: { cookie: adminCookie },
      });
      const items = (res.json() as { items: (Shown & { version: number; reason: string })[] })
        .items;
      const made = items.filter((v) => v.reason !== 'superseded');
      stats.superseded += items.length - made.length;
      const versions = made.map((v) => v.version).sort((a, b) => a - b);
      if (JSON.stringify(versions) !== JSON.stringify(versions.map((_, i) => i + 1)))
        problems.push(`card ${card.id}: versions ${versions.join(',')} are not 1…n`);
      const last = made.find((v) => v.version === card.version);
      if (!last || JSON.stringify(shownOf(last)) !== JSON.stringify(shownOf(card)))
        problems.push(`card ${card.id}: its last version ${JSON.stringify(last)} is not the card`);
      for (const e of edits.filter((x) => x.cardId === card.id))
        for (const field of ['text', 'kind', 'level', 'tags'] as const) {
          if (e[field] === undefined) continue;
          const value = JSON.stringify(field === 'tags' ? canonicalTags(e.tags) : e[field]);
          const kept = items.some(
            (v) => JSON.stringify(field === 'tags' ? canonicalTags(v.tags) : v[field]) === value,
          );
          if (!kept)
            problems.push(`card ${card.id}: an acknowledged ${field} ${value} is in no version`);
        }
    }
    return { seed, ok: problems.length === 0, problems, cards: stored.length, steps, stats };
  } finally {
    for (const c of clients) c.drop();
    for (const a of apps) await a?.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  }
}

/** A card with its fields in one order, tags canonical, so two copies compare as JSON. */
function normalCard(c: Card): Card {
  return {
    id: c.id,
    issueKey: c.issueKey,
    kind: c.kind,
    level: c.level,
    text: c.text,
    tags: canonicalTags(c.tags),
    tableId: c.tableId,
    round: c.round,
    participantId: c.participantId,
    version: c.version,
    deleted: c.deleted,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

async function storedCards(db: Db, eventId: string): Promise<Card[]> {
  const rows = await db.selectFrom('cards').selectAll().where('event_id', '=', eventId).execute();
  return rows.map((r) =>
    normalCard({
      id: r.id,
      issueKey: r.issue_key,
      kind: r.kind as Card['kind'],
      level: r.level as Card['level'],
      text: r.text,
      tags: JSON.parse(r.tags) as Tags,
      tableId: r.table_id,
      round: r.round === null ? null : Number(r.round),
      participantId: r.participant_id,
      version: Number(r.version),
      deleted: Number(r.deleted) === 1,
      createdAt: Date.parse(r.created_at),
      updatedAt: Date.parse(r.updated_at),
    }),
  );
}

async function storedNotes(db: Db, eventId: string): Promise<HandoverNote[]> {
  const rows = await db
    .selectFrom('handover_notes')
    .selectAll()
    .where('event_id', '=', eventId)
    .execute();
  return rows
    .map((r) => ({
      issueKey: r.issue_key,
      text: r.text,
      tableId: r.table_id,
      round: r.round === null ? null : Number(r.round),
      at: Date.parse(r.at),
    }))
    .sort((a, b) => a.issueKey.localeCompare(b.issueKey));
}
