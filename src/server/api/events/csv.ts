import { parse } from 'csv-parse/sync';
import { ParticipantInput } from '../../../contract/events.ts';
import { isCountryCode } from '../../../domain/geo/index.ts';

/**
 * Participant CSV: a header row, then one participant per line. Columns (case-insensitive):
 * name, organisation, sector, country, choice1, choice2, choice3, languages (separated by ; or |),
 * email. Only name, organisation and sector are required. See docs/events.md.
 */
export const CSV_COLUMNS = [
  'name',
  'organisation',
  'sector',
  'country',
  'choice1',
  'choice2',
  'choice3',
  'languages',
  'email',
] as const;
const REQUIRED = ['name', 'organisation', 'sector'];
export const MAX_CSV_ROWS = 2000;

export interface CsvProblem {
  line: number;
  column: string | null;
  message: string;
}

export type CsvResult =
  { ok: true; rows: ParticipantInput[] } | { ok: false; problems: CsvProblem[] };

export function parseParticipantCsv(text: string, groupKeys: readonly string[]): CsvResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return {
      ok: false,
      problems: [{ line: e.lines ?? 1, column: null, message: `not valid CSV: ${e.message}` }],
    };
  }
  const [header, ...rows] = records;
  if (!header)
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: null,
          message: 'the file is empty; the first line must name the columns',
        },
      ],
    };
  const cols = header.map((h) => h.toLowerCase().replace(/\s+/g, ''));
  const problems: CsvProblem[] = [];
  cols.forEach((c, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(c))
      problems.push({
        line: 1,
        column: header[i] ?? c,
        message: `unknown column; expected some of: ${CSV_COLUMNS.join(', ')}`,
      });
  });
  for (const r of REQUIRED)
    if (!cols.includes(r))
      problems.push({ line: 1, column: r, message: 'required column is missing' });
  if (rows.length > MAX_CSV_ROWS)
    problems.push({
      line: MAX_CSV_ROWS + 2,
      column: null,
      message: `at most ${MAX_CSV_ROWS} participants per import`,
    });
  if (problems.length) return { ok: false, problems };

  const out: ParticipantInput[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const get = (c: string) => {
      const v = row[cols.indexOf(c)];
      return v === undefined || v === '' ? undefined : v;
    };
    if (row.length > cols.length)
      problems.push({
        line,
        column: null,
        message: `has ${row.length} fields but the header names ${cols.length}`,
      });
    const choices = ['choice1', 'choice2', 'choice3'].flatMap((c) => {
      const v = get(c);
      if (v !== undefined && !groupKeys.includes(v))
        problems.push({
          line,
          column: c,
          message: `"${v}" is not one of this event's expertise groups (${groupKeys.join(', ')})`,
        });
      return v === undefined ? [] : [v];
    });
    const country = get('country')?.toUpperCase();
    if (country !== undefined && !isCountryCode(country))
      problems.push({
        line,
        column: 'country',
        message: `"${country}" is not an ISO 3166-1 country code`,
      });
    const parsed = ParticipantInput.safeParse({
      name: get('name') ?? '',
      organisation: get('organisation') ?? '',
      sector: get('sector'),
      country: country ?? null,
      choices,
      languages: (get('languages') ?? '')
        .split(/[;|]/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
      email: get('email') ?? null,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({ line, column: String(issue.path[0] ?? ''), message: issue.message });
    else out.push(parsed.data);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}
