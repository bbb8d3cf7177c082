import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';
import { fieldErrorText, refusalMessage, type LabelOf } from '../shell/errors.ts';

export type FieldErrors = Record<string, string>;

/**
 * Splits a failed call into per-field messages (keyed by the field's path) and a general one, both
 * in the interface language from the server's codes. `labelOf` names other fields a message
 * mentions ("must not be before “Start date”") as the form labels them.
 */
export function splitError(
  t: TFunction,
  err: unknown,
  labelOf?: LabelOf,
): { fields: FieldErrors; general: string | null } {
  if (err instanceof ApiError && err.body?.fields?.length) {
    const fields: FieldErrors = {};
    for (const f of err.body.fields) fields[f.field] ??= fieldErrorText(t, f, labelOf);
    return { fields, general: null };
  }
  return { fields: {}, general: refusalMessage(t, err) };
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
