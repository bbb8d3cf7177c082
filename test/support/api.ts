import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { insertMembership, insertUser } from '../../src/server/db/repos/accounts.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import type { Role } from '../../src/domain/taxonomy/codes.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { TestBackend, TestDb } from './backends.ts';

/** A running app (no socket) over a fresh seeded database, with a frozen, steppable clock. */
export interface ApiHarness {
  app: App;
  store: TestDb;
  clock: { now: Date; advance(ms: number): void };
  coalitionId: string;
  /** Creates a user in the demo coalition with the role (and organisation), returns their cookie. */
  userWith(role: Role, organisationId?: string | null): Promise<string>;
  login(email: string, password: string): Promise<LightMyRequestResponse>;
  adminCookie(): Promise<string>;
  close(): Promise<void>;
}

export const DEMO = { email: 'admin@demo.mosaic.test', password: 'mosaic-demo' };
export const TEST_PASSWORD = 'correct horse battery';

export function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'mosaic_session');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `mosaic_session=${c.value}`;
}

let userCounter = 0;

export async function startApi(
  backend: TestBackend,
  extra: Pick<AppOptions, 'mailer' | 'publicUrl' | 'log'> = {},
): Promise<ApiHarness> {
  const store = await backend.open();
  const clock = {
    now: new Date('2026-11-28T09:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  await seedDemo(store.db, clock.now);
  const coalition = await store.db
    .selectFrom('coalitions')
    .select('id')
    .where('slug', '=', 'demo')
    .executeTakeFirstOrThrow();
  const app = await buildApp({
    db: store.db,
    backend: store.backend,
    databaseUrl: store.url,
    now: () => clock.now,
    loginAttemptsPerMinute: 10_000,
    joinAttemptsPerMinute: 10_000,
    ...extra,
  });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  return {
    app,
    store,
    clock,
    coalitionId: coalition.id,
    login,
    async adminCookie() {
      return cookieOf(await login(DEMO.email, DEMO.password));
    },
    async userWith(role, organisationId = null) {
      const email = `user${++userCounter}-${role}@test.mosaic.test`;
      const at = clock.now.toISOString();
      await store.db.transaction().execute(async (trx) => {
        const userId = await insertUser(
          trx,
          { email, displayName: `Test ${role}`, passwordHash },
          at,
        );
        await insertMembership(
          trx,
          { userId, coalitionId: coalition.id, role, organisationId },
          at,
        );
      });
      return cookieOf(await login(email, TEST_PASSWORD));
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** An app's port once it listens on loopback. */
/** The demo coalition's event (the seed makes one), in full, as a coordinator reads it. */
export async function demoEvent(app: App, cookie: string): Promise<EventDetail> {
  const list = (await app.inject({ method: 'GET', url: '/api/events', headers: { cookie } })).json<{
    items: { id: string }[];
  }>();
  return (
    await app.inject({
      method: 'GET',
      url: `/api/events/${list.items[0]!.id}`,
      headers: { cookie },
    })
  ).json<EventDetail>();
}

export async function listen(app: App): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

/**
 * Another instance of Mosaic over the harness's database and clock, listening on its own port: on
 * PostgreSQL with its own LISTEN connection (unless `listens` is false), as behind a balancer.
 */
export async function startInstance(
  h: ApiHarness,
  opts: { listens?: boolean } = {},
): Promise<{ app: App; port: number; close(): Promise<void> }> {
  const app = await buildApp({
    db: h.store.db,
    backend: h.store.backend,
    databaseUrl: opts.listens === false ? undefined : h.store.url,
    now: () => h.clock.now,
    loginAttemptsPerMinute: 10_000,
    joinAttemptsPerMinute: 10_000,
  });
  const port = await listen(app);
  return { app, port, close: () => app.close() };
}
