import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';

/** A sentence for a failed join call, from the phone's own keys. */
export function joinError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('join.errNetwork');
    if (err.status === 404) return t('join.errNoEvent');
    if (err.status === 429) return t('join.errRateLimited');
    if (err.status === 409) return t('join.errAlreadyJoined');
    if (err.status === 403) return t('join.errNoWalkIns');
  }
  return t('join.errGeneric');
}
