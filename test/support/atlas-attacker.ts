import type { AtlasMap, Count, FlowMatrix, GapList } from '../../src/contract/atlas.ts';
import { FORMS_OF_EXPLOITATION } from '../../src/domain/taxonomy/codes.ts';
import { getPlace } from '../../src/domain/geo/index.ts';

/**
 * An anonymous attacker on the public atlas. It asks EVERY public endpoint with EVERY filter
 * (`harvest`), writes down what each published figure means as linear facts over named counts —
 * cells, totals, a region's outflow, a gap's routes starting in a place, a map flow... — and then
 * solves them (`solve`): Gaussian elimination over the equations (differencing of any number of
 * figures at once) and interval propagation over equations and inequalities with integer rounding
 * (bounding), repeated until nothing moves. A count it pins to one value from 1 to k−1 is a leak.
 *
 * Only facts that hold under the documented meaning of every answer are used; the attacker does
 * not know which rule the server follows to publish (it is the same attacker before and after).
 */

export type Get = (url: string) => Promise<unknown>;

/** Σ coef·var (op) 0. */
interface Constraint {
  terms: [string, number][];
  op: '=' | '>=';
}

export interface Facts {
  k: number;
  bounds: Map<string, [number, number]>;
  constraints: Constraint[];
  queries: number;
}

const FORMS = ['*', ...FORMS_OF_EXPLOITATION];

function facts(k: number): Facts {
  return { k, bounds: new Map(), constraints: [], queries: 0 };
}

function bound(f: Facts, key: string, lo: number, hi: number) {
  const [a, b] = f.bounds.get(key) ?? [0, Infinity];
  f.bounds.set(key, [Math.max(a, lo), Math.min(b, hi)]);
}

/**
 * A published count: exact, withheld or a range. Withheld is "fewer than k" — except in a flow
 * table, where it has also meant "withheld so that a total cannot reveal another cell" (complementary
 * suppression, however large): there the attacker reads it as "at least one route".
 */
function published(f: Facts, key: string, n: Count | undefined, table = false) {
  if (n === undefined) return;
  if (n === null) bound(f, key, 1, table ? Infinity : f.k - 1);
  else if (typeof n === 'number') bound(f, key, n, n);
  else bound(f, key, n.lo, n.hi);
}

const eq = (f: Facts, total: string, parts: string[]) =>
  f.constraints.push({
    terms: [[total, 1], ...parts.map((p): [string, number] => [p, -1])],
    op: '=',
  });
const geq = (f: Facts, big: string, parts: string[]) =>
  f.constraints.push({
    terms: [[big, 1], ...parts.map((p): [string, number] => [p, -1])],
    op: '>=',
  });

const countryOf = (id: string) => getPlace(id)?.countryCode ?? id.slice(0, 2);
const provinceOf = (id: string) => {
  const p = getPlace(id);
  return p && p.kind !== 'country' ? p.provinceCode : null;
};

