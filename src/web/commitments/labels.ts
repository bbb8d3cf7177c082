import type { TFunction } from 'i18next';
import type { Commitment } from '../../contract/commitments.ts';
import { isCode } from '../directory/vocab.ts';

/** The status words, and what the follow-up list says about a commitment. */
export const statusLabel = (t: TFunction, s: Commitment['status']) => t(`commitments.status.${s}`);

export function stateLabels(t: TFunction, c: Pick<Commitment, 'state'>): string[] {
  const out: string[] = [];
  if (c.state.due) out.push(t('commitments.state.due'));
  if (c.state.overdue) out.push(t('commitments.state.overdue'));
  if (c.state.stale !== null) out.push(t('commitments.state.stale', { days: c.state.stale }));
  return out;
}

/** A form of exploitation in the reader's language. */
export function formLabel(t: TFunction, code: string): string {
  return isCode('form', code) ? t(`vocab.form.${code}`) : code;
}
