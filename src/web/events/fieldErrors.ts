import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';
import { errorMessage, fieldMessage } from '../shell/errors.ts';

export type FieldErrors = Record<string, string>;

/** Splits a failed call into per-field messages (keyed by the field's path) and a general one. */
export function splitError(
  t: TFunction,
  err: unknown,
): { fields: FieldErrors; general: string | null } {
  if (err instanceof ApiError && err.body?.fields?.length) {
    const fields: FieldErrors = {};
    for (const f of err.body.fields) fields[f.field] ??= fieldMessage(t, f.message);
    return { fields, general: null };
  }
  if (
    err instanceof ApiError &&
    err.status >= 400 &&
    err.status < 500 &&
    err.body?.message &&
    err.status !== 401 &&
    err.status !== 403 &&
    err.status !== 429
  )
    return { fields: {}, general: err.body.message };
  return { fields: {}, general: errorMessage(t, err) };
}

/** Moves focus to the first field with an error, so a keyboard or reader user lands on it. */
export function focusFirstError(ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) {
        el.focus();
        return;
      }
    }
  });
}
