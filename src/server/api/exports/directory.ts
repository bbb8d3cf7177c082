import type { ExportRow } from '../../../domain/csv/table.ts';
import { getPlace } from '../../../domain/geo/index.ts';
import { readScopes } from '../../auth/policy.ts';
import type { Db } from '../../db/index.ts';
import { listOrganisations, type OrganisationRecord } from '../../db/repos/organisations.ts';
import { point, type ExportEntity } from './entity.ts';
import type { ExportReader } from './reader.ts';

/** Every organisation the reader may read in the coalition (the public view: public ones). */
export async function readableOrganisations(
  db: Db,
  r: ExportReader,
): Promise<OrganisationRecord[]> {
  const audience = {
    scopes: readScopes(r.actor, 'organisation'),
    coalitionId: r.actor.kind === 'user' ? r.actor.coalitionId : null,
    organisationId: r.actor.kind === 'user' ? r.actor.organisationId : null,
  };
  const out: OrganisationRecord[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await listOrganisations(db, audience, { limit: 1000, offset });
    // Public organisations of every coalition are readable: the export is of one coalition.
    out.push(...page.items.filter((o) => o.coalitionId === r.coalition.id));
    if (page.items.length < 1000) return out;
  }
}

export const organisations: ExportEntity = {
  name: 'organisations',
  policy: { resource: 'organisation', action: 'read' },
  columns: () => [
    { key: 'id', hxl: '#org+id' },
    { key: 'name', hxl: '#org+name' },
    { key: 'type', hxl: '#org+type' },
    { key: 'kinds_of_work', hxl: '#sector+work' },
    { key: 'support_services', hxl: '#service+type' },
    { key: 'forms', hxl: '#sector+form' },
    { key: 'populations', hxl: '#affected+type' },
    { key: 'languages', hxl: '#meta+lang' },
    { key: 'countries', hxl: '#country+code' },
    { key: 'provinces', hxl: '#adm1+code' },
    { key: 'website', hxl: '#contact+url' },
    { key: 'public_contact', hxl: '#contact+public' },
    { key: 'description', hxl: '#description' },
    { key: 'visibility', hxl: '#meta+visibility' },
    { key: 'created_at', hxl: '#date+created' },
    { key: 'updated_at', hxl: '#date+updated' },
  ],
  async rows(db, r) {
    return (await readableOrganisations(db, r)).map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      kinds_of_work: o.facets.kindsOfWork,
      support_services: o.facets.supportServices,
      forms: o.facets.forms,
      populations: o.facets.populations,
      languages: o.facets.languages,
      countries: o.facets.countries,
      provinces: o.facets.provinces,
      website: o.website,
      public_contact: o.publicContact,
      description: o.description,
      visibility: o.visibility,
      created_at: o.createdAt,
      updated_at: o.updatedAt,
    }));
  },
};

/**
 * Places where the coalition's organisations work (the atlas's footprints), country by country
 * and province by province: how many of the organisations the reader may see work there, and the
 * kinds of work they do there. Public view: public organisations only, which the public directory
 * names one by one anyway, so no count here reveals more than the directory.
 */
export const places: ExportEntity = {
  name: 'places',
  policy: { resource: 'organisation', action: 'read' },
  columns: () => [
    { key: 'place', hxl: '#loc+code' },
    { key: 'name', hxl: '#loc+name' },
    { key: 'level', hxl: '#loc+type' },
    { key: 'country', hxl: '#country+code' },
    { key: 'adm1', hxl: '#adm1+code' },
    { key: 'lat', hxl: '#geo+lat' },
    { key: 'lon', hxl: '#geo+lon' },
    { key: 'organisations', hxl: '#org+num' },
    { key: 'kinds_of_work', hxl: '#sector+work' },
  ],
  async rows(db, r) {
    const by = new Map<string, { n: number; kinds: Set<string> }>();
    for (const o of await readableOrganisations(db, r))
      for (const code of [...o.facets.countries, ...o.facets.provinces]) {
        let p = by.get(code);
        if (!p) by.set(code, (p = { n: 0, kinds: new Set() }));
        p.n++;
        for (const k of o.facets.kindsOfWork) p.kinds.add(k);
      }
    const rows: ExportRow[] = [];
    for (const [code, p] of [...by].sort(([a], [b]) => a.localeCompare(b))) {
      const place = getPlace(code);
      if (!place) continue;
      rows.push({
        place: code,
        name: place.name,
        level: place.kind === 'country' ? 'country' : 'province',
        country: place.countryCode,
        adm1: place.kind === 'country' ? null : code,
        lat: place.lat,
        lon: place.lon,
        organisations: p.n,
        kinds_of_work: [...p.kinds].sort(),
      });
    }
    return rows;
  },
  feature: (row) =>
    typeof row.lat === 'number' && typeof row.lon === 'number'
      ? point(row.lon, row.lat, row)
      : null,
};
