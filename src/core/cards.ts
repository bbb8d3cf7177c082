/**
 * World-café cards as both the server and the phone see them: the limits of a card's text and the
 * canonical form of its tags. One definition, zod-free, so the phone bundle carries it and the
 * server stores exactly what the phone shows.
 */
import type { CardTags } from '../contract/cards.ts';
import {
  CARD_KINDS,
  CARD_LEVELS,
  ILO_INDICATORS,
  MAX_CARD_LENGTH,
  type CardKindCode,
  type CardLevelCode,
} from '../contract/constants.ts';
import { FORMS_OF_EXPLOITATION, LABOUR_SECTORS, POPULATIONS } from '../contract/vocab.ts';

export { CARD_KINDS, CARD_LEVELS, MAX_CARD_LENGTH, type CardKindCode, type CardLevelCode };

/**
 * A card's length as the limit counts it: code points of the trimmed text, so a card of emoji or
 * of CJK outside the basic plane counts one per character on the phone and on the server alike
 * (zod 4's `max` on the server counts code points too; `core/cards.test.ts` holds them together).
 */
export function cardTextLength(text: string): number {
  return [...text.trim()].length;
}

/** Why a card's text cannot be sent, or null when it can. */
export function cardTextProblem(text: string): 'empty' | 'tooLong' | null {
  const n = cardTextLength(text);
  if (n === 0) return 'empty';
  return n > MAX_CARD_LENGTH ? 'tooLong' : null;
}

export type Tags = CardTags;
export type TagGroup = keyof Tags;

/** The four tag lists, in the order a person picks from them: what, where, who, which signs. */
export const TAG_GROUPS: readonly { group: TagGroup; codes: readonly string[] }[] = [
  { group: 'forms', codes: FORMS_OF_EXPLOITATION },
  { group: 'sectors', codes: LABOUR_SECTORS },
  { group: 'populations', codes: POPULATIONS },
  { group: 'ilo', codes: ILO_INDICATORS },
];

export const emptyTags = (): Tags => ({ forms: [], sectors: [], populations: [], ilo: [] });

/**
 * Tags as stored (TAG-1): each list in its vocabulary's order, each code once, codes outside the
 * vocabulary dropped, so the same tags are always the same JSON whatever order a client sent them
 * in (SYNC-6 compares them as a whole).
 */
export function canonicalTags(t: Partial<Tags> | undefined): Tags {
  const out = emptyTags();
  for (const { group, codes } of TAG_GROUPS) {
    const chosen = (t?.[group] ?? []) as readonly string[];
    (out[group] as string[]) = codes.filter((c) => chosen.includes(c));
  }
  return out;
}

export function sameTags(a: Partial<Tags> | undefined, b: Partial<Tags> | undefined): boolean {
  return JSON.stringify(canonicalTags(a)) === JSON.stringify(canonicalTags(b));
}

/** Adds or removes one code. */
export function toggleTag(t: Tags, group: TagGroup, code: string): Tags {
  const list = t[group] as readonly string[];
  const next = list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
  return canonicalTags({ ...t, [group]: next });
}

export function tagCount(t: Partial<Tags> | undefined): number {
  return TAG_GROUPS.reduce((n, { group }) => n + (t?.[group]?.length ?? 0), 0);
}
