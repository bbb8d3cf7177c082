import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/universal';
import { csvCellText } from '../csv/write.ts';
import { decodeText, type Encoding } from './decode.ts';
import { problem, type ImportProblem } from './problems.ts';

/**
 * A file (or pasted text) as rows of text cells, each with the line a spreadsheet shows for it.
 * CSV, semicolon-separated and tab-separated text (what a spreadsheet puts on the clipboard) and
 * .xlsx workbooks (first sheet). Empty rows are dropped; every other row is kept as written,
 * ragged or not: the mapping decides what a short row means.
 */
export interface SourceRow {
  line: number;
  cells: string[];
}

export interface SourceTable {
  format: 'csv' | 'xlsx';
  /** The text encoding read (null for a workbook or pasted text). */
  encoding: Encoding | null;
  delimiter: ',' | ';' | '\t' | null;
  sheet: string | null;
  rows: SourceRow[];
}

export type TableResult = { ok: true; table: SourceTable } | { ok: false; problem: ImportProblem };

export interface SourceInput {
  text?: string;
  bytes?: Uint8Array;
  /** Read the bytes in this encoding instead of detecting it. */
  encoding?: Encoding;
}

export interface TableLimits {
  /** Data rows at most (the header not counted). */
  maxRows: number;
}

export async function readTable(input: SourceInput, limits: TableLimits): Promise<TableResult> {
  if (input.bytes) {
    const b = input.bytes;
    if (b.length === 0) return empty();
    if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
      const head = new TextDecoder('latin1').decode(b.subarray(0, 100));
      if (head.includes('opendocument'))
        return fail(
          problem(
            'file_ods',
            'this is an OpenDocument spreadsheet: save it as .xlsx or CSV (UTF-8) and try again',
          ),
        );
      return readWorkbook(b, limits);
    }
    if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
      return fail(
        problem(
          'file_xls',
          'this is an old Excel workbook (.xls): save it as .xlsx or CSV (UTF-8) and try again',
        ),
      );
    const decoded = decodeText(b, input.encoding);
    if (!decoded.ok)
      return fail(
        decoded.reason === 'binary'
          ? problem('file_binary', 'this is not a text file, nor an .xlsx workbook')
          : problem(
              'file_encoding',
              'the text encoding cannot be told apart with confidence: save the file as "CSV UTF-8" and try again, or choose the encoding',
            ),
      );
    return readDelimited(decoded.text, decoded.encoding, limits);
  }
  return readDelimited((input.text ?? '').replace(/^\uFEFF/, ''), null, limits);
}

const fail = (p: ImportProblem): TableResult => ({ ok: false, problem: p });
const empty = () =>
  fail(problem('file_empty', 'the file is empty; the first line must name the columns'));

/** The separator of the first line that has one, outside quotes: tab, semicolon or comma. */
function delimiterOf(text: string): ',' | ';' | '\t' {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const counts = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[',']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

function readDelimited(raw: string, encoding: Encoding | null, limits: TableLimits): TableResult {
  const text = raw.replace(/\r\n?/g, '\n');
  if (!text.trim()) return empty();
  const delimiter = delimiterOf(text.replace(/^\s*\n/, ''));
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      // a row past the limit is enough to say the file is too long
      to: limits.maxRows + 2,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; code?: string; message: string };
    const where = e.lines ?? 1;
    return fail(
      problem(
        'csv_syntax',
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field is never closed: a " is missing'
          : `not valid CSV: ${e.message}`,
        { line: where },
      ),
    );
  }
  const rows: SourceRow[] = [];
  for (const r of records) {
    if (r.record.every((c) => c === '')) continue;
    // info.lines is the line the record ends on; a quoted newline makes it span several
    const body = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
    const spans = body.split('\n').length - 1;
    // a formula an export neutralised (`'=…`) reads back as the text typed; never evaluated
    rows.push({ line: r.info.lines - spans, cells: r.record.map(csvCellText) });
  }
  if (rows.length === 0) return empty();
  return { ok: true, table: { format: 'csv', encoding, delimiter, sheet: null, rows } };
}

async function readWorkbook(bytes: Uint8Array, limits: TableLimits): Promise<TableResult> {
  let data: unknown[][];
  let sheet: string | null = null;
  try {
    // a copy: a Node Buffer can be a view of a larger pool
    const sheets = await readXlsxFile(bytes.slice().buffer);
    // the first sheet with something in it (forms tools put the answers first)
    const first =
      sheets.find((s) => s.data.some((r) => r.some((c) => c !== null && c !== ''))) ?? sheets[0];
    data = (first?.data ?? []) as unknown[][];
    sheet = first?.sheet ?? null;
  } catch (err) {
    return fail(
      problem(
        'file_spreadsheet',
        `the workbook cannot be read (${(err as Error).message}); save it as CSV (UTF-8) and try again`,
      ),
    );
  }
  const rows: SourceRow[] = [];
  data.forEach((cells, i) => {
    const text = cells.map(cellText);
    if (text.every((c) => c === '')) return;
    rows.push({ line: i + 1, cells: text });
  });
  if (rows.length === 0) return empty();
  return {
    ok: true,
    table: {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet,
      rows: rows.slice(0, limits.maxRows + 2),
    },
  };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return String(v).trim();
}
