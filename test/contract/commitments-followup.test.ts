import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEvent, startApi, type ApiHarness } from '../support/api.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import type {
  CommitmentDetail,
  CommitmentList,
  DigestResult,
  FollowUpList,
  Progress,
} from '../../src/contract/commitments.ts';
import { migrateToLatest, openDb } from '../../src/server/db/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';

const DAY = 86_400_000;

/** The body of a message with quoted-printable soft breaks and =XX escapes undone. */
const bodyOf = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8'); // prettier-ignore

/** The text of a single-part message, base64 or quoted-printable (nodemailer picks by content). */
const textOf = (raw: string) => {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  return /^Content-Transfer-Encoding:\s*base64/im.test(head!) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : bodyOf(body);
}; // prettier-ignore

/** The Subject header with RFC 2047 encoded words (=?UTF-8?B|Q?…?=) decoded. */
const subjectOf = (raw: string) => {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1]!;
  return header
    .replace(/\?=\r?\n[ \t]+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    )
    .replace(/\r?\n[ \t]+/g, ' ');
}; // prettier-ignore

describe.each(testBackends())('follow-up digest on $name', (backend) => {
  let h: ApiHarness;
  let smtp: TestSmtp;
  let admin: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startApi(backend, { mailer: smtp.mailer(), publicUrl: 'https://mosaic.example.org' });
    admin = await h.adminCookie();
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: admin },
      ...(payload !== undefined && { payload: payload as object }),
    });

  it('the demo event has roadmaps: commitments of several groups, some overdue, one not updated for 90 days', async () => {
    const event = await demoEvent(h.app, admin);
    const list = (await call('GET', `/api/commitments?eventId=${event.id}`)).json<CommitmentList>();
    expect(new Set(list.items.map((c) => c.groupKey)).size).toBeGreaterThanOrEqual(4);
    for (const c of list.items) expect(event.expertiseGroups.map((g) => g.key)).toContain(c.groupKey);
    expect(list.items.filter((c) => c.state.overdue).length).toBeGreaterThanOrEqual(2);
    const promoted = list.items.find((c) => c.links.some((l) => l.kind === 'card' && l.source))!;
    const detail = (await call('GET', `/api/commitments/${promoted.id}`)).json<CommitmentDetail>();
    expect(detail.timeline[0]).toMatchObject({ kind: 'source', what: 'card' });
    const follow = (await call('GET', '/api/commitments/follow-up')).json<FollowUpList>();
    expect(follow.items.some((c) => c.reasons.includes('stale90'))).toBe(true);
    const p = (await call('GET', '/api/commitments/progress')).json<Progress>();
    expect(p.all.stale90).toBeGreaterThanOrEqual(1);
    expect(p.byGroup.filter((g) => g.eventId === event.id).length).toBeGreaterThanOrEqual(4);
  }); // prettier-ignore

  it('sends each owner organisation one digest to its contact, through a real SMTP server; a dry run sends nothing', async () => {
    const org = async (name: string, publicContact: string | null) =>
      (await call('POST', '/api/organisations', { name, type: 'NGO', visibility: 'coalition', publicContact })).json<{ id: string }>().id;
    const withContact = await org('Digest Org With Contact', 'Follow-Up@digest.example.org');
    const withMember = await org('Digest Org With Member', 'a phone number, not an email');
    await h.userWith('member', withMember);
    const email = (await h.store.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('users.email').where('memberships.organisation_id', '=', withMember).executeTakeFirstOrThrow()).email;
    const today = h.clock.now.toISOString().slice(0, 10);
    const mk = (title: string, owner: string, targetDate: string) =>
      call('POST', '/api/commitments', { title, ownerOrganisationId: owner, targetDate });
    const overdue = (await mk('Digest: overdue one', withContact, '2026-11-01')).json<CommitmentDetail>();
    await mk('Digest: on time', withContact, '2027-06-01');
    await mk('Digest: the member’s one — ภาษาไทย', withMember, today);

    const before = smtp.messages.length;
    const dry = (await call('POST', '/api/commitments/follow-up/digest', { dryRun: true })).json<DigestResult>();
    expect(dry).toMatchObject({ dryRun: true, smtp: true, sent: 0 });
    const mine = dry.mails.filter((m) => [withContact, withMember].includes(m.organisation.id));
    expect(mine.map((m) => [m.organisation.name, m.to, m.commitments])).toEqual([
      ['Digest Org With Contact', ['follow-up@digest.example.org'], 1],
      ['Digest Org With Member', [email], 1],
    ]);
    expect(mine[0]!.text).toContain('Digest: overdue one');
    expect(mine[0]!.text).not.toContain('Digest: on time');
    expect(mine[0]!.text).toContain(`https://mosaic.example.org/commitments/${overdue.id}`);
    expect(smtp.messages.length).toBe(before);

    const sent = (await call('POST', '/api/commitments/follow-up/digest', { dryRun: false })).json<DigestResult>();
    expect(sent.sent).toBe(sent.mails.length);
    const a = await smtp.next('follow-up@digest.example.org', before);
    expect(bodyOf(a.raw)).toContain('Digest: overdue one');
    const b = await smtp.next(email, before);
    expect(bodyOf(b.raw)).toContain('Digest: the member’s one — ภาษาไทย');
    expect(smtp.messages.length - before).toBe(sent.mails.length);
    // A month on with no news, the on-time one is on the list too (not updated for 30 days).
    h.clock.advance(30 * DAY);
    admin = await h.adminCookie();
    const later = (await call('POST', '/api/commitments/follow-up/digest', { dryRun: true })).json<DigestResult>();
    expect(later.mails.find((m) => m.organisation.id === withContact)!.commitments).toBe(2);
  }); // prettier-ignore

  it('writes each recipient in their language: the one they chose in the app, else the coalition’s — digests and password resets, through SMTP', async () => {
    const orgId = (await call('POST', '/api/organisations', { name: 'Digest Org Two Languages', type: 'NGO', visibility: 'coalition', publicContact: null })).json<{ id: string }>().id;
    const thai = await h.userWith('member', orgId);
    const plain = await h.userWith('member', orgId);
    const emailOf = async (cookie: string) => (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<{ user: { email: string } }>().user.email;
    const [thaiEmail, plainEmail] = [await emailOf(thai), await emailOf(plain)];
    const chose = await h.app.inject({ method: 'PUT', url: '/api/auth/me/language', headers: { cookie: thai }, payload: { language: 'th' } });
    expect(chose.statusCode, chose.body).toBe(200);
    const bad = await h.app.inject({ method: 'PUT', url: '/api/auth/me/language', headers: { cookie: thai }, payload: { language: 'xx' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('language');
    const anonymous = await h.app.inject({ method: 'PUT', url: '/api/auth/me/language', payload: { language: 'th' } });
    expect(anonymous.statusCode).toBe(401);
    await call('POST', '/api/commitments', { title: 'Two languages: one commitment', ownerOrganisationId: orgId, targetDate: h.clock.now.toISOString().slice(0, 10) });

    const digestOf = async () => (await call('POST', '/api/commitments/follow-up/digest', { dryRun: true })).json<DigestResult>().mails.filter((m) => m.organisation.id === orgId);
    const mails = await digestOf();
    expect(mails.map((m) => [m.language, m.to])).toEqual([['th', [thaiEmail]], ['en', [plainEmail]]]);
    const [th, en] = mails;
    expect(th!.subject).toBe('ติดตามผล Mosaic: พันธสัญญา 1 รายการของ Digest Org Two Languages');
    expect(th!.text).toContain('ครบกำหนดวันนี้');
    expect(th!.text).toContain('วางแผนแล้ว');
    expect(th!.text).not.toMatch(/need a status update|due today|planned/);
    expect(en!.subject).toBe('Mosaic follow-up: 1 commitment of Digest Org Two Languages');
    expect(en!.text).toContain('due today');

    // The coalition writes in Thai: whoever has not chosen reads Thai too (one mail).
    const coalitionId = (await h.store.db.selectFrom('organisations').select('coalition_id').where('id', '=', orgId).executeTakeFirstOrThrow()).coalition_id;
    await h.store.db.updateTable('coalitions').set({ language: 'th' }).where('id', '=', coalitionId).execute();
    try {
      const both = await digestOf();
      expect(both.map((m) => [m.language, [...m.to].sort()])).toEqual([['th', [thaiEmail, plainEmail].sort()]]);
      // Sent through the SMTP server: the digest, and a password reset, in Thai.
      const before = smtp.messages.length;
      const sent = (await call('POST', '/api/commitments/follow-up/digest', { dryRun: false })).json<DigestResult>();
      expect(sent.sent).toBe(sent.mails.length);
      const got = await smtp.next(plainEmail, before);
      expect(subjectOf(got.raw)).toBe('ติดตามผล Mosaic: พันธสัญญา 1 รายการของ Digest Org Two Languages');
      expect(textOf(got.raw)).toContain('ครบกำหนดวันนี้');
      const atReset = smtp.messages.length;
      const reset = await h.app.inject({ method: 'POST', url: '/api/auth/reset/request', payload: { email: plainEmail } });
      expect(reset.statusCode, reset.body).toBe(202);
      const mail = await smtp.next(plainEmail, atReset);
      expect(subjectOf(mail.raw)).toBe('ตั้งรหัสผ่าน Mosaic ใหม่');
      expect(textOf(mail.raw)).toContain('ภายใน 60 นาที');
      expect(textOf(mail.raw)).toMatch(/^https:\/\/mosaic\.example\.org\/reset#\S+$/m);
    } finally {
      await h.store.db.updateTable('coalitions').set({ language: 'en' }).where('id', '=', coalitionId).execute();
    }
    // English coalition, no choice made: the reset is in English.
    const atEnglish = smtp.messages.length;
    await h.app.inject({ method: 'POST', url: '/api/auth/reset/request', payload: { email: plainEmail } });
    const english = await smtp.next(plainEmail, atEnglish);
    expect(subjectOf(english.raw)).toBe('Reset your Mosaic password');
  }); // prettier-ignore
});

describe('mosaic followup', () => {
  let dir: string;
  let smtp: TestSmtp;
  const root = path.resolve(import.meta.dirname, '../..');
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-followup-'));
    const { db } = openDb({ dataDir: dir });
    await migrateToLatest(db);
    await seedDemo(db, new Date('2026-11-28T09:00:00Z'));
    // one organisation of the demo gets an email contact
    await db.updateTable('organisations').set({ public_contact: 'andaman@fishers.example.org' }).where('name', '=', 'Andaman Fishers Watch (demo)').execute();
    await db.destroy();
    smtp = await startSmtp();
  }); // prettier-ignore
  afterAll(async () => {
    await smtp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'followup', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', MOSAIC_DATA: dir, ...env },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    ); // prettier-ignore

  it('--dry-run prints what would be sent; without SMTP it refuses to send; with SMTP it sends', async () => {
    const dry = await run(['--coalition', 'demo', '--dry-run', '--date', '2026-12-20']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('To: andaman@fishers.example.org');
    expect(dry.stdout).toContain('Joint inspections of fishing boats in Songkhla');
    expect(dry.stdout).toContain('overdue');
    // Every demo organisation has a (made-up, example.org) contact: a digest for each owner.
    expect(dry.stdout).toContain('To: follow-up@kathmandu-returnee-network.example.org');
    expect(dry.stdout).toContain('Shelter standards for survivors returning to Kathmandu');
    expect(dry.stdout).not.toContain('No contact address');
    expect(dry.stdout).toContain('Dry run: 3 emails would be sent; nothing was sent.');
    expect(smtp.messages).toHaveLength(0);
    // `mosaic followup --dry-run` as the issue writes it: the first coalition when none is named.
    const plain = await run(['--dry-run', '--date', '2026-12-20']);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toBe(dry.stdout);
    const unknown = await run(['--coalition', 'nope', '--dry-run']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no coalition "nope"');

    const bad = await run(['--coalition', 'demo', '--dry-run', '--date', '2026-02-30']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--date must be a date as YYYY-MM-DD');
    const noSmtp = await run(['--coalition', 'demo']);
    expect(noSmtp.code).not.toBe(0);
    expect(noSmtp.stderr).toContain('SMTP is not configured');

    const sent = await run(['--coalition', 'demo', '--date', '2026-12-20'], {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Mosaic <mosaic@test.mosaic.test>',
      PUBLIC_URL: 'https://mosaic.example.org',
    });
    expect(sent.stderr).toBe('');
    expect(sent.stdout).toContain('Sent 3 emails.');
    const m = await smtp.next('andaman@fishers.example.org');
    expect(bodyOf(m.raw)).toContain('Joint inspections of fishing boats in Songkhla');
    expect(bodyOf(m.raw)).toContain('https://mosaic.example.org/commitments/');
  }, 120_000);
});
