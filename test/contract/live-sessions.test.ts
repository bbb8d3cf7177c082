import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, startInstance, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

/**
 * HOLE-5: live connections outlived sign-out and membership changes. A socket or SSE stream opened
 * under a session must close at once when the session ends or what it acts as changes, and every
 * intent re-reads the session (cached at most 2 s).
 */
describe.each(testBackends())('live connections end with their session on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let port: number;
  let eventId: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    port = await listen(h.app);
    eventId = (await demoEvent(h.app, admin)).id;
  });
  afterAll(async () => h?.close());

  const closed = (c: TestLiveClient, timeoutMs = 1500) =>
    new Promise<number | 'open'>((resolve) => {
      if (c.ws.readyState === c.ws.CLOSED) return resolve(-1);
      const timer = setTimeout(() => resolve('open'), timeoutMs);
      c.ws.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  const userIdOf = async (cookie: string) =>
    (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user
      .id as string;
  const connect = async (cookie: string) => {
    const c = await TestLiveClient.connect(`ws://127.0.0.1:${port}/api/live/${eventId}`, {
      cookie,
    });
    return { c, welcome: (await c.hello()) as Welcome };
  };

  it('removing a coordinator closes their facilitator socket at once; the next request is refused', async () => {
    const coordinator = await h.userWith('coordinator');
    const { c, welcome } = await connect(coordinator);
    expect(welcome.role).toBe('facilitator');
    const id = await userIdOf(coordinator);
    const t0 = performance.now();
    const gone = closed(c);
    await h.app.inject({ method: 'DELETE', url: `/api/members/${id}`, headers: { cookie: admin } });
    expect(await gone).toBe(4003);
    expect(performance.now() - t0).toBeLessThan(1000);
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: coordinator },
    });
    expect(me.statusCode).toBe(401);
  });

  it('signing out closes the socket', async () => {
    const coordinator = await h.userWith('coordinator');
    const { c } = await connect(coordinator);
    const gone = closed(c);
    await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: coordinator },
    });
    expect(await gone).toBe(4003);
  });

  /** A coordinator's facilitator socket, the admin's change to them, and how the socket ended. */
  const changeWhileConnected = async (patch: object) => {
    const coordinator = await h.userWith('coordinator');
    const { c } = await connect(coordinator);
    const gone = closed(c);
    const id = await userIdOf(coordinator);
    await h.app.inject({
      method: 'PATCH',
      url: `/api/members/${id}`,
      headers: { cookie: admin },
      payload: patch,
    });
    return { coordinator, code: await gone };
  };

  it('a role change closes the socket; reconnecting gets the new standing', async () => {
    const { coordinator, code } = await changeWhileConnected({ role: 'viewer' });
    expect(code).toBe(4003);
    const again = await connect(coordinator);
    expect(again.welcome.role).toBe('screen');
    await again.c.close();
  });

  it('suspension and a move to another organisation close the socket', async () => {
    expect((await changeWhileConnected({ suspended: true })).code).toBe(4003);
    const org = (
      await h.store.db
        .selectFrom('organisations')
        .select('id')
        .where('coalition_id', '=', h.coalitionId)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await changeWhileConnected({ organisationId: org })).code).toBe(4003);
  });

  it('a session ended behind the process’s back (another instance, an expiry) refuses the next intent within 2 s', async () => {
    const coordinator = await h.userWith('coordinator');
    const { c } = await connect(coordinator);
    const id = await userIdOf(coordinator);
    await h.store.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    await new Promise((r) => setTimeout(r, 2100));
    const gone = closed(c);
    c.send({
      type: 'intent',
      id: 'after-logout-1',
      intent: { type: 'broadcast', text: 'still here?' },
    });
    expect(await gone).toBe(4003);
    expect(c.messages.some((m) => m.type === 'ack')).toBe(false);
  });

  it('an SSE stream of a signed-in reader ends when they are removed', async () => {
    const member = await h.userWith('member');
    const id = await userIdOf(member);
    const ended = await new Promise<{ ended: Promise<boolean> }>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/api/atlas/stream', headers: { cookie: member } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () =>
            resolve({
              ended: new Promise<boolean>((done) => {
                const timer = setTimeout(() => {
                  req.destroy();
                  done(false);
                }, 1500);
                res.on('end', () => {
                  clearTimeout(timer);
                  done(true);
                });
              }),
            }),
          );
        },
      );
      req.on('error', reject);
    });
    await h.app.inject({ method: 'DELETE', url: `/api/members/${id}`, headers: { cookie: admin } });
    expect(await ended.ended).toBe(true);
  });
});

// Several instances share PostgreSQL: a removal on one closes the socket held by another at once
// (LISTEN/NOTIFY), not only at its next intent.
describe.each(testBackends().filter((b) => b.name === 'postgres'))(
  'across instances on $name',
  (backend) => {
    let h: ApiHarness;
    let other: Awaited<ReturnType<typeof startInstance>>;
    beforeAll(async () => {
      h = await startApi(backend);
      await h.app.ready();
      other = await startInstance(h);
    });
    afterAll(async () => {
      await other?.close();
      await h?.close();
    });

    it('removal on one instance closes the socket on the other', async () => {
      const admin = await h.adminCookie();
      const eventId = (await demoEvent(h.app, admin)).id;
      const coordinator = await h.userWith('coordinator');
      const c = await TestLiveClient.connect(`ws://127.0.0.1:${other.port}/api/live/${eventId}`, {
        cookie: coordinator,
      });
      expect(((await c.hello()) as Welcome).role).toBe('facilitator');
      const id = (
        await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: coordinator } })
      ).json().user.id as string;
      const gone = new Promise<number | 'open'>((resolve) => {
        const timer = setTimeout(() => resolve('open'), 1500);
        c.ws.once('close', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      await h.app.inject({
        method: 'DELETE',
        url: `/api/members/${id}`,
        headers: { cookie: admin },
      });
      expect(await gone).toBe(4003);
    });
  },
);
