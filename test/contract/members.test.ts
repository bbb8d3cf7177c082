import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { TEST_PASSWORD, cookieOf, startApi, type ApiHarness } from '../support/api.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import {
  insertCoalition,
  insertMembership,
  insertUser,
} from '../../src/server/db/repos/accounts.ts';
import type { InviteAnswer, MemberList } from '../../src/contract/members.ts';

const tokenOf = (link: string) => link.split('#')[1]!;

describe.each(testBackends())('invitations and members on $name', (backend) => {
  let h: ApiHarness;
  let smtp: TestSmtp;
  let admin: string;
  /** Admin of another coalition, "B". */
  let otherAdmin: string;
  let otherOrg: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startApi(backend);
    admin = await h.adminCookie();
    const at = h.clock.now.toISOString();
    const hash = await hashPassword(TEST_PASSWORD);
    await h.store.db.transaction().execute(async (trx) => {
      const c = await insertCoalition(trx, { name: 'Coalition B', slug: 'b', isDemo: false }, at);
      const u = await insertUser(
        trx,
        { email: 'admin@b.mosaic.test', displayName: 'B admin', passwordHash: hash },
        at,
      );
      await insertMembership(
        trx,
        { userId: u, coalitionId: c, role: 'admin', organisationId: null },
        at,
      );
      otherOrg = 'b0000000-0000-4000-8000-000000000001';
      await trx
        .insertInto('organisations')
        .values({
          id: otherOrg,
          coalition_id: c,
          name: 'B org',
          type: 'NGO',
          website: null,
          public_contact: null,
          description: '',
          visibility: 'coalition',
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
    });
    otherAdmin = cookieOf(await h.login('admin@b.mosaic.test', TEST_PASSWORD));
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
  ) => h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
  const invite = (cookie: string, body: object) => inject('POST', '/api/invitations', cookie, body);
  const accept = (token: string, password = 'a new long password') =>
    inject('POST', '/api/invitations/accept', undefined, {
      token,
      password,
      displayName: 'New One',
    });
  const members = async (cookie = admin) =>
    (await inject('GET', '/api/members', cookie)).json<MemberList>();
  const memberId = async (email: string) =>
    (await members()).members.find((m) => m.email === email)!.userId;

  it('without SMTP the link is answered to copy; it joins once, with the invited role', async () => {
    const res = await invite(admin, { email: 'Joiner@Example.org', role: 'member' });
    expect(res.statusCode).toBe(201);
    const answer = res.json<InviteAnswer>();
    expect(answer).toMatchObject({
      emailed: false,
      invitation: { email: 'joiner@example.org', role: 'member' },
    });
    const token = tokenOf(answer.link!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // only the hash is stored
    const stored = await h.store.db.selectFrom('invitations').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    const preview = await inject('POST', '/api/invitations/preview', undefined, { token });
    expect(preview.json()).toMatchObject({
      email: 'joiner@example.org',
      role: 'member',
      existingAccount: false,
    });
    expect((await accept(token)).statusCode).toBe(200);
    // single use
    const again = await accept(token);
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toBe('invalid_link');
    const login = await h.login('joiner@example.org', 'a new long password');
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ role: 'member', coalition: { isDemo: true } });
    const audit = await h.store.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['member.invite', 'member.join']),
    );
  });

  it('a link expires after 72 hours (the database query decides)', async () => {
    const answer = (
      await invite(admin, { email: 'late@example.org', role: 'viewer' })
    ).json<InviteAnswer>();
    h.clock.advance(72 * 3_600_000 + 1000);
    try {
      expect(
        (
          await inject('POST', '/api/invitations/preview', undefined, {
            token: tokenOf(answer.link!),
          })
        ).statusCode,
      ).toBe(404);
      expect((await accept(tokenOf(answer.link!))).statusCode).toBe(404);
    } finally {
      h.clock.advance(-(72 * 3_600_000 + 1000));
    }
    // and a withdrawn one stops at once
    const w = (
      await invite(admin, { email: 'withdrawn@example.org', role: 'viewer' })
    ).json<InviteAnswer>();
    expect((await inject('DELETE', `/api/invitations/${w.invitation.id}`, admin)).statusCode).toBe(
      200,
    );
    expect((await accept(tokenOf(w.link!))).statusCode).toBe(404);
  });

  it('two accepts racing on one link: exactly one joins', async () => {
    const answer = (
      await invite(admin, { email: 'racer@example.org', role: 'viewer' })
    ).json<InviteAnswer>();
    const codes = await Promise.all([accept(tokenOf(answer.link!)), accept(tokenOf(answer.link!))]);
    expect(codes.map((c) => c.statusCode).sort()).toEqual([200, 404]);
  });

  it('role escalation is refused: a coordinator never invites, makes or touches an admin; members and viewers manage nobody', async () => {
    const coordinator = await h.userWith('coordinator');
    expect(
      (await invite(coordinator, { email: 'boss@example.org', role: 'admin' })).statusCode,
    ).toBe(403);
    expect(
      (await invite(coordinator, { email: 'helper@example.org', role: 'coordinator' })).statusCode,
    ).toBe(201);
    const memberCookie = await h.userWith('member');
    expect(
      (await invite(memberCookie, { email: 'x@example.org', role: 'viewer' })).statusCode,
    ).toBe(403);
    expect((await inject('GET', '/api/members', memberCookie)).statusCode).toBe(403);
    expect((await inject('GET', '/api/members')).statusCode).toBe(401);
    const list = await members(coordinator);
    expect(list.grantableRoles).not.toContain('admin');
    const theAdmin = list.members.find((m) => m.role === 'admin')!;
    expect(theAdmin.can).toEqual({ update: false, remove: false });
    expect(
      (await inject('PATCH', `/api/members/${theAdmin.userId}`, coordinator, { role: 'viewer' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject('DELETE', `/api/members/${theAdmin.userId}`, coordinator)).statusCode,
    ).toBe(403);
    const someMember = list.members.find(
      (m) => m.role === 'member' && m.email.endsWith('@test.mosaic.test'),
    )!;
    expect(
      (await inject('PATCH', `/api/members/${someMember.userId}`, coordinator, { role: 'admin' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject('PATCH', `/api/members/${someMember.userId}`, coordinator, { role: 'viewer' }))
        .statusCode,
    ).toBe(200);
    // nobody changes their own membership (the last admin cannot lock the coalition out)
    const me = list.members.find((m) => m.role === 'coordinator' && !m.can.update)!;
    expect(
      (await inject('PATCH', `/api/members/${me.userId}`, coordinator, { role: 'member' }))
        .statusCode,
    ).toBe(409);
  });

  it('an admin of coalition B never reaches coalition A: members, invitations and organisations', async () => {
    const target = await memberId('joiner@example.org');
    expect(
      (await inject('PATCH', `/api/members/${target}`, otherAdmin, { suspended: true })).statusCode,
    ).toBe(404);
    expect((await inject('DELETE', `/api/members/${target}`, otherAdmin)).statusCode).toBe(404);
    const listB = await members(otherAdmin);
    expect(listB.members.map((m) => m.email)).toEqual(['admin@b.mosaic.test']);
    const a = (
      await invite(admin, { email: 'only-a@example.org', role: 'viewer' })
    ).json<InviteAnswer>();
    expect(
      (await inject('DELETE', `/api/invitations/${a.invitation.id}`, otherAdmin)).statusCode,
    ).toBe(404);
    // A's admin cannot place an invitee in B's organisation
    const cross = await invite(admin, {
      email: 'cross@example.org',
      role: 'member',
      organisationId: otherOrg,
    });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().fields[0].field).toBe('organisationId');
    // B's invitation joins B, not A
    const b = (
      await invite(otherAdmin, { email: 'b-member@example.org', role: 'member' })
    ).json<InviteAnswer>();
    await accept(tokenOf(b.link!));
    const me = (await h.login('b-member@example.org', 'a new long password')).json();
    expect(me.coalition.name).toBe('Coalition B');
  });

  it('an existing account joins another coalition with its current password, never a new one', async () => {
    const answer = (
      await invite(otherAdmin, { email: 'joiner@example.org', role: 'viewer' })
    ).json<InviteAnswer>();
    const token = tokenOf(answer.link!);
    expect(
      (await inject('POST', '/api/invitations/preview', undefined, { token })).json()
        .existingAccount,
    ).toBe(true);
    const takeover = await accept(token, 'attacker chosen password');
    expect(takeover.statusCode).toBe(401);
    expect((await h.login('joiner@example.org', 'attacker chosen password')).statusCode).toBe(401);
    expect((await accept(token, 'a new long password')).statusCode).toBe(200);
  });

  it('role change, suspension and removal take effect on the next request', async () => {
    const answer = (
      await invite(admin, { email: 'changer@example.org', role: 'member' })
    ).json<InviteAnswer>();
    await accept(tokenOf(answer.link!));
    const id = await memberId('changer@example.org');
    const cookie = cookieOf(await h.login('changer@example.org', 'a new long password'));
    const me = () => inject('GET', '/api/auth/me', cookie);
    expect((await me()).json().role).toBe('member');
    expect(
      (await inject('PATCH', `/api/members/${id}`, admin, { role: 'viewer' })).json(),
    ).toMatchObject({ role: 'viewer' });
    expect((await me()).json().role).toBe('viewer');
    expect(
      (await inject('PATCH', `/api/members/${id}`, admin, { suspended: true })).json().suspended,
    ).toBe(true);
    expect((await me()).statusCode).toBe(401);
    expect((await h.login('changer@example.org', 'a new long password')).statusCode).toBe(401);
    await inject('PATCH', `/api/members/${id}`, admin, { suspended: false });
    const again = cookieOf(await h.login('changer@example.org', 'a new long password'));
    expect((await inject('DELETE', `/api/members/${id}`, admin)).statusCode).toBe(200);
    expect((await inject('GET', '/api/auth/me', again)).statusCode).toBe(401);
    const actions = (
      await h.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', id)
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'member.role:member->viewer',
        'member.suspend',
        'member.reinstate',
        'member.remove',
      ]),
    );
  });

  it('bad input names the field', async () => {
    const res = await invite(admin, { email: 'not an email', role: 'boss' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/email/);
    const short = await accept('x'.repeat(43), 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/password/);
  });
});

