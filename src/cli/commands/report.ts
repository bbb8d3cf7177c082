/**
 * `mosaic report <event> --pdf out.pdf [--public] [--lang en|th|vi|id|tl|zh|km|my] [--as email]`: the event report
 * as a PDF, rendered from the report page by headless Chromium (src/cli/report-pdf.ts).
 */
import type { Command } from 'commander';
import { FACTOR_LANGUAGES, type FactorLanguage } from '../../domain/factors/vocabulary.ts';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { DEFAULT_WEB_ROOT } from '../../server/main.ts';
import { CliError } from '../errors.ts';
import { renderReportPdf } from '../report-pdf.ts';

const isFactorLanguage = (l: string): l is FactorLanguage =>
  (FACTOR_LANGUAGES as readonly string[]).includes(l);

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      "Write an event's report as a PDF: the members' version, or the public one (counts below k withheld, no organisations, no card authors). Needs Chromium (apt-get install -y chromium).",
    )
    .argument('<event>', 'the event: its id, or its join code')
    .requiredOption('--pdf <file>', 'where to write the PDF')
    .option('--public', 'the public version instead of the members’ one')
    .option(
      '--lang <lang>',
      `language of the report: ${FACTOR_LANGUAGES.join(' | ')} (the interface's words in en or th, English otherwise; factor, issue and group names in any of them); default: the coalition's language`,
    )
    .option('--as <email>', 'read the report as this member (default: the coalition’s first admin)')
    .action(
      async (
        event: string,
        opts: { pdf: string; public?: boolean; lang?: string; as?: string },
      ) => {
        const lang = opts.lang?.trim().toLowerCase();
        if (lang !== undefined && !isFactorLanguage(lang))
          throw new CliError(
            `--lang must be one of ${FACTOR_LANGUAGES.join(', ')} (got "${opts.lang}")`,
            2,
          );
        const { db, backend } = openDb(configFromEnv());
        try {
          await migrateToLatest(db);
          const r = await renderReportPdf({
            db,
            backend,
            event,
            out: opts.pdf,
            view: opts.public ? 'public' : 'members',
            lang,
            as: opts.as,
            webRoot: process.env.MOSAIC_WEB_ROOT ?? DEFAULT_WEB_ROOT,
          });
          process.stdout.write(
            `wrote ${r.file} (${Math.round(r.bytes / 1024)} KB) in ${(r.renderMs / 1000).toFixed(1)} s\n`,
          );
        } finally {
          await db.destroy();
        }
      },
    );
}
