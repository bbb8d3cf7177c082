import type { TFunction } from 'i18next';
import { ApiError } from '../http.ts';
import { errorMessage } from '../shell/errors.ts';

/** Error codes of the factor routes the review screen explains; others fall back to the shell's. */
const KNOWN = [
  'kind_mismatch',
  'factor_not_active',
  'unknown_factor',
  'nothing_to_undo',
  'factor_exists',
  'bad_card',
  'label_required',
] as const;

export function reviewError(t: TFunction, err: unknown): string {
  const code = err instanceof ApiError ? err.body?.error : undefined;
  const known = KNOWN.find((k) => k === code);
  if (known) return t(`review.errors.${known}`);
  return errorMessage(t, err);
}
