/**
 * Issue 10, item 10: security headers on every answer — pages, API, errors — `no-store` on what a
 * signed-in user receives, HSTS only over TLS behind a trusted proxy, and no source maps served.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import { buildApp } from '../../src/server/app.ts';

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
}

describe.each(testBackends())('security headers on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let webRoot: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'export {};');
    fs.writeFileSync(path.join(webRoot, 'assets', 'app.js.map'), '{"sources":["secret.ts"]}');
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends them on answers, 400s, 401s and 404s', async () => {
    const answers = await Promise.all([
      h.app.inject({ method: 'GET', url: '/api/health' }),
      h.app.inject({ method: 'GET', url: '/api/auth/me' }),
      h.app.inject({ method: 'GET', url: '/api/nowhere' }),
      h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 1 } }),
      h.app.inject({ method: 'GET', url: '/api/docs' }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 400, 200]);
    answers.forEach(expectSecurityHeaders);
    // No HSTS over plain http.
    expect(answers[0]!.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers a signed-in user with no-store, even on routes public readers may cache', async () => {
    const anon = await h.app.inject({ method: 'GET', url: '/api/places/countries' });
    const signedIn = await h.app.inject({
      method: 'GET',
      url: '/api/places/countries',
      headers: { cookie: admin },
    });
    expect(anon.headers['cache-control']).toContain('public');
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: admin },
    });
    expect(me.headers['cache-control']).toBe('no-store');
    const login = await h.login('nobody@example.org', 'wrong-password');
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS over TLS behind a trusted proxy, and serves pages but never a source map', async () => {
    const app = await buildApp({
      db: h.store.db,
      backend: h.store.backend,
      trustProxy: true,
      webRoot,
    });
    try {
      const page = await app.inject({
        method: 'GET',
        url: '/directory',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(page.statusCode).toBe(200);
      expectSecurityHeaders(page);
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(js.statusCode).toBe(200);
      expectSecurityHeaders(js);
      const map = await app.inject({ method: 'GET', url: '/assets/app.js.map' });
      expect(map.body).not.toContain('secret.ts');
    } finally {
      await app.close();
    }
  });
});
