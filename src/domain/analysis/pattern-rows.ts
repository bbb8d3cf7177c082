/**
 * Experience patterns from a table (a CSV file, a pasted spreadsheet): the columns of
 * `mosaic spectrum classify` — paid, can_leave, indicators, recruitment, moved — plus what a
 * stored pattern also has: form (required), sector, population, issue and notes. One reading of a
 * row for the command line and the server's import, so both accept and refuse the same values
 * with the same words. Pure: no I/O.
 */
import {
  FORMS_OF_EXPLOITATION,
  LABOUR_SECTORS,
  POPULATIONS,
  type FormOfExploitation,
  type LabourSector,
  type Population,
} from '../taxonomy/codes.ts';
import { problem, type ImportProblem } from '../import/problems.ts';
import type { SourceTable } from '../import/table.ts';
import {
  PAY,
  RECRUITMENT,
  type ExperiencePattern,
  type Pay,
  type Recruitment,
} from './spectrum.ts';

/** The rule's columns, as the command line reads them. */
export const SPECTRUM_COLUMNS = [
  'paid',
  'can_leave',
  'indicators',
  'recruitment',
  'moved',
] as const;
/** A stored pattern's columns: the rule's and `form`, required; the rest optional. */
export const PATTERN_COLUMNS = [...SPECTRUM_COLUMNS, 'form'] as const;
export const OPTIONAL_PATTERN_COLUMNS = ['sector', 'population', 'issue', 'notes'] as const;
export const MAX_NOTES = 1000;

/** What is wrong with one cell: its column and what to say about the value. */
export interface CellProblem {
  column: string;
  code: 'value_required' | 'value_invalid' | 'value_too_long';
  value: string;
  /** `"12" is not an ILO indicator number (1 to 11, separated by ;)` */
  what: string;
}

export type RuleRow =
  { ok: true; pattern: ExperiencePattern } | { ok: false; problem: CellProblem };

/** Reads the rule's five columns of one row (values by lower-case column name). */
export function readRuleColumns(values: Record<string, string>): RuleRow {
  let bad: CellProblem | null = null;
  const oneOf = <T extends string>(column: string, allowed: readonly T[]): T => {
    const raw = values[column] ?? '';
    const v = raw.toLowerCase();
    if (!bad && !(allowed as readonly string[]).includes(v))
      bad = {
        column,
        code: raw === '' ? 'value_required' : 'value_invalid',
        value: raw,
        what: `${raw === '' ? 'empty' : `"${raw}"`}; expected ${allowed.join(' | ')}`,
      };
    return v as T;
  };
  const paid = oneOf<Pay>('paid', PAY);
  const canLeave = oneOf('can_leave', ['yes', 'no'] as const) === 'yes';
  const indicators: number[] = [];
  for (const part of (values.indicators ?? '').split(';')) {
    const p = part.trim();
    if (p === '' || bad) continue;
    const n = /^\d{1,2}$/.test(p) ? Number(p) : NaN;
    if (!(n >= 1 && n <= 11))
      bad = {
        column: 'indicators',
        code: 'value_invalid',
        value: p,
        what: `"${p}" is not an ILO indicator number (1 to 11, separated by ;)`,
      };
    else if (!indicators.includes(n)) indicators.push(n);
  }
  const recruitment = oneOf<Recruitment>('recruitment', RECRUITMENT);
  const moved = oneOf('moved', ['yes', 'no'] as const) === 'yes';
  if (bad) return { ok: false, problem: bad };
  return { ok: true, pattern: { paid, canLeave, indicators, recruitment, moved } };
}

/** `forced labour`, `Forced_Labour`, `forcedlabour` → `ForcedLabour`. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
function codeOf<T extends string>(list: readonly T[], raw: string): T | undefined {
  const k = squash(raw);
  return list.find((c) => squash(c) === k);
}

export interface PatternRow extends ExperiencePattern {
  line: number;
  form: FormOfExploitation;
  sector: LabourSector | null;
  population: Population | null;
  /** The issue key as written (the caller checks it against the event). */
  issue: string | null;
  notes: string;
}

