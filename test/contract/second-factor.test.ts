import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { testBackends } from '../support/backends.ts';
import { TEST_PASSWORD, startApi, type ApiHarness } from '../support/api.ts';

describe.each(testBackends())('second factor (TOTP + recovery codes) on $name', (backend) => {
  let h: ApiHarness;
  let cookie: string;
  let email: string;
  let secret: string;
  beforeAll(async () => {
    h = await startApi(backend);
    cookie = await h.userWith('coordinator');
    email = (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()
      .user.email;
  });
  afterAll(async () => h?.close());

  const post = (url: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  const codeAt = (offsetMs = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: h.clock.now.getTime() + offsetMs,
    });
  const login = (code?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD, ...(code === undefined ? {} : { code }) },
    });

  let recovery: string[] = [];

  it('enrols: a secret and otpauth URI, asked for only after a correct first code', async () => {
    const setup = await post('/api/auth/second-factor/setup');
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\/Mosaic:.*secret=/);
    // not confirmed yet: signing in needs no code
    expect((await login()).statusCode).toBe(200);
    const wrong = await post('/api/auth/second-factor/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    const ok = await post('/api/auth/second-factor/confirm', { code: codeAt() });
    expect(ok.statusCode).toBe(200);
    recovery = ok.json().recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    // stored hashed: no recovery code nor its normalised form is in the table
    const rows = await h.store.db.selectFrom('recovery_codes').select('code_hash').execute();
    const stored = JSON.stringify(rows);
    for (const c of recovery) {
      expect(stored).not.toContain(c);
      expect(stored).not.toContain(c.replace('-', ''));
    }
    expect((await post('/api/auth/second-factor/setup')).statusCode).toBe(409);
  });

  it('signing in then needs the code; a wrong code is refused; a code works once', async () => {
    const none = await login();
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('second_factor_required');
    expect(none.cookies.find((c) => c.name === 'mosaic_session')).toBeUndefined();
    const bad = await login('123456' === codeAt() ? '654321' : '123456');
    expect(bad.json().error).toBe('invalid_second_factor');
    h.clock.advance(30_000); // the next step: the confirm code above is spent
    const code = codeAt();
    expect((await login(code)).statusCode).toBe(200);
    expect((await login(code)).statusCode).toBe(401); // replayed within its window
    // a wrong password with a right code still fails, and says nothing about the code
    const wrongPassword = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'not the password', code: codeAt(30_000) },
    });
    expect(wrongPassword.json().error).toBe('invalid_credentials');
  });

  it('a recovery code signs in once, in any case and with or without its dash', async () => {
    const [first, second] = recovery;
    expect((await login(first!.toUpperCase())).statusCode).toBe(200);
    expect((await login(first!)).statusCode).toBe(401);
    expect((await login(second!.replace('-', ''))).statusCode).toBe(200);
    const used = await h.store.db
      .selectFrom('recovery_codes')
      .select('used_at')
      .where('used_at', 'is not', null)
      .execute();
    expect(used).toHaveLength(2);
  });

  it('turning it off needs a current code; then signing in needs none', async () => {
    expect((await post('/api/auth/second-factor/disable', { code: '000000' })).statusCode).toBe(
      422,
    );
    h.clock.advance(30_000);
    expect((await post('/api/auth/second-factor/disable', { code: codeAt() })).statusCode).toBe(
      200,
    );
    expect((await login()).statusCode).toBe(200);
    expect(
      (
        await h.app.inject({ method: 'GET', url: '/api/auth/second-factor', headers: { cookie } })
      ).json(),
    ).toEqual({ enabled: false });
  });
});
