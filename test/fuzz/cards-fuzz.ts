/**
 * Seeded convergence fuzzing of the world-café sheets through the real server, in process:
 * several phones add, edit, delete and restore cards — also cards still waiting to send (SYNC-10) —
 * while their connections drop and come back, their incoming frames are delayed at random, and the
 * server restarts once. At the end every phone and the database must hold identical sheets, every
 * acknowledged add exactly one card, and every card as its author last left it on their phone (a
 * phone's own changes are never lost to each other, SYNC-9).
 *
 * With `instances: 2` and a PostgreSQL URL (SYNC-11), two servers share the database as behind a
 * balancer without sticky sessions: each (re)connection of a phone goes to either at random, and
 * the restart restarts one of them.
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
import { SheetReplica } from '../../src/web/sheets/replica.ts';
import type { App } from '../../src/server/context.ts';
import type { ClientMessage, ServerMessage } from '../../src/contract/live.ts';
import type { Card } from '../../src/contract/cards.ts';
import { prng } from '../support/prng.ts';

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
  'family shame',
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Intended = Pick<Card, 'text' | 'level' | 'deleted'>;

class Phone {
  replica: SheetReplica;
  ws: WebSocket | undefined;
  acked = new Set<string>();
  /** Cards whose add was refused (rate limit): their queued edits are refused too (not_found). */
  refusedAdds = new Set<string>();
  /** Each of this phone's cards as the phone showed it after its last change to it. */
  intended = new Map<string, Intended>();
  private inbox: Promise<void> = Promise.resolve();
  constructor(
    readonly token: string,
    private readonly rnd: ReturnType<typeof prng>,
    private readonly maxDelay: number,
  ) {
    let n = 0;
    this.replica = new SheetReplica(
      () => `${token.slice(0, 8)}x${(n++).toString(36).padStart(6, '0')}`,
    );
  }

  /** The port of the server this phone is (or was last) connected to. */
  port = 0;

  connect(url: string): Promise<void> {
    const ws = new WebSocket(url);
    this.ws = ws;
    this.port = Number(new URL(url).port);
    return new Promise((resolve) => {
      ws.on('open', () => {
        this.send(this.replica.hello(this.token));
        for (const m of this.replica.resend()) this.send(m);
        resolve();
      });
      ws.on('error', () => resolve());
      ws.on('message', (raw) => {
        const delay = this.rnd.int(this.maxDelay + 1);
        // Delivery is delayed at random but stays in order, as one TCP stream does.
        this.inbox = this.inbox.then(async () => {
          if (delay) await sleep(delay);
          const m = JSON.parse(String(raw)) as ServerMessage;
          const p = this.replica.outbox.find((x) => x.id === (m as { id?: string }).id);
          if (m.type === 'ack' && p?.intent.type === 'addCard') this.acked.add(p.intent.cardId);
          if (m.type === 'reject' && p?.intent.type === 'addCard')
            this.refusedAdds.add(p.intent.cardId);
          this.replica.receive(m);
        });
      });
    });
  }

  send(m: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  drop(): void {
    this.ws?.terminate();
    this.ws = undefined;
  }

  get online(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  settled(): Promise<void> {
    return this.inbox;
  }

  /** Remembers how this phone shows the card now: what the server must end up with. */
  intend(cardId: string): void {
    const c = this.replica.shown(cardId);
    if (c) this.intended.set(cardId, { text: c.text, level: c.level, deleted: c.deleted });
  }
}

export interface FuzzResult {
  seed: number;
  ok: boolean;
  problems: string[];
  cards: number;
  steps: number;
}

const comparable = (c: Card) =>
  `${c.id}|${c.issueKey}|${c.kind}|${c.level}|${c.version}|${c.deleted}|${c.text}`;

let templateFile: Promise<string> | undefined;

/** A migrated, seeded database made once per process and copied for each seed (seeding is slow). */
function template(): Promise<string> {
  templateFile ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-fuzz-template-'));
    const { db } = openDb({ dataDir: dir });
    await migrateToLatest(db);
    await seedDemo(db);
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
  /** Servers sharing the database (2 needs `postgres`). */
  instances?: number;
  /** A PostgreSQL server's URL: each seed gets its own database there. */
  postgres?: string;
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
  try {
    const start = async () => {
      const a = await buildApp({ db, backend, databaseUrl, joinAttemptsPerMinute: 100_000 });
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
    const phones: Phone[] = [];
    for (let i = 0; i < (opts.phones ?? 5); i++) {
      const t = (
        await app.inject({
          method: 'POST',
          url: `/api/join/${event.join_code}/claim`,
          payload: { participantId: roster.roster[i]!.id },
        })
      ).json() as { token: string };
      phones.push(new Phone(t.token, rnd, opts.maxDelay ?? 15));
    }
    // Each connection goes to any instance, as through a balancer without sticky sessions.
    const url = () =>
      `ws://127.0.0.1:${servers[instances > 1 ? rnd.int(instances) : 0]!.port}/api/live/${event.id}`;
    await Promise.all(phones.map((p) => p.connect(url())));

    const steps = opts.steps ?? 40;
    const restartAt = 5 + rnd.int(steps - 10);
    for (let step = 0; step < steps; step++) {
      if (step === restartAt) {
        // A server goes away with its sockets, and comes back on the same database.
        const which = instances > 1 ? rnd.int(instances) : 0;
        const port = servers[which]!.port;
        for (const p of phones) if (p.port === port) p.drop();
        await servers[which]!.a.close();
        servers[which] = await start();
        apps[which] = servers[which].a;
      }
      const p = rnd.pick(phones);
      const roll = rnd.next();
      if (roll < 0.1) p.drop();
      else if (roll < 0.2 || !p.online) {
        if (!p.online && rnd.next() < 0.7) await p.connect(url());
      }
      // Its cards as it shows them: confirmed or still waiting to send, deleted or not.
      const mine = [...p.replica.myCardIds].flatMap((id) => p.replica.shown(id) ?? []);
      const act = rnd.next();
      if (act < 0.5 || mine.length === 0) {
        const { cardId, message } = p.replica.addCard({
          issueKey: rnd.pick(issueKeys),
          text: `${rnd.pick(TEXTS)} #${seed}.${step}`,
          kind: rnd.pick(['cause', 'consequence'] as const),
          level: rnd.pick(['individual', 'family', 'community', 'structural'] as const),
        });
        p.send(message);
        p.intend(cardId);
      } else {
        const c = rnd.pick(mine);
        const what = rnd.next();
        const message =
          what < 0.6
            ? p.replica.editCard(
                c.id,
                rnd.next() < 0.7
                  ? { text: `${rnd.pick(TEXTS)} (edited ${step})` }
                  : { level: rnd.pick(['individual', 'family', 'community'] as const) },
              )
            : what < 0.85
              ? p.replica.deleteCard(c.id)
              : p.replica.restoreCard(c.id);
        if (message) p.send(message);
        p.intend(c.id);
      }
      if (rnd.next() < 0.3) await sleep(rnd.int(10));
    }

    // Everyone comes back and drains their queue.
    for (const p of phones) if (!p.online) await p.connect(url());
    const deadline = Date.now() + 15_000;
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
      await Promise.all(phones.map((p) => p.settled()));
      const seq = await serverSeq();
      if (phones.every((p) => p.replica.outbox.length === 0 && p.replica.seq === seq)) break;
      if (Date.now() > deadline) {
        problems.push(
          `did not settle: server seq ${seq}, phones ${phones.map((p) => `${p.replica.seq}/${p.replica.outbox.length}`).join(' ')}`,
        );
        break;
      }
      await sleep(20);
    }

    const stored = await listAll(db, event.id);
    const expected = stored.map(comparable).sort();
    phones.forEach((p, i) => {
      const got = [...p.replica.cards.values()].map(comparable).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected))
        problems.push(
          `phone ${i} diverged: ${got.length} cards vs ${expected.length} in the database`,
        );
      for (const id of p.acked)
        if (!stored.some((c) => c.id === id))
          problems.push(`phone ${i}: acknowledged card ${id} is missing`);
      const rejected = p.replica.rejections.filter(
        (r) => r.error !== 'rate_limited' && !(r.error === 'not_found' && p.refusedAdds.size > 0),
      );
      if (rejected.length)
        problems.push(`phone ${i}: unexpected rejections ${JSON.stringify(rejected.slice(0, 2))}`);
      // SYNC-9/10: with nothing refused, each card is as its author last showed it.
      if (p.replica.rejections.length === 0)
        for (const [id, want] of p.intended) {
          const got = stored.find((c) => c.id === id);
          const same =
            got?.text === want.text && got.level === want.level && got.deleted === want.deleted;
          if (!same)
            problems.push(
              `phone ${i}: card ${id} is ${JSON.stringify(got && { text: got.text, level: got.level, deleted: got.deleted })}, the phone left it ${JSON.stringify(want)}`,
            );
        }
    });
    const ids = stored.map((c) => c.id);
    if (new Set(ids).size !== ids.length) problems.push('a card is stored twice');
    for (const p of phones) p.drop();
    return { seed, ok: problems.length === 0, problems, cards: stored.length, steps };
  } finally {
    for (const a of apps) await a?.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  }
}

async function listAll(db: Db, eventId: string): Promise<Card[]> {
  const { presentCard } = await import('../../src/server/live/cards.ts');
  const rows = await db.selectFrom('cards').selectAll().where('event_id', '=', eventId).execute();
  return rows.map((r) => ({ ...presentCard(r), participantId: null }));
}
