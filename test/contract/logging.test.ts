/**
 * Issue 10, item 10: the server used to log nothing (an unexpected 500 left no trace). Now one JSON
 * line per request (method, route pattern, status, duration) and errors with their stack — and never
 * a body, a query, a cookie or an email.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { DEMO, startApi, type ApiHarness } from '../support/api.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';

describe.each(testBackends())('server log on $name', (backend) => {
  let h: ApiHarness;
  let app: App;
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  beforeAll(async () => {
    h = await startApi(backend);
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) {
          raw.push(l);
          lines.push(JSON.parse(l) as Record<string, unknown>);
        }
        done();
      },
    });
    app = await buildApp({ db: h.store.db, backend: h.store.backend, log: stream });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('writes one line per request with the route pattern, never bodies, queries or emails', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.email, password: 'canary-password-in-body' },
    });
    expect(login.statusCode).toBe(401);
    const cookie = `mosaic_session=canary-cookie-value`;
    await app.inject({
      method: 'GET',
      url: '/api/organisations?q=canary-search-words',
      headers: { cookie },
    });
    await app.inject({ method: 'GET', url: '/api/events/00000000-0000-4000-8000-000000000000' });
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/api/auth/login', 401],
      ['GET', '/api/organisations', 200],
      ['GET', '/api/events/:eventId', 404],
    ]);
    for (const l of requests) expect(typeof l.ms).toBe('number');
    const all = raw.join('\n');
    for (const secret of ['canary', DEMO.email, '127.0.0.1', '00000000-0000'])
      expect(all).not.toContain(secret);
  });

  it('logs an unexpected error with its stack, and answers 500 without one', async () => {
    // A real failure the code did not expect: the table a route reads is gone.
    const broken = h.store.db.schema.alterTable('organisations').renameTo('organisations_gone');
    await broken.execute();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/organisations' });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      const error = lines.find((l) => l.level === 50);
      const err = error?.err as { stack?: string; message?: string } | undefined;
      expect(err?.stack).toMatch(/\bat /);
      const last = lines.filter((l) => l.msg === 'request').at(-1);
      expect(last).toMatchObject({ route: '/api/organisations', status: 500 });
    } finally {
      await h.store.db.schema.alterTable('organisations_gone').renameTo('organisations').execute();
    }
  });
});
