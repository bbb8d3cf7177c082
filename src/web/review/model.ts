/**
 * The review screen's pure logic: cards grouped by their top suggestion, the factor search of the
 * picker, and where focus goes next. No DOM, no I/O (model.test.ts).
 */
import type { FactorReview, VocabularyFactor } from '../../contract/factors.ts';

export type ReviewCard = FactorReview['cards'][number];
export type Suggestion = ReviewCard['suggestions'][number];

/** A factor as the screen needs it: from the vocabulary (words) or the review list (labels). */
export interface Factor {
  id: string;
  kind: 'cause' | 'consequence';
  status: 'active' | 'retired' | 'merged';
  mergedInto: string | null;
  labels: Record<string, string>;
  keywords: Record<string, string[]>;
}

export function fromVocabulary(f: VocabularyFactor): Factor {
  return {
    id: f.id,
    kind: f.kind,
    status: f.status,
    mergedInto: f.mergedInto,
    labels: f.labels,
    keywords: f.keywords,
  };
}

/** The factor's label in the interface's language, English when it has none. */
export function labelOf(f: Pick<Factor, 'labels' | 'id'> | undefined, lang: string): string {
  if (!f) return '';
  return f.labels[lang] ?? f.labels.en ?? f.id;
}

export interface Group {
  /** The top suggestion shared by the group's cards; null: cards nothing matched. */
  factor: string | null;
  cards: ReviewCard[];
}

/**
 * Cards grouped by their top suggestion (the suggestion as loaded: groups do not move while a
 * person works through them), biggest group first, the cards without a suggestion last; inside a
 * group, the surest suggestion first.
 */
export function groupCards(cards: readonly ReviewCard[]): Group[] {
  const by = new Map<string | null, ReviewCard[]>();
  for (const c of cards) {
    const key = c.suggestions[0]?.factor ?? null;
    const list = by.get(key);
    if (list) list.push(c);
    else by.set(key, [c]);
  }
  const groups = [...by].map(([factor, list]) => ({
    factor,
    cards: [...list].sort(
      (a, b) =>
        (b.suggestions[0]?.score ?? 0) - (a.suggestions[0]?.score ?? 0) || a.id.localeCompare(b.id),
    ),
  }));
  return groups.sort(
    (a, b) =>
      Number(a.factor === null) - Number(b.factor === null) ||
      b.cards.length - a.cards.length ||
      (a.factor ?? '').localeCompare(b.factor ?? ''),
  );
}

/** Lower case, accents and width folded: "Nợ" and "no", "ＤＥＢＴ" and "debt" meet. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * Active factors of `kind` matching `query` in any language (label, id or keyword), best first:
 * a label that starts with it, a label that holds it, a keyword, the id. An empty query lists them
 * all in label order.
 */
export function searchFactors(
  factors: readonly Factor[],
  query: string,
  kind: Factor['kind'] | null,
  lang: string,
): Factor[] {
  const q = fold(query);
  const pool = factors.filter((f) => f.status === 'active' && (kind === null || f.kind === kind));
  const byLabel = (a: Factor, b: Factor) => labelOf(a, lang).localeCompare(labelOf(b, lang));
  if (!q) return [...pool].sort(byLabel);
  const rank = (f: Factor): number => {
    const labels = Object.values(f.labels).map(fold);
    if (labels.some((l) => l.startsWith(q))) return 0;
    if (labels.some((l) => l.includes(q))) return 1;
    if (Object.values(f.keywords).some((list) => list.some((k) => fold(k).includes(q)))) return 2;
    if (f.id.includes(q)) return 3;
    return -1;
  };
  return pool
    .map((f) => ({ f, r: rank(f) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || byLabel(a.f, b.f))
    .map((x) => x.f);
}

/** Pieces of `text` with the matched words marked, found case-insensitively (no patterns). */
export function highlight(
  text: string,
  words: readonly string[],
): { text: string; mark: boolean }[] {
  const lower = text.toLowerCase();
  const marks: [number, number][] = [];
  for (const w of words) {
    const needle = w.toLowerCase();
    if (!needle) continue;
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length))
      marks.push([i, i + needle.length]);
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s < at) continue;
    if (s > at) out.push({ text: text.slice(at, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The next card after `index` still waiting for a person, or -1 when none is left after it. */
export function nextOpen(
  order: readonly ReviewCard[],
  index: number,
  assigned: (c: ReviewCard) => boolean,
): number {
  for (let i = index + 1; i < order.length; i++) if (!assigned(order[i]!)) return i;
  return -1;
}
