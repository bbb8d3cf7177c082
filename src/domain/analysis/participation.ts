/**
 * Who took part in an event, counted for the report (issue 14).
 *
 * The public version uses the atlas's rule (release.ts): the only figures computed from people are
 * the ATOMS — participants of one sector from one country — each published exactly from k up and
 * withheld (1..k−1) below (`primary`). Every other figure (a sector, a country, the total) is a SUM
 * OF PUBLISHED ATOMS, a range whenever a part is withheld. Counting sectors and countries apart
 * would not be safe: all sectors exact gives the total, and the total minus the exact countries
 * gives the one withheld country. Organisations are not counted publicly at all (their number
 * bounds the total from below, which could pin withheld atoms).
 */
import { primary, sumFigures, type Figure } from './release.ts';

/** `S`: the sector codes (the caller's type, kept through the counting). */
export interface Person<S extends string = string> {
  organisation: string;
  sector: S;
  country: string | null;
}

export interface Participation<S extends string = string> {
  total: Figure;
  /** null in the public version. */
  organisations: { name: string; participants: number }[] | null;
  sectors: { code: S; n: Figure }[];
  countries: { code: string | null; n: Figure }[];
}

const exact = (n: number): Figure => ({ lo: n, hi: n });

/** Largest first (by the range's middle), then by code; a null country last. */
function ranked<K extends string | null>(m: Map<K, Figure[]>): { code: K; n: Figure }[] {
  return [...m]
    .map(([code, parts]) => ({ code, n: sumFigures(parts) }))
    .sort(
      (a, b) =>
        b.n.lo + b.n.hi - (a.n.lo + a.n.hi) ||
        (a.code === null
          ? 1
          : b.code === null
            ? -1
            : a.code < b.code
              ? -1
              : a.code > b.code
                ? 1
                : 0),
    );
}

/**
 * `k`: the public version's threshold; null for the members' version (every figure exact).
 * Organisation names are compared without case and surrounding spaces; the first spelling wins.
 */
export function countParticipation<S extends string>(
  people: readonly Person<S>[],
  k: number | null,
): Participation<S> {
  const atoms = new Map<string, { sector: S; country: string | null; n: number }>();
  for (const p of people) {
    const key = JSON.stringify([p.sector, p.country]);
    const a = atoms.get(key);
    if (a) a.n++;
    else atoms.set(key, { sector: p.sector, country: p.country, n: 1 });
  }
  const bySector = new Map<S, Figure[]>();
  const byCountry = new Map<string | null, Figure[]>();
  const all: Figure[] = [];
  for (const a of atoms.values()) {
    const f = k === null ? exact(a.n) : primary(a.n, k);
    all.push(f);
    bySector.set(a.sector, [...(bySector.get(a.sector) ?? []), f]);
    byCountry.set(a.country, [...(byCountry.get(a.country) ?? []), f]);
  }
  let organisations: Participation<S>['organisations'] = null;
  if (k === null) {
    const orgs = new Map<string, { name: string; participants: number }>();
    for (const p of people) {
      const name = p.organisation.trim();
      if (!name) continue;
      const key = name.toLocaleLowerCase();
      const o = orgs.get(key);
      if (o) o.participants++;
      else orgs.set(key, { name, participants: 1 });
    }
    organisations = [...orgs.values()].sort(
      (a, b) => b.participants - a.participants || a.name.localeCompare(b.name),
    );
  }
  return {
    total: sumFigures(all),
    organisations,
    sectors: ranked(bySector),
    countries: ranked(byCountry),
  };
}
