/**
 * Search keys: lower case, diacritics removed, punctuation folded to spaces. "Sài Gòn" and
 * "sai gon" meet on "sai gon". Combining marks are removed from every script alike (Thai vowels
 * and tone marks too): queries are normalised the same way, so matching stays consistent.
 */
const FOLD: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  '’': '',
  "'": '',
  ʻ: '',
  ʼ: '',
};

export function normalizeName(s: string): string {
  const lower = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  return out
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function tokensOf(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}