describe.each(testBackends())('emailed links and password reset on $name', (backend) => {
  let h: ApiHarness;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startApi(backend, { mailer: smtp.mailer(), publicUrl: 'https://mosaic.example.org' });
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('with SMTP the invitation is emailed (to the local SMTP server), never answered', async () => {
    const admin = await h.adminCookie();
    const before = smtp.messages.length;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: admin, host: 'evil.example' },
      payload: { email: 'mailed@example.org', role: 'member' },
    });
    expect(res.json()).toMatchObject({ emailed: true });
    expect(res.json().link).toBeUndefined();
    const mail = await smtp.next('mailed@example.org', before);
    const link = smtp.linkIn(mail);
    expect(link.startsWith('https://mosaic.example.org/invite#')).toBe(true);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: tokenOf(link), password: 'mailed person password' },
    });
    expect(ok.statusCode).toBe(200);
  });

  const resetRequest = (email: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/reset/request', payload: { email } });

  it('reset: the same answer in the same order of time whether or not the account exists', async () => {
    const known = 'mailed@example.org';
    const a = await resetRequest(known);
    const b = await resetRequest('nobody-here@example.org');
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    const time = async (email: string) => {
      const t0 = performance.now();
      await resetRequest(email);
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const k: number[] = [];
    const u: number[] = [];
    const settle = () => new Promise((r) => setTimeout(r, 30)); // let the work after the answer end
    for (let i = 0; i < 15; i++) {
      k.push(await time(known));
      await settle();
      u.push(await time(`nobody-${i}@example.org`));
      await settle();
    }
    const ratio = median(k) / median(u);
    console.log(
      `[reset timing ${backend.name}] known ${median(k).toFixed(2)} ms, unknown ${median(u).toFixed(2)} ms`,
    );
    expect(ratio).toBeLessThan(10);
    expect(ratio).toBeGreaterThan(0.1);
  });

  it('reset: the emailed link sets a new password once, ends every session, expires after an hour', async () => {
    const email = 'mailed@example.org';
    const old = cookieOf(await h.login(email, 'mailed person password'));
    const before = smtp.messages.length;
    await resetRequest(email);
    const link = smtp.linkIn(await smtp.next(email, before));
    expect(link.startsWith('https://mosaic.example.org/reset#')).toBe(true);
    const complete = (password: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/reset/complete',
        payload: { token: tokenOf(link), password },
      });
    expect((await complete('brand new password 1')).statusCode).toBe(200);
    expect((await complete('brand new password 2')).statusCode).toBe(404);
    expect((await h.login(email, 'mailed person password')).statusCode).toBe(401);
    expect((await h.login(email, 'brand new password 1')).statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: old } }))
        .statusCode,
    ).toBe(401);
    // an hour later a fresh link no longer works
    const n = smtp.messages.length;
    await resetRequest(email);
    const late = smtp.linkIn(await smtp.next(email, n));
    h.clock.advance(61 * 60_000);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/reset/complete',
      payload: { token: tokenOf(late), password: 'too late password' },
    });
    expect(res.statusCode).toBe(404);
  });
});