export interface NotesWarning {
  code: 'looks_like_phone' | 'looks_like_name' | 'looks_like_email';
  line: number;
  column: string;
  value: string;
  message: string;
}

export interface PatternTableResult {
  rows: PatternRow[];
  /** Every problem, each naming its line and column; none means every row can be stored. */
  errors: ImportProblem[];
  /** Notes that look like a name or a phone number (stored all the same; pointed out). */
  warnings: NotesWarning[];
  /** Data lines read. */
  lines: number;
}

/**
 * Reads a table whose first row names the columns (any order, any case; other columns ignored).
 * Every bad cell is reported, not only the first, each with its line and column as written.
 */
/**
 * What in a note could identify a person. The detector lives in the zod-free core (the phone runs
 * it before queueing a route); the domain imports nothing, so the caller passes it in.
 */
export type PersonalDataFinder = (
  notes: string,
) => readonly { kind: 'phone' | 'name' | 'email'; excerpt: string }[];

export function readPatternTable(
  table: SourceTable,
  findPersonalData: PersonalDataFinder,
): PatternTableResult {
  const [head, ...body] = table.rows;
  const header = (head?.cells ?? []).map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const errors: ImportProblem[] = [];
  const warnings: NotesWarning[] = [];
  const missing = PATTERN_COLUMNS.filter((c) => !lower.includes(c));
  if (missing.length)
    return {
      rows: [],
      lines: body.length,
      warnings,
      errors: missing.map((c) =>
        problem('column_missing', `the first line must name the column "${c}"`, {
          line: head?.line ?? 1,
          column: c,
          field: c,
        }),
      ),
    };
  const written = (c: string) => header[lower.indexOf(c)] ?? c;
  const rows: PatternRow[] = [];
  for (const r of body) {
    const values: Record<string, string> = {};
    lower.forEach((h, i) => {
      if (h && values[h] === undefined) values[h] = (r.cells[i] ?? '').trim();
    });
    const cellProblem = (p: CellProblem) =>
      errors.push(
        problem(p.code, `line ${r.line}, column ${written(p.column)}: ${p.what}`, {
          line: r.line,
          column: written(p.column),
          field: p.column,
          value: p.value,
        }),
      );
    const before = errors.length;
    const rule = readRuleColumns(values);
    if (!rule.ok) cellProblem(rule.problem);
    const vocab = <T extends string>(column: string, list: readonly T[], required: boolean) => {
      const raw = values[column] ?? '';
      if (raw === '') {
        if (required)
          cellProblem({ column, code: 'value_required', value: raw, what: 'empty; it is needed' });
        return null;
      }
      const code = codeOf(list, raw);
      if (!code)
        cellProblem({
          column,
          code: 'value_invalid',
          value: raw,
          what: `"${raw}" is not one of ${list.join(' | ')}`,
        });
      return code ?? null;
    };
    const form = vocab('form', FORMS_OF_EXPLOITATION, true);
    const sector = vocab('sector', LABOUR_SECTORS, false);
    const population = vocab('population', POPULATIONS, false);
    const notes = values.notes ?? '';
    if ([...notes].length > MAX_NOTES)
      cellProblem({
        column: 'notes',
        code: 'value_too_long',
        value: `${[...notes].slice(0, 40).join('')}…`,
        what: `longer than ${MAX_NOTES} characters`,
      });
    for (const f of findPersonalData(notes))
      warnings.push({
        code: `looks_like_${f.kind}`,
        line: r.line,
        column: written('notes'),
        value: f.excerpt,
        message: `line ${r.line}, column ${written('notes')}: "${f.excerpt}" looks like ${f.kind === 'phone' ? 'a phone number' : f.kind === 'email' ? 'an e-mail address' : 'a personal name'}; a pattern describes no one, please remove it`,
      });
    if (errors.length > before || !rule.ok || !form) continue;
    rows.push({
      ...rule.pattern,
      line: r.line,
      form,
      sector,
      population,
      issue: values.issue ? values.issue : null,
      notes,
    });
  }
  return { rows, errors, warnings, lines: body.length };
}
