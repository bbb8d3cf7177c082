/**
 * A card's tags in words: codes from four closed lists (the contract's `CardTags`), never free
 * text, so the sheets' exports line up with the atlas and other systems and every tag reads in
 * English and Thai. The lists and their canonical form are in `core/cards.ts`.
 */
import type { TFunction as TF } from 'i18next';
import { TAG_GROUPS, canonicalTags, type TagGroup, type Tags } from '../../core/cards.ts';

type TFunction = TF<'translation', undefined>;

export const tagGroupLabel = (t: TFunction, g: TagGroup) => t(`sheets.tags.groups.${g}`);
export const tagLabel = (t: TFunction, g: TagGroup, code: string) =>
  t(`sheets.tags.${g}.${code}` as 'sheets.tags.forms.Other');

/** Every tag of a card as words, in list order. */
export function tagWords(t: TFunction, tags: Partial<Tags> | undefined): string[] {
  const n = canonicalTags(tags);
  return TAG_GROUPS.flatMap(({ group }) =>
    (n[group] as readonly string[]).map((c) => tagLabel(t, group, c)),
  );
}