/** Every public endpoint × every filter, as an anonymous visitor of coalition `slug`. */
export async function harvest(get: Get, slug: string, k: number): Promise<Facts> {
  const f = facts(k);
  const ask = async <T>(url: string): Promise<T> => {
    f.queries++;
    return (await get(`${url}${url.includes('?') ? '&' : '?'}coalition=${slug}`)) as T;
  };
  const cellKeys = new Map<string, Set<string>>(); // level → o|d seen in any form
  const countries = new Set<string>();
  for (const form of FORMS) {
    const q = form === '*' ? '' : `form=${form}`;
    for (const level of ['country', 'province']) {
      for (const shape of ['', 'top=1', 'top=3', 'cells=none']) {
        const m = await ask<FlowMatrix>(
          `/api/atlas/flows?${[q, `level=${level}`, shape].filter(Boolean).join('&')}`,
        );
        const L = m.level;
        const cellKey = (o: string, d: string) => `flow|${L}|${form}|${o}|${d}`;
        for (const c of m.cells) {
          published(f, cellKey(c.origin, c.destination), c.n, true);
          let seen = cellKeys.get(L);
          if (!seen) cellKeys.set(L, (seen = new Set()));
          seen.add(`${c.origin}|${c.destination}`);
          countries.add(countryOf(c.origin)).add(countryOf(c.destination));
        }
        for (const [id, n] of Object.entries(m.originTotals))
          published(f, `row|${L}|${form}|${id}`, n, true);
        for (const [id, n] of Object.entries(m.destinationTotals))
          published(f, `col|${L}|${form}|${id}`, n, true);
        published(f, `tot|${L}|${form}`, m.total, true);
        if (shape !== '') continue;
        // The whole table: rows, columns and the grand total are sums of its cells.
        const rows = new Map<string, string[]>();
        const cols = new Map<string, string[]>();
        for (const c of m.cells) {
          rows.set(c.origin, [...(rows.get(c.origin) ?? []), cellKey(c.origin, c.destination)]);
          cols.set(c.destination, [
            ...(cols.get(c.destination) ?? []),
            cellKey(c.origin, c.destination),
          ]);
        }
        for (const [id, parts] of rows) eq(f, `row|${L}|${form}|${id}`, parts);
        for (const [id, parts] of cols) eq(f, `col|${L}|${form}|${id}`, parts);
        eq(
          f,
          `tot|${L}|${form}`,
          [...rows.keys()].map((id) => `row|${L}|${form}|${id}`),
        );
        eq(
          f,
          `tot|${L}|${form}`,
          [...cols.keys()].map((id) => `col|${L}|${form}|${id}`),
        );
        // Routes as a place's source (gaps) are the row of its country or province.
        for (const id of rows.keys()) eq(f, `src|${L}|${form}|${id}`, [`row|${L}|${form}|${id}`]);
        for (const id of cols.keys()) eq(f, `dst|${L}|${form}|${id}`, [`col|${L}|${form}|${id}`]);
      }
    }

    // The map: route total, regions, drawn flows (and, unfiltered, their forms).
    const map = await ask<AtlasMap>(`/api/atlas/map${q ? `?${q}` : ''}`);
    published(f, `tot|country|${form}`, map.routes);
    for (const r of map.regions) {
      countries.add(r.country);
      // Outflow: routes from the country to another one. A 0 may stand for "fewer than k".
      const out = `out|${form}|${r.country}`;
      const inn = `in|${form}|${r.country}`;
      if (r.outflow === 0) bound(f, out, 0, k - 1);
      else published(f, out, r.outflow);
      if (r.inflow === 0) bound(f, inn, 0, k - 1);
      else published(f, inn, r.inflow);
      const self = `flow|country|${form}|${r.country}|${r.country}`;
      eq(f, `row|country|${form}|${r.country}`, [out, self]);
      eq(f, `col|country|${form}|${r.country}`, [inn, self]);
    }
    const byPair = new Map<string, string[]>();
    for (const fl of map.flows) {
      const [s, d] = [fl.source, fl.destination];
      if (s.kind === 'country' && d.kind === 'country') {
        published(f, `flow|country|${form}|${s.id}|${d.id}`, fl.n);
        continue;
      }
      const key = `mflow|${form}|${s.id}|${d.id}`;
      published(f, key, fl.n);
      const pair = `${countryOf(s.id)}|${countryOf(d.id)}`;
      byPair.set(pair, [...(byPair.get(pair) ?? []), key]);
      if (form === '*')
        for (const x of fl.forms) published(f, `mflow|${x.form}|${s.id}|${d.id}`, x.n);
    }
    // What the drawn place-to-place flows leave of their countries' cell.
    for (const [pair, parts] of byPair) {
      const rest = `rest|${form}|${pair}`;
      eq(f, `flow|country|${form}|${pair}`, [...parts, rest]);
    }

    // Gaps at every level: routes starting, passing through, ending in a place, per form.
    for (const level of ['country', 'province', 'city']) {
      const g = await ask<GapList>(`/api/atlas/gaps?level=${level}&limit=200${q ? `&${q}` : ''}`);
      for (const item of g.items) {
        const L = item.place.kind === 'point' ? 'city' : item.place.kind;
        for (const role of ['src', 'trn', 'dst'] as const) {
          const n = item[role === 'src' ? 'source' : role === 'trn' ? 'transit' : 'destination'];
          published(f, `${role}|${L}|${item.form}|${item.place.id}`, n);
        }
      }
    }
    // Listing only what has at least minRoutes routes: a listed item has at least that many.
    if (form === '*')
      for (const level of ['country', 'province', 'city'])
        for (let min = 2; min <= 2 * k; min++) {
          const g = await ask<GapList>(`/api/atlas/gaps?level=${level}&limit=200&minRoutes=${min}`);
          for (const item of g.items) {
            const L = item.place.kind === 'point' ? 'city' : item.place.kind;
            const key = (role: string) => `${role}|${L}|${item.form}|${item.place.id}`;
            const sum = `sum3|${L}|${item.form}|${item.place.id}`;
            eq(f, sum, [key('src'), key('trn'), key('dst')]);
            bound(f, sum, min, Infinity);
          }
        }

    // GeoJSON, every level.
    for (const level of ['country', 'province', 'city']) {
      const geo = (await ask<{ features: { properties: Record<string, unknown> }[] }>(
        `/api/atlas/flows.geojson?level=${level}${q ? `&${q}` : ''}`,
      )) as { features: { properties: Record<string, string | number | null> }[] };
      for (const { properties: p } of geo.features) {
        const L = String(p.level);
        const key =
          L === 'city'
            ? `mflow|${form}|${p.origin}|${p.destination}`
            : `flow|${L}|${form}|${p.origin}|${p.destination}`;
        if (typeof p.routes === 'number') bound(f, key, p.routes, p.routes);
        else if (typeof p.routesMin === 'number' && typeof p.routesMax === 'number')
          bound(f, key, p.routesMin, p.routesMax);
      }
    }
  }
  await ask('/api/atlas/challenges');
  await ask('/api/atlas/map?kind=prevention');

  // What every reader knows about the counts themselves.
  for (const [L, pairs] of cellKeys)
    for (const pair of pairs) {
      const any = `flow|${L}|*|${pair}`;
      const perForm = FORMS_OF_EXPLOITATION.map((x) => `flow|${L}|${x}|${pair}`);
      // An unlisted cell of a table that was asked for is empty.
      for (const key of [any, ...perForm]) if (!f.bounds.has(key)) bound(f, key, 0, 0);
      // Every route has at least one form; a form's routes are routes.
      for (const p of perForm) geq(f, any, [p]);
      geq(f, perForm[0]!, [any, ...perForm.slice(1).map((p) => `-${p}`)]);
    }
  for (const form of FORMS_OF_EXPLOITATION)
    for (const X of countries) {
      // A form's routes passing through a country are among its routes.
      geq(f, `tot|country|${form}`, [`trn|country|${form}|${X}`]);
      // Hierarchy: a country's routes starting there include its provinces' (and theirs, their cities').
      for (const key of f.bounds.keys()) {
        const [role, L, fm, id] = key.split('|');
        if (fm !== form || !id || !['src', 'dst', 'trn'].includes(role!)) continue;
        if (L === 'province' && countryOf(id) === X) geq(f, `${role}|country|${form}|${X}`, [key]);
        if (L === 'city' && provinceOf(id))
          geq(f, `${role}|province|${form}|${provinceOf(id)}`, [key]);
      }
    }
  return f;
}

