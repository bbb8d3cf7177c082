import { z } from 'zod';
import { line } from './common.ts';
import { IMPORT_ENCODINGS } from './constants.ts';

/**
 * Importing a table (CSV, tab- or semicolon-separated text, .xlsx) into Mosaic: the participant
 * roster today; organisations, routes and cards reuse the same shapes. A request carries the file
 * (or pasted text) and the person's choices so far — which column is which field, which key an
 * unknown value stands for. The answer is an analysis: how each column was matched, each value no
 * vocabulary knows (once, with how many rows hold it), and row problems grouped by kind.
 */

export { IMPORT_ENCODINGS } from './constants.ts';

/**
 * The largest file an import reads: 100,000 lines of a coalition's organisations or routes as
 * exported (100–200 bytes a line) fit; a 50 MB file is refused before it is read. A .xlsx of
 * 5,000 rows is well under 2 MB.
 */
export const MAX_IMPORT_MB = 24;
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_MB * 1024 * 1024;
export const MAX_IMPORT_TEXT = MAX_IMPORT_MB * 1_000_000;
/** The request body of an import: the file in base64 (a third more) and the choices. */
export const IMPORT_BODY_LIMIT = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 1024 * 1024;

export const ImportChoices = z
  .object({
    /** Header as written → field key, or null to ignore the column. */
    columns: z.record(z.string().max(500), z.string().max(64).nullable()).default({}),
    /** Vocabulary → (value as written or folded → key, or '' to leave the value out). */
    values: z
      .record(z.string().max(64), z.record(z.string().max(500), z.string().max(64)))
      .default({}),
  })
  .strict();
export type ImportChoices = z.infer<typeof ImportChoices>;

export const ImportRequest = z
  .object({
    /** Pasted text (or a file the client read as text). */
    csv: z.string().max(MAX_IMPORT_TEXT, `must be at most ${MAX_IMPORT_MB} MB`).optional(),
    /** An uploaded file, its bytes in base64: the server detects the encoding or the workbook. */
    file: z
      .object({
        name: line(255),
        data: z
          .string()
          .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, `must be at most ${MAX_IMPORT_MB} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      })
      .strict()
      .optional(),
    /** Read the file's bytes in this encoding instead of detecting it. */
    encoding: z.enum(IMPORT_ENCODINGS).optional(),
    choices: ImportChoices.default({ columns: {}, values: {} }),
    dryRun: z.boolean().default(true),
  })
  .strict()
  .refine((r) => (r.csv === undefined) !== (r.file === undefined), {
    path: ['csv'],
    message: 'give either csv (text) or file (base64), not both or neither',
  });
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportProblem = z.object({
  code: z.string(),
  line: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
  params: z.record(z.string(), z.number()),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportProblemGroup = z.object({
  code: z.string(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  count: z.number(),
  items: z.array(ImportProblem),
});
export type ImportProblemGroup = z.infer<typeof ImportProblemGroup>;

export const ImportColumn = z.object({
  index: z.number(),
  header: z.string(),
  hxl: z.string().nullable(),
  field: z.string().nullable(),
  how: z.enum(['chosen', 'saved', 'hxl', 'name', 'words']).nullable(),
  ignored: z.enum(['unknown', 'duplicate', 'chosen']).nullable(),
  wanted: z.string().nullable(),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

export const ImportUnmatched = z.object({
  vocabulary: z.string(),
  value: z.string(),
  folded: z.string(),
  count: z.number(),
  columns: z.array(z.string()),
  firstLine: z.number(),
  candidates: z.array(z.string()),
});
export type ImportUnmatched = z.infer<typeof ImportUnmatched>;

export const ImportField = z.object({
  key: z.string(),
  required: z.boolean(),
  repeatable: z.boolean(),
});

export const ImportOption = z.object({
  key: z.string(),
  label: z.string(),
  /** The interface's translation key for this entry's label (`vocab.type.NGO`), when it has one. */
  labelKey: z.string().nullable(),
});

export const ImportAnalysis = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(IMPORT_ENCODINGS).nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  hxl: z.boolean(),
  /** Data rows in the file, and rows ready to import. */
  rowCount: z.number(),
  ready: z.number(),
  columns: z.array(ImportColumn),
  fields: z.array(ImportField),
  unmatched: z.array(ImportUnmatched),
  /** Choices for each vocabulary that has an unmatched value (labels in English). */
  options: z.record(z.string(), z.array(ImportOption)),
  problemCount: z.number(),
  groups: z.array(ImportProblemGroup),
});
export type ImportAnalysis = z.infer<typeof ImportAnalysis>;

export const ImportFailure = z.object({
  error: z.enum(['csv_invalid', 'file_unreadable']),
  message: z.string(),
  /** Every problem, in file order (capped at 1,000; `analysis.groups` counts them all). */
  problems: z.array(ImportProblem),
  analysis: ImportAnalysis.nullable(),
});
export type ImportFailure = z.infer<typeof ImportFailure>;

/** The entities `POST /api/imports/<entity>` takes (the roster has its own route under its event). */
export const IMPORT_ENTITIES = ['organisations', 'routes', 'cards'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** Rows per import of organisations, routes or cards; a longer file is refused before any check. */
export const MAX_ENTITY_IMPORT_ROWS = 100_000;

export const EntityImportQuery = z
  .object({
    /** Cards: the event whose sheets they belong to. */
    event: z.string().uuid('must be an event id').optional(),
    /**
     * An id the client chose for this import (a UUID): while it runs, the server reports how far
     * it is under this id (`GET /api/imports/progress/:id`, the same person only).
     */
    progress: z.string().uuid('must be a UUID').optional(),
  })
  .strict();
export type EntityImportQuery = z.infer<typeof EntityImportQuery>;

/**
 * How far a running import is: `waiting` (not begun, or no import of yours has this id),
 * `checking` the lines, then `storing` the rows (`done` of `total`), then `done` (stored, or a
 * dry run finished) or `refused` (nothing stored).
 */
export const ImportProgress = z.object({
  phase: z.enum(['waiting', 'checking', 'storing', 'done', 'refused']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
export const ImportProgressParams = z.object({ id: z.string().uuid('must be a UUID') }).strict();

export const EntityImportResult = z.object({
  ok: z.literal(true),
  dryRun: z.boolean(),
  entity: z.enum(IMPORT_ENTITIES),
  /** Rows ready (dry run) or stored (import). */
  count: z.number(),
  analysis: ImportAnalysis,
});
export type EntityImportResult = z.infer<typeof EntityImportResult>;
