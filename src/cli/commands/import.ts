/**
 * `mosaic import <entity> <file> [--dry-run] [--mapping choices.json] [--coalition slug]`: the
 * same import as the web app's (src/server/api/imports): columns and values matched, the
 * coalition's remembered choices applied, every row checked, then all rows stored or none. The
 * command runs where the database is, as the coalition's administrator. A file that cannot be
 * imported as it is prints what to fix (line, column, value, reason; each unknown value once) and
 * exits with status 1; nothing is stored.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  IMPORT_ENTITIES,
  ImportChoices,
  MAX_IMPORT_FILE_BYTES,
  type ImportEntity,
  type ImportFailure,
} from '../../contract/imports.ts';
import { runNamedImport } from '../../server/api/imports/routes.ts';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { HttpError } from '../../server/http/errors.ts';
import { commandCoalition } from '../coalition.ts';
import { CliError } from '../errors.ts';

interface ImportOptions {
  dryRun?: boolean;
  mapping?: string;
  coalition?: string;
  event?: string;
}

const isEntity = (s: string): s is ImportEntity =>
  (IMPORT_ENTITIES as readonly string[]).includes(s);

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      `Import ${IMPORT_ENTITIES.join(', ')} from a CSV, tab-separated or .xlsx file: checked first, then every row stored or none.`,
    )
    .argument('<entity>', IMPORT_ENTITIES.join(' | '))
    .argument('<file>', 'the file (any encoding Mosaic detects, or .xlsx)')
    .option('--dry-run', 'check the file and say what would be imported; store nothing')
    .option(
      '--mapping <file>',
      'a JSON file of choices: {"columns": {"header": "field"}, "values": {"vocabulary": {"value": "key"}}}',
    )
    .option('--coalition <slug>', 'the coalition (default: the first one made)')
    .option('--event <id>', 'cards: the event whose sheets they belong to')
    .action(async (name: string, file: string, o: ImportOptions) => {
      const entity = name.trim().toLowerCase();
      if (!isEntity(entity))
        throw new CliError(`unknown entity "${name}": one of ${IMPORT_ENTITIES.join(', ')}`);
      const size = await stat(file).then(
        (s) => s.size,
        () => {
          throw new CliError(`cannot read "${file}": no such file`);
        },
      );
      if (size > MAX_IMPORT_FILE_BYTES)
        throw new CliError(
          `"${file}" is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB per import: split it`,
        );
      const choices = o.mapping ? await readChoices(o.mapping) : { columns: {}, values: {} };
      const bytes = await readFile(file);
      const { db } = openDb(configFromEnv());
      try {
        await migrateToLatest(db);
        const { admin: actor } = await commandCoalition(db, o.coalition);
        const outcome = await runNamedImport(
          db,
          new Date(),
          entity,
          actor,
          {
            file: { name: file, data: bytes.toString('base64') },
            choices,
            dryRun: o.dryRun === true,
          },
          o.event ? { event: o.event } : {},
        ).catch((err: unknown) => {
          if (err instanceof HttpError) throw new CliError(describeHttp(err));
          throw err;
        });
        if (outcome.status !== 200) throw new CliError(describeFailure(outcome.body));
        const r = outcome.body;
        process.stdout.write(
          r.dryRun
            ? `${r.count} ${entity} ready to import from ${file} (dry run: nothing stored)\n`
            : `${r.count} ${entity} imported from ${file}\n`,
        );
      } finally {
        await db.destroy();
      }
    });
}

async function readChoices(path: string): Promise<ImportChoices> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new CliError(`--mapping: "${path}" is not a JSON file (${(err as Error).message})`);
  }
  const parsed = ImportChoices.safeParse(raw);
  if (!parsed.success)
    throw new CliError(
      `--mapping: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'the file'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

function describeHttp(err: HttpError): string {
  const fields = (err.body.fields ?? []).map((f) => `  ${f.field}: ${f.message}`);
  return [err.body.message, ...fields].join('\n');
}

/** What to fix, in the order of the file: each unknown value once, then each problem. */
export function describeFailure(f: ImportFailure): string {
  const out = [f.message];
  for (const u of f.analysis?.unmatched ?? [])
    out.push(
      `  "${u.value}" (${u.vocabulary}) in ${u.count} row${u.count === 1 ? '' : 's'}, column ${u.columns.join(', ')}, first on line ${u.firstLine}: map it with --mapping`,
    );
  for (const p of f.problems.slice(0, 50))
    out.push(
      `  ${p.line !== null ? `line ${p.line}` : 'file'}${p.column ? `, column "${p.column}"` : ''}: ${p.value !== null ? `"${p.value}" ` : ''}${p.message}`,
    );
  if (f.problems.length > 50) out.push(`  … and ${f.problems.length - 50} more`);
  return out.join('\n');
}
