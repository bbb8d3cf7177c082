/**
 * What can be wrong with an imported file, as stable codes. The server words them in English; the
 * web app words them from the code and its params in the reader's language. Every row problem
 * names the line (as a spreadsheet numbers it: the header is line 1), the column as written in the
 * file, and the value.
 */
export const FILE_PROBLEMS = [
  'file_empty',
  'file_encoding',
  'file_binary',
  'file_xls',
  'file_ods',
  'file_spreadsheet',
  'csv_syntax',
  'too_many_rows',
  'column_missing',
] as const;
export const ROW_PROBLEMS = [
  'row_short',
  'row_long',
  'value_required',
  'value_too_long',
  'value_invalid',
  'too_many_values',
  'value_unknown',
  'value_duplicate',
  'not_allowed',
] as const;
export type ProblemCode = (typeof FILE_PROBLEMS)[number] | (typeof ROW_PROBLEMS)[number];

export interface ImportProblem {
  code: ProblemCode;
  /** 1-based line (row) of the file; null for a problem of the whole file. */
  line: number | null;
  /** The column's header as written in the file; null when the problem is not one column's. */
  column: string | null;
  /** The field the column was matched to (`name`, `sector`…), when there is one. */
  field: string | null;
  /** The value as written, when there is one. */
  value: string | null;
  message: string;
  /** Numbers the message needs (expected field count, maximum length…). */
  params: Record<string, number>;
}

export function problem(
  code: ProblemCode,
  message: string,
  at: Partial<Omit<ImportProblem, 'code' | 'message'>> = {},
): ImportProblem {
  return {
    code,
    line: at.line ?? null,
    column: at.column ?? null,
    field: at.field ?? null,
    value: at.value ?? null,
    message,
    params: at.params ?? {},
  };
}

/** Problems of one kind in one column, counted in full, listed up to `limit`. */
export interface ProblemGroup {
  code: ProblemCode;
  column: string | null;
  field: string | null;
  count: number;
  items: ImportProblem[];
}

export function groupProblems(problems: readonly ImportProblem[], limit = 500): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const k = `${p.code}\u0000${p.column ?? ''}`;
    let g = groups.get(k);
    if (!g) {
      g = { code: p.code, column: p.column, field: p.field, count: 0, items: [] };
      groups.set(k, g);
    }
    g.count++;
    if (g.items.length < limit) g.items.push(p);
  }
  // File-wide problems first, then by how many lines they touch.
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.items[0]!.line !== null) - Number(b.items[0]!.line !== null) || b.count - a.count,
  );
}
