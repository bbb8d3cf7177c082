import { z } from 'zod';
import type { FieldErrorCode } from './constants.ts';

/** Values that make a field error's code precise: `{ maximum: 200 }`, `{ other: 'startsOn' }`. */
export const FieldErrorParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
);
export type FieldErrorParams = z.infer<typeof FieldErrorParams>;

/** One bad field: where, a stable code (see FIELD_ERROR_CODES), its values, and English for people. */
export const FieldError = z.object({
  field: z.string().describe('Path of the field, e.g. `countries.2`'),
  code: z.string().describe('Stable code a client translates, e.g. `too_long`, `required`'),
  params: FieldErrorParams.optional().describe('Values for the code, e.g. `{ "maximum": 200 }`'),
  message: z.string().describe('The same in English, for API and CLI users'),
});
export type FieldError = z.infer<typeof FieldError>;

/** Every error the API returns has this shape; `fields` names each bad field and what is wrong. */
export const ErrorBody = z
  .object({
    error: z.string().describe('Machine-readable error code, e.g. `validation_failed`'),
    message: z.string().describe('A sentence a person can act on'),
    fields: z
      .array(FieldError)
      .optional()
      .describe('One entry per bad field, with its path (`countries.2`) and code'),
    params: FieldErrorParams.optional().describe(
      'Values the code\'s sentence names, e.g. `{ "session": "World café", "round": 2 }`',
    ),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * The options of a refinement whose failure has a stable code: `.refine(ok, coded('duplicate',
 * 'must not repeat an entry'))`. The server reads `params.code` back from the zod issue.
 */
export function coded(code: FieldErrorCode, message: string, params: FieldErrorParams = {}) {
  return { message, params: { ...params, code } };
}

const PATTERN_FORMATS = new Map<string, string>();
/**
 * Names what a regular expression checks (`country`, `key`, `token`…), so a failed match is sent
 * as `invalid_format` with that `format` instead of the pattern: `.regex(format(/^[A-Z]{2}$/,
 * 'country'), '…')`. Returns the expression unchanged.
 */
export function format(re: RegExp, name: string): RegExp {
  PATTERN_FORMATS.set(String(re), name);
  return re;
}
/** The name given to a pattern with `format`, from the `pattern` of a zod `invalid_format` issue. */
export const formatOfPattern = (pattern: string): string | undefined =>
  PATTERN_FORMATS.get(pattern);

export const VisibilitySchema = z.enum(['organisation', 'coalition', 'public']);
export type VisibilityValue = z.infer<typeof VisibilitySchema>;

export const Id = z.string().uuid();

/**
 * Bidirectional formatting controls. Overrides (U+202D LRO, U+202E RLO) make text display in an
 * order other than it is stored — "exe.txt" shown for "txt.exe", a name that reads as another —
 * and are refused everywhere. Embeddings (U+202A/B, U+202C PDF) and isolates (U+2066–U+2069) have
 * uses in right-to-left prose, so free text keeps them; names and other one-line fields refuse all
 * of them (the marks U+200E/U+200F/U+061C stay allowed: they reorder nothing on their own).
 */
const BIDI_OVERRIDE = /[\u202D\u202E]/;
// The overrides are already refused by `text`: listed there, not here, so one character is one error.
const BIDI_EMBEDDING_OR_ISOLATE = /[\u202A-\u202C\u2066-\u2069]/;

/** Text that a person typed: trimmed, no control characters except newlines and tabs. */
export function text(max: number, min = 0) {
  return (
    z
      .string()
      .trim()
      .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
      .max(max, `must be at most ${max} characters`)
      // Control characters are invisible, break CSV/terminal output and are never meant as text.
      .refine(
        // eslint-disable-next-line no-control-regex
        (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
        coded('control_characters', 'must not contain control characters'),
      )
      .refine(
        (s) => !BIDI_OVERRIDE.test(s),
        coded(
          'bidi_override',
          'must not contain bidirectional override characters (U+202D, U+202E)',
        ),
      )
  );
}

/** A name or other short one-line field: `text` without line breaks, tabs or any bidi control. */
export function line(max: number, min = 0) {
  return text(max, min)
    .refine((s) => !/[\n\r\t]/.test(s), coded('multi_line', 'must be one line'))
    .refine(
      (s) => !BIDI_EMBEDDING_OR_ISOLATE.test(s),
      coded(
        'bidi_control',
        'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
      ),
    );
}

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-31, no month 13). */
export const isoDate = z
  .string()
  .regex(format(/^\d{4}-\d{2}-\d{2}$/, 'date'), {
    message: 'must be a date as YYYY-MM-DD',
    abort: true, // one error for one wrong date, not "not YYYY-MM-DD" and "does not exist"
  })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    coded('date_not_exists', 'must be a date that exists'),
  );

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where in a parsed JSON value the first string (or key) matching `bad` is: its path, or undefined.
 */
function firstStringAt(
  value: unknown,
  bad: RegExp,
  path: (string | number)[] = [],
): (string | number)[] | undefined {
  // Iterative on purpose: a hostile body may nest 100,000 levels deep (well within the size limit),
  // and a recursive walk would overflow the stack and answer 500 instead of looking.
  interface Step {
    value: unknown;
    key?: string | number;
    parent?: Step;
  }
  const pathOf = (step: Step, tail: (string | number)[] = []): (string | number)[] => {
    const keys: (string | number)[] = [];
    for (let s: Step | undefined = step; s?.parent; s = s.parent) keys.push(s.key!);
    return [...path, ...keys.reverse(), ...tail];
  };
  const todo: Step[] = [{ value }];
  for (let step = todo.pop(); step; step = todo.pop()) {
    const v = step.value;
    if (typeof v === 'string') {
      if (bad.test(v)) return pathOf(step);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) todo.push({ value: v[i], key: i, parent: step });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      for (const [k] of entries) if (bad.test(k)) return pathOf(step, [k]);
      for (let i = entries.length - 1; i >= 0; i--)
        todo.push({ value: entries[i]![1], key: entries[i]![0], parent: step });
    }
  }
  return undefined;
}

/**
 * Where in a parsed JSON value a string (or key) holds half of a UTF-16 surrogate pair. JSON lets
 * `"\ud800"` through, but it is not text: stored, it becomes invalid UTF-8 that PostgreSQL refuses
 * and exports mangle.
 */
export const unpairedSurrogateAt = (value: unknown, path: (string | number)[] = []) =>
  firstStringAt(value, LONE_SURROGATE, path);

/** A NUL character (U+0000), which no text field means and PostgreSQL cannot store in text. */
// eslint-disable-next-line no-control-regex -- the NUL is what this looks for
const NUL = /\u0000/;
export const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';

/**
 * What makes a parsed JSON value not text, wherever it is: an unpaired surrogate or a NUL, with its
 * path and field-error code. Every request body, query, path and live message is checked once with
 * this before any schema sees it, so no route can forget (PostgreSQL would answer a NUL with an
 * error, a 500, where SQLite stores it).
 */
export function notTextAt(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; code: FieldErrorCode; message: string } | undefined {
  const lone = unpairedSurrogateAt(value, path);
  if (lone) return { path: lone, code: 'unpaired_surrogate', message: UNPAIRED_SURROGATE_MESSAGE };
  const nul = firstStringAt(value, NUL, path);
  if (nul) return { path: nul, code: 'control_characters', message: NUL_MESSAGE };
  return undefined;
}

export const UNPAIRED_SURROGATE_MESSAGE = 'contains an unpaired UTF-16 surrogate (not valid text)';

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() });
