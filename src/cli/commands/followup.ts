/**
 * `mosaic followup`: the follow-up digest (issue 14) from the command line — one email per owner
 * organisation with commitments due, overdue or not updated for 30/60/90 days. `--dry-run` prints
 * what would be sent; without it the mails go through the SMTP server configured in the
 * environment (SMTP_URL or SMTP_HOST…, SMTP_FROM, PUBLIC_URL), as the server sends them.
 */
import type { Command } from 'commander';
import { isoDate } from '../../contract/common.ts';
import { buildDigests, deliver } from '../../server/commitments/digest.ts';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { smtpMailer } from '../../server/mail.ts';
import { commandCoalition } from '../coalition.ts';
import { CliError } from '../errors.ts';

export function registerFollowup(program: Command): void {
  program
    .command('followup')
    .description(
      "Send each owner organisation's contact a digest of its commitments that are due, overdue or not updated for 30/60/90 days (database from DATABASE_URL or the data folder; SMTP from SMTP_URL or SMTP_HOST, SMTP_FROM and PUBLIC_URL)",
    )
    .option(
      '--coalition <slug>',
      'the coalition whose commitments to follow up (default: the first one made)',
    )
    .option('--dry-run', 'print what would be sent, send nothing')
    .option('--date <YYYY-MM-DD>', 'follow up as of this day (default: today, UTC)')
    .action(async (o: { coalition?: string; dryRun?: boolean; date?: string }) => {
      let now = new Date();
      if (o.date !== undefined) {
        const d = isoDate.safeParse(o.date);
        if (!d.success) throw new CliError(`--date must be a date as YYYY-MM-DD (got "${o.date}")`);
        now = new Date(`${o.date}T12:00:00Z`);
      }
      const config = configFromEnv();
      if (!o.dryRun && !config.smtp)
        throw new CliError(
          'SMTP is not configured: set SMTP_URL (or SMTP_HOST), SMTP_FROM and PUBLIC_URL, or run with --dry-run to see what would be sent',
        );
      const { db } = openDb(config);
      try {
        await migrateToLatest(db);
        // As `mosaic export` and `mosaic import`: the first coalition unless one is named.
        const { coalition } = await commandCoalition(db, o.coalition);
        const base = process.env.PUBLIC_URL?.split(',')[0]?.trim() || undefined;
        const { mails, noContact } = await buildDigests(db, coalition.id, now, base);
        const out: string[] = [];
        for (const m of mails)
          out.push(`To: ${m.to.join(', ')}\nSubject: ${m.subject}\n\n${m.text}\n`);
        for (const org of noContact)
          out.push(
            `No contact address for ${org.name}: set its public contact to an email address or add a member.\n`,
          );
        if (o.dryRun) {
          out.push(
            `Dry run: ${mails.length} email${mails.length === 1 ? '' : 's'} would be sent; nothing was sent.\n`,
          );
          process.stdout.write(out.join('\n'));
          return;
        }
        const mailer = smtpMailer(config.smtp!);
        try {
          const sent = await deliver(mailer, mails);
          out.push(`Sent ${sent} email${sent === 1 ? '' : 's'}.\n`);
          process.stdout.write(out.join('\n'));
        } finally {
          mailer.close();
        }
      } finally {
        await db.destroy();
      }
    });
}
