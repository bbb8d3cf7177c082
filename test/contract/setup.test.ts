/**
 * Issue 12, "A real room": the first admin is made in the browser with the one-time token the
 * server printed (`/setup#<token>`), instead of only with the CLI. The token works once; the page
 * is gone afterwards; nothing is stored by a refused request.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import { SetupGate } from '../../src/server/auth/setup.ts';
import { insertCoalition } from '../../src/server/db/repos/accounts.ts';
import { startServer } from '../../src/server/main.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { testBackends, type TestDb } from '../support/backends.ts';
import { cookieOf } from '../support/api.ts';

const TOKEN = 'first-run-token-0123456789abcdefghijkl';
const FIRST = {
  token: TOKEN,
  email: 'coordinator@coalition.example',
  name: 'Malee Srisuk',
  coalition: 'Mekong Coalition Against Trafficking',
  password: 'a long enough password',
};

let webRoot: string;
beforeAll(() => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Mosaic</title>');
});
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

async function counts(store: TestDb) {
  const n = async (table: 'users' | 'coalitions' | 'memberships') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { users: await n('users'), coalitions: await n('coalitions') };
}

describe.each(testBackends())('first run on $name', (backend) => {
  let store: TestDb;
  let app: App;
  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/setup', payload });

  beforeAll(async () => {
    store = await backend.open();
    app = await buildApp({
      db: store.db,
      backend: store.backend,
      webRoot,
      setup: SetupGate.withToken(TOKEN),
    });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('says the set-up page is open on a server with no admin, and serves the page', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/setup' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ open: true, coalitions: [] });
    expect((await app.inject({ method: 'GET', url: '/setup' })).statusCode).toBe(200);
  });

  it('refuses a wrong token with 403 and stores nothing', async () => {
    const res = await post({ ...FIRST, token: 'not-the-printed-token-0123456789abcdef' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('setup_token_wrong');
    expect(await counts(store)).toEqual({ users: 0, coalitions: 0 });
  });

  it('refuses bad fields with 400 naming each field, stores nothing, and keeps the token', async () => {
    const res = await post({ ...FIRST, password: 'short', coalition: '  ', email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['coalition', 'email', 'password']);
    expect(await counts(store)).toEqual({ users: 0, coalitions: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json().open).toBe(true);
  });

  it('creates the coalition and its admin once, signed in, even when two requests race', async () => {
    const [a, b] = await Promise.all([post(FIRST), post({ ...FIRST, email: 'other@x.example' })]);
    const codes = [a.statusCode, b.statusCode].sort();
    // One made the admin; the other found the token taken (403) or the page already closed (404).
    expect(codes[0]).toBe(200);
    expect([403, 404]).toContain(codes[1]);
    const ok = a.statusCode === 200 ? a : b;
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookieOf(ok) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      role: 'admin',
      coalition: { name: FIRST.coalition, isDemo: false },
    });
    expect(await counts(store)).toEqual({ users: 1, coalitions: 1 });
    // The admin signs in with the password chosen on the page.
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.json().user.email, password: FIRST.password },
    });
    expect(login.statusCode).toBe(200);
  });

  it('is gone afterwards: the token is refused, the page is not found, the status is closed', async () => {
    const again = await post({ ...FIRST, email: 'second@coalition.example' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toBe('setup_closed');
    expect(await counts(store)).toEqual({ users: 1, coalitions: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      open: false,
      coalitions: [],
    });
    expect((await app.inject({ method: 'GET', url: '/setup' })).statusCode).toBe(404);
    // Other pages are still served.
    expect((await app.inject({ method: 'GET', url: '/login' })).statusCode).toBe(200);
  });
});

describe.each(testBackends())('first run beside existing data on $name', (backend) => {
  it('makes the admin of a coalition that exists without one, instead of a second coalition', async () => {
    const store = await backend.open();
    const app = await buildApp({
      db: store.db,
      backend: store.backend,
      setup: SetupGate.withToken(TOKEN),
    });
    try {
      await store.db
        .transaction()
        .execute((trx) =>
          insertCoalition(
            trx,
            { name: FIRST.coalition, slug: 'mekong-coalition-against-trafficking', isDemo: false },
            new Date().toISOString(),
          ),
        );
      const status = await app.inject({ method: 'GET', url: '/api/setup' });
      expect(status.json()).toEqual({ open: true, coalitions: [FIRST.coalition] });
      const res = await app.inject({ method: 'POST', url: '/api/setup', payload: FIRST });
      expect(res.statusCode).toBe(200);
      expect(await counts(store)).toEqual({ users: 1, coalitions: 1 });
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('stays closed on a server whose database already has an admin (the demo)', async () => {
    const store = await backend.open();
    await seedDemo(store.db);
    const app = await buildApp({
      db: store.db,
      backend: store.backend,
      setup: SetupGate.withToken(TOKEN),
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json().open).toBe(false);
      const res = await app.inject({ method: 'POST', url: '/api/setup', payload: FIRST });
      expect(res.statusCode).toBe(404);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

/** A request with an Origin header (browsers send one; fetch in Node may not let us set it). */
function get(url: string, origin: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { origin } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('serving a room on the LAN (startServer)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const dataDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-lan-'));
    dirs.push(d);
    return d;
  };

  it('puts the LAN address in join links and prints a set-up link while there is no admin', async () => {
    const server = await startServer({
      dataDir: dataDir(),
      port: 0,
      host: '127.0.0.1',
      lan: true,
      lanAddresses: ['192.168.50.7'],
      webRoot,
    });
    try {
      const port = new URL(server.url).port;
      expect(server.joinBase).toBe(`http://192.168.50.7:${port}`);
      expect(server.setupUrl).toMatch(
        new RegExp(`^http://192\\.168\\.50\\.7:${port}/setup#[A-Za-z0-9_-]{43}$`),
      );
      const site = await get(`${server.url}/api/site`, server.url);
      expect(JSON.parse(site.body)).toEqual({ joinBase: server.joinBase });
      // The printed token is the one the server accepts (and then never again).
      const token = server.setupUrl!.split('#')[1]!;
      const made = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...FIRST, token }),
      });
      expect(made.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('with PUBLIC_URL: links use it, and the API accepts the LAN address as an origin too', async () => {
    const server = await startServer({
      dataDir: dataDir(),
      port: 0,
      host: '127.0.0.1',
      lan: true,
      lanAddresses: ['10.0.0.12', '172.20.10.2'],
      publicOrigins: ['https://mosaic.example.org'],
      seedDemo: true,
    });
    try {
      const port = new URL(server.url).port;
      expect(server.joinBase).toBe('https://mosaic.example.org');
      expect(server.setupUrl).toBeUndefined(); // the demo has an admin
      expect((await get(`${server.url}/api/site`, 'https://mosaic.example.org')).status).toBe(200);
      expect((await get(`${server.url}/api/site`, `http://10.0.0.12:${port}`)).status).toBe(200);
      // A second network of the laptop (a hotspot) and the laptop itself at the printed address.
      expect((await get(`${server.url}/api/site`, `http://172.20.10.2:${port}`)).status).toBe(200);
      expect((await get(`${server.url}/api/site`, server.url)).status).toBe(200);
      expect((await get(`${server.url}/api/site`, `http://localhost:${port}`)).status).toBe(200);
      expect((await get(`${server.url}/api/site`, 'http://127.0.0.1:1')).status).toBe(403);
      expect((await get(`${server.url}/api/site`, 'https://evil.example')).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('without --lan, the join link is the loopback address (the console warns about it)', async () => {
    const server = await startServer({
      dataDir: dataDir(),
      port: 0,
      host: '127.0.0.1',
      seedDemo: true,
    });
    try {
      expect(server.joinBase).toBe(server.url);
      expect(JSON.parse((await get(`${server.url}/api/site`, server.url)).body)).toEqual({
        joinBase: null,
      });
    } finally {
      await server.close();
    }
  });
});
