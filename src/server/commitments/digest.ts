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
import { audit, chosenLanguages, findCoalition } from '../db/repos/accounts.ts';
import { mailT } from '../i18n/index.ts';
import type { MailLanguage } from '../../contract/constants.ts';
import { organisationContacts } from '../db/repos/commitments.ts';
import { forbidden, unauthenticated } from '../http/errors.ts';
import type { Mailer } from '../mail.ts';
import { followUpOf } from './service.ts';

/**
 * The digests a coalition's follow-up list makes today, one per owner organisation and language:
 * each recipient reads it in the language they chose in the app, else the coalition's (an
 * organisation whose members chose different languages gets one mail per language).
 */
export async function buildDigests(
  db: Db,
  coalitionId: string,
  now: Date,
  baseUrl: string | undefined,
): Promise<{ mails: DigestMail[]; noContact: { id: string; name: string }[] }> {
  const [list, coalition] = await Promise.all([
    followUpOf(db, coalitionId, now, null),
    findCoalition(db, coalitionId),
  ]);
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
    const chosen = await chosenLanguages(db, to);
    const byLanguage = new Map<MailLanguage, string[]>();
    for (const address of to) {
      const l = chosen.get(address) ?? coalition?.language ?? 'en';
      byLanguage.set(l, [...(byLanguage.get(l) ?? []), address]);
    }
    for (const [language, recipients] of byLanguage)
      mails.push(digestMail(language, org, recipients, items, list.today, baseUrl));
  }
  return { mails, noContact };
}

function digestMail(
  language: MailLanguage,
  org: { id: string; name: string },
  to: string[],
  items: FollowUpItem[],
  today: string,
  baseUrl: string | undefined,
): DigestMail {
  const t = mailT(language);
  const lines = items.map((c) => {
    const url = baseUrl ? `\n    ${baseUrl.replace(/\/$/, '')}/commitments/${c.id}` : '';
    const group = c.groupLabel ? ` (${c.groupLabel})` : '';
    const what = t('digest.line', {
      date: c.targetDate,
      status: t(`digest.status.${c.status}`),
      reasons: c.reasons.map((r) => t(`digest.reasons.${r}`)).join(', '),
    });
    return `- ${c.title}${group}\n    ${what}${url}`;
  });
  const n = items.length;
  return {
    organisation: org,
    to,
    language,
    subject: t(n === 1 ? 'digest.subjectOne' : 'digest.subjectMany', {
      count: n,
      organisation: org.name,
    }),
    text: [
      t('digest.hello', { organisation: org.name }),
      '',
      t('digest.intro', { date: today }),
      '',
      ...lines,
      '',
      t('digest.ask'),
      '',
      t('digest.signature'),
    ].join('\n'),
    commitments: n,
  };
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
