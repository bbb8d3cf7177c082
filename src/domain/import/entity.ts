import {
  fieldIndex,
  matchColumns,
  missingColumns,
  splitHeader,
  type ColumnChoices,
  type ColumnMatch,
  type FieldSpec,
} from './columns.ts';
import { fold } from './fold.ts';
import { problem, type ImportProblem, type ProblemCode } from './problems.ts';
import type { SourceRow, SourceTable } from './table.ts';
import { splitValues, VocabIndex, type ValueChoices, type Vocabulary } from './values.ts';

/**
 * One import engine for every entity (organisations, routes, cards; the roster shares its parts):
 * an entity is described once — its fields with the headers and HXL tags they answer to (those
 * its export writes first), which are required, which take values from a vocabulary, which hold
 * several values — and the engine matches the columns, matches each value once per distinct
 * spelling, checks ragged rows, required and too-long cells, and hands each row's values to the
 * descriptor to become a draft. What no vocabulary knows is asked once per distinct value.
 */
export interface EntityField extends FieldSpec {
  /** Values are keys of this vocabulary (matched by key, label, synonym). */
  vocabulary?: string;
  /** The cell holds several values (`; ` as exports write them; `,` `|` and line breaks too). */
  list?: boolean;
  /** Longest text accepted (characters). */
  max?: number;
  /** The name of this field in the create request (for the schema's problems); defaults to key. */
  target?: string;
}

export interface UnmatchedValue {
  vocabulary: string;
  /** The value as first written, and the key its mapping is remembered by. */
  value: string;
  folded: string;
  /** Rows it is in, and the columns (as written) it was found in. */
  count: number;
  columns: string[];
  firstLine: number;
  /** Entries it could be (when it names several), for the picker to offer first. */
  candidates: string[];
}

export interface ImportChoiceMaps {
  columns?: ColumnChoices;
  /** Per vocabulary id. */
  values?: ReadonlyMap<string, ValueChoices>;
}

/** Values no vocabulary knows, each once with the rows and columns it is in. */
export class UnmatchedValues {
  private readonly byKey = new Map<string, UnmatchedValue>();

  add(vocabulary: string, value: string, column: string, line: number, candidates: string[]) {
    const f = fold(value);
    const k = `${vocabulary}\u0000${f}`;
    let u = this.byKey.get(k);
    if (!u) {
      u = { vocabulary, value, folded: f, count: 0, columns: [], firstLine: line, candidates };
      this.byKey.set(k, u);
    }
    u.count++;
    if (!u.columns.includes(column)) u.columns.push(column);
  }

  list(): UnmatchedValue[] {
    return [...this.byKey.values()];
  }
}

/**
 * A line with fewer or more fields than the header (CSV only: a workbook's rows end where their
 * data does). Empty cells past the header (trailing separators) lose nothing and are tolerated.
 */
export function raggedRow(row: SourceRow, width: number, strict: boolean): ImportProblem | null {
  if (!strict) return null;
  const params = { found: row.cells.length, expected: width };
  if (row.cells.length < width)
    return problem(
      'row_short',
      `has ${row.cells.length} fields but the header names ${width}: the line is cut short or a field is missing`,
      { line: row.line, params },
    );
  if (row.cells.slice(width).some((c) => c !== ''))
    return problem(
      'row_long',
      `has ${row.cells.length} fields but the header names ${width}: a separator or quote is out of place`,
      { line: row.line, params },
    );
  return null;
}

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One row's values, by field key, for a descriptor to make a draft from. */
export interface RowValues {
  line: number;
  /** The cell's text (trimmed; '' when empty or no column feeds the field). */
  text(field: string): string;
  /** The vocabulary key of the cell, or null (empty, left out, or waiting for a choice). */
  key(field: string): string | null;
  /** The vocabulary keys of a list cell, each once, in the order written. */
  keys(field: string): string[];
  /** The plain values of a list cell, for fields without a vocabulary. */
  items(field: string): string[];
  /** Whether a column of the file feeds the field. */
  fed(field: string): boolean;
  /** Record a problem of this row in this field's column. */
  fail(field: string, code: ProblemCode, message: string, params?: Record<string, number>): void;
}

export interface EntityDescriptor<D> {
  /** `organisations`, `routes`, `cards`: also the key of the coalition's remembered mappings. */
  entity: string;
  fields: readonly EntityField[];
  /** Fields that stand in for a required one (a given and a family name for a name). */
  alternatives?: Record<string, readonly string[]>;
  /** A row's values → its draft; problems reported through `row.fail` drop the row. */
  draft(row: RowValues): D;
}

export interface EntityAnalysis<D> {
  columns: ColumnMatch[];
  hxl: boolean;
  rowCount: number;
  drafts: { line: number; draft: D }[];
  unmatched: UnmatchedValue[];
  problems: ImportProblem[];
}

/** Rows checked between two pauses of a long analysis. */
export const ROWS_PER_PAUSE = 2_000;

/**
 * Matches the columns, then checks every row. `pause`, when given, is awaited every
 * ROWS_PER_PAUSE rows with the number checked so far: the server reports progress and lets other
 * requests run there, so a file of 100,000 lines never holds the process for long at a stretch.
 */
