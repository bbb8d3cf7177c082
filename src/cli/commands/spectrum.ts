/**
 * `mosaic spectrum classify`: the spectrum-of-exploitation rule (src/domain/analysis/spectrum.ts)
 * over a CSV of anonymised experience patterns, for batch work and for checking the rule.
 */
import type { Command } from 'commander';
import {
  classifyPattern,
  PAY,
  REASON_TEXT,
  RECRUITMENT,
  type ExperiencePattern,
  type Pay,
  type Recruitment,
} from '../../domain/analysis/spectrum.ts';
import { readCsv } from '../csv-input.ts';
import { CliError } from '../errors.ts';
import { jsonLines } from './factors.ts';

const COLUMNS = ['paid', 'can_leave', 'indicators', 'recruitment', 'moved'] as const;

/** Parses one row; throws naming the line and the column. */
export function parsePattern(
  name: string,
  line: number,
  values: Record<string, string>,
): ExperiencePattern {
  const bad = (column: string, what: string): never => {
    throw new CliError(`${name}: line ${line}, column ${column}: ${what}`);
  };
  const oneOf = <T extends string>(column: string, allowed: readonly T[]): T => {
    const raw = values[column] ?? '';
    const v = raw.toLowerCase();
    if (!(allowed as readonly string[]).includes(v))
      bad(column, `${raw === '' ? 'empty' : `"${raw}"`}; expected ${allowed.join(' | ')}`);
    return v as T;
  };
  const paid = oneOf<Pay>('paid', PAY);
  const canLeave = oneOf('can_leave', ['yes', 'no'] as const) === 'yes';
  const indicators: number[] = [];
  for (const part of (values.indicators ?? '').split(';')) {
    const p = part.trim();
    if (p === '') continue;
    const n = /^\d{1,2}$/.test(p) ? Number(p) : NaN;
    if (!(n >= 1 && n <= 11))
      bad('indicators', `"${p}" is not an ILO indicator number (1 to 11, separated by ;)`);
    if (!indicators.includes(n)) indicators.push(n);
  }
  const recruitment = oneOf<Recruitment>('recruitment', RECRUITMENT);
  const moved = oneOf('moved', ['yes', 'no'] as const) === 'yes';
  return { paid, canLeave, indicators, recruitment, moved };
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
      const rows = await readCsv(opts.in, COLUMNS);
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
