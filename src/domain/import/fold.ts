import { normalizeName } from '../geo/normalize.ts';

/**
 * The key two spellings of a header or a value meet on: lower case, diacritics and punctuation
 * gone, camelCase and letter-digit runs split. "Law-Enforcement", "law_enforcement",
 * "lawEnforcement" and "LAW ENFORCEMENT" all fold to "law enforcement"; "choice1" and
 * "Choice #1" to "choice 1"; "Organización" to "organizacion".
 */
export function fold(s: string): string {
  const split = s.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{L})(\p{N})/gu, '$1 $2');
  return normalizeName(split);
}

/** Whether `phrase` (folded) occurs in `text` (folded) as whole words. */
export function hasPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${text} `.includes(` ${phrase} `);
}