export async function analyseEntity<D>(
  table: SourceTable,
  descriptor: EntityDescriptor<D>,
  vocabularies: Readonly<Record<string, Vocabulary>>,
  chosen: ImportChoiceMaps = {},
  saved: ImportChoiceMaps = {},
  maxRows = Infinity,
  pause?: (checked: number) => Promise<void>,
): Promise<EntityAnalysis<D>> {
  const split = splitHeader(table.rows);
  const fields = descriptor.fields;
  const columns = matchColumns(split, fieldIndex(fields), {
    chosen: chosen.columns,
    saved: saved.columns,
  });
  const problems = missingColumns(columns, fields, descriptor.alternatives);
  const base = { columns, hxl: split.hxl !== null, rowCount: split.data.length };
  // Too long a file is refused before any row is checked: the answer comes at once.
  if (split.data.length > maxRows)
    problems.unshift(
      problem('too_many_rows', `at most ${maxRows} ${descriptor.entity} per import`, {
        params: { max: maxRows },
      }),
    );
  if (problems.length) return { ...base, drafts: [], unmatched: [], problems };

  const byKey = new Map(fields.map((f) => [f.key, f]));
  const indexes = new Map<string, VocabIndex>();
  for (const f of fields)
    if (f.vocabulary && !indexes.has(f.vocabulary)) {
      const v = vocabularies[f.vocabulary];
      if (!v) throw new Error(`no vocabulary ${f.vocabulary} for ${descriptor.entity}`);
      indexes.set(f.vocabulary, new VocabIndex(v));
    }
  const feeding = new Map<string, ColumnMatch[]>();
  for (const c of columns) if (c.field) feeding.set(c.field, [...(feeding.get(c.field) ?? []), c]);

  const unmatched = new UnmatchedValues();
  const width = split.header.cells.length;
  const strict = table.format === 'csv';
  const drafts: EntityAnalysis<D>['drafts'] = [];

  let checked = 0;
  for (const row of split.data) {
    if (pause && ++checked % ROWS_PER_PAUSE === 0) await pause(checked);
    const ragged = raggedRow(row, width, strict);
    if (ragged) {
      problems.push(ragged);
      continue;
    }
    let failed = false;
    let waiting = false;
    const cellOf = (field: string) => {
      const cs = feeding.get(field) ?? [];
      const c = cs.find((x) => (row.cells[x.index] ?? '').trim() !== '') ?? cs[0];
      return c ? { column: c.header, value: (row.cells[c.index] ?? '').trim() } : null;
    };
    const fail: RowValues['fail'] = (field, code, message, params = {}) => {
      failed = true;
      const cell = cellOf(field);
      problems.push(
        problem(code, message, {
          line: row.line,
          column: cell?.column ?? null,
          field,
          value: cell?.value || null,
          params,
        }),
      );
    };
    /** The key, '' when the person chose to leave the value out, null while it waits for a choice. */
    const lookup = (vocab: string, column: string, value: string): string | null => {
      const m = indexes
        .get(vocab)!
        .match(value, chosen.values?.get(vocab), saved.values?.get(vocab));
      if (m.key !== null) return m.key;
      unmatched.add(vocab, value, column, row.line, m.candidates);
      waiting = true;
      return null;
    };
    const text = (field: string) => {
      const cell = cellOf(field);
      const spec = byKey.get(field);
      return spec?.list || field === 'notes' || field === 'description' || field === 'text'
        ? (cell?.value ?? '')
        : oneLine(cell?.value ?? '');
    };
    const values: RowValues = {
      line: row.line,
      text,
      fed: (field) => feeding.has(field),
      key(field) {
        const spec = byKey.get(field);
        const cell = cellOf(field);
        if (!spec?.vocabulary || !cell?.value) return null;
        const k = lookup(spec.vocabulary, cell.column, oneLine(cell.value));
        if (k === '' && spec.required)
          fail(field, 'value_required', `the ${field} is left out; every row needs one`);
        return k || null;
      },
      keys(field) {
        const spec = byKey.get(field);
        if (!spec?.vocabulary) return [];
        const vocab = spec.vocabulary;
        const out: string[] = [];
        for (const c of feeding.get(field) ?? [])
          for (const v of splitValues(
            row.cells[c.index] ?? '',
            indexes.get(vocab)!,
            chosen.values?.get(vocab),
            saved.values?.get(vocab),
          )) {
            const k = lookup(vocab, c.header, v);
            if (k && !out.includes(k)) out.push(k);
          }
        return out;
      },
      items(field) {
        return (feeding.get(field) ?? []).flatMap((c) =>
          (row.cells[c.index] ?? '')
            .split(/[;|\n]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        );
      },
      fail,
    };
    for (const f of fields) {
      if (!feeding.has(f.key)) continue;
      const v = text(f.key);
      if (f.required && !v) fail(f.key, 'value_required', `the ${f.key} is empty`);
      else if (f.max !== undefined && v.length > f.max)
        fail(f.key, 'value_too_long', `is ${v.length} characters; at most ${f.max}`, {
          length: v.length,
          max: f.max,
        });
    }
    if (failed) continue;
    const draft = descriptor.draft(values);
    if (!failed && !waiting) drafts.push({ line: row.line, draft });
  }
  return { ...base, drafts, unmatched: unmatched.list(), problems };
}
