import { getPlace, searchPlaces } from '../geo/index.ts';
import type { EntityDescriptor, EntityField } from './entity.ts';

/**
 * Routes, from the atlas's own export (`routes.csv`, plain or with HXL) or a spreadsheet: one row
 * per route, places as ids (`TH`, `TH-63`, `city:1152188`) or names with an optional country code
 * ("Mae Sot, TH"). Lists (transits, forms…) are separated by `;`; `border_crossings` lists which
 * transits are border crossings. `organisation` names the reporting organisation (an organisation
 * of the coalition, by name); the export's `*_name` and `*_country` columns are read-only helpers
 * for people and are ignored, as are `id`, `created_at` and `updated_at`.
 */
export const ROUTE_FIELDS: readonly EntityField[] = [
  {
    key: 'source',
    required: true,
    names: ['origin', 'from', 'source place', 'ต้นทาง'],
    hxl: ['#loc+code+origin', '#loc+origin'],
  },
  {
    key: 'transits',
    list: true,
    names: ['transit', 'via', 'transit points', 'ทางผ่าน'],
    hxl: ['#loc+code+transit', '#loc+transit'],
  },
  {
    key: 'border_crossings',
    list: true,
    names: ['border crossing', 'borders', 'ด่านชายแดน'],
    hxl: ['#loc+code+border', '#loc+border'],
  },
  {
    key: 'destination',
    required: true,
    names: ['to', 'destination place', 'ปลายทาง'],
    hxl: ['#loc+code+destination', '#loc+destination'],
  },
  {
    key: 'forms',
    target: 'forms',
    vocabulary: 'form',
    list: true,
    required: true,
    names: ['forms of exploitation', 'form', 'exploitation', 'รูปแบบการแสวงประโยชน์'],
    hxl: ['#sector+form'],
  },
  {
    key: 'sectors',
    target: 'sectors',
    vocabulary: 'labourSector',
    list: true,
    names: ['sector', 'labour sector', 'industry', 'ภาคแรงงาน'],
    hxl: ['#sector+labour'],
  },
  {
    key: 'populations',
    target: 'populations',
    vocabulary: 'population',
    list: true,
    names: ['population', 'who', 'กลุ่มประชากร'],
    hxl: ['#affected+type', '#affected'],
  },
  {
    key: 'year_from',
    target: 'yearFrom',
    names: ['from year', 'since', 'start year', 'ตั้งแต่ปี'],
    hxl: ['#date+year+start'],
  },
  {
    key: 'year_to',
    target: 'yearTo',
    names: ['to year', 'until', 'end year', 'ถึงปี'],
    hxl: ['#date+year+end'],
  },
  {
    key: 'confidence',
    target: 'confidence',
    vocabulary: 'confidence',
    required: true,
    names: ['how sure', 'certainty', 'ความมั่นใจ'],
    hxl: ['#meta+confidence'],
  },
  {
    key: 'basis',
    target: 'basis',
    vocabulary: 'basis',
    required: true,
    names: ['known from', 'source of information', 'evidence', 'ที่มา'],
    hxl: ['#meta+source+basis', '#meta+basis'],
  },
  {
    key: 'notes',
    target: 'notes',
    max: 2000,
    names: ['note', 'comments', 'description', 'หมายเหตุ'],
    hxl: ['#description'],
  },
  {
    key: 'visibility',
    target: 'visibility',
    vocabulary: 'visibility',
    names: ['visible to', 'who may see', 'การมองเห็น'],
    hxl: ['#meta+visibility'],
  },
  {
    key: 'organisation',
    max: 200,
    names: ['reporting organisation', 'reported by', 'organization', 'org', 'องค์กร'],
    hxl: ['#org+name+reporting', '#org+name', '#org'],
  },
];

/** A place written by a person: an id, or a name that names exactly one place best. */
export function resolvePlaceRef(ref: string): { id?: string; error?: string } {
  const s = ref.trim();
  if (!s) return { error: 'is empty' };
  if (getPlace(s)) return { id: s };
  const m = /^(.*?),\s*([A-Za-z]{2})$/.exec(s);
  const name = m ? m[1]! : s;
  const country = m ? m[2]!.toUpperCase() : undefined;
  const hits = searchPlaces(name, { limit: 2, ...(country ? { countries: [country] } : {}) });
  const best = hits[0];
  if (!best || best.quality !== 'exact')
    return { error: `"${s}" is not a known place (use an id such as city:1152188, or "Name, CC")` };
  return { id: best.place.id };
}

/** What a route row becomes; the server checks it with the create schema and the gazetteer. */
export interface RouteDraft {
  source: string;
  transits: { place: string; borderCrossing: boolean }[];
  destination: string;
  forms: string[];
  sectors: string[];
  populations: string[];
  yearFrom: number | null;
  yearTo: number | null;
  confidence: string;
  basis: string;
  notes: string;
  visibility: string;
  /** The reporting organisation as written (a name), or null. */
  organisation: string | null;
}

export const routeImport: EntityDescriptor<RouteDraft> = {
  entity: 'routes',
  fields: ROUTE_FIELDS,
  draft(row) {
    const place = (field: string, ref: string) => {
      const r = resolvePlaceRef(ref);
      if (r.error) row.fail(field, 'value_unknown', r.error);
      return r.id ?? '';
    };
    const borders = new Set(row.items('border_crossings').map((b) => place('border_crossings', b)));
    const transits = row.items('transits').map((t) => {
      const id = place('transits', t);
      return { place: id, borderCrossing: borders.has(id) };
    });
    for (const b of borders)
      if (b && !transits.some((t) => t.place === b))
        row.fail('border_crossings', 'value_invalid', `"${b}" is not among the transits`);
    const year = (field: string) => {
      const v = row.text(field);
      if (!v) return null;
      if (/^\d{4}$/.test(v)) return Number(v);
      row.fail(field, 'value_invalid', 'must be a year such as 2021');
      return null;
    };
    return {
      source: place('source', row.text('source')),
      transits,
      destination: place('destination', row.text('destination')),
      forms: row.keys('forms'),
      sectors: row.keys('sectors'),
      populations: row.keys('populations'),
      yearFrom: year('year_from'),
      yearTo: year('year_to'),
      confidence: row.key('confidence') ?? '',
      basis: row.key('basis') ?? '',
      notes: row.text('notes'),
      visibility: row.key('visibility') ?? 'coalition',
      organisation: row.text('organisation') || null,
    };
  },
};
