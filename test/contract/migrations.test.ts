import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../src/server/db/index.ts';
import { testBackends, type TestDb } from '../support/backends.ts';

describe.each(testBackends())('migrations on $name', (backend) => {
  let store: TestDb;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => store?.close());

  it('0005 carries the atlas place counts over, one row per place and form with the roles as columns', async () => {
    const db = store.db;
    await migrateTo(db, '0004_cards'); // runs 0005's down
    const row = (place: string, form: string, role: string, n: number) => ({
      coalition_id: 'c1',
      level: 'province',
      form,
      place_id: place,
      role,
      visibility: '*',
      organisation_id: '',
      n,
    });
    await sql`INSERT INTO atlas_place_counts (coalition_id, level, form, place_id, role, visibility, organisation_id, n)
      VALUES ${sql.join(
        [
          row('TH-10', 'ForcedLabour', 'source', 3),
          row('TH-10', 'ForcedLabour', 'destination', 5),
          row('TH-10', 'ForcedLabour', 'transit', 1),
          row('TH-63', 'ForcedLabour', 'transit', 2),
          row('TH-63', '*', 'transit', 2),
        ].map((r) => sql`(${sql.join(Object.values(r))})`),
      )}`.execute(db);
    await sql`INSERT INTO atlas_flow_counts (coalition_id, level, form, origin, destination, visibility, organisation_id, n)
      VALUES ('c1', 'country', '*', 'MM', 'TH', '*', '', 7)`.execute(db);

    await migrateToLatest(db);
    const places = await db
      .selectFrom('atlas_place_counts')
      .select(['place_id', 'form', 'source', 'transit', 'destination'])
      .orderBy('place_id')
      .orderBy('form')
      .execute();
    expect(
      places.map((p) => ({
        ...p,
        source: Number(p.source),
        transit: Number(p.transit),
        destination: Number(p.destination),
      })),
    ).toEqual([
      { place_id: 'TH-10', form: 'ForcedLabour', source: 3, transit: 1, destination: 5 },
      { place_id: 'TH-63', form: '*', source: 0, transit: 2, destination: 0 },
      { place_id: 'TH-63', form: 'ForcedLabour', source: 0, transit: 2, destination: 0 },
    ]);
    const flows = await db.selectFrom('atlas_flow_counts').selectAll().execute();
    expect(flows.map((f) => [f.origin, f.destination, Number(f.n)])).toEqual([['MM', 'TH', 7]]);
    // Round trip: down again gives back the per-role rows (zeros left out).
    await migrateTo(db, '0004_cards');
    const back = await sql<{ n: number }>`SELECT count(*) AS n FROM atlas_place_counts`.execute(db);
    expect(Number(back.rows[0]!.n)).toBe(5);
    await migrateToLatest(db);
  });
});
