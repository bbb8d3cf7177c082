/**
 * `mosaic spectrum classify`: the spectrum-of-exploitation rule (src/domain/analysis/spectrum.ts)
 * over a CSV of anonymised experience patterns, for batch work and for checking the rule.
 */
import type { Command } from 'commander';
import { readRuleColumns, SPECTRUM_COLUMNS } from '../../domain/analysis/pattern-rows.ts';
import {
  classifyPattern,
  REASON_TEXT,
  type ExperiencePattern,
} from '../../domain/analysis/spectrum.ts';
import { readCsv } from '../csv-input.ts';
import { CliError } from '../errors.ts';
import { jsonLines } from './factors.ts';

/** Parses one row; throws naming the line and the column (the same reading as the server's import). */
export function parsePattern(
  name: string,
  line: number,
  values: Record<string, string>,
): ExperiencePattern {
  const r = readRuleColumns(values);
  if (!r.ok)
    throw new CliError(`${name}: line ${line}, column ${r.problem.column}: ${r.problem.what}`);
  return r.pattern;
}

export function registerSpectrum(program: Command): void {
  const spectrum = program
    .command('spectrum')
    .description('The spectrum of exploitation: decent work to trafficking, by an explicit rule.');

  spectrum
    .command('classify')
    .description(
      'Place experience patterns on the spectrum. CSV columns: paid (full|partly|never), can_leave (yes|no), indicators (ILO numbers 1-11 separated by ;, may be empty), recruitment (free|deceived|coerced), moved (yes|no); other columns ignored. See docs/spectrum.md.',
    )
    .requiredOption('--in <file>', 'CSV file of patterns ("-" for standard input)')
    .option('--format <format>', 'output format: json', 'json')
    .option('--reasons <form>', 'reasons as stable codes or English text: code | text', 'code')
    .action(async (opts: { in: string; format: string; reasons: string }) => {
      if (opts.format.trim().toLowerCase() !== 'json')
        throw new CliError(`--format must be json (got "${opts.format}")`);
      const form = opts.reasons.trim().toLowerCase();
      if (form !== 'code' && form !== 'text')
        throw new CliError(`--reasons must be code or text (got "${opts.reasons}")`);
      const name = opts.in === '-' ? 'standard input' : opts.in;
      const rows = await readCsv(opts.in, SPECTRUM_COLUMNS);
      const patterns = rows.map(({ line, values }) => ({
        line,
        pattern: parsePattern(name, line, values),
      }));
      const out = patterns.map(({ line, pattern }) => {
        const r = classifyPattern(pattern);
        return {
          line,
          level: r.level,
          reasons: form === 'text' ? r.reasons.map((x) => REASON_TEXT[x]) : r.reasons,
          rule: r.rule,
        };
      });
      process.stdout.write(jsonLines(out));
    });
}
