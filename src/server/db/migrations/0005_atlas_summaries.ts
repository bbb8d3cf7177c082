import { SqliteAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Faster atlas summaries (issue #6's gaps target at a million routes):
 * - `atlas_place_counts` keeps one row per place and form with the three roles as columns
 *   (source, transit, destination) instead of one row per role: a third of the rows to read, and
 *   no regrouping in SQL;
 * - on SQLite both summary tables become WITHOUT ROWID tables, stored in primary-key order, so an
 *   audience bucket is one contiguous range read from the table itself (before, every row found in
 *   the key index cost a second look-up into the table);
 * - `atlas_versions` counts route writes per coalition, bumped in the same transaction as the
 *   summaries, so aggregate answers can be cached until the next write, across processes.
 * Existing counts are carried over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const clustered = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    sqlite ? b.modifyEnd(sql`without rowid`) : b;

  await db.schema
    .createTable('atlas_place_counts_v2')
    .addColumn('coalition_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('source', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('destination', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('atlas_place_counts_v2_pk', [
      'coalition_id',
      'level',
      'visibility',
      'organisation_id',
      'place_id',
      'form',
    ])
    .$call(clustered)
    .execute();
  await sql`
    INSERT INTO atlas_place_counts_v2
      (coalition_id, level, visibility, organisation_id, place_id, form, source, transit, destination)
    SELECT coalition_id, level, visibility, organisation_id, place_id, form,
      sum(CASE WHEN role = 'source' THEN n ELSE 0 END),
      sum(CASE WHEN role = 'transit' THEN n ELSE 0 END),
      sum(CASE WHEN role = 'destination' THEN n ELSE 0 END)
    FROM atlas_place_counts
    GROUP BY coalition_id, level, visibility, organisation_id, place_id, form`.execute(db);
  await db.schema.dropTable('atlas_place_counts').execute();
  await db.schema.alterTable('atlas_place_counts_v2').renameTo('atlas_place_counts').execute();

  // The flow table keeps its columns and key; only SQLite's storage changes (PostgreSQL has no
  // WITHOUT ROWID: its heap plus key index stays as it is).
  if (sqlite) {
    await db.schema
      .createTable('atlas_flow_counts_v2')
      .addColumn('coalition_id', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('atlas_flow_counts_v2_pk', [
        'coalition_id',
        'level',
        'visibility',
        'organisation_id',
        'form',
        'origin',
        'destination',
      ])
      .$call(clustered)
      .execute();
    await sql`
      INSERT INTO atlas_flow_counts_v2
        (coalition_id, level, visibility, organisation_id, form, origin, destination, n)
      SELECT coalition_id, level, visibility, organisation_id, form, origin, destination, n
      FROM atlas_flow_counts`.execute(db);
    await db.schema.dropTable('atlas_flow_counts').execute();
    await db.schema.alterTable('atlas_flow_counts_v2').renameTo('atlas_flow_counts').execute();
  }

  await db.schema
    .createTable('atlas_versions')
    .addColumn('coalition_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    INSERT INTO atlas_versions (coalition_id, version)
    SELECT DISTINCT coalition_id, 1 FROM routes`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('atlas_versions').execute();
  await db.schema
    .createTable('atlas_place_counts_v1')
    .addColumn('coalition_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('atlas_place_counts_pk', [
      'coalition_id',
      'level',
      'visibility',
      'organisation_id',
      'place_id',
      'form',
      'role',
    ])
    .execute();
  for (const role of ['source', 'transit', 'destination'])
    await sql`
      INSERT INTO atlas_place_counts_v1
        (coalition_id, level, form, place_id, role, visibility, organisation_id, n)
      SELECT coalition_id, level, form, place_id, ${sql.lit(role)}, visibility, organisation_id, ${sql.ref(role)}
      FROM atlas_place_counts WHERE ${sql.ref(role)} <> 0`.execute(db);
  await db.schema.dropTable('atlas_place_counts').execute();
  await db.schema.alterTable('atlas_place_counts_v1').renameTo('atlas_place_counts').execute();
  // The flow table keeps its WITHOUT ROWID storage: the same columns and key, read the same way.
}
