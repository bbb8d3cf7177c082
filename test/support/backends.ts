import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDb, type Backend, type Db } from '../../src/server/db/index.ts';

export interface TestDb {
  db: Db;
  backend: Backend;
  /** PostgreSQL: the database's URL (an app's LISTEN connection uses it). */
  url?: string;
  close(): Promise<void>;
}

export interface TestBackend {
  name: Backend;
  /** A fresh, migrated, empty database of this backend. */
  open(): Promise<TestDb>;
}

const sqlite: TestBackend = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-test-'));
    const { db } = openDb({ dataDir: dir });
    await migrateToLatest(db);
    return {
      db,
      backend: 'sqlite',
      async close() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** A fresh, empty database on the PostgreSQL server at `adminUrl`, dropped by `drop()`. */
export async function freshPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mosaic_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/** Each test file gets its own database on the server the test script started. */
function postgres(adminUrl: string): TestBackend {
  return {
    name: 'postgres',
    async open() {
      const fresh = await freshPostgresDatabase(adminUrl);
      const { db } = openDb({ databaseUrl: fresh.url, dataDir: os.tmpdir() });
      await migrateToLatest(db);
      return {
        db,
        backend: 'postgres',
        url: fresh.url,
        async close() {
          await db.destroy();
          await fresh.drop();
        },
      };
    },
  };
}

/**
 * The backends every contract test runs on. `npm test` starts PostgreSQL and requires it; a bare
 * `npx vitest` without MOSAIC_TEST_DATABASE_URL runs SQLite only and says so.
 */
export function testBackends(): TestBackend[] {
  const url = process.env.MOSAIC_TEST_DATABASE_URL;
  if (!url) {
    if (process.env.MOSAIC_TEST_REQUIRE_POSTGRES === '1')
      throw new Error('MOSAIC_TEST_REQUIRE_POSTGRES=1 but MOSAIC_TEST_DATABASE_URL is not set');
    console.warn(
      '[mosaic tests] PostgreSQL not configured: running on SQLite only (npm test runs both)',
    );
    return [sqlite];
  }
  return [sqlite, postgres(url)];
}
