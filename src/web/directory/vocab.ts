import type { TFunction } from 'i18next';
import {
  FORMS_OF_EXPLOITATION,
  KINDS_OF_WORK,
  LANGUAGES,
  ORGANISATION_TYPES,
  POPULATIONS,
  SUPPORT_SERVICES,
  VISIBILITIES,
} from '../../contract/vocab.ts';

/** Each code list of the contract, with the i18n namespace of its labels. */
export const VOCABS = {
  type: ORGANISATION_TYPES,
  kindOfWork: KINDS_OF_WORK,
  supportService: SUPPORT_SERVICES,
  form: FORMS_OF_EXPLOITATION,
  population: POPULATIONS,
  language: LANGUAGES,
  visibility: VISIBILITIES,
} as const;
export type VocabName = keyof typeof VOCABS;
export type VocabCode<V extends VocabName> = (typeof VOCABS)[V][number];

/** Every label key; i18n.test.ts checks that each exists in every language. */
type VocabKey = { [V in VocabName]: `vocab.${V}.${VocabCode<V>}` }[VocabName];

/** The translated label of a code; an unknown code (newer server) shows as itself. */
export function label<V extends VocabName>(t: TFunction, vocab: V, code: string): string {
  if (!isCode(vocab, code)) return code;
  // `code` is one of the vocabulary's codes (just checked), so the key is a VocabKey
  return t(`vocab.${vocab}.${code}` as VocabKey);
}

export function isCode<V extends VocabName>(vocab: V, x: unknown): x is VocabCode<V> {
  return typeof x === 'string' && (VOCABS[vocab] as readonly string[]).includes(x);
}