/**
 * The attack: bounds on every named count. Returns the counts pinned to a value from 1 to k−1.
 */
export function solve(f: Facts): {
  pinned: Map<string, number>;
  bounds: Map<string, [number, number]>;
} {
  // `-name` in a ≥ constraint's parts stands for +name (Σ forms ≥ any form, written as parts).
  const constraints = f.constraints.map((c) => ({
    op: c.op,
    terms: c.terms.map(([v, a]): [string, number] =>
      v.startsWith('-') ? [v.slice(1), -a] : [v, a],
    ),
  }));
  const b = new Map(f.bounds);
  const get = (v: string): [number, number] => b.get(v) ?? [0, Infinity];
  const set = (v: string, lo: number, hi: number): boolean => {
    const [a, c] = get(v);
    const nlo = Math.max(a, Math.ceil(lo - 1e-9));
    const nhi = Math.min(c, Math.floor(hi + 1e-9));
    if (nlo === a && nhi === c) return false;
    b.set(v, [nlo, nhi]);
    return true;
  };
  for (let round = 0; round < 60; round++) {
    let moved = false;
    // Interval propagation: each term's range from the others'.
    for (const c of constraints) {
      for (const [v, a] of c.terms) {
        let lo = 0;
        let hi = 0;
        for (const [u, bcoef] of c.terms) {
          if (u === v) continue;
          const [l, h] = get(u);
          // Range of −bcoef·u / a.
          const x = (-bcoef * l) / a;
          const y = (-bcoef * h) / a;
          lo += Math.min(x, y);
          hi += Math.max(x, y);
        }
        if (Number.isNaN(lo) || Number.isNaN(hi)) continue;
        // Σ = 0: a·v = −Σ others; Σ ≥ 0: a·v ≥ −Σ others.
        if (c.op === '=') moved = set(v, lo, hi) || moved;
        else if (a > 0) moved = set(v, lo, Infinity) || moved;
        else moved = set(v, -Infinity, hi) || moved;
      }
    }
    moved = eliminate(constraints, get, set) || moved;
    if (!moved) break;
  }
  const pinned = new Map<string, number>();
  for (const [v, [lo, hi]] of b) if (lo === hi && lo >= 1 && lo <= f.k - 1) pinned.set(v, lo);
  // Published exactly below k cannot happen; pins of published figures are not leaks.
  for (const [v, [lo, hi]] of f.bounds) if (lo === hi) pinned.delete(v);
  return { pinned, bounds: b };
}

