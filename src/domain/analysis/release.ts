/**
 * The public release: the one set of figures from which every public atlas answer is derived
 * (map, flows, gaps, GeoJSON, for every form filter). See docs/security.md, "public".
 *
 * Atoms — the only figures computed from routes:
 * - `cells`: routes from country o to country d, per form and for any form (`*`);
 * - `transits`: routes of a form with a transit stop in a country.
 * Every other public figure (row, column and grand totals, a region's outflow and inflow, a gap's
 * routes starting or ending in a country, a map's route count) is a SUM OF PUBLISHED ATOMS, so it
 * adds nothing an attacker could not compute from the atoms. Withheld atoms are counted in such sums
 * as 1..k−1, so a total is a range whenever one of its parts is withheld.
 *
 * An atom is published exactly from k up, and as 1..k−1 (withheld) below. The atoms are not
 * independent: a route has at least one form, so in every cell F_f ≤ F_* ≤ Σ_f F_f, and a form's
 * transits are routes of that form, so T_f(X) ≤ Σ_cells F_f. Those two relations could bound a
 * withheld count from below (F_* = 25, F_SE = 22 ⇒ F_FL ≥ 3). The rule below publishes F_* and T_f
 * as a range instead of exactly whenever the exact value would do that, and the range's lower end
 * is computed only from figures that are themselves published — so the choice reveals nothing.
 * Proof that no withheld atom can be narrowed below 1..k−1: docs/security.md.
 */

/** A published count: `lo..hi` routes; `lo === hi` is exact. */
export interface Figure {
  lo: number;
  hi: number;
}

/** Every form at once ("any form"). */
export const ANY_FORM = '*';

export interface ReleaseInput {
  k: number;
  /** Country → country route counts, per form and for `ANY_FORM`. */
  flows: { form: string; origin: string; destination: string; n: number }[];
  /** Routes of a form (never `ANY_FORM`) with a transit stop in a country. */
  transits: { form: string; place: string; n: number }[];
}

export interface Release {
  k: number;
  /** form → `origin>destination` → figure. Absent: no route. */
  cells: Map<string, Map<string, Figure>>;
  /** form → country → figure. Absent: no route. */
  transits: Map<string, Map<string, Figure>>;
}

export const cellKey = (origin: string, destination: string) => `${origin}>${destination}`;

export function isExact(f: Figure): boolean {
  return f.lo === f.hi;
}

/** Withheld: published only as "fewer than k". */
export function isWithheld(f: Figure, k: number): boolean {
  return f.lo === 1 && f.hi === k - 1;
}

/** A sum of published figures (a derived figure: it carries no more than its parts). */
export function sumFigures(figures: Iterable<Figure>): Figure {
  let lo = 0;
  let hi = 0;
  for (const f of figures) {
    lo += f.lo;
    hi += f.hi;
  }
  return { lo, hi };
}

/**
 * A figure as the API writes it (the contract's `Count`): exact as a number, withheld (1..k−1) as
 * null, any other range as `{lo, hi}`. `k` null: the members' view, where nothing is withheld.
 */
export function presentCount(f: Figure, k: number | null): number | null | Figure {
  if (f.lo === f.hi) return f.lo;
  if (k !== null && isWithheld(f, k)) return null;
  return { lo: f.lo, hi: f.hi };
}

/** One number for ranking and shading, computed from the published range only. */
export function estimate(f: Figure): number {
  return (f.lo + f.hi) / 2;
}

/**
 * THE small-count rule of every public figure (atlas and overlap): exact from k up, withheld
 * (1..k−1) below. A published atom goes through here; everything else is a sum of atoms.
 */
export function primary(n: number, k: number): Figure {
  return n >= k ? { lo: n, hi: n } : { lo: 1, hi: k - 1 };
}

/**
 * A figure that sits above parts (a cell's any-form count above its per-form counts, a form's
 * transit count below the sum of its cells): exact while `n < cap`, else the range `cap..hi`.
 * `cap` and `hi` come from published figures only, so every value from `cap` up gets the same
 * label — which is what makes the choice itself safe.
 */
function capped(n: number, k: number, cap: number, hi: number): Figure {
  if (n < k) return primary(n, k);
  return n < cap ? { lo: n, hi: n } : { lo: cap, hi };
}

export function publishRelease(input: ReleaseInput): Release {
  const { k } = input;
  const raw = new Map<string, Map<string, number>>();
  for (const c of input.flows) {
    if (c.n <= 0) continue;
    let m = raw.get(c.form);
    if (!m) raw.set(c.form, (m = new Map()));
    m.set(cellKey(c.origin, c.destination), c.n);
  }
  const cells = new Map<string, Map<string, Figure>>();
  for (const [form, m] of raw) {
    if (form === ANY_FORM) continue;
    cells.set(form, new Map([...m].map(([key, n]) => [key, primary(n, k)])));
  }
  const perForm = [...cells.values()];
  const any = new Map<string, Figure>();
  for (const [key, n] of raw.get(ANY_FORM) ?? []) {
    // In this cell: Σ over other forms of their upper ends, for the withheld form h that gives
    // the attacker the highest lower bound F_* − Σ_{f≠h} hi_f. F_* ≤ cap − 1 keeps it ≤ 0.
    let exact = 0;
    let withheld = 0;
    for (const m of perForm) {
      const f = m.get(key);
      if (!f) continue;
      if (isExact(f)) exact += f.lo;
      else withheld++;
    }
    const cap = 1 + exact + Math.max(0, withheld - 1) * (k - 1);
    any.set(key, withheld ? capped(n, k, cap, exact + withheld * (k - 1)) : primary(n, k));
  }
  if (any.size) cells.set(ANY_FORM, any);

  const transits = new Map<string, Map<string, Figure>>();
  for (const t of input.transits) {
    if (t.n <= 0) continue;
    const own = cells.get(t.form);
    const parts = [...(own?.values() ?? [])];
    const hi = sumFigures(parts).hi;
    const withheld = parts.some((f) => !isExact(f));
    // A withheld cell h of this form is bounded below by T − Σ_{c≠h} hi_c: keep T's lower end
    // at most 1 + Σ_{c≠h} hi_c.
    const figure = withheld ? capped(t.n, k, 1 + hi - (k - 1), hi) : primary(t.n, k);
    let m = transits.get(t.form);
    if (!m) transits.set(t.form, (m = new Map()));
    m.set(t.place, figure);
  }
  return { k, cells, transits };
}
