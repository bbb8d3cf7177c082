/**
 * Reading a CSV a person made (spreadsheet export, hand-edited file) for the batch commands:
 * UTF-8 with or without a byte-order mark, UTF-16 and the Windows code pages (decoded as the roster
 * import decodes them, src/domain/import/decode.ts), LF or CRLF line ends, quoted fields (commas and line
 * breaks inside quotes), columns in any order, other columns ignored, blank lines skipped.
 * Problems are reported as `<file>: line N[, column C]: what is wrong`, where N is the line of the
 * file on which the record starts (csv-parse counts lines at the end of a record, and counts CRLF
 * inside quoted fields twice, so the line is computed here from the record's byte offset).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeText, ENCODING_LABELS } from '../domain/import/decode.ts';
import { CliError } from './errors.ts';

export interface CsvRow {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  /** Values by lower-case, trimmed header name; trimmed. */
  values: Record<string, string>;
}

/** Offsets at which each line starts; CRLF, LF and lone CR each end one line. */
function lineStarts(buf: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x0a || (c === 0x0d && buf[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

async function readInput(file: string): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(err))}`,
    );
  }
}

/**
 * The file's text as UTF-8 bytes (line numbers are counted on them). A UTF-16 or Windows code
 * page file is decoded; bytes that fit no encoding, or a NUL byte, are refused naming the line.
 */
function decodeOrExplain(raw: Buffer, name: string): Buffer {
  const decoded = decodeText(raw);
  if (decoded.ok) {
    return decoded.encoding === 'utf-8' ? raw : Buffer.from(decoded.text, 'utf8');
  }
  const starts = lineStarts(raw);
  const lineOf = (ok: (part: Buffer) => boolean): number => {
    for (let l = 0; l < starts.length; l++) {
      if (!ok(raw.subarray(starts[l], starts[l + 1] ?? raw.length))) return l + 1;
    }
    return 1;
  };
  if (decoded.reason === 'binary')
    throw new CliError(
      `${name}: line ${lineOf((part) => !part.includes(0))}: a NUL byte — this is not a text file (save it as CSV UTF-8)`,
    );
  const line = lineOf((part) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(part);
      return true;
    } catch {
      return false;
    }
  });
  throw new CliError(
    `${name}: line ${line}: not UTF-8 text, nor another encoding Mosaic recognises (${Object.values(ENCODING_LABELS).join(', ')}); save the file as CSV UTF-8`,
  );
}

/**
 * Reads `file` ('-' for standard input) and returns its records. `required` columns must be in the
 * header; a record lacking one of them (too few fields) is an error naming its line.
 */
export async function readCsv(file: string, required: readonly string[]): Promise<CsvRow[]> {
  const raw = await readInput(file);
  const name = file === '-' ? 'standard input' : file;
  const buf = decodeOrExplain(raw, name);
  const starts = lineStarts(buf);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(buf, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { bytes?: number; message?: string; code?: string };
    // csv-parse's `bytes` is where the failing record or field starts
    let at = Math.min(e.bytes ?? 0, Math.max(0, buf.length - 1));
    while (at > 0 && (buf[at] === 0x0a || buf[at] === 0x0d) && at >= buf.length - 2) at--;
    const line = lineAt(starts, at);
    const what =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed (a " without its closing ")'
        : e.code === 'INVALID_OPENING_QUOTE'
          ? 'a " inside a field that is not quoted (quote the whole field and double the ")'
          : e.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'text after a closing quote (double a " inside a quoted field)'
            : (e.message ?? String(err)).replace(/ at line \d+.*$/, '');
    throw new CliError(`${name}: line ${line}: ${what}`);
  }
  const first = records[0];
  if (!first)
    throw new CliError(`${name}: empty file (a header line is needed: ${required.join(',')})`);
  const header = first.record.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CliError(
      `${name}: line 1: the header needs the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} (found: ${header.join(', ')})`,
    );
  const rows: CsvRow[] = [];
  let previousEnd = first.info.bytes;
  for (const { record, info } of records.slice(1)) {
    // the record starts at the first byte after the previous one that is not a line break
    let start = previousEnd;
    while (start < buf.length && (buf[start] === 0x0a || buf[start] === 0x0d)) start++;
    previousEnd = info.bytes;
    const line = lineAt(starts, start);
    if (record.every((v) => v.trim() === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h && values[h] === undefined) values[h] = (record[i] ?? '').trim();
    });
    for (const c of required) {
      const i = header.indexOf(c);
      if (i >= record.length)
        throw new CliError(
          `${name}: line ${line}, column ${c}: missing (the line has ${record.length} field${record.length === 1 ? '' : 's'}, the header ${header.length})`,
        );
    }
    rows.push({ line, values });
  }
  return rows;
}
