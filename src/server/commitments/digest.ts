/**
 * The follow-up digest (issue 14): one email per owner organisation with commitments due, overdue
 * or not updated for 30/60/90 days, to the organisation's contact (its public contact when that is
 * an email address, else its members). Sent through the SMTP the server is configured with
 * (src/server/mail.ts); without SMTP, and in a dry run, the same mails are answered, not sent.
 */
import type { DigestMail, DigestResult, FollowUpItem } from '../../contract/commitments.ts';
import { can, type Actor } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { audit } from '../db/repos/accounts.ts';
import { organisationContacts } from '../db/repos/commitments.ts';
import { forbidden, unauthenticated } from '../http/errors.ts';
import type { Mailer } from '../mail.ts';
import { followUpOf } from './service.ts';

const REASON_TEXT: Record<FollowUpItem['reasons'][number], string> = {
  due: 'due today',
  overdue: 'overdue',
  stale30: 'not updated for 30 days',
  stale60: 'not updated for 60 days',
  stale90: 'not updated for 90 days',
};

const STATUS_TEXT: Record<FollowUpItem['status'], string> = {
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** The digests a coalition's follow-up list makes today, one per owner organisation. */
export async function buildDigests(
  db: Db,
  coalitionId: string,
  now: Date,
  baseUrl: string | undefined,
): Promise<{ mails: DigestMail[]; noContact: { id: string; name: string }[] }> {
  const list = await followUpOf(db, coalitionId, now, null);
  const byOrg = new Map<string, FollowUpItem[]>();
  for (const c of list.items) byOrg.set(c.owner.id, [...(byOrg.get(c.owner.id) ?? []), c]);
  const mails: DigestMail[] = [];
  const noContact: { id: string; name: string }[] = [];
  const orgs = [...byOrg.values()].sort((a, b) => a[0]!.owner.name.localeCompare(b[0]!.owner.name));
  for (const items of orgs) {
    const org = items[0]!.owner;
    const to = await organisationContacts(db, coalitionId, org.id);
    if (to.length === 0) {
      noContact.push(org);
      continue;
    }
    const lines = items.map((c) => {
      const url = baseUrl ? `\n    ${baseUrl.replace(/\/$/, '')}/commitments/${c.id}` : '';
      const group = c.groupLabel ? ` (${c.groupLabel})` : '';
      return `- ${c.title}${group}\n    target ${c.targetDate}, ${STATUS_TEXT[c.status]}; ${c.reasons.map((r) => REASON_TEXT[r]).join(', ')}${url}`;
    });
    mails.push({
      organisation: org,
      to,
      subject: `Mosaic follow-up: ${items.length} commitment${items.length === 1 ? '' : 's'} of ${org.name}`,
      text: [
        `Hello ${org.name},`,
        '',
        `These commitments of yours need a status update (as of ${list.today}):`,
        '',
        ...lines,
        '',
        'Please open each one in Mosaic and report its status with a short progress note.',
        '',
        '-- Mosaic',
      ].join('\n'),
      commitments: items.length,
    });
  }
  return { mails, noContact };
}

/** Sends the digests; answers how many were sent. Stops at the first mail SMTP refuses. */
export async function deliver(mailer: Mailer, mails: readonly DigestMail[]): Promise<number> {
  let sent = 0;
  for (const m of mails) {
    await mailer.send({ to: m.to.join(', '), subject: m.subject, text: m.text });
    sent++;
  }
  return sent;
}

export async function sendDigest(
  ctx: AppContext,
  actor: Actor,
  dryRun: boolean,
): Promise<DigestResult> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const record = {
    coalitionId: actor.coalitionId,
    owningOrganisationId: null,
    visibility: 'coalition' as const,
  };
  if (!can(actor, 'create', 'followup', record)) throw forbidden();
  const now = ctx.now();
  const { mails, noContact } = await buildDigests(ctx.db, actor.coalitionId, now, ctx.publicUrl);
  const smtp = ctx.mailer !== undefined;
  const sent = !dryRun && ctx.mailer ? await deliver(ctx.mailer, mails) : 0;
  if (sent > 0)
    await audit(
      ctx.db,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'send',
        resource: 'followup',
        recordId: null,
      },
      now.toISOString(),
    );
  return { dryRun, smtp, sent, mails, noContact };
}
