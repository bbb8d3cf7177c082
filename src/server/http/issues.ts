/**
 * Turns a zod issue into the API's field error: a stable code with its values (`too_long`,
 * `{ maximum: 200 }`), the field's path, and zod's or the contract's English sentence beside it.
 * Clients translate the code; nothing downstream reads the sentence.
 */
import { formatOfPattern, type FieldError, type FieldErrorParams } from '../../contract/common.ts';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../../contract/constants.ts';
import { isCode } from '../../domain/taxonomy/codes.ts';

/** What a zod (v4) issue carries, loosely: the code, where, the sentence, and code-specific values. */
export interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}
/** The code-specific values of an issue (`minimum`, `values`, `format`, `params`…). */
type Issue = IssueLike & Readonly<Record<string, unknown>>;
/** A field error whose code is one of FIELD_ERROR_CODES. */
export type CodedFieldError = FieldError & { code: FieldErrorCode };

/** Enumerations longer than this are not listed in `options` (a client shows a picker anyway). */
const MAX_OPTIONS = 12;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    // A value of unknown shape, walked by the issue's path: any property of an object may be read.
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const num = (x: unknown): number | undefined =>
  typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : undefined;

function sized(
  issue: Issue,
  limit: 'minimum' | 'maximum',
): { code: FieldErrorCode; params: FieldErrorParams } {
  const n = num(issue[limit]);
  const params: FieldErrorParams = n === undefined ? {} : { [limit]: n };
  const small = limit === 'minimum';
  switch (issue.origin) {
    case 'string':
      if (small && n === 1) return { code: 'required', params: {} };
      return { code: small ? 'too_short' : 'too_long', params };
    case 'array':
    case 'set':
      return { code: small ? 'too_few' : 'too_many', params };
    default:
      if (issue.inclusive === false) params.exclusive = true;
      return { code: small ? 'too_small' : 'too_big', params };
  }
}

function codeOf(issue: Issue, input: unknown): { code: FieldErrorCode; params?: FieldErrorParams } {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return { code: 'required' };
      if (issue.expected === 'int') return { code: 'not_integer' };
      return { code: 'invalid_type', params: { expected: String(issue.expected) } };
    case 'too_small':
      return sized(issue, 'minimum');
    case 'too_big':
      return sized(issue, 'maximum');
    case 'invalid_value': {
      const values = Array.isArray(issue.values) ? issue.values.map(String) : [];
      return {
        code: 'invalid_option',
        ...(values.length && values.length <= MAX_OPTIONS && { params: { options: values } }),
      };
    }
    case 'invalid_format': {
      const f =
        issue.format === 'regex' && typeof issue.pattern === 'string'
          ? (formatOfPattern(issue.pattern) ?? 'pattern')
          : String(issue.format);
      return { code: 'invalid_format', params: { format: f } };
    }
    case 'custom': {
      const given = issue.params;
      const entries = typeof given === 'object' && given !== null ? Object.entries(given) : [];
      const code: unknown = entries.find(([k]) => k === 'code')?.[1];
      if (typeof code === 'string' && isCode(FIELD_ERROR_CODES, code)) {
        const params = Object.fromEntries(
          entries
            .filter(([k]) => k !== 'code')
            .filter(
              (e): e is [string, FieldErrorParams[string]] =>
                ['string', 'number', 'boolean'].includes(typeof e[1]) || Array.isArray(e[1]),
            ),
        );
        return {
          code,
          ...(Object.keys(params).length > 0 && { params }),
        };
      }
      return { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/**
 * The field errors of one issue (an unknown-keys issue names each key). `input` is the value that
 * was validated, to tell a missing field (`required`) from one of the wrong type; `where` names
 * the whole input when the issue is about the root (`body`, `query`).
 */
export function fieldErrorsOf(
  anIssue: IssueLike,
  input: unknown,
  where = 'body',
): CodedFieldError[] {
  // zod's issue types are interfaces (no index signature): their code-specific values are read
  // through `Issue`, each checked with typeof where it is used.
  const issue = anIssue as Issue;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
    return issue.keys.map((k) => ({
      field: path ? `${path}.${String(k)}` : String(k),
      code: 'unknown_field',
      message: 'is not a known field',
    }));
  }
  const { code, params } = codeOf(issue, input);
  return [{ field: path || where, code, ...(params && { params }), message: issue.message }];
}
