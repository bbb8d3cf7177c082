/**
 * Themes for the learnings wall (issue 14), suggested by the same ranking as café factors: each
 * theme is a document made of its label and the posts a facilitator already put in it, and a post
 * without a theme is the query. Pure and offline like the factor suggester it reuses.
 */
import { FactorSuggester, type Suggestion } from './suggest.ts';

export interface ThemeInput {
  id: string;
  label: string;
}

export interface PostInput {
  id: string;
  text: string;
  themeId: string | null;
}

/** For each post without a theme, up to `limit` themes that share words with it, best first. */
export function suggestThemes(
  themes: readonly ThemeInput[],
  posts: readonly PostInput[],
  limit = 3,
): Map<string, Suggestion[]> {
  const out = new Map<string, Suggestion[]>();
  if (themes.length === 0) return out;
  const suggester = new FactorSuggester(
    themes.map((t) => ({
      id: t.id,
      kind: 'cause' as const,
      label: t.label,
      description: '',
      codes: [],
      keywords: {},
    })),
  );
  const known = new Set(themes.map((t) => t.id));
  for (const p of posts)
    if (p.themeId !== null && known.has(p.themeId)) suggester.learn({ text: p.text }, p.themeId);
  for (const p of posts)
    if (p.themeId === null || !known.has(p.themeId))
      out.set(p.id, suggester.suggest({ text: p.text }, limit));
  return out;
}
