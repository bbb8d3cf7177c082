/**
 * People's names as a room reads them: told apart when two people share one, sorted and grouped
 * under index letters in any script. Zod-free and DOM-free: the projector, the console, the swap
 * lists and the phone all use these, so a name reads the same everywhere.
 */

import { LATIN_EXTRA, type Named, nameKey } from '../../core/names.ts';

// Telling people of one name apart is shared with the server (its swap warnings): see core.
export { displayName, nameKey, nameQualifiers, type Named } from '../../core/names.ts';

/** Thai and Lao vowels written before the consonant they follow: dictionaries skip them. */
const PREPOSED = /^[\u0E40-\u0E44\u0EC0-\u0EC4]/u;
const LETTER = /[\p{L}\p{N}]/u;
const LATIN = /\p{Script=Latin}/u;
const ASCII_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The symbol under which a name is indexed when it starts with no letter at all. */
export const OTHER_KEY = '#';

let segmenter: Intl.Segmenter | undefined;
/** Grapheme clusters; where a browser has no Intl.Segmenter (Firefox before 125), a code point
 * with the combining marks that follow it, which is enough to find a first letter. */
function graphemes(s: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return s.match(/\P{M}\p{M}*/gu) ?? [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/**
 * The index letter of a name, as a directory or a phone's contact list would file it: the first
 * letter with its accents folded in Latin ("Đặng" and "Dao" under D, "Ömer" under O), the first
 * consonant in Thai and Lao (a preposed vowel is skipped: "เสกสรร" under ส), the first consonant
 * of an Indic or Khmer cluster, the first character in Chinese (the family name), the first jamo
 * of a Korean syllable. Digits and symbols go under "#".
 */
export function indexKey(name: string): string {
  const gs = graphemes(name.normalize('NFC'));
  let i = gs.findIndex((g) => LETTER.test(g));
  if (i < 0) return OTHER_KEY;
  if (PREPOSED.test(gs[i]!) && i + 1 < gs.length) i += 1;
  const first = Array.from(gs[i]!.normalize('NFD'))[0]!;
  if (/\p{N}/u.test(first)) return OTHER_KEY;
  if (LATIN.test(first)) {
    const lower = first.toLowerCase();
    const folded = (LATIN_EXTRA[lower] ?? lower).toUpperCase();
    return ASCII_LETTERS.includes(folded[0]!) ? folded[0]! : first.toUpperCase();
  }
  // Hangul leading jamo (from the NFD of a syllable) → the compatibility jamo people know.
  const cp = first.codePointAt(0)!;
  if (cp >= 0x1100 && cp <= 0x1112) return HANGUL_INITIALS[cp - 0x1100]!;
  return first.toUpperCase();
}
const HANGUL_INITIALS = Array.from('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ');

export interface IndexGroup<T> {
  key: string;
  items: T[];
}

/**
 * Items sorted by name with the locale's collation, then gathered under their index letters in
 * the order the sorted names first reach them (so every letter has exactly one group, even where
 * a collation files a folded letter apart: "Đ" after all of "D" in Vietnamese).
 */
export function indexGroups<T>(
  items: readonly T[],
  nameOf: (t: T) => string,
  locale: string,
): IndexGroup<T>[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sorted = [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  const groups = new Map<string, T[]>();
  for (const t of sorted) {
    const k = indexKey(nameOf(t));
    const list = groups.get(k);
    if (list) list.push(t);
    else groups.set(k, [t]);
  }
  return Array.from(groups, ([key, list]) => ({ key, items: list }));
}

/** People sorted by name in the locale's collation (the swap lists, the console, the phone). */
export function byName<T extends { name: string }>(items: readonly T[], locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...items].sort((a, b) => collator.compare(a.name, b.name));
}

/** Whether a typed search matches a person: name or organisation, accents and case ignored. */
export function matchesPerson(p: Pick<Named, 'name' | 'organisation'>, query: string): boolean {
  const q = nameKey(query);
  return !q || nameKey(`${p.name} ${p.organisation}`).includes(q);
}

/**
 * A run of index letters as a range per script: ["A","B","F","ก","ส","王"] → "A–F · ก–ส · 王".
 * The projector names each screen this way, so people know when theirs comes.
 */
export function keyRange(keys: readonly string[]): string {
  const runs: string[][] = [];
  let script: string | null = null;
  for (const k of keys) {
    const s = scriptOf(k);
    if (s !== script || runs.length === 0) runs.push([k]);
    else runs[runs.length - 1]!.push(k);
    script = s;
  }
  return runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]!}–${r[r.length - 1]!}`)).join(' · ');
}

const SCRIPTS = [
  'Latin',
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
  'Han',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Devanagari',
  'Bengali',
  'Arabic',
  'Cyrillic',
  'Greek',
] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
function scriptOf(k: string): string {
  return SCRIPT_RES.find(([, re]) => re.test(k))?.[0] ?? 'Other';
}