/**
 * Linear algebra over the equations, every pinned count substituted: a count the equations
 * determine is pinned (the differencing of any set of published figures at once).
 */
function eliminate(
  constraints: { op: string; terms: [string, number][] }[],
  get: (v: string) => [number, number],
  set: (v: string, lo: number, hi: number) => boolean,
): boolean {
  const rows: { coef: Map<string, number>; rhs: number }[] = [];
  for (const c of constraints) {
    if (c.op !== '=') continue;
    const coef = new Map<string, number>();
    let rhs = 0;
    for (const [v, a] of c.terms) {
      const [lo, hi] = get(v);
      if (lo === hi) rhs -= a * lo;
      else coef.set(v, (coef.get(v) ?? 0) + a);
    }
    for (const [v, a] of coef) if (Math.abs(a) < 1e-12) coef.delete(v);
    if (coef.size) rows.push({ coef, rhs });
  }
  // Gauss–Jordan: each new pivot is eliminated from every other pivot row, so a variable the
  // equations determine ends up alone in its row.
  const pivots = new Map<string, { coef: Map<string, number>; rhs: number }>();
  const reduce = (row: { coef: Map<string, number>; rhs: number }, v: string, by: typeof row) => {
    const a = row.coef.get(v);
    if (!a) return;
    const r = a / by.coef.get(v)!;
    for (const [u, c] of by.coef) {
      const x = (row.coef.get(u) ?? 0) - r * c;
      if (Math.abs(x) < 1e-9) row.coef.delete(u);
      else row.coef.set(u, x);
    }
    row.rhs -= r * by.rhs;
  };
  for (const row of rows) {
    for (const [v, p] of pivots) reduce(row, v, p);
    const [first] = row.coef.keys();
    if (first === undefined) continue;
    for (const p of pivots.values()) reduce(p, first, row);
    pivots.set(first, row);
  }
  let moved = false;
  for (const [v, row] of pivots) {
    if (row.coef.size !== 1) continue;
    const value = row.rhs / row.coef.get(v)!;
    if (Math.abs(value - Math.round(value)) < 1e-6)
      moved = set(v, Math.round(value), Math.round(value)) || moved;
  }
  return moved;
}
