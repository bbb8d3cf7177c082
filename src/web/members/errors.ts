import type { TFunction } from 'i18next';
import { ApiError } from '../http.ts';
import { errorMessage } from '../shell/errors.ts';

/** Error codes these pages explain in the interface language; others fall back to the shell's. */
const KNOWN = [
  'already_member',
  'own_membership',
  'invalid_link',
  'invalid_code',
  'invalid_credentials',
  'unknown_organisation',
  'second_factor_enabled',
] as const;

export function membersError(t: TFunction, err: unknown): string {
  const code = err instanceof ApiError ? err.body?.error : undefined;
  const known = KNOWN.find((k) => k === code);
  if (known) return t(`members.errors.${known}`);
  if (err instanceof ApiError && err.status === 400) return t('members.errors.invalid');
  return errorMessage(t, err);
}
