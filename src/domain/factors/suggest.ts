/**
 * Factor suggestions for café cards: which canonical factors a card most likely names, with a
 * score and the card's words that matched, so a reviewer sees why. Fully offline and pure.
 *
 * Ranking: each factor is one document made of its keywords in every language (plus its label
 * and description) and, once people confirm assignments, the cards assigned to it. A card is the
 * query. Scores are BM25 (Robertson–Spärck Jones idf, k1, b) computed per term type — words,
 * accented words, word pairs, character n-grams — and summed with a weight per type, as BM25F
 * does for fields. The card's kind steers to push factors (cause) or consequences; the card's
 * level, once the coalition has confirmed cards at that level, shifts scores a little toward the
 * factors it used at that level.
 *
 * Written here rather than taken from a search package: the documents are ~40 factors that
 * change with every confirmed card (wink-bm25-text-search cannot add after consolidating), the
 * four term types need their own length normalisation, and the reviewer needs the matched
 * words per factor, which the packages' match info gives only per field.
 */
import { termsOf, type Term, type TermType } from '../text/features.ts';
import type { FactorDefinition, FactorKind } from './vocabulary.ts';

export interface SuggestOptions {
  k1: number;
  b: number;
  /** Weight of each term type in the summed score. */
  weights: Record<TermType, number>;
  /** Multiplier for a factor whose kind is not the card's kind. */
  otherKind: number;
  /** How much a confirmed card adds to its factor's profile (a keyword phrase adds 1). */
  learnWeight: number;
  /** Strength of the level preference learnt from confirmed cards (0 = none). */
  levelStrength: number;
}

export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = {
  k1: 1.2,
  b: 0.5,
  weights: { word: 1, accent: 1, pair: 1, gram: 0.35 },
  otherKind: 0.3,
  learnWeight: 1,
  levelStrength: 0.3,
};

export interface CardInput {
  text: string;
  kind?: FactorKind | undefined;
  level?: string | undefined;
}

export interface Suggestion {
  factor: string;
  score: number;
  /** The card's words that matched the factor, strongest first. */
  matched: string[];
}

interface Doc {
  id: string;
  kind: FactorKind;
  tf: Map<string, number>;
  len: Record<TermType, number>;
  /** Confirmed cards per level. */
  levels: Map<string, number>;
  confirmed: number;
}

export class FactorSuggester {
  private readonly docs: Doc[];
  private readonly byId = new Map<string, Doc>();
  private readonly options: SuggestOptions;
  /** Number of factors whose profile holds each term, kept up to date as profiles grow. */
  private readonly df = new Map<string, number>();
  private readonly total: Record<TermType, number> = { word: 0, accent: 0, pair: 0, gram: 0 };

  constructor(factors: readonly FactorDefinition[], options: Partial<SuggestOptions> = {}) {
    this.options = { ...DEFAULT_SUGGEST_OPTIONS, ...options };
    this.docs = factors.map((f) => {
      const doc: Doc = {
        id: f.id,
        kind: f.kind,
        tf: new Map(),
        len: { word: 0, accent: 0, pair: 0, gram: 0 },
        levels: new Map(),
        confirmed: 0,
      };
      const phrases = [
        f.label,
        ...Object.values(f.labels ?? {}),
        ...[f.description, ...Object.values(f.descriptions ?? {})].flatMap((d) =>
          (d ?? '').split(/[,;，、]/),
        ),
        ...Object.values(f.keywords).flatMap((list) => list ?? []),
      ];
      for (const phrase of phrases) this.add(doc, termsOf(phrase).terms, 1);
      this.byId.set(f.id, doc);
      return doc;
    });
  }

  /** The factor ids this suggester ranks. */
  get factorIds(): string[] {
    return this.docs.map((d) => d.id);
  }

  /** A person confirmed `card` as `factorId`: the card's words join the factor's profile. */
  learn(card: CardInput, factorId: string): void {
    const doc = this.byId.get(factorId);
    if (!doc) throw new Error(`unknown factor "${factorId}"`);
    this.add(doc, termsOf(card.text).terms, this.options.learnWeight);
    doc.confirmed++;
    if (card.level) doc.levels.set(card.level, (doc.levels.get(card.level) ?? 0) + 1);
  }

  /** Up to `limit` factors, best first; factors sharing no term with the card are left out. */
  suggest(card: CardInput, limit = 3): Suggestion[] {
    const { words, terms } = termsOf(card.text);
    const { k1, b, weights } = this.options;
    const n = this.docs.length;
    // one occurrence of each term in the query: a card repeating a word does not shout louder
    const seen = new Map<string, Term>();
    for (const t of terms) if (!seen.has(t.key)) seen.set(t.key, t);
    const results: { doc: Doc; score: number; credit: Map<number, number> }[] = [];
    for (const doc of this.docs) {
      let score = 0;
      const credit = new Map<number, number>();
      for (const [key, term] of seen) {
        const tf = doc.tf.get(key);
        if (!tf) continue;
        const df = this.df.get(key) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const type = term.type;
        const avg = Math.max(1e-9, this.total[type] / n);
        const norm = 1 - b + (b * doc.len[type]) / avg;
        const s = (weights[type] * idf * (tf * (k1 + 1))) / (tf + k1 * norm);
        score += s;
        for (const i of term.from) credit.set(i, (credit.get(i) ?? 0) + s / term.from.length);
      }
      if (score <= 0) continue;
      if (card.kind && card.kind !== doc.kind) score *= this.options.otherKind;
      if (card.level && this.options.levelStrength > 0) score *= this.levelFactor(doc, card.level);
      results.push({ doc, score, credit });
    }
    results.sort((x, y) => y.score - x.score || x.doc.id.localeCompare(y.doc.id));
    return results.slice(0, limit).map(({ doc, score, credit }) => {
      const matched: string[] = [];
      const ranked = [...credit.entries()].sort((x, y) => y[1] - x[1]);
      const best = ranked[0]?.[1] ?? 0;
      for (const [i, c] of ranked) {
        // words that only share a letter pattern weakly are noise to a reviewer
        if (c < best * 0.15) continue;
        const w = words[i]?.surface;
        if (w && !matched.includes(w)) matched.push(w);
        if (matched.length === 6) break;
      }
      return { factor: doc.id, score: Math.round(score * 1000) / 1000, matched };
    });
  }

  private levelFactor(doc: Doc, level: string): number {
    const total = this.docs.reduce((s, d) => s + (d.levels.get(level) ?? 0), 0);
    if (total === 0 || doc.confirmed === 0) return 1;
    // share of this factor's confirmed cards at the level, against the share across all factors
    const own = ((doc.levels.get(level) ?? 0) + 1) / (doc.confirmed + 4);
    const all = this.docs.reduce((s, d) => s + d.confirmed, 0);
    const base = (total + 1) / (all + 4);
    return Math.pow(own / base, this.options.levelStrength);
  }

  private add(doc: Doc, terms: Term[], weight: number): void {
    for (const t of terms) {
      const before = doc.tf.get(t.key) ?? 0;
      if (before === 0) this.df.set(t.key, (this.df.get(t.key) ?? 0) + 1);
      doc.tf.set(t.key, before + weight);
      doc.len[t.type] += weight;
      this.total[t.type] += weight;
    }
  }
}
