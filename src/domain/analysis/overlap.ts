/**
 * The overlap of push factors and consequences across issues and forms of exploitation (issue 13):
 * "many of the push factors that leave people vulnerable and many of the consequences of
 * trafficking identified nevertheless overlap across multiple forms".
 *
 * Input: confirmed cards counted where they sit — one tally per (event, issue, level, factor) —
 * and each event's issues with the forms of exploitation they name. Suggestions never reach here.
 *
 * Atoms: a card lies in exactly one issue of one event, and that issue names some forms. The only
 * figures computed from cards are the ATOMS — cards of a factor in issues with the same key and the
 * same forms, summed over events. Every other figure (an issue cell, a form cell, a factor's total,
 * a column's total) is a SUM OF ATOMS. In the public view each atom goes through the atlas's
 * small-count rule (`primary`: exact from k, withheld 1..k−1 below) and every other figure is the
 * sum of the published atoms — a range whenever one part is withheld — so no published figure
 * says more than the atoms' labels do, and differencing any of them reveals nothing (the
 * partition is exact: a factor's total is the sum of its atoms, which is why the atlas's capped
 * "any form" figure is not used here; see docs/overlap.md).
 */
import { FORMS_OF_EXPLOITATION } from '../taxonomy/codes.ts';
import { estimate, primary, sumFigures, type Figure } from './release.ts';

export type { Figure } from './release.ts';
export type OverlapKind = 'cause' | 'consequence';

/** Confirmed cards of one factor at one issue of one event, at one level. */
export interface OverlapTally {
  eventId: string;
  issue: string;
  level: string;
  factor: string;
  n: number;
}

/** An issue of an event as the event names it, with the forms of exploitation it covers. */
export interface OverlapIssue {
  eventId: string;
  key: string;
  label: string;
  forms: readonly string[];
}

export interface OverlapFactor {
  id: string;
  kind: OverlapKind;
  label: string;
}

export interface OverlapColumn {
  key: string;
  label: string;
  /** Cards in the column (a card counts once in each form its issue names). */
  total: Figure;
}

export interface OverlapRow {
  factor: string;
  label: string;
  /** Cards of the factor, each counted once. */
  total: Figure;
  /** column key → cards; absent: none. */
  cells: Record<string, Figure>;
  /** Columns in which the factor appears at all (a withheld cell is 1..k−1: it appears). */
  spread: number;
}

export interface OverlapMatrix {
  axis: 'issue' | 'form';
  columns: OverlapColumn[];
  /** Most cards first; factors without cards last (they stay: a zero is a finding too). */
  rows: OverlapRow[];
  total: Figure;
}

export interface FormSimilarity {
  a: string;
  b: string;
  /** Cosine of the two forms' factor profiles, 0..1 (see docs/overlap.md for why cosine). */
  cosine: number;
  /** Factors that appear in both. */
  shared: number;
}

export interface OverlapNetwork {
  forms: { key: string; label: string; total: Figure }[];
  /** Factors that appear in two or more forms: the ones the forms share. */
  factors: { id: string; label: string; forms: string[] }[];
  links: { form: string; factor: string; n: Figure }[];
}

export interface Overlap {
  kind: OverlapKind;
  byIssue: OverlapMatrix;
  byForm: OverlapMatrix;
  /** Factors shared by the most forms, most first (ties: more cards first); only those in ≥ 1. */
  sharedByForms: { factor: string; label: string; forms: number; of: number; total: Figure }[];
  similarity: FormSimilarity[];
  network: OverlapNetwork;
}

export interface OverlapOptions {
  kind: OverlapKind;
  /** The coalition's factors (rows, in this order before sorting); others with cards are added. */
  factors: readonly OverlapFactor[];
  issues: readonly OverlapIssue[];
  /** Public view: publish atoms with the small-count rule at this k. Absent: exact counts. */
  k?: number;
}

const exact = (n: number): Figure => ({ lo: n, hi: n });
const present = (f: Figure | undefined): f is Figure => f !== undefined && f.hi > 0;
const FORM_ORDER = new Map<string, number>(FORMS_OF_EXPLOITATION.map((f, i) => [f, i]));

interface Atom {
  factor: string;
  issue: string;
  forms: readonly string[];
  figure: Figure;
}

/**
 * The atoms: tallies of the given kind's factors summed per (factor, issue key, forms of that
 * issue), published with the small-count rule when `k` is given. Tallies of factors of the other
 * kind are the caller's to leave out (a factor has one kind).
 */
export function overlapAtoms(tallies: readonly OverlapTally[], opts: OverlapOptions): Atom[] {
  const issueOf = new Map(opts.issues.map((i) => [`${i.eventId}\u0000${i.key}`, i]));
  const sums = new Map<string, { factor: string; issue: string; forms: string[]; n: number }>();
  for (const t of tallies) {
    if (t.n <= 0) continue;
    const forms = [...(issueOf.get(`${t.eventId}\u0000${t.issue}`)?.forms ?? [])].sort();
    const key = `${t.factor}\u0000${t.issue}\u0000${forms.join(',')}`;
    const s = sums.get(key);
    if (s) s.n += t.n;
    else sums.set(key, { factor: t.factor, issue: t.issue, forms, n: t.n });
  }
  const k = opts.k;
  return [...sums.values()].map((s) => ({
    factor: s.factor,
    issue: s.issue,
    forms: s.forms,
    figure: k === undefined ? exact(s.n) : primary(s.n, k),
  }));
}

function labelsOfIssues(issues: readonly OverlapIssue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) if (!out.has(i.key)) out.set(i.key, i.label);
  return out;
}

