/**
 * A card's tags: codes from four closed lists (the contract's `CardTags`), never free text, so the
 * sheets' exports line up with the atlas and other systems and every tag reads in English and
 * Thai. Zod-free, for the phone bundle.
 */
import type { TFunction as TF } from 'i18next';
import type { Card } from '../../contract/cards.ts';
import { ILO_INDICATORS } from '../../contract/constants.ts';
import { FORMS_OF_EXPLOITATION, LABOUR_SECTORS, POPULATIONS } from '../../contract/vocab.ts';

type TFunction = TF<'translation', undefined>;
export type Tags = Card['tags'];
export type TagGroup = keyof Tags;

/** The lists, in the order a person picks from them: what, where, who, which signs. */
export const TAG_GROUPS: readonly { group: TagGroup; codes: readonly string[] }[] = [
  { group: 'forms', codes: FORMS_OF_EXPLOITATION },
  { group: 'sectors', codes: LABOUR_SECTORS },
  { group: 'populations', codes: POPULATIONS },
  { group: 'ilo', codes: ILO_INDICATORS },
];

export const emptyTags = (): Tags => ({ forms: [], sectors: [], populations: [], ilo: [] });

/** Each list in its vocabulary's order, each code once (as the server stores them). */
export function normalTags(t: Partial<Tags> | undefined): Tags {
  const out = emptyTags();
  for (const { group, codes } of TAG_GROUPS) {
    const chosen = (t?.[group] ?? []) as readonly string[];
    (out[group] as string[]) = codes.filter((c) => chosen.includes(c));
  }
  return out;
}

export function sameTags(a: Partial<Tags> | undefined, b: Partial<Tags> | undefined): boolean {
  return JSON.stringify(normalTags(a)) === JSON.stringify(normalTags(b));
}

/** Adds or removes one code. */
export function toggleTag(t: Tags, group: TagGroup, code: string): Tags {
  const list = t[group] as readonly string[];
  const next = list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
  return normalTags({ ...t, [group]: next });
}

export function tagCount(t: Partial<Tags> | undefined): number {
  return TAG_GROUPS.reduce((n, { group }) => n + (t?.[group]?.length ?? 0), 0);
}

export const tagGroupLabel = (t: TFunction, g: TagGroup) => t(`sheets.tags.groups.${g}`);
export const tagLabel = (t: TFunction, g: TagGroup, code: string) =>
  t(`sheets.tags.${g}.${code}` as 'sheets.tags.forms.Other');

/** Every tag of a card as words, in list order. */
export function tagWords(t: TFunction, tags: Partial<Tags> | undefined): string[] {
  const n = normalTags(tags);
  return TAG_GROUPS.flatMap(({ group }) =>
    (n[group] as readonly string[]).map((c) => tagLabel(t, group, c)),
  );
}
