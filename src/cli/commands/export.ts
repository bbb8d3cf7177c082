/**
 * `mosaic export <entity> [--format hxl|csv|json|geojson] [--public] [--out file]`: the same
 * export as the web app's download buttons (src/server/api/exports), read straight from the
 * database (DATABASE_URL or the data folder). The command runs where the database is, so it reads
 * as the coalition's administrator; `--public` reads as an anonymous visitor (public records only,
 * small counts withheld, reporting organisations hidden).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXPORT_ENTITIES, ExportFormat } from '../../contract/exports.ts';
import { exportNamed } from '../../server/api/exports/registry.ts';
import { runExport } from '../../server/api/exports/run.ts';
import type { Actor } from '../../server/auth/policy.ts';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { HttpError } from '../../server/http/errors.ts';
import { commandCoalition } from '../coalition.ts';
import { CliError } from '../errors.ts';

interface ExportOptions {
  format: string;
  public?: boolean;
  coalition?: string;
  event?: string;
  out?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      `Export one entity of a coalition: ${EXPORT_ENTITIES.join(', ')}. HXL: CSV with HXL hashtags as the second row.`,
    )
    .argument('<entity>', EXPORT_ENTITIES.join(' | '))
    .option('--format <format>', 'hxl | csv | json | geojson (places, routes, flows)', 'hxl')
    .option('--public', 'only what the public may see (public records, small counts withheld)')
    .option('--coalition <slug>', 'the coalition (default: the first one made)')
    .option('--event <id>', "one event's rows (events, participants, cards, patterns)")
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (name: string, o: ExportOptions) => {
      const entity = exportNamed(name.trim().toLowerCase());
      if (!entity)
        throw new CliError(`unknown entity "${name}": one of ${EXPORT_ENTITIES.join(', ')}`);
      const format = ExportFormat.safeParse(o.format.trim().toLowerCase());
      if (!format.success)
        throw new CliError(`--format must be hxl, csv, json or geojson (got "${o.format}")`);
      if (o.event !== undefined && !/^[0-9a-f-]{36}$/i.test(o.event))
        throw new CliError(`--event must be an event id (got "${o.event}")`);
      const { db } = openDb(configFromEnv());
      try {
        await migrateToLatest(db);
        const { coalition, admin } = await commandCoalition(db, o.coalition);
        const actor: Actor = o.public ? { kind: 'anonymous' } : admin;
        const file = await runExport(
          db,
          actor,
          entity,
          {
            format: format.data,
            view: o.public ? 'public' : 'coalition',
            coalition: coalition.slug,
            event: o.event,
          },
          new Date(),
        ).catch((err: unknown) => {
          if (err instanceof HttpError) throw new CliError(err.body.message);
          throw err;
        });
        if (o.out) {
          await writeFile(o.out, file.text);
          process.stderr.write(`${file.rows} ${entity.name} written to ${o.out}\n`);
        } else process.stdout.write(file.text);
      } finally {
        await db.destroy();
      }
    });
}
