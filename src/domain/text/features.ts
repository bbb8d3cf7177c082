/**
 * Text features for short multilingual notes (café cards): normalisation, word segmentation and
 * the terms a ranking compares. Pure: no I/O; `Intl.Segmenter` ships with Node's full ICU.
 *
 * - NFKC folds full-width letters and digits (ｄｅｂｔ → debt) and compatibility forms; then lower case.
 * - Words come from `Intl.Segmenter` (dictionary segmentation for Thai, Khmer, Burmese, Chinese).
 * - Latin words get a second, accent-free form (Vietnamese "nợ" → "no", Tagalog "niño" → "nino"),
 *   because people often type Vietnamese without its marks. Both forms are terms: an accented card
 *   matches accented keywords more strongly than one without marks, and an unaccented card still
 *   matches. Marks in Thai, Khmer and Burmese are letters, never stripped.
 * - Adjacent words are also paired (Vietnamese is written one syllable per space: "nợ nần" is one
 *   word; the pair also catches phrases like "no job").
 * - Character n-grams make misspellings and segmentation differences match partially: trigrams
 *   inside Latin words, trigrams over runs of Thai/Khmer/Burmese text, single characters and pairs
 *   over runs of Chinese.
 */

export type Script = 'latin' | 'thai' | 'khmer' | 'myanmar' | 'han' | 'other';

export interface Word {
  /** As written (NFKC), for showing which words matched. */
  surface: string;
  /** NFKC, lower case. */
  norm: string;
  /** `norm` without Latin diacritics (equal to `norm` outside Latin script). */
  folded: string;
  script: Script;
}

export type TermType = 'word' | 'accent' | 'pair' | 'gram';

export interface Term {
  key: string;
  type: TermType;
  /** Indices into the words this term came from. */
  from: number[];
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

function scriptOf(word: string): Script {
  const cp = word.codePointAt(0) ?? 0;
  if (cp >= 0x0e00 && cp <= 0x0e7f) return 'thai';
  if ((cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x19e0 && cp <= 0x19ff)) return 'khmer';
  if ((cp >= 0x1000 && cp <= 0x109f) || (cp >= 0xaa60 && cp <= 0xaa7f)) return 'myanmar';
  if (/\p{Script=Han}/u.test(word)) return 'han';
  if (/\p{Script=Latin}/u.test(word) || /^[0-9]/.test(word)) return 'latin';
  return 'other';
}

/** Removes Latin diacritics; đ/Đ (a letter, not a mark) becomes d. */
export function foldLatin(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFC');
}

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Function words that carry no topic in the languages cards are written in (folded forms). */
const STOPWORDS = new Set(
  [
    // English
    'a an the of to and or in on at for from with by as is are was were be been it its they them their he she his her we our you your this that these those there here so but not very too just also then than if into out up about over after before because',
    // Indonesian / Malay
    'yang di ke dari dan untuk dengan itu ini ada pada juga atau karena sudah akan oleh dia mereka kami kita saya aku nya pun lah kan jadi dalam sebagai bagi tapi',
    // Tagalog
    'ang ng sa mga na ay at si ni kay para ito iyan iyon siya sila kami kami tayo ako ko mo niya nila namin natin din rin lang pa po ba kasi dahil',
    // Vietnamese (folded)
    'cua va la thi o cho voi cac nhung mot nay do ma nen vi de bi duoc',
    // Chinese, Thai function words that the segmenter isolates
    '的 了 在 是 和 与 也 都 就 被 把 给 很 ที่ และ ใน ของ ก็ ได้ ให้ กับ ว่า จาก',
  ]
    .join(' ')
    .split(/\s+/),
);

export function isStopword(folded: string): boolean {
  return STOPWORDS.has(folded);
}

/** The word-like segments of a text, normalised; punctuation and spaces are dropped. */
export function segmentWords(text: string): Word[] {
  const out: Word[] = [];
  for (const seg of segmenter.segment(normalizeText(text))) {
    if (!seg.isWordLike) continue;
    const norm = seg.segment;
    const script = scriptOf(norm);
    const folded = script === 'latin' ? foldLatin(norm) : norm;
    out.push({ surface: seg.segment, norm, folded, script });
  }
  return out;
}

function codePoints(s: string): string[] {
  return Array.from(s);
}

/**
 * The terms of a text. Word and pair terms skip function words; n-grams are built per word (Latin)
 * or per run of consecutive words of one script (scripts written without spaces).
 */
export function termsOf(text: string): { words: Word[]; terms: Term[] } {
  const words = segmentWords(text);
  const terms: Term[] = [];
  const content: number[] = [];
  words.forEach((w, i) => {
    if (isStopword(w.folded)) return;
    content.push(i);
    terms.push({ key: `w:${w.folded}`, type: 'word', from: [i] });
    if (w.norm !== w.folded) terms.push({ key: `a:${w.norm}`, type: 'accent', from: [i] });
  });
  for (let k = 1; k < content.length; k++) {
    const a = content[k - 1]!;
    const b = content[k]!;
    if (b - a > 2) continue;
    terms.push({
      key: `p:${words[a]!.folded} ${words[b]!.folded}`,
      type: 'pair',
      from: [a, b],
    });
  }
  // character n-grams
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w.script === 'latin' || w.script === 'other') {
      const chars = codePoints(` ${w.folded} `);
      if (chars.length >= 5 && !isStopword(w.folded))
        for (let k = 0; k + 3 <= chars.length; k++)
          terms.push({ key: `g:${chars.slice(k, k + 3).join('')}`, type: 'gram', from: [i] });
      i++;
      continue;
    }
    // a run of one unspaced script
    let j = i;
    const chars: string[] = [];
    const owner: number[] = [];
    while (j < words.length && words[j]!.script === w.script) {
      for (const c of codePoints(words[j]!.norm)) {
        chars.push(c);
        owner.push(j);
      }
      j++;
    }
    const n = w.script === 'han' ? 2 : 3;
    for (let k = 0; k + n <= chars.length; k++) {
      const from = [...new Set(owner.slice(k, k + n))];
      terms.push({ key: `g:${chars.slice(k, k + n).join('')}`, type: 'gram', from });
    }
    if (w.script === 'han')
      chars.forEach((c, k) => {
        if (!isStopword(c)) terms.push({ key: `g:${c}`, type: 'gram', from: [owner[k]!] });
      });
    i = j;
  }
  return { words, terms };
}
