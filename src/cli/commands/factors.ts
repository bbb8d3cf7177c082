/**
 * `mosaic factors suggest|list`: the factor suggester from the command line, for batch work and
 * for checking its quality. A thin shell over src/domain/factors; the CSV rules are in
 * ../csv-input.ts (BOM, CRLF, quoted fields, other columns ignored, errors by line and column).
 */
import type { Command } from 'commander';
import { FactorSuggester } from '../../domain/factors/suggest.ts';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { findCoalitionBySlug } from '../../server/db/repos/accounts.ts';
import { suggesterFor } from '../../server/factors/service.ts';
import { DEFAULT_FACTORS, type FactorKind } from '../../domain/factors/vocabulary.ts';
import { readCsv } from '../csv-input.ts';
import { CliError } from '../errors.ts';

const KINDS: readonly FactorKind[] = ['cause', 'consequence'];
const LEVELS = ['individual', 'family', 'community', 'structural'];

/** One JSON element per line: readable, and still one JSON array. */
export function jsonLines(items: unknown[]): string {
  return items.length === 0 ? '[]\n' : `[\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]\n`;
}

function format(value: string): 'json' {
  const f = value.trim().toLowerCase();
  if (f !== 'json') throw new CliError(`--format must be json (got "${value}")`);
  return 'json';
}

async function coalitionSuggester(slug: string): Promise<FactorSuggester> {
  const { db } = openDb(configFromEnv());
  try {
    await migrateToLatest(db);
    const coalition = await findCoalitionBySlug(db, slug);
    if (!coalition) throw new CliError(`--coalition: no coalition "${slug}" in the database`);
    return await suggesterFor(db, coalition.id);
  } finally {
    await db.destroy();
  }
}

export function registerFactors(program: Command): void {
  const factors = program
    .command('factors')
    .description('Canonical factors (push factors and consequences) and suggestions for cards.');

  factors
    .command('suggest')
    .description(
      'Suggest up to three factors per card. Input CSV columns: text,kind and optionally level (kind cause|consequence, or empty when not known; level individual|family|community|structural or empty; other columns ignored).',
    )
    .requiredOption('--in <file>', 'CSV file of cards ("-" for standard input)')
    .option('--format <format>', 'output format: json', 'json')
    .option(
      '--coalition <slug>',
      "use this coalition's vocabulary and learn from its confirmed cards (database from DATABASE_URL or the data folder)",
    )
    .action(async (opts: { in: string; format: string; coalition?: string }) => {
      format(opts.format);
      // `level` is optional: a file with only text and kind is read as cards without a level
      const rows = await readCsv(opts.in, ['text', 'kind']);
      const name = opts.in === '-' ? 'standard input' : opts.in;
      const cards = rows.map(({ line, values }) => {
        const text = values.text ?? '';
        const given = (values.kind ?? '').toLowerCase();
        const kind = KINDS.find((k) => k === given);
        const level = (values.level ?? '').toLowerCase();
        if (!text) throw new CliError(`${name}: line ${line}, column text: empty card text`);
        // an empty kind is a card nobody sorted: suggested over push factors and consequences alike
        if (given && !kind)
          throw new CliError(
            `${name}: line ${line}, column kind: "${values.kind}" is not cause or consequence`,
          );
        if (level && !LEVELS.includes(level))
          throw new CliError(
            `${name}: line ${line}, column level: "${values.level}" is not one of ${LEVELS.join(', ')}`,
          );
        return {
          line,
          text,
          kind,
          level: level || undefined,
        };
      });
      const suggester = opts.coalition
        ? await coalitionSuggester(opts.coalition)
        : new FactorSuggester(DEFAULT_FACTORS);
      const out = cards.map((c) => ({ line: c.line, suggestions: suggester.suggest(c, 3) }));
      process.stdout.write(jsonLines(out));
    });

  factors
    .command('list')
    .description(
      'The default factor vocabulary: ids, kinds, labels and keyword counts per language.',
    )
    .option('--format <format>', 'output format: json', 'json')
    .action((opts: { format: string }) => {
      format(opts.format);
      process.stdout.write(
        jsonLines(
          DEFAULT_FACTORS.map((f) => ({
            id: f.id,
            kind: f.kind,
            label: f.label,
            description: f.description,
            codes: f.codes,
            keywords: Object.fromEntries(
              Object.entries(f.keywords).map(([l, k]) => [l, k?.length ?? 0]),
            ),
          })),
        ),
      );
    });
}
