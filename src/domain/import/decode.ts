/**
 * Bytes of a text file → text, without garbling it. Registration forms and spreadsheets export in
 * UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text", with a BOM) and the
 * Windows code pages (Excel's plain "CSV" on a Western or Thai Windows). A byte-order mark decides;
 * otherwise strict UTF-8 is tried, then the code page whose letters the bytes look like. When none
 * fits with confidence the answer is a refusal naming what to do, never a guess.
 */

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-874'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: 'binary' | 'unknown' };

/** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252. */
const CP1252_UNASSIGNED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array, forced?: Encoding): Decoded {
  const bom = bomOf(bytes);
  if (forced) {
    const skip = bom && bom.encoding === forced ? bom.length : 0;
    return finish(decodeAs(forced, bytes.subarray(skip)), forced, skip > 0);
  }
  if (bom)
    return finish(
      new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      bom.encoding,
      true,
    );
  const wide = utf16WithoutBom(bytes);
  if (wide) return finish(new TextDecoder(wide).decode(bytes), wide, false);
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8', false);
  } catch {
    // not UTF-8: one of the code pages, if the bytes say which
  }
  const legacy = guessCodePage(bytes);
  if (!legacy) return { ok: false, reason: 'unknown' };
  return finish(decodeAs(legacy, bytes), legacy, false);
}

/**
 * Windows-1252 by its table (the WHATWG index): Node 20's TextDecoder reads 'windows-1252' as
 * Latin-1 and turns curly quotes, dashes and € (0x80–0x9F) into invisible control characters.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeAs(encoding: Encoding, bytes: Uint8Array): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding).decode(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b)),
    );
  }
  return out;
}

function finish(text: string, encoding: Encoding, bom: boolean): Decoded {
  // A NUL is never in a roster: the file is binary (or UTF-16 read as something else).
  if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding, bom };
}

function bomOf(b: Uint8Array): { encoding: Encoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 of mostly Latin text has a zero in every other byte. */
function utf16WithoutBom(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length - (b.length % 2), 4000);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Western text has accented letters one at a time among ASCII letters ("José", "Nguyễn" is not
 * possible in 1252); Thai (TIS-620 / Windows-874) has runs of high bytes that follow Thai
 * spelling: a vowel mark or tone mark always sits on a consonant. Double-byte encodings (GBK,
 * Big5, Shift-JIS) fit neither and are refused.
 */
function guessCodePage(b: Uint8Array): Encoding | null {
  let high = 0;
  let paired = 0;
  let unassigned1252 = false;
  let allThai = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    high++;
    if (CP1252_UNASSIGNED.has(c)) unassigned1252 = true;
    if (!isThaiByte(c)) allThai = false;
    if ((i > 0 && b[i - 1]! >= 0x80) || (i + 1 < b.length && b[i + 1]! >= 0x80)) paired++;
  }
  if (high === 0) return 'utf-8';
  if (!unassigned1252 && paired / high < 0.5) return 'windows-1252';
  if (allThai && thaiSpelling(b)) return 'windows-874';
  return null;
}

/** Thai letters, vowels, tone marks and digits in TIS-620. */
function isThaiByte(c: number): boolean {
  return (c >= 0xa1 && c <= 0xda) || (c >= 0xdf && c <= 0xfb);
}

/**
 * Thai spelling, which double-byte Chinese or Japanese read as TIS-620 breaks at once: a vowel
 * sign, tone mark or trailing vowel (0xD0–0xDA, 0xE7–0xEE) sits on a consonant or another mark,
 * and a leading vowel (0xE0–0xE4, เ แ โ ใ ไ) is followed by a consonant.
 */
function thaiSpelling(b: Uint8Array): boolean {
  const consonant = (c: number) => c >= 0xa1 && c <= 0xce;
  const follower = (c: number) => (c >= 0xd0 && c <= 0xda) || (c >= 0xe7 && c <= 0xee);
  let checks = 0;
  let bad = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (follower(c)) {
      checks++;
      const prev = i > 0 ? b[i - 1]! : 0;
      if (!consonant(prev) && !follower(prev)) bad++;
    } else if (c >= 0xe0 && c <= 0xe4) {
      checks++;
      if (!consonant(b[i + 1] ?? 0)) bad++;
    }
  }
  return bad <= checks * 0.02;
}

export const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-874': 'Windows-874 (Thai)',
};
