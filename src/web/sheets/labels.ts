/**
 * Words shared by every sheet view (phone, wall, console, print): a card's layer ("added in round 3
 * by Table 2"), kinds and levels. Rounds are 0-based on the wire and 1-based for people.
 */
import type { TFunction as TF } from 'i18next';
import type { Card } from '../../contract/cards.ts';
import { fieldErrorText, type CodedError } from '../shell/errors.ts';

/** The default namespace's `t`: cheaper for the compiler than `ReturnType<typeof useTranslation>`. */
type TFunction = TF<'translation', undefined>;

export interface TableRef {
  id: string;
  name: string;
}

export function tableName(tables: readonly TableRef[], id: string | null): string | null {
  if (!id) return null;
  return tables.find((t) => t.id === id)?.name ?? null;
}

/** "Round 3 · Table 2", "Round 3", or "" for a card added outside a café round. */
export function layerText(
  t: TFunction,
  tables: readonly TableRef[],
  c: Pick<Card, 'round' | 'tableId'>,
): string {
  if (c.round === null) return '';
  const table = tableName(tables, c.tableId);
  return table
    ? t('sheets.layer', { round: c.round + 1, table })
    : t('sheets.layerRound', { round: c.round + 1 });
}

export const kindLabel = (t: TFunction, k: Card['kind']) => t(`sheets.kinds.${k}`);
export const levelLabel = (t: TFunction, l: Card['level']) => t(`sheets.levels.${l}`);

const REASONS = ['not_host', 'forbidden', 'not_found', 'unknown_issue', 'rate_limited'] as const;

/**
 * "Not saved: …" for an intent the server refused, in the reader's language: from the refusal's
 * reason code (and for a bad field, its code and values: "Use at most 280 characters."), never
 * from the server's English message; only a reason this page does not know shows the server's words.
 */
export function refusal(
  t: TFunction,
  r: { error: string; message: string; field?: string | undefined } & CodedError,
): string {
  const known = REASONS.find((x) => x === r.error);
  const why = known
    ? t(`sheets.phone.reasons.${known}`)
    : r.error === 'invalid_intent'
      ? r.code
        ? fieldErrorText(t, r)
        : t('sheets.phone.reasons.invalid_intent', { field: r.field ?? '' })
      : r.message;
  return t('sheets.phone.rejected', { message: why });
}
