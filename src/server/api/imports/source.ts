import type { ImportAnalysis, ImportFailure, ImportRequest } from '../../../contract/imports.ts';
import type { FieldSpec } from '../../../domain/import/columns.ts';
import { groupProblems, problem, type ImportProblem } from '../../../domain/import/problems.ts';
import { readTable, type SourceTable, type TableResult } from '../../../domain/import/table.ts';
import type { UnmatchedValue } from '../../../domain/import/entity.ts';
import type { ColumnMatch } from '../../../domain/import/columns.ts';
import { VocabIndex, type Vocabulary } from '../../../domain/import/values.ts';
import { invalid } from '../../http/errors.ts';
import { TAXONOMY_LABEL_PATHS } from '../../../domain/import/labels.ts';
import type { choiceMaps } from './mappings.ts';

/** The request's file or text as a table (encoding detected unless the request names one). */
export function tableOf(req: ImportRequest, maxRows: number): Promise<TableResult> {
  if (req.file)
    return readTable(
      {
        bytes: Buffer.from(req.file.data, 'base64'),
        ...(req.encoding ? { encoding: req.encoding } : {}),
      },
      { maxRows },
    );
  return readTable({ text: req.csv ?? '' }, { maxRows });
}

export const MAX_LISTED_PROBLEMS = 1000;

export function presentAnalysis(a: {
  table: SourceTable;
  hxl: boolean;
  rowCount: number;
  ready: number;
  columns: ColumnMatch[];
  fields: readonly FieldSpec[];
  unmatched: UnmatchedValue[];
  problems: ImportProblem[];
  vocabularies: Record<string, Vocabulary>;
}): ImportAnalysis {
  const options: ImportAnalysis['options'] = {};
  for (const u of a.unmatched) {
    const v = a.vocabularies[u.vocabulary];
    if (v && !options[u.vocabulary])
      options[u.vocabulary] = v.entries.map((e) => {
        const path = TAXONOMY_LABEL_PATHS[u.vocabulary];
        return {
          key: e.key,
          label: e.labels[0] ?? e.key,
          labelKey: path ? `${path}.${e.key}` : null,
        };
      });
  }
  return {
    format: a.table.format,
    encoding: a.table.encoding,
    delimiter: a.table.delimiter,
    sheet: a.table.sheet,
    hxl: a.hxl,
    rowCount: a.rowCount,
    ready: a.ready,
    columns: a.columns,
    fields: a.fields.map((f) => ({
      key: f.key,
      required: !!f.required,
      repeatable: !!f.repeatable,
    })),
    unmatched: [...a.unmatched].sort((x, y) => y.count - x.count || x.firstLine - y.firstLine),
    options,
    problemCount: a.problems.length,
    groups: groupProblems(a.problems),
  };
}

/**
 * The headline: what stops the import, counted right. "3 values need a choice (2 sector, 1
 * expertise) and 4 lines have problems; first: line 5, column "Full name": the name is empty.
 * Nothing was imported."
 */
export function headline(
  problems: readonly ImportProblem[],
  unmatched: readonly UnmatchedValue[],
): string {
  const parts: string[] = [];
  if (unmatched.length) {
    const by = new Map<string, number>();
    for (const u of unmatched) by.set(u.vocabulary, (by.get(u.vocabulary) ?? 0) + 1);
    parts.push(
      `${unmatched.length} value${unmatched.length === 1 ? '' : 's'} need${unmatched.length === 1 ? 's' : ''} a choice (${[...by].map(([v, n]) => `${n} ${v}`).join(', ')})`,
    );
  }
  if (problems.length) {
    const lines = new Set(problems.map((p) => p.line ?? 0));
    const first = problems[0]!;
    const where = [
      first.line !== null ? `line ${first.line}` : null,
      first.column ? `column "${first.column}"` : first.field ? `the ${first.field}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    parts.push(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} on ${lines.size} line${lines.size === 1 ? '' : 's'}; first: ${where}: ${first.value !== null ? `"${first.value}" ` : ''}${first.message}`,
    );
  }
  return `${parts.join(' and ')}. Nothing was imported.`;
}

export function failure(
  problems: ImportProblem[],
  unmatched: UnmatchedValue[],
  analysis: ImportAnalysis | null,
  error: ImportFailure['error'] = 'csv_invalid',
): ImportFailure {
  return {
    error,
    message: headline(problems, unmatched),
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    analysis,
  };
}

const MAX_CHOICES = 5000;

/** A choice must name a field or key that exists: a typo in a request is a 400, not a silent no-op. */
export function checkChoices(
  chosen: ReturnType<typeof choiceMaps>,
  fieldSpecs: readonly FieldSpec[],
  vocabularies: Record<string, Vocabulary>,
): void {
  const fields = new Set(fieldSpecs.map((f) => f.key));
  const bad: { field: string; message: string }[] = [];
  let n = chosen.columns.size;
  for (const [h, f] of chosen.columns)
    if (f !== null && !fields.has(f))
      bad.push({
        field: `choices.columns.${h}`,
        message: `is not a field (${[...fields].join(', ')})`,
      });
  for (const [vocab, m] of chosen.values) {
    const v = vocabularies[vocab];
    n += m.size;
    if (!v) {
      bad.push({
        field: `choices.values.${vocab}`,
        message: `is not a vocabulary (${Object.keys(vocabularies).join(', ')})`,
      });
      continue;
    }
    const idx = new VocabIndex(v);
    for (const [value, key] of m)
      if (key !== '' && !idx.has(key))
        bad.push({
          field: `choices.values.${vocab}.${value}`,
          message: `"${key}" is not a ${vocab}`,
        });
  }
  if (n > MAX_CHOICES) bad.push({ field: 'choices', message: `at most ${MAX_CHOICES} choices` });
  if (bad.length) throw invalid(bad.slice(0, 20));
}

/**
 * The analysis of a file and, when it cannot be imported as it is, the 422 body: the problems (in
 * file order), the values waiting for a choice, or no rows at all.
 */
export function settle(
  a: {
    hxl: boolean;
    rowCount: number;
    columns: ColumnMatch[];
    unmatched: UnmatchedValue[];
    problems: ImportProblem[];
  },
  table: SourceTable,
  fields: readonly FieldSpec[],
  vocabularies: Record<string, Vocabulary>,
  ready: number,
  what: string,
): { analysis: ImportAnalysis; refusal: ImportFailure | null } {
  a.problems.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  const stops = a.problems.length > 0 || a.unmatched.length > 0;
  const analysis = presentAnalysis({
    ...a,
    table,
    ready: stops ? 0 : ready,
    fields,
    vocabularies,
  });
  if (stops) return { analysis, refusal: failure(a.problems, a.unmatched, analysis) };
  if (ready === 0)
    return {
      analysis,
      refusal: failure(
        [problem('file_empty', `the file has a header but no ${what}`, { line: 2 })],
        [],
        analysis,
      ),
    };
  return { analysis, refusal: null };
}
