import type { Db } from '../index.ts';
import type { OrgCoverage } from '../../../domain/analysis/gaps.ts';

/**
 * Where the coalition's organisations work, by kind of work and form: the other side of the gaps.
 * Public views count public organisations only; members count every organisation of the
 * coalition (a count of who works where, never who reported what).
 */
export async function coalitionOrganisations(
  db: Db,
  coalitionId: string,
  publicOnly: boolean,
): Promise<OrgCoverage[]> {
  let q = db
    .selectFrom('organisations as o')
    .innerJoin('organisation_facets as f', 'f.organisation_id', 'o.id')
    .select(['o.id', 'f.facet', 'f.code'])
    .where('o.coalition_id', '=', coalitionId)
    .where('f.facet', 'in', ['countries', 'provinces', 'forms', 'kindsOfWork']);
  if (publicOnly) q = q.where('o.visibility', '=', 'public');
  const rows = await q.execute();
  const by = new Map<string, OrgCoverage>();
  for (const r of rows) {
    let o = by.get(r.id);
    if (!o) by.set(r.id, (o = { countries: [], provinces: [], forms: [], kindsOfWork: [] }));
    if (
      r.facet === 'countries' ||
      r.facet === 'provinces' ||
      r.facet === 'forms' ||
      r.facet === 'kindsOfWork'
    )
      o[r.facet].push(r.code);
  }
  return [...by.values()];
}
