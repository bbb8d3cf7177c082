import pg from 'pg';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.ts';

/**
 * How the instances of Mosaic sharing one PostgreSQL database tell each other that something
 * changed: PostgreSQL's LISTEN/NOTIFY. A notification carries identifiers and numbers only (an
 * event id and a sequence number, a coalition id), never data: whoever hears it reads the change
 * from the database through the usual code (PRIV-1 stays where it was).
 */
export interface ChangeBus {
  /** Runs `handler` with the payload of every notification on `channel`, from any instance. */
  on(channel: string, handler: (payload: string) => Promise<void> | void): void;
  /**
   * Runs `handler` each time the listening connection is (re)established: notifications sent
   * while it was down are lost, so whoever relies on them re-reads what they keep.
   */
  onReconnect(handler: () => Promise<void> | void): void;
  /** Sends a notification now, outside any transaction (after a commit). Never throws. */
  notify(channel: string, payload: string): Promise<void>;
}

export interface PgChangeBusOptions {
  /** The same database the pool uses; the bus keeps one more connection of its own. */
  connectionString: string;
  db: Db;
  log: FastifyBaseLogger;
  /** Reconnection backoff: from `minDelayMs`, doubling, to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A `select 1` on the listening connection this often finds a connection that died silently. */
  checkEveryMs?: number;
}

/** `application_name` of the listening connection (seen in pg_stat_activity). */
export const LISTENER_NAME = 'mosaic-listen';

/**
 * One dedicated `pg` client per instance, LISTENing on every channel asked for. When the
 * connection drops (a database restart, a network cut) it reconnects with backoff and then runs
 * the reconnect handlers. Notifications are sent through the app's pool.
 */
export class PgChangeBus implements ChangeBus {
  private readonly handlers = new Map<string, ((payload: string) => Promise<void> | void)[]>();
  private readonly reconnectHandlers: (() => Promise<void> | void)[] = [];
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private check: NodeJS.Timeout | undefined;
  private delay: number;
  private stopped = false;
  /** Connections already given up on (`error` and `end` both report one failure). */
  private readonly dead = new WeakSet<pg.Client>();

  constructor(private readonly opts: PgChangeBusOptions) {
    this.delay = opts.minDelayMs ?? 250;
  }

  on(channel: string, handler: (payload: string) => Promise<void> | void): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const list = this.handlers.get(channel);
    if (list) list.push(handler);
    else {
      this.handlers.set(channel, [handler]);
      this.client?.query(`LISTEN ${channel}`).catch((err: unknown) => this.lost(this.client, err));
    }
  }

  onReconnect(handler: () => Promise<void> | void): void {
    this.reconnectHandlers.push(handler);
  }

  async notify(channel: string, payload: string): Promise<void> {
    // The one statement outside src/server/db/repos, on purpose: NOTIFY is the bus's transport
    // (like LISTEN on its own client above), not a read or write of any record, so it has no
    // repository to live in (test/architecture/sql-in-repos.test.ts allows this file).
    try {
      await sql`select pg_notify(${channel}, ${payload})`.execute(this.opts.db);
    } catch (err) {
      this.opts.log.error({ err, channel }, 'could not notify the other instances');
    }
  }

  /** Connects and listens; resolves once listening, or after the first failure (it keeps trying). */
  async start(): Promise<void> {
    this.check = setInterval(() => {
      const c = this.client;
      c?.query('select 1').catch((err: unknown) => this.lost(c, err));
    }, this.opts.checkEveryMs ?? 30_000);
    this.check.unref();
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.check);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = undefined;
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      application_name: LISTENER_NAME,
      keepAlive: true,
    });
    client.on('notification', (m) => this.dispatch(m.channel, m.payload ?? ''));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delay = this.opts.minDelayMs ?? 250;
    this.opts.log.info('listening for changes made by other instances');
    for (const handler of this.reconnectHandlers) void this.run(handler, 'catching up');
  }

  /** The connection failed or closed: drop it and try again later (once per connection). */
  private lost(client: pg.Client | undefined, err?: unknown): void {
    if (!client || this.dead.has(client)) return;
    this.dead.add(client);
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.opts.log.warn(
      { err, retryInMs: this.delay },
      'lost the connection that listens for other instances; reconnecting',
    );
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), this.delay);
    this.retry.unref();
    this.delay = Math.min(this.delay * 2, this.opts.maxDelayMs ?? 10_000);
  }

  private dispatch(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? [])
      void this.run(() => handler(payload), `handling a notification on ${channel}`);
  }

  private async run(work: () => Promise<void> | void, what: string): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.opts.log.error({ err }, `failed ${what}`);
    }
  }
}
