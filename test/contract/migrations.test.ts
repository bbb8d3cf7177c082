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

  it('0006 keys cards by event and id, keeping every card and version; the same id may then serve two events', async () => {
    const db = store.db;
    await migrateTo(db, '0005_atlas_summaries'); // runs 0006's down
    const at = '2026-11-28T09:00:00.000Z';
    await sql`INSERT INTO coalitions (id, name, slug, is_demo, suppression_k, created_at)
      VALUES ('c6', 'C6', 'c6', 0, 11, ${at})`.execute(db);
    for (const [id, code] of [
      ['e6a', 'AAAA6666'],
      ['e6b', 'BBBB6666'],
    ])
      await sql`INSERT INTO events (id, coalition_id, name, starts_on, ends_on, venue, time_zone, join_code, walk_ins_allowed, issues, expertise_groups, created_at, updated_at)
        VALUES (${id}, 'c6', 'E', '2026-12-01', '2026-12-01', '', 'UTC', ${code}, 0, '[]', '[]', ${at}, ${at})`.execute(
        db,
      );
    await sql`INSERT INTO cards (id, event_id, issue_key, kind, level, text, tags, table_id, round, participant_id, user_id, version, deleted, created_at, updated_at)
      VALUES ('k1', 'e6a', 'i', 'cause', 'individual', 'edited', '{}', NULL, NULL, NULL, NULL, 2, 0, ${at}, ${at})`.execute(
      db,
    );
    for (const [n, text] of [
      [1, 'first'],
      [2, 'edited'],
    ] as const)
      await sql`INSERT INTO card_history (card_id, n, version, text, kind, level, tags, deleted, reason, by_key, at)
        VALUES ('k1', ${n}, ${n}, ${text}, 'cause', 'individual', '{}', 0, 'edit', 'user:u', ${at})`.execute(
        db,
      );

    await migrateToLatest(db);
    const history = await db
      .selectFrom('card_history')
      .select(['event_id', 'card_id', 'n', 'text'])
      .orderBy('n')
      .execute();
    expect(history.map((h) => [h.event_id, h.card_id, Number(h.n), h.text])).toEqual([
      ['e6a', 'k1', 1, 'first'],
      ['e6a', 'k1', 2, 'edited'],
    ]);
    await sql`INSERT INTO cards (id, event_id, issue_key, kind, level, text, tags, table_id, round, participant_id, user_id, version, deleted, created_at, updated_at)
      VALUES ('k1', 'e6b', 'i', 'cause', 'individual', 'other event', '{}', NULL, NULL, NULL, NULL, 1, 0, ${at}, ${at})`.execute(
      db,
    );
    const cards = await db
      .selectFrom('cards')
      .select(['event_id', 'text'])
      .orderBy('event_id')
      .execute();
    expect(cards).toEqual([
      { event_id: 'e6a', text: 'edited' },
      { event_id: 'e6b', text: 'other event' },
    ]);
    // Deleting an event takes its cards and their history with it, and nothing of the other's.
    await sql`DELETE FROM events WHERE id = 'e6a'`.execute(db);
    expect(await db.selectFrom('card_history').selectAll().execute()).toEqual([]);
    expect(
      (await db.selectFrom('cards').select('event_id').execute()).map((c) => c.event_id),
    ).toEqual(['e6b']);
  });
});
