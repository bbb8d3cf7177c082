import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import type { Database } from './schema.ts';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_events.ts';
import * as m0003 from './migrations/0003_atlas.ts';
import * as m0004 from './migrations/0004_cards.ts';
import * as m0005 from './migrations/0005_atlas_summaries.ts';
import * as m0006 from './migrations/0006_cards_per_event.ts';
import * as m0008 from './migrations/0008_known_devices.ts';
import * as m0009 from './migrations/0009_members.ts';
import * as m0010 from './migrations/0010_import_mappings.ts';
import * as m0011 from './migrations/0011_factors.ts';
import * as m0012 from './migrations/0012_shared_limits.ts';
import * as m0013 from './migrations/0013_session_rules.ts';
import * as m0014 from './migrations/0014_overlap.ts';
import * as m0015 from './migrations/0015_factor_translations.ts';
import * as m0016 from './migrations/0016_plan_versions.ts';
import * as m0017 from './migrations/0017_experience_patterns.ts';
import * as m0018 from './migrations/0018_route_provenance.ts';
import * as m0019 from './migrations/0019_learnings.ts';
import * as m0020 from './migrations/0020_commitments.ts';
import * as m0023 from './migrations/0023_report_publishing.ts';
import * as m0024 from './migrations/0024_languages.ts';

export type Db = Kysely<Database>;
export type Backend = 'sqlite' | 'postgres';

export interface DbConfig {
  /** `postgres://…` selects PostgreSQL; otherwise the embedded SQLite file in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export interface OpenedDb {
  db: Db;
  backend: Backend;
  /** Where the data lives, for the start-up message (password removed from URLs). */
  location: string;
}

// Migrations are listed here rather than read from a folder so that a bundled or compiled build
// cannot silently miss one. Names sort in the order they run.
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_events': m0002,
  '0003_atlas': m0003,
  '0004_cards': m0004,
  '0005_atlas_summaries': m0005,
  '0006_cards_per_event': m0006,
  '0008_known_devices': m0008,
  '0009_members': m0009,
  '0010_import_mappings': m0010,
  '0011_factors': m0011,
  '0012_shared_limits': m0012,
  '0013_session_rules': m0013,
  '0014_overlap': m0014,
  '0015_factor_translations': m0015,
  '0016_plan_versions': m0016,
  '0017_experience_patterns': m0017,
  '0018_route_provenance': m0018,
  '0019_learnings': m0019,
  '0020_commitments': m0020,
  '0023_report_publishing': m0023,
  '0024_languages': m0024,
};

// pg returns int8 (count(*)) and numeric as strings; Mosaic's counts fit comfortably in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDb(config: DbConfig): OpenedDb {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, backend: 'postgres', location: redactUrl(url) };
  }
  if (url)
    throw new Error(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${redactUrl(url)}")`,
    );
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'mosaic.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // An acknowledged write must survive a power cut: a lost card loses a voice from the room.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, backend: 'sqlite', location: file };
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    // Migrations are written against Kysely<unknown>: they must not depend on today's table types.
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Numbers are claimed per feature up front (0018–0023) and land in any order: a database that
    // ran 0020 before 0019 existed still gets 0019 (each migration touches only its own tables).
    allowUnorderedMigrations: true,
  });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrates up or down to the named migration (tests of data carried across a migration). */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
