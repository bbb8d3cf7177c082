import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV Mosaic writes goes through here (issue 10, hole 8). A spreadsheet opening the file
 * reads a cell that starts with `=`, `+`, `-` or `@` (or a tab, CR or LF before one) as a formula:
 * a card's text like `=HYPERLINK("https://…?"&A1)` would run on a coordinator's machine. Such text
 * cells get a leading single quote (OWASP's CSV injection guidance), which spreadsheets show as
 * text and which keeps the rest of the text as it was typed. The full-width forms (＝ ＋ － ＠)
 * count too: some spreadsheet locales read them as formulas. Numbers stay numbers, negative ones
 * included: only text is neutralised. HXL hashtag rows (`#meta+id`) start with `#` and pass as
 * they are. ESLint keeps `csv-stringify` out of every other file.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export type CsvValue = string | number | null | undefined;

/** A cell as written: text that a spreadsheet would run is quoted with `'`; numbers as they are. */
export function csvCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV text (RFC 4180: a cell with a comma, quote or line break is quoted), `\n` lines.
 * Cells are not all quoted: HXL rows and plain files stay byte for byte what readers expect.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  // A lone CR is a line break to most readers, but not one csv-stringify quotes on its own.
  return stringify(
    rows.map((r) => r.map(csvCell)),
    { quoted_match: /\r/ },
  );
}

const NEUTRALISED = /^'(?=[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * The inverse of `csvCell` for an import: a cell Mosaic (or another careful tool) neutralised with
 * a leading `'` reads back as the text that was typed. The text is stored, never evaluated.
 */
export function csvCellText(cell: string): string {
  return cell.replace(NEUTRALISED, '');
}
