import SQLite from 'better-sqlite3';
import { allCities, type Place } from '../../src/domain/geo/index.ts';
import {
  summaryKeys,
  type Role,
  type SummaryInput,
} from '../../src/server/db/repos/route-summaries.ts';

import { FORMS_OF_EXPLOITATION, LABOUR_SECTORS } from '../../src/domain/taxonomy/codes.ts';

/**
 * Bulk-loads N synthetic routes over the 5,000 most populous cities of South, South-East and East
 * Asia and the Gulf, straight into SQLite with prepared statements (the API path inserts one
 * route per transaction and would take hours for a million). Summary rows come from the same
 * `summaryKeys` the API's write path uses, so the tables are what a million API writes would leave.
 */
const ASIA =
  'AF BD BN BT CN HK ID IN JP KH KP KR LA LK MM MN MO MV MY NP PH PK SG TH TL TW VN AE SA QA KW OM BH'.split(
    ' ',
  );

export function benchPlaces(count: number): Place[] {
  const set = new Set(ASIA);
  return [...allCities().values()]
    .filter((p) => set.has(p.countryCode))
    .sort((a, b) => b.population - a.population || a.id.localeCompare(b.id))
    .slice(0, count);
}

const roleAt = (pos: number, n: number): Role =>
  pos === 0 ? 'source' : pos === n - 1 ? 'destination' : 'transit';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadRoutes(
  file: string,
  coalitionId: string,
  orgIds: string[],
  places: Place[],
  total: number,
  progress: (done: number) => void,
): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // bulk load only; the server itself runs with synchronous=FULL
  db.pragma('cache_size = -4000000'); // 4 GB of page cache for the load (the machine has 24 GiB)
  const rnd = mulberry32(42);
  // Skewed choice: a few hubs carry most routes, as real corridors do.
  const pick = () => places[Math.floor(places.length * rnd() ** 3)]!;
  const insRoute = db.prepare(
    `INSERT INTO routes (id, coalition_id, organisation_id, source_place, destination_place, confidence, basis, year_from, year_to, notes, visibility, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, NULL, ?, ?, 1)`,
  );
  const insStop = db.prepare(
    'INSERT INTO route_stops (route_id, position, role, place_id, country, province, border_crossing) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insFacet = db.prepare('INSERT INTO route_facets (route_id, facet, code) VALUES (?, ?, ?)');
  const upFlow = db.prepare(
    `INSERT INTO atlas_flow_counts (coalition_id, level, visibility, organisation_id, form, origin, destination, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (coalition_id, level, visibility, organisation_id, form, origin, destination) DO UPDATE SET n = n + excluded.n`,
  );
  const upPlace = db.prepare(
    `INSERT INTO atlas_place_counts (coalition_id, level, visibility, organisation_id, place_id, form, source, transit, destination) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (coalition_id, level, visibility, organisation_id, place_id, form) DO UPDATE SET
       source = source + excluded.source, transit = transit + excluded.transit, destination = destination + excluded.destination`,
  );
  const forms = FORMS_OF_EXPLOITATION.slice(0, 8);
  const at = new Date('2026-11-28T00:00:00Z').toISOString();
  const chunk = 50_000;
  for (let start = 0; start < total; start += chunk) {
    const flows = new Map<string, number>();
    const placesAgg = new Map<string, Record<Role, number>>();
    db.transaction(() => {
      for (let i = start; i < Math.min(total, start + chunk); i++) {
        // Ids in insertion order (UUID-shaped, like the API's): appends instead of scattered inserts.
        const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
        const src = pick();
        let dst = pick();
        if (dst === src) dst = places[(places.indexOf(src) + 1) % places.length]!;
        const transits = Array.from({ length: Math.floor(rnd() * 3) }, pick).filter(
          (p) => p !== src && p !== dst,
        );
        const stops = [src, ...transits, dst].map((p, pos, all) => ({
          role: roleAt(pos, all.length),
          placeId: p.id,
          country: p.countryCode,
          province: p.provinceCode,
        }));
        const routeForms = [
          ...new Set([
            forms[Math.floor(rnd() * forms.length)]!,
            ...(rnd() < 0.3 ? [forms[Math.floor(rnd() * forms.length)]!] : []),
          ]),
        ];
        const x = rnd();
        const visibility = x < 0.4 ? 'public' : x < 0.9 ? 'coalition' : 'organisation';
        const org = orgIds[Math.floor(rnd() * orgIds.length)]!;
        const year = 2010 + Math.floor(rnd() * 16);
        insRoute.run(
          id,
          coalitionId,
          org,
          src.id,
          dst.id,
          ['confirmed', 'likely', 'suspected'][Math.floor(rnd() * 3)],
          'casework',
          year,
          year + Math.floor(rnd() * 4),
          visibility,
          at,
          at,
        );
        stops.forEach((s, pos) =>
          insStop.run(id, pos, s.role, s.placeId, s.country, s.province, 0),
        );
        for (const f of routeForms) insFacet.run(id, 'form', f);
        insFacet.run(id, 'sector', LABOUR_SECTORS[Math.floor(rnd() * LABOUR_SECTORS.length)]!);
        const input: SummaryInput = { visibility, organisationId: org, forms: routeForms, stops };
        const keys = summaryKeys(input);
        for (const f of keys.flows) {
          const k = [
            f.level,
            f.visibility,
            f.organisation_id,
            f.form,
            f.origin,
            f.destination,
          ].join('\u0001');
          flows.set(k, (flows.get(k) ?? 0) + 1);
        }
        for (const p of keys.places) {
          const k = [p.level, p.visibility, p.organisation_id, p.place_id, p.form].join('\u0001');
          let c = placesAgg.get(k);
          if (!c) placesAgg.set(k, (c = { source: 0, transit: 0, destination: 0 }));
          for (const role of p.roles) c[role]++;
        }
      }
      // In key order: B-tree inserts along the key are several times faster than scattered ones.
      for (const k of [...flows.keys()].sort())
        upFlow.run(coalitionId, ...k.split('\u0001'), flows.get(k)!);
      for (const k of [...placesAgg.keys()].sort()) {
        const c = placesAgg.get(k)!;
        upPlace.run(coalitionId, ...k.split('\u0001'), c.source, c.transit, c.destination);
      }
    })();
    progress(Math.min(total, start + chunk));
  }
  db.exec(
    `INSERT INTO atlas_versions (coalition_id, version) VALUES ('${coalitionId}', 1)
     ON CONFLICT (coalition_id) DO UPDATE SET version = version + 1`,
  );
  db.pragma('optimize');
  db.exec('ANALYZE');
  db.close();
}
