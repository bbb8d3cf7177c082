/**
 * The vocabulary page's pure logic: a factor's words as a form (one label, description and list of
 * synonyms/keywords per language), what a save sends (only what changed), where the server's field
 * errors go, and the list's filter. No DOM, no I/O (model.test.ts).
 */
import type { VocabularyFactor } from '../../contract/factors.ts';
import { fold } from '../review/model.ts';
import type { FactorEdit } from './api.ts';

export interface LanguageWords {
  label: string;
  description: string;
  /** Synonyms and keywords, one per line. */
  keywords: string;
}

export type WordsForm = Record<string, LanguageWords>;

/** One line per keyword: what the person typed, blank lines and surrounding spaces left out. */
export function keywordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((w) => w.trim())
    .filter(Boolean);
}

export function formOf(f: VocabularyFactor | null, languages: readonly string[]): WordsForm {
  return Object.fromEntries(
    languages.map((l) => [
      l,
      {
        label: f?.labels[l] ?? '',
        description: f?.descriptions[l] ?? '',
        keywords: (f?.keywords[l] ?? []).join('\n'),
      },
    ]),
  );
}

/**
 * The PATCH body for what changed between `before` and `after`, language by language: a label
 * emptied removes that language's label, a list emptied removes its keywords. Null: nothing changed.
 */
export function editOf(
  before: WordsForm,
  after: WordsForm,
  languages: readonly string[],
): FactorEdit | null {
  const labels: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  const keywords: Record<string, string[]> = {};
  for (const l of languages) {
    const a = after[l];
    const b = before[l];
    if (!a || !b) continue;
    if (a.label.trim() !== b.label.trim()) labels[l] = a.label.trim();
    if (a.description.trim() !== b.description.trim()) descriptions[l] = a.description.trim();
    const next = keywordList(a.keywords);
    if (next.join('\n') !== keywordList(b.keywords).join('\n')) keywords[l] = next;
  }
  const body: FactorEdit = {};
  if (Object.keys(labels).length) body.labels = labels;
  if (Object.keys(descriptions).length) body.descriptions = descriptions;
  if (Object.keys(keywords).length) body.keywords = keywords;
  return Object.keys(body).length ? body : null;
}

/** A new factor's words: only the languages filled in. */
export function newWordsOf(form: WordsForm, languages: readonly string[]) {
  const labels: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  const keywords: Record<string, string[]> = {};
  for (const l of languages) {
    const w = form[l];
    if (!w) continue;
    if (w.label.trim()) labels[l] = w.label.trim();
    if (w.description.trim()) descriptions[l] = w.description.trim();
    const list = keywordList(w.keywords);
    if (list.length) keywords[l] = list;
  }
  return { labels, descriptions, keywords };
}

/**
 * Where a field error of the server goes on the form: `labels.th`, `descriptions.vi` and
 * `keywords.th.3` (the fourth keyword of Thai: line 4) to that language's field, with the line;
 * `id` and `kind` to their own. `labels` alone (a missing English label) is English's label.
 */
export function errorPlace(field: string): { key: string; line: number | null } {
  const [head = '', lang, index] = field.split('.');
  if (head === 'labels' || head === 'descriptions' || head === 'keywords') {
    const key = `${head}.${lang ?? 'en'}`;
    const n = index === undefined ? NaN : Number(index);
    return { key, line: head === 'keywords' && Number.isInteger(n) ? n + 1 : null };
  }
  return { key: head, line: null };
}

/** Factors whose label (any language), keyword or id holds `query`, accents and case folded. */
export function matches(f: VocabularyFactor, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  return (
    f.id.includes(q) ||
    Object.values(f.labels).some((l) => fold(l).includes(q)) ||
    Object.values(f.keywords).some((list) => list.some((k) => fold(k).includes(q)))
  );
}
