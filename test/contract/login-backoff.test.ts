/**
 * Issue 10, hole 9: lockout as a weapon. Wrong passwords from strangers slow guessing at an account
 * but never lock its owner out of a device they signed in from before; one address (a venue's
 * Wi-Fi) is never locked; the answers never tell whether an account exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testBackends } from '../support/backends.ts';
import { DEMO, TEST_PASSWORD, startApi, type ApiHarness } from '../support/api.ts';

/** The browser's device cookie after a sign-in (HttpOnly, sent to the sign-in routes only). */
const deviceOf = (res: LightMyRequestResponse) => {
  const c = res.cookies.find((x) => x.name === 'mosaic_device');
  expect(res.statusCode).toBe(200);
  expect(c).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Strict' });
  return `mosaic_device=${c?.value}`;
};

describe.each(testBackends())('sign-in back-off on $name', (backend) => {
  let h: ApiHarness;
  const login = (email: string, password: string, cookie?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      headers: cookie ? { cookie } : {},
    });
  const emailOf = async (cookie: string) =>
    (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user
      .email as string;
  beforeAll(async () => {
    h = await startApi(backend);
  });
  afterAll(async () => h?.close());

  it("a stranger's wrong passwords do not lock the admin out of a device they used before", async () => {
    const signedIn = await login(DEMO.email, DEMO.password);
    const device = `mosaic_device=${signedIn.cookies.find((c) => c.name === 'mosaic_device')?.value}`;
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login(DEMO.email, `guess-${i}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[5]).toBe(429); // slowed from the sixth guess on
    // The admin, from the laptop they signed in with before: straight in, at once.
    const mine = await login(DEMO.email, DEMO.password, device);
    expect(mine.statusCode).toBe(200);
    // From a new device they wait, told how long (not 15 minutes after five guesses).
    const fresh = await login(DEMO.email, DEMO.password);
    expect(fresh.statusCode).toBe(429);
    const retry = Number(fresh.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    h.clock.advance(retry * 1000);
    expect((await login(DEMO.email, DEMO.password)).statusCode).toBe(200);
  });

  it('wrong passwords from a known device slow that device only', async () => {
    const email = await emailOf(await h.userWith('member'));
    const device = deviceOf(await login(email, TEST_PASSWORD));
    for (let i = 0; i < 5; i++) expect((await login(email, `x-${i}`, device)).statusCode).toBe(401);
    expect((await login(email, TEST_PASSWORD, device)).statusCode).toBe(429);
    // The account's other devices are untouched by it.
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('thirty failures behind one address do not lock the venue', async () => {
    for (let i = 0; i < 40; i++)
      expect((await login(`typo${i}@venue.example`, 'wrong-password')).statusCode).toBe(401);
    const email = await emailOf(await h.userWith('coordinator'));
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same for an unknown and a real account while slowing both', async () => {
    const real = await emailOf(await h.userWith('viewer'));
    const unknown = 'no-such-person@demo.mosaic.test';
    for (let i = 0; i < 8; i++) {
      const a = await login(real, `guess-${i}`);
      const b = await login(unknown, `guess-${i}`);
      expect([a.statusCode, a.headers['retry-after']]).toEqual([
        b.statusCode,
        b.headers['retry-after'],
      ]);
      expect(a.json()).toEqual(b.json());
      expect(a.cookies).toEqual([]);
    }
  });
});
