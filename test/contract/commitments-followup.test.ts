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
    expect(dry.stdout).toMatch(/No contact address for Kathmandu Returnee Network \(demo\)/);
    expect(dry.stdout).toContain('Dry run: 1 email would be sent; nothing was sent.');
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
    expect(sent.stdout).toContain('Sent 1 email.');
    const m = await smtp.next('andaman@fishers.example.org');
    expect(bodyOf(m.raw)).toContain('Joint inspections of fishing boats in Songkhla');
    expect(bodyOf(m.raw)).toContain('https://mosaic.example.org/commitments/');
  }, 120_000);
});
