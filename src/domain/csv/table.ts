import { toCsv, type CsvValue } from './write.ts';

/**
 * An exported table: columns with a header (what a spreadsheet user reads, and what Mosaic's
 * imports match first) and an HXL hashtag (what humanitarian data tools read), and rows keyed by
 * column. One table gives the three text formats: plain CSV, CSV with the hashtags as the second
 * row, and JSON. A list value is one cell in CSV, its items joined by `; ` (what the imports split
 * on), and an array in JSON.
 */
export interface ExportColumn {
  key: string;
  /** Header as written in the CSV; defaults to the key. */
  header?: string;
  /** HXL hashtag with attributes, e.g. `#country+code`. */
  hxl: string;
}

export type ExportValue = string | number | boolean | null | readonly string[];
export type ExportRow = Record<string, ExportValue>;

export const LIST_SEPARATOR = '; ';

function cellOf(v: ExportValue | undefined): CsvValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return v.join(LIST_SEPARATOR);
}

/** CSV text (spreadsheet formulas neutralised by `toCsv`), with the HXL row when `hxl`. */
export function tableCsv(
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
  opts: { hxl: boolean },
): string {
  const lines: CsvValue[][] = [columns.map((c) => c.header ?? c.key)];
  if (opts.hxl) lines.push(columns.map((c) => c.hxl));
  for (const r of rows) lines.push(columns.map((c) => cellOf(r[c.key])));
  return toCsv(lines);
}

/** The rows as JSON objects with the columns' keys, in column order. */
export function tableJson(
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
): Record<string, ExportValue>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, r[c.key] ?? null])));
}
