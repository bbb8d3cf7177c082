import type { Kysely } from 'kysely';

// The atlas: routes (patterns, never cases), their ordered stops and facets, challenges, and the
// summary tables flows and gaps read (kept in step inside each write transaction).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coalition_id', 'text', (c) => c.notNull().references('coalitions.id'))
    .addColumn('organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('source_place', 'text', (c) => c.notNull())
    .addColumn('destination_place', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('year_from', 'integer')
    .addColumn('year_to', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('routes_coalition_created')
    .on('routes')
    .columns(['coalition_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('routes_organisation')
    .on('routes')
    .columns(['organisation_id'])
    .execute();

  await db.schema
    .createTable('route_stops')
    .addColumn('route_id', 'text', (c) => c.notNull().references('routes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('border_crossing', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('route_stops_pk', ['route_id', 'position'])
    .execute();
  await db.schema
    .createIndex('route_stops_place')
    .on('route_stops')
    .columns(['place_id', 'route_id'])
    .execute();
  await db.schema
    .createIndex('route_stops_country')
    .on('route_stops')
    .columns(['country', 'route_id'])
    .execute();
  await db.schema
    .createIndex('route_stops_province')
    .on('route_stops')
    .columns(['province', 'route_id'])
    .execute();

  await db.schema
    .createTable('route_facets')
    .addColumn('route_id', 'text', (c) => c.notNull().references('routes.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('route_facets_pk', ['route_id', 'facet', 'code'])
    .execute();
  await db.schema
    .createIndex('route_facets_lookup')
    .on('route_facets')
    .columns(['facet', 'code', 'route_id'])
    .execute();

  await db.schema
    .createTable('atlas_flow_counts')
    .addColumn('coalition_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // Key order: an audience bucket (visibility, organisation) of one level is one contiguous
    // range, so a reader scans only the rows it may count.
    .addPrimaryKeyConstraint('atlas_flow_counts_pk', [
      'coalition_id',
      'level',
      'visibility',
      'organisation_id',
      'form',
      'origin',
      'destination',
    ])
    .execute();

  await db.schema
    .createTable('atlas_place_counts')
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

  await db.schema
    .createTable('challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coalition_id', 'text', (c) => c.notNull().references('coalitions.id'))
    .addColumn('organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('form', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('challenges_coalition')
    .on('challenges')
    .columns(['coalition_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'challenges',
    'atlas_place_counts',
    'atlas_flow_counts',
    'route_facets',
    'route_stops',
    'routes',
  ])
    await db.schema.dropTable(t).execute();
}
