import { fold, hasPhrase } from './fold.ts';

/**
 * Values matched to a vocabulary the way people write them: by key ("lawEnforcement",
 * "law-enforcement"), by label in any of the interface's languages ("Law enforcement",
 * "หน่วยบังคับใช้กฎหมาย"), by synonym ("police"), ignoring case and diacritics. A looser pass
 * accepts a value that names exactly one entry's label or synonym as whole words, or that one
 * label names ("Government (national)" → government, "forced marriage" → the group "Forced
 * marriage and child marriage"); two candidates are never guessed between. What still does not
 * match is for a person to map, once per distinct value.
 */
export interface VocabEntry {
  key: string;
  labels: readonly string[];
  synonyms?: readonly string[];
}

export interface Vocabulary {
  /** Stable name, also the key of remembered mappings (`sector`, `expertise`, `country`…). */
  id: string;
  entries: readonly VocabEntry[];
  /** Accept unique whole-word containment (off for short codes like languages and countries). */
  loose?: boolean;
}

export type ValueMatch =
  | { key: string; how: 'chosen' | 'saved' | 'exact' | 'loose' }
  /** `key: ''` — the person chose to leave the value out. */
  | { key: ''; how: 'chosen' | 'saved' }
  | { key: null; candidates: string[] };

/** Value choices: folded value → key, or '' to leave it out. */
export type ValueChoices = ReadonlyMap<string, string>;

const MIN_LOOSE = 3;

export class VocabIndex {
  readonly vocabulary: Vocabulary;
  private readonly exact = new Map<string, Set<string>>();
  private readonly phrases: { folded: string; key: string }[] = [];
  private readonly keys: Set<string>;
  private readonly cache = new Map<string, ValueMatch>();
  /** Folding is the costly part of a match, and a roster repeats its values: once per spelling. */
  private readonly folded = new Map<string, string>();

  constructor(vocabulary: Vocabulary) {
    this.vocabulary = vocabulary;
    this.keys = new Set(vocabulary.entries.map((e) => e.key));
    for (const e of vocabulary.entries)
      for (const s of [e.key, ...e.labels, ...(e.synonyms ?? [])]) {
        const f = fold(s);
        if (!f) continue;
        let set = this.exact.get(f);
        if (!set) this.exact.set(f, (set = new Set()));
        set.add(e.key);
        if (f.length >= MIN_LOOSE) this.phrases.push({ folded: f, key: e.key });
      }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** The match of one value (not empty), with choices and remembered mappings first. */
  match(raw: string, chosen?: ValueChoices, saved?: ValueChoices): ValueMatch {
    let f = this.folded.get(raw);
    if (f === undefined) {
      f = fold(raw);
      if (this.folded.size < 100_000) this.folded.set(raw, f);
    }
    const pick = (m: ValueChoices | undefined) => {
      const k = m?.get(f!) ?? m?.get(raw);
      return k !== undefined && (k === '' || this.keys.has(k)) ? k : undefined;
    };
    const c = pick(chosen);
    if (c !== undefined) return { key: c, how: 'chosen' } as ValueMatch;
    const s = pick(saved);
    if (s !== undefined) return { key: s, how: 'saved' } as ValueMatch;
    const hit = this.cache.get(f);
    if (hit) return hit;
    const m = this.auto(f);
    this.cache.set(f, m);
    return m;
  }

  private auto(f: string): ValueMatch {
    const exact = this.exact.get(f);
    if (exact?.size === 1) return { key: [...exact][0]!, how: 'exact' };
    if (exact && exact.size > 1) return { key: null, candidates: [...exact] };
    if (!this.vocabulary.loose || f.length < MIN_LOOSE) return { key: null, candidates: [] };
    const found = new Set<string>();
    for (const p of this.phrases)
      if (hasPhrase(f, p.folded) || hasPhrase(p.folded, f)) found.add(p.key);
    if (found.size === 1) return { key: [...found][0]!, how: 'loose' };
    return { key: null, candidates: [...found] };
  }
}

/**
 * The values of a cell that may hold several ("Thai; English", "Sex trafficking, Forced
 * marriage"). The whole cell is tried first, so a label with a comma in it stays whole; then
 * `;`, `|` and line breaks; then commas.
 */
export function splitValues(
  cell: string,
  index: VocabIndex,
  chosen?: ValueChoices,
  saved?: ValueChoices,
): string[] {
  const whole = cell.trim();
  if (!whole) return [];
  if (index.match(whole, chosen, saved).key !== null) return [whole];
  const parts = whole
    .split(/[;|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.flatMap((p) =>
    index.match(p, chosen, saved).key !== null || !p.includes(',')
      ? [p]
      : p
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
  );
}
