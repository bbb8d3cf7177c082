import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { RouteCreate, type ImportResult } from '../../../contract/atlas.ts';
import { getPlace, searchPlaces } from '../../../domain/geo/index.ts';
import { isCode } from '../../../domain/taxonomy/codes.ts';
import type { RouteFields } from '../../db/repos/routes.ts';
import { fieldErrorsOf } from '../../http/issues.ts';
import { resolveFields, noteWarnings } from './route-service.ts';

/**
 * CSV import of routes. Columns (header row required, order free):
 *   source, transits, border_crossings, destination, forms, sectors, populations,
 *   year_from, year_to, confidence, basis, notes, visibility
 * Places are ids (TH, TH-63, city:1152188, pt:16.7,98.5) or names, optionally with a country code
 * after a comma ("Mae Sot, TH"); lists are separated by ";". `border_crossings` lists which of the
 * transits are border crossings. All or nothing: one bad line and nothing is stored.
 */
export const CSV_COLUMNS = [
  'source',
  'transits',
  'border_crossings',
  'destination',
  'forms',
  'sectors',
  'populations',
  'year_from',
  'year_to',
  'confidence',
  'basis',
  'notes',
  'visibility',
] as const;

type Problem = ImportResult['errors'][number];

/** A place written by a person: an id, or a name that names exactly one place best. */
export function resolvePlaceRef(ref: string): { id?: string; error?: string } {
  const s = ref.trim();
  if (!s) return { error: 'is empty' };
  if (getPlace(s)) return { id: s };
  const m = /^(.*?),\s*([A-Za-z]{2})$/.exec(s);
  const name = m ? m[1]! : s;
  const country = m ? m[2]!.toUpperCase() : undefined;
  const hits = searchPlaces(name, { limit: 2, ...(country ? { countries: [country] } : {}) });
  const best = hits[0];
  if (!best || best.quality !== 'exact')
    return { error: `"${s}" is not a known place (use an id such as city:1152188, or "Name, CC")` };
  return { id: best.place.id };
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export interface ParsedImport {
  lines: number;
  routes: RouteFields[];
  errors: Problem[];
  warnings: Problem[];
}

type CsvRecord = { record: Record<string, string>; info: { lines: number } };

export function parseRoutesCsv(csv: string, organisationId: string | null): ParsedImport {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  let records: CsvRecord[];
  try {
    // With `columns` the rows are objects by header, and with `info` each comes with its lines.
    records = parse<CsvRecord>(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      max_record_size: 20_000,
    });
  } catch (err) {
    // csv-parse's CsvError names the line it stopped at.
    const line =
      err instanceof Error && 'lines' in err && typeof err.lines === 'number' ? err.lines : 1;
    return {
      lines: 0,
      routes: [],
      errors: [
        {
          line,
          column: '',
          message: err instanceof Error ? err.message : 'malformed CSV',
        },
      ],
      warnings,
    };
  }
  if (records.length === 0)
    return {
      lines: 0,
      routes: [],
      errors: [{ line: 1, column: '', message: 'no routes: the file has a header but no lines' }],
      warnings,
    };
  const header = Object.keys(records[0]!.record);
  for (const col of header)
    if (!isCode(CSV_COLUMNS, col))
      errors.push({
        line: 1,
        column: col,
        message: `unknown column; expected some of ${CSV_COLUMNS.join(', ')}`,
      });
  for (const col of ['source', 'destination', 'forms', 'confidence', 'basis'])
    if (!header.includes(col))
      errors.push({ line: 1, column: col, message: 'required column is missing' });
  if (errors.length) return { lines: records.length, routes: [], errors, warnings };

  const routes: RouteFields[] = [];
  for (const { record: r, info } of records) {
    const line = info.lines;
    const lineErrors: Problem[] = [];
    const place = (column: string, ref: string) => {
      const res = resolvePlaceRef(ref);
      if (res.error)
        lineErrors.push({
          line,
          column,
          message: res.error,
          ...(ref.trim()
            ? { code: 'unknown_place', params: { value: ref.trim() } }
            : { code: 'required' }),
        });
      return res.id ?? '';
    };
    const borders = new Set(list(r.border_crossings).map((b) => place('border_crossings', b)));
    const transits = list(r.transits).map((t) => {
      const id = place('transits', t);
      return { place: id, borderCrossing: borders.has(id) };
    });
    for (const b of borders)
      if (b && !transits.some((t) => t.place === b))
        lineErrors.push({
          line,
          column: 'border_crossings',
          code: 'invalid',
          message: `"${b}" is not among the transits`,
        });
    const year = (v: string | undefined) =>
      v ? (/^\d{4}$/.test(v) ? Number(v) : Number.NaN) : null;
    const draft = {
      source: place('source', r.source ?? ''),
      destination: place('destination', r.destination ?? ''),
      transits,
      forms: list(r.forms),
      sectors: list(r.sectors),
      populations: list(r.populations),
      yearFrom: year(r.year_from),
      yearTo: year(r.year_to),
      confidence: r.confidence,
      basis: r.basis,
      notes: r.notes ?? '',
      visibility: r.visibility || 'coalition',
    };
    // Check the rest of the line even when a place is unknown, so one pass lists every problem.
    const parsed = RouteCreate.safeParse(
      lineErrors.length ? { ...draft, source: 'AA', destination: 'AB', transits: [] } : draft,
    );
    if (!parsed.success)
      lineErrors.push(
        ...parsed.error.issues.map((i) => {
          const [f] = fieldErrorsOf(i, draft, '');
          return {
            line,
            column: columnOf(i),
            message: i.message,
            code: f!.code,
            ...(f!.params && { params: f!.params }),
          };
        }),
      );
    if (lineErrors.length || !parsed.success) {
      errors.push(...lineErrors);
      continue;
    }
    const { fields, errors: fieldErrors } = resolveFields(parsed.data, organisationId);
    if (!fields) {
      errors.push(
        ...fieldErrors.map((e) => ({
          line,
          column: columnOf({ path: e.field.split('.') }),
          message: e.message,
          code: e.code ?? 'invalid',
          ...(e.params && { params: e.params }),
        })),
      );
      continue;
    }
    for (const w of noteWarnings(fields.notes))
      warnings.push({ line, column: 'notes', message: w.message });
    routes.push(fields);
  }
  return { lines: records.length, routes, errors, warnings };
}

const FIELD_TO_COLUMN: Record<string, string> = {
  yearFrom: 'year_from',
  yearTo: 'year_to',
};

function columnOf(issue: { path: readonly PropertyKey[] } | z.core.$ZodIssue): string {
  const head = String(issue.path[0] ?? '');
  return FIELD_TO_COLUMN[head] ?? head;
}