function matrix(
  axis: 'issue' | 'form',
  atoms: Atom[],
  columns: { key: string; label: string }[],
  columnsOf: (a: Atom) => readonly string[],
  rowsIn: { id: string; label: string }[],
): OverlapMatrix {
  const cellParts = new Map<string, Map<string, Figure[]>>();
  const rowParts = new Map<string, Figure[]>();
  const colParts = new Map<string, Figure[]>();
  for (const a of atoms) {
    const cols = columnsOf(a);
    if (cols.length === 0) continue;
    rowParts.set(a.factor, [...(rowParts.get(a.factor) ?? []), a.figure]);
    let row = cellParts.get(a.factor);
    if (!row) cellParts.set(a.factor, (row = new Map()));
    for (const c of cols) {
      row.set(c, [...(row.get(c) ?? []), a.figure]);
      colParts.set(c, [...(colParts.get(c) ?? []), a.figure]);
    }
  }
  const rows: OverlapRow[] = rowsIn.map(({ id, label }) => {
    const cells: Record<string, Figure> = {};
    for (const [c, parts] of cellParts.get(id) ?? []) cells[c] = sumFigures(parts);
    return {
      factor: id,
      label,
      total: sumFigures(rowParts.get(id) ?? []),
      cells,
      spread: Object.values(cells).filter(present).length,
    };
  });
  rows.sort(
    (a, b) =>
      estimate(b.total) - estimate(a.total) ||
      b.spread - a.spread ||
      a.label.localeCompare(b.label),
  );
  return {
    axis,
    columns: columns.map((c) => ({ ...c, total: sumFigures(colParts.get(c.key) ?? []) })),
    rows,
    total: sumFigures(atoms.filter((a) => columnsOf(a).length > 0).map((a) => a.figure)),
  };
}

/** Cosine similarity of two non-negative vectors (0 when either is all zero). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return Math.min(1, dot / Math.sqrt(na * nb));
}

/**
 * Pairwise similarity of the forms' factor profiles: cosine over the factors' card counts (in a
 * public view, each published figure's midpoint — computed from published figures only).
 */
export function formSimilarity(byForm: OverlapMatrix): FormSimilarity[] {
  const keys = byForm.columns.map((c) => c.key);
  const vector = (form: string) => byForm.rows.map((r) => estimate(r.cells[form] ?? exact(0)));
  const vectors = new Map(keys.map((k) => [k, vector(k)]));
  const out: FormSimilarity[] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i]!;
      const b = keys[j]!;
      out.push({
        a,
        b,
        cosine: Math.round(cosine(vectors.get(a)!, vectors.get(b)!) * 1000) / 1000,
        shared: byForm.rows.filter((r) => present(r.cells[a]) && present(r.cells[b])).length,
      });
    }
  return out.sort((x, y) => y.cosine - x.cosine || y.shared - x.shared);
}

function network(byForm: OverlapMatrix): OverlapNetwork {
  const shared = byForm.rows.filter((r) => r.spread >= 2);
  return {
    forms: byForm.columns.map((c) => ({ key: c.key, label: c.label, total: c.total })),
    factors: shared.map((r) => ({
      id: r.factor,
      label: r.label,
      forms: byForm.columns.map((c) => c.key).filter((k) => present(r.cells[k])),
    })),
    links: shared.flatMap((r) =>
      byForm.columns
        .filter((c) => present(r.cells[c.key]))
        .map((c) => ({ form: c.key, factor: r.factor, n: r.cells[c.key]! })),
    ),
  };
}

/**
 * Everything the overlap screens show for one kind of factor: the factor × issue and factor × form
 * matrices, the factors shared by the most forms, the forms' similarity and their network.
 */
export function computeOverlap(tallies: readonly OverlapTally[], opts: OverlapOptions): Overlap {
  const own = new Map(opts.factors.filter((f) => f.kind === opts.kind).map((f) => [f.id, f]));
  const all = new Map(opts.factors.map((f) => [f.id, f]));
  // A tally of a factor of the other kind cannot be this kind's (cards are checked on assignment).
  const mine = tallies.filter((t) => own.has(t.factor) || !all.has(t.factor));
  const atoms = overlapAtoms(mine, opts);
  const rowsIn = [...own.values()].map((f) => ({ id: f.id, label: f.label }));
  for (const a of atoms)
    if (!own.has(a.factor) && !rowsIn.some((r) => r.id === a.factor))
      rowsIn.push({ id: a.factor, label: a.factor });

  const issueLabels = labelsOfIssues(opts.issues);
  const issueKeys = [...new Set([...issueLabels.keys(), ...atoms.map((a) => a.issue)])];
  const byIssue = matrix(
    'issue',
    atoms,
    issueKeys.map((key) => ({ key, label: issueLabels.get(key) ?? key })),
    (a) => [a.issue],
    rowsIn,
  );
  const formKeys = [...new Set(opts.issues.flatMap((i) => i.forms))].sort(
    (a, b) => (FORM_ORDER.get(a) ?? 99) - (FORM_ORDER.get(b) ?? 99) || a.localeCompare(b),
  );
  const byForm = matrix(
    'form',
    atoms,
    formKeys.map((key) => ({ key, label: key })),
    (a) => a.forms,
    rowsIn,
  );
  const sharedByForms = byForm.rows
    .filter((r) => r.spread > 0)
    .map((r) => ({
      factor: r.factor,
      label: r.label,
      forms: r.spread,
      of: byForm.columns.length,
      total: r.total,
    }))
    .sort((a, b) => b.forms - a.forms || estimate(b.total) - estimate(a.total));
  return {
    kind: opts.kind,
    byIssue,
    byForm,
    sharedByForms,
    similarity: formSimilarity(byForm),
    network: network(byForm),
  };
}
