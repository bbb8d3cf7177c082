/**
 * Accuracy of the factor suggester on the labelled fixture test/fixtures/factor-cards.csv.
 * Split by event: cards of the "train" events are what a coalition confirmed at its first events;
 * cards of the other events are never seen by the suggester before they are scored.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { FactorSuggester, type SuggestOptions } from '../../src/domain/factors/suggest.ts';
import { DEFAULT_FACTORS, type FactorKind } from '../../src/domain/factors/vocabulary.ts';

export const FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/factor-cards.csv', import.meta.url),
);
export const TRAIN_EVENTS = new Set(['bkk-2023', 'pnh-2024']);
/** Cards written afterwards to avoid the keywords' wording; never used while tuning. */
export const PARAPHRASE_EVENT = 'cmb-2025';

export interface LabelledCard {
  text: string;
  kind: FactorKind;
  level: string;
  factor: string;
  lang: string;
  event: string;
}

export function loadFixture(file = FIXTURE): LabelledCard[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as LabelledCard[];
}

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
}

export interface Scored {
  card: LabelledCard;
  rank: number; // 1-based; 0 = not in the top 3
  ms: number;
}

export function score(suggester: FactorSuggester, cards: LabelledCard[]): Scored[] {
  return cards.map((card) => {
    const t = performance.now();
    const s = suggester.suggest(card, 3);
    const ms = performance.now() - t;
    return { card, rank: s.findIndex((x) => x.factor === card.factor) + 1, ms };
  });
}

export function accuracy(scored: Scored[]): Accuracy {
  const n = scored.length;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n,
    top1: r(scored.filter((s) => s.rank === 1).length / Math.max(1, n)),
    top3: r(scored.filter((s) => s.rank >= 1).length / Math.max(1, n)),
  };
}

export function byLanguage(scored: Scored[]): Record<string, Accuracy> {
  const langs = [...new Set(scored.map((s) => s.card.lang))];
  return Object.fromEntries(
    langs.map((l) => [l, accuracy(scored.filter((s) => s.card.lang === l))]),
  );
}

export interface Summary {
  all: Accuracy;
  nonEnglish: Accuracy;
  paraphrases: Accuracy;
  langs: Record<string, Accuracy>;
}

export interface Evaluation {
  /** Default vocabulary only, on the held-out (test) events. */
  before: Summary;
  /** After learning every train-event card, on the same held-out events. */
  after: Summary;
  /** Default vocabulary only, on every card. */
  wholeFixture: Accuracy;
  p50Ms: number;
  p95Ms: number;
  /** Building the index of the default vocabulary (once per process or coalition). */
  buildMs: number;
  cards: number;
  train: number;
  test: number;
}

export function evaluate(options: Partial<SuggestOptions> = {}, cards = loadFixture()): Evaluation {
  const train = cards.filter((c) => TRAIN_EVENTS.has(c.event));
  const test = cards.filter((c) => !TRAIN_EVENTS.has(c.event));
  const summarise = (scored: Scored[]): Summary => ({
    all: accuracy(scored),
    nonEnglish: accuracy(scored.filter((s) => s.card.lang !== 'en')),
    paraphrases: accuracy(scored.filter((s) => s.card.event === PARAPHRASE_EVENT)),
    langs: byLanguage(scored),
  });
  const t0 = performance.now();
  const base = new FactorSuggester(DEFAULT_FACTORS, options);
  const buildMs = performance.now() - t0;
  const wholeFixture = accuracy(score(base, cards));
  const before = summarise(score(base, test));
  const learnt = new FactorSuggester(DEFAULT_FACTORS, options);
  for (const c of train) learnt.learn(c, c.factor);
  // warm the JIT on the train cards (a running server's suggester is warm); they are not scored
  for (const c of train) learnt.suggest(c, 3);
  const afterScored = score(learnt, test);
  const times = afterScored.map((s) => s.ms).sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    before,
    after: summarise(afterScored),
    wholeFixture,
    p50Ms: r2(at(0.5)),
    p95Ms: r2(at(0.95)),
    buildMs: Math.round(buildMs),
    cards: cards.length,
    train: train.length,
    test: test.length,
  };
}

/**
 * The outside tester's held-out sets (test/fixtures/factor-cards-probe-a.csv and -b.csv): cards
 * written by someone else than the keywords' author, in sticky-note style, never learnt. Set A was
 * used to look for failures; set B was written before any change and only measured.
 */
export const PROBE_SETS = ['a', 'b'] as const;
export const probeFile = (set: (typeof PROBE_SETS)[number]) =>
  fileURLToPath(new URL(`../../test/fixtures/factor-cards-probe-${set}.csv`, import.meta.url));

export interface ProbeEvaluation {
  set: string;
  /** Default vocabulary alone. */
  before: Summary;
  /** After learning every card of the labelled fixture (a coalition's confirmed cards). */
  after: Summary;
}

export function evaluateProbe(
  set: (typeof PROBE_SETS)[number],
  options: Partial<SuggestOptions> = {},
): ProbeEvaluation {
  const cards = loadFixture(probeFile(set));
  const summarise = (scored: Scored[]): Summary => ({
    all: accuracy(scored),
    nonEnglish: accuracy(scored.filter((s) => s.card.lang !== 'en')),
    paraphrases: accuracy([]),
    langs: byLanguage(scored),
  });
  const base = new FactorSuggester(DEFAULT_FACTORS, options);
  const learnt = new FactorSuggester(DEFAULT_FACTORS, options);
  for (const c of loadFixture()) learnt.learn(c, c.factor);
  return {
    set,
    before: summarise(score(base, cards)),
    after: summarise(score(learnt, cards)),
  };
}
