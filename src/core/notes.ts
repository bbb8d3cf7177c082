/**
 * Routes are patterns, never cases about a person. Notes are free text, so we look for what would
 * identify someone — phone numbers, e-mail addresses, a titled or introduced personal name. Notes
 * with any are refused until edited, unless a coordinator confirms them (a false alarm must not
 * block the exercise). Heuristics, on purpose conservative; the forms say why they refuse. In the
 * zod-free core because the phone checks a route's notes before queueing it (offline too) with
 * the very rules the server applies.
 */
export interface NoteFinding {
  kind: 'phone' | 'name' | 'email';
  excerpt: string;
}

const PHONE = /(?:\+|\b00)?\d[\d\s().-]{6,}\d/g;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
// Honorifics of the region (English, Thai, Burmese, Khmer, Malay/Indonesian, Filipino) followed by
// a capitalised word, or a name introduced as "named X" / "called X".
const TITLED =
  /\b(?:Mr|Mrs|Ms|Miss|Dr|Mister|Madam|Khun|Nai|Nang|Daw|Maung|Mg|Ko|Ma|Lok|Neak|Ibu|Bapak|Pak|Encik|Puan|Aling|Mang|Gng|G)\.?\s+\p{Lu}[\p{L}'-]+/gu;
const INTRODUCED =
  /\b(?:named|called|name is|name was|known as|ชื่อ|နာမည်)\s*[:-]?\s*\p{Lu}?[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/giu;
// Thai honorific prefixes written in Thai (นาย, นาง, นางสาว, ด.ช., ด.ญ.) followed by a name.
const THAI_TITLED = /(?:นางสาว|นาย|นาง|ด\.ช\.|ด\.ญ\.)\s*[\u0E00-\u0E7F]{2,}/g;

function digitsIn(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

export function findPersonalData(notes: string): NoteFinding[] {
  const out: NoteFinding[] = [];
  for (const m of notes.matchAll(EMAIL)) out.push({ kind: 'email', excerpt: m[0] });
  const withoutEmails = notes.replace(EMAIL, ' ');
  for (const m of withoutEmails.matchAll(PHONE)) {
    // A year range such as "2019-2023" has 8 digits too; phone numbers have at least 8 and
    // are not two plausible years joined by a dash.
    if (digitsIn(m[0]) < 8 || /^\s*(19|20)\d\d\s*[-–]\s*(19|20)\d\d\s*$/.test(m[0])) continue;
    out.push({ kind: 'phone', excerpt: m[0].trim() });
  }
  for (const re of [TITLED, INTRODUCED, THAI_TITLED])
    for (const m of notes.matchAll(re)) out.push({ kind: 'name', excerpt: m[0].trim() });
  return out;
}
