/**
 * Issue 10, hole 4: a page on another site, with a facilitator's cookie in the browser, must not get
 * a live console, an event stream or a write. Real sockets: the WebSocket handshake is refused
 * before the upgrade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEvent, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import { buildApp } from '../../src/server/app.ts';
import { originAllowed, parsePublicUrls } from '../../src/server/http/origin.ts';
import type { App } from '../../src/server/context.ts';

const EVIL = 'http://evil.example';

describe('originAllowed', () => {
  it('without PUBLIC_URL, accepts exactly the request host (loopback, LAN, default ports)', () => {
    expect(originAllowed('http://127.0.0.1:8080', '127.0.0.1:8080', [])).toBe(true);
    expect(originAllowed('http://192.168.1.20:8080', '192.168.1.20:8080', [])).toBe(true);
    expect(originAllowed('https://mosaic.example.org', 'mosaic.example.org:443', [])).toBe(true);
    expect(originAllowed('http://127.0.0.1:9999', '127.0.0.1:8080', [])).toBe(false);
    expect(originAllowed('http://evil.example', '127.0.0.1:8080', [])).toBe(false);
    expect(originAllowed('null', '127.0.0.1:8080', [])).toBe(false);
    expect(originAllowed('file://', '127.0.0.1:8080', [])).toBe(false);
  });

  it('with PUBLIC_URL, accepts only its origins', () => {
    const list = parsePublicUrls('https://mosaic.example.org/, http://10.0.0.5:8080');
    expect(list).toEqual(['https://mosaic.example.org', 'http://10.0.0.5:8080']);
    expect(originAllowed('https://mosaic.example.org', 'internal:8080', list)).toBe(true);
    expect(originAllowed('http://10.0.0.5:8080', 'whatever', list)).toBe(true);
    expect(originAllowed('http://internal:8080', 'internal:8080', list)).toBe(false);
    expect(() => parsePublicUrls('mosaic.example.org')).toThrow(/PUBLIC_URL/);
    expect(() => parsePublicUrls('ftp://x.example')).toThrow(/https/);
  });
});

describe.each(testBackends())('Origin checks on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let host: string;
  let eventId: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    host = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    eventId = (await demoEvent(h.app, admin)).id;
  });
  afterAll(async () => h?.close());

  it('refuses a WebSocket handshake from another site carrying a facilitator cookie', async () => {
    await expect(
      TestLiveClient.connect(`ws://${host}/api/live/${eventId}`, { cookie: admin, origin: EVIL }),
    ).rejects.toThrow(/403/);
    // The same cookie from Mosaic's own page gets the console.
    const own = await TestLiveClient.connect(`ws://${host}/api/live/${eventId}`, {
      cookie: admin,
      origin: `http://${host}`,
    });
    expect(await own.hello()).toMatchObject({ type: 'welcome', role: 'facilitator' });
    own.ws.close();
    // A client that is not a browser page (CLI, tests) sends no Origin and is not a cross-site page.
    const cli = await TestLiveClient.connect(`ws://${host}/api/live/${eventId}`, { cookie: admin });
    expect(await cli.hello()).toMatchObject({ type: 'welcome', role: 'facilitator' });
    cli.ws.close();
  });

  it('refuses the event stream and writes from another site, with security headers', async () => {
    const stream = await fetch(`http://${host}/api/atlas/stream`, {
      headers: { cookie: admin, origin: EVIL, accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(403);
    expect((await stream.json()).error).toBe('origin_not_allowed');
    const write = await h.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: admin, origin: EVIL },
      payload: { name: 'Forged', kinds: ['research'], visibility: 'public' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const logout = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: admin, origin: 'null' },
    });
    expect(logout.statusCode).toBe(403);
  });

  it('with PUBLIC_URL, accepts its origin and refuses the server host itself', async () => {
    let app: App | undefined;
    try {
      app = await buildApp({
        db: h.store.db,
        backend: h.store.backend,
        now: () => h.clock.now,
        publicOrigins: parsePublicUrls('https://mosaic.example.org'),
      });
      const me = (origin: string) =>
        app!.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie: admin, origin, host: 'internal:8080' },
        });
      expect((await me('https://mosaic.example.org')).statusCode).toBe(200);
      expect((await me('http://internal:8080')).statusCode).toBe(403);
    } finally {
      await app?.close();
    }
  });
});
