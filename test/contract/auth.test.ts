import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { DEMO, TEST_PASSWORD, cookieOf, startApi, type ApiHarness } from '../support/api.ts';

describe.each(testBackends())('auth on $name', (backend) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(backend);
  });
  afterAll(async () => h?.close());

  it('answers the health check', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('signs the demo admin in with an HttpOnly SameSite session cookie and reports who they are', async () => {
    const res = await h.login(DEMO.email, DEMO.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'mosaic_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy(); // plain http in tests; https sets Secure
    expect(res.json()).toMatchObject({
      role: 'admin',
      coalition: { isDemo: true },
      can: { createOrganisation: true },
    });
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookieOf(res) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(DEMO.email);
  });

  it('accepts the email in any case', async () => {
    const res = await h.login(DEMO.email.toUpperCase(), DEMO.password);
    expect(res.statusCode).toBe(200);
  });

  it('says the same thing for an unknown account and a wrong password', async () => {
    const unknown = await h.login('nobody@demo.mosaic.test', 'whatever-password');
    const wrong = await h.login(DEMO.email, 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('rate-limits repeated failures for an account with 429, and lets the right password in after the window', async () => {
    const cookie = await h.userWith('member');
    expect(cookie).toMatch(/^mosaic_session=/);
    const email = (
      await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    ).json().user.email as string;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await h.login(email, `wrong-${i}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[5]).toBe(429);
    const blocked = await h.login(email, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('rate_limited');
    h.clock.advance(16 * 60_000);
    expect((await h.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('logs out: the cookie no longer authenticates', async () => {
    const cookie = await h.adminCookie();
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(200);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('expires sessions after seven days', async () => {
    const cookie = await h.adminCookie();
    h.clock.advance(7 * 86_400_000 + 1000);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('rejects a malformed log-in body naming the field', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        field: 'email',
        code: 'invalid_format',
        params: { format: 'email' },
        message: 'must be an email address',
      },
    ]);
  });
});
