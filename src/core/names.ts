/**
 * People's names told apart when two people share one: the console's swap lists, the projector,
 * the phone and the server's own messages (a swap's warnings) all name people this way, so a
 * name reads the same everywhere. Zod-free and DOM-free.
 */

export interface Named {
  id: string;
  name: string;
  organisation: string;
}

/** Latin letters with a stroke or ligature that canonical decomposition leaves alone. */
export const LATIN_EXTRA: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
};

/**
 * How two names are compared for "same name": case, spacing, width and accents ignored, so
 * "Nguyễn Văn An" and "Nguyen Van An" count as one name (on a projector they look alike).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đðøłħŧıæœß]/g, (ch) => LATIN_EXTRA[ch] ?? ch)
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

/**
 * What tells a person apart from others of the same name: their organisation, or, when two people
 * of one organisation share a name too, the organisation and a number in roster order. Null for a
 * name nobody else has. Keyed by participant id.
 */
export function nameQualifiers(people: readonly Named[]): Map<string, string | null> {
  const byName = new Map<string, Named[]>();
  for (const p of people) {
    const k = nameKey(p.name);
    const list = byName.get(k);
    if (list) list.push(p);
    else byName.set(k, [p]);
  }
  const out = new Map<string, string | null>();
  for (const list of byName.values()) {
    if (list.length === 1) {
      out.set(list[0]!.id, null);
      continue;
    }
    const byOrg = new Map<string, number>();
    for (const p of list)
      byOrg.set(nameKey(p.organisation), (byOrg.get(nameKey(p.organisation)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const p of list) {
      const org = p.organisation.trim();
      const k = nameKey(p.organisation);
      if ((byOrg.get(k) ?? 0) < 2) {
        out.set(p.id, org);
        continue;
      }
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      out.set(p.id, `${org} ${n}`);
    }
  }
  return out;
}

/** "Aung Min (IJM)" for a shared name, "Aung Min" otherwise. */
export function displayName(p: Named, qualifiers: ReadonlyMap<string, string | null>): string {
  const q = qualifiers.get(p.id);
  return q ? `${p.name} (${q})` : p.name;
}
