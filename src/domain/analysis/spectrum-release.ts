/**
 * The public distribution of experience patterns over the spectrum (issue 13): only patterns the
 * coalition made public, published by the atlas's small-count rule (`primary` in release.ts).
 *
 * Atoms — the only figures computed from patterns: the patterns of one form, told at one café
 * issue key (or at none), at one level. Every pattern lies in exactly one atom. Every other figure
 * — a form's count at a level, an issue's, a row's total, the grand total — is a SUM OF PUBLISHED
 * ATOMS (`sumFigures`), a range when a part is withheld, so the per-form and per-issue tables
 * together say nothing the atoms do not (test/contract/spectrum-release-property.test.ts solves
 * them with the atlas attacker).
 */
import { estimate, primary, sumFigures, type Figure } from './release.ts';
import type { SpectrumLevel } from './spectrum.ts';

export interface SpectrumAtom {
  form: string;
  issue: string | null;
  level: SpectrumLevel;
  n: number;
}

export interface PublishedSpectrumRow {
  key: string;
  total: Figure;
  counts: Record<SpectrumLevel, Figure>;
}

export interface PublishedSpectrum {
  k: number;
  total: Figure;
  byForm: PublishedSpectrumRow[];
  byIssue: PublishedSpectrumRow[];
}

const ZERO: Figure = { lo: 0, hi: 0 };

export function publishSpectrum(atoms: readonly SpectrumAtom[], k: number): PublishedSpectrum {
  const merged = new Map<string, SpectrumAtom>();
  for (const a of atoms) {
    if (a.n <= 0) continue;
    const key = JSON.stringify([a.form, a.issue, a.level]);
    const m = merged.get(key);
    if (m) m.n += a.n;
    else merged.set(key, { ...a });
  }
  const published = [...merged.values()].map((a) => ({ ...a, f: primary(a.n, k) }));
  const rows = (keyOf: (a: SpectrumAtom) => string | null): PublishedSpectrumRow[] => {
    const by = new Map<string, typeof published>();
    for (const a of published) {
      const key = keyOf(a);
      if (key === null) continue;
      by.set(key, [...(by.get(key) ?? []), a]);
    }
    return [...by]
      .map(([key, list]) => {
        const at = (l: SpectrumLevel) => {
          const parts = list.filter((a) => a.level === l).map((a) => a.f);
          return parts.length ? sumFigures(parts) : ZERO;
        };
        const counts: Record<SpectrumLevel, Figure> = {
          decent_work: at('decent_work'),
          labour_rights_violation: at('labour_rights_violation'),
          serious_exploitation: at('serious_exploitation'),
          forced_labour: at('forced_labour'),
          trafficking: at('trafficking'),
        };
        return { key, total: sumFigures(list.map((a) => a.f)), counts };
      })
      .sort((a, b) => estimate(b.total) - estimate(a.total) || a.key.localeCompare(b.key));
  };
  return {
    k,
    total: sumFigures(published.map((a) => a.f)),
    byForm: rows((a) => a.form),
    byIssue: rows((a) => a.issue),
  };
}
