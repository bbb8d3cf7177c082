import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DbConfig } from './index.ts';

/**
 * Backups of the whole database, for `mosaic backup` / `mosaic restore`:
 * - SQLite: SQLite's online backup API (better-sqlite3 `.backup()`): a consistent copy while the
 *   server keeps writing; the copy is an ordinary SQLite file.
 * - PostgreSQL: `pg_dump -Fc` (one snapshot, so every write committed before it started is in it) and
 *   `pg_restore`, from Debian's postgresql-client (found like scripts/test.sh finds the server).
 * Failures a person can act on are `BackupError`s with one clear sentence.
 */
export class BackupError extends Error {}

const SQLITE_MAGIC = 'SQLite format 3\0';
const PG_MAGIC = 'PGDMP';

export type BackupFormat = 'sqlite' | 'pg_dump';

/** The format of a backup file from its first bytes, or why it is none. */
export function backupFormatOf(file: string): BackupFormat {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file`);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === PG_MAGIC) return 'pg_dump';
  throw new BackupError(
    `${file} is not a Mosaic backup (neither an SQLite database nor a pg_dump custom-format file)`,
  );
}

const isPostgres = (c: DbConfig) =>
  Boolean(c.databaseUrl && /^postgres(ql)?:\/\//.test(c.databaseUrl));
export const sqliteFileOf = (c: DbConfig) => path.join(c.dataDir, 'mosaic.sqlite');

/** Refuses to overwrite a file unless forced; the copy is written beside it, then renamed. */
function checkOut(out: string, force: boolean): void {
  if (fs.existsSync(out) && !force)
    throw new BackupError(`${out} already exists (pass --force to overwrite it)`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new BackupError(`folder ${dir} does not exist`);
}

export async function backupDatabase(
  config: DbConfig,
  out: string,
  opts: { force?: boolean } = {},
): Promise<{ bytes: number }> {
  checkOut(out, opts.force === true);
  const tmp = `${out}.partial-${process.pid}`;
  try {
    if (isPostgres(config)) await pgTool('pg_dump', ['-Fc', '--no-owner', '-f', tmp], config);
    else {
      const file = sqliteFileOf(config);
      if (!fs.existsSync(file)) throw new BackupError(`there is no Mosaic database at ${file}`);
      const db = new SQLite(file, { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        // After the first step, copy everything in one step: one read snapshot (WAL readers do not
        // block the server's writers), so a busy server cannot make the backup restart forever.
        await db.backup(tmp, { progress: () => 1 << 30 });
      } finally {
        db.close();
      }
    }
    fs.renameSync(tmp, out);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { bytes: fs.statSync(out).size };
}

/**
 * Replaces the configured database's contents with a backup. The server must be stopped. A
 * database that already holds data is only replaced with `force`.
 */
export async function restoreDatabase(
  config: DbConfig,
  input: string,
  opts: { force?: boolean } = {},
): Promise<void> {
  const format = backupFormatOf(input);
  const postgres = isPostgres(config);
  if (postgres && format !== 'pg_dump')
    throw new BackupError(
      `${input} is an SQLite backup but DATABASE_URL points at PostgreSQL; restore it without DATABASE_URL`,
    );
  if (!postgres && format !== 'sqlite')
    throw new BackupError(
      `${input} is a PostgreSQL backup (pg_dump); set DATABASE_URL to the PostgreSQL database to restore it into`,
    );
  return postgres ? restorePostgres(config, input, opts) : restoreSqlite(config, input, opts);
}

async function restoreSqlite(config: DbConfig, input: string, opts: { force?: boolean }) {
  const src = new SQLite(input, { readonly: true, fileMustExist: true });
  try {
    const check = src.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new BackupError(`${input} is damaged (integrity check: ${String(check)})`);
    if (!hasTable(src, 'kysely_migration'))
      throw new BackupError(`${input} is an SQLite database but not a Mosaic backup`);
    const target = sqliteFileOf(config);
    if (fs.existsSync(target) && !opts.force && !sqliteIsEmpty(target))
      throw new BackupError(
        `the database at ${target} already holds data (pass --force to replace it)`,
      );
    fs.mkdirSync(config.dataDir, { recursive: true });
    // The backup API writes through a real connection to the target, so its WAL and journal stay
    // coherent (copying the file over it could let a stale -wal file replay onto the copy).
    await src.backup(target);
  } finally {
    src.close();
  }
  const restored = new SQLite(sqliteFileOf(config));
  try {
    restored.pragma('journal_mode = WAL');
    const check = restored.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the restored database failed its integrity check`);
  } finally {
    restored.close();
  }
}

function hasTable(db: SQLite.Database, name: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !==
    undefined
  );
}

function sqliteIsEmpty(file: string): boolean {
  const db = new SQLite(file, { readonly: true });
  try {
    if (!hasTable(db, 'coalitions')) return true;
    return db.prepare('SELECT 1 FROM coalitions LIMIT 1').get() === undefined;
  } finally {
    db.close();
  }
}

async function restorePostgres(config: DbConfig, input: string, opts: { force?: boolean }) {
  // A file cut short or not a dump is refused before anything in the database changes.
  await pgTool('pg_restore', ['--list', input], { ...config, databaseUrl: undefined });
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    if (rows[0]!.n > 0 && !opts.force)
      throw new BackupError(
        `the PostgreSQL database already has ${rows[0]!.n} tables (pass --force to replace them)`,
      );
    if (rows[0]!.n > 0) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
  await pgTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', input],
    config,
  );
}

/** Debian's client binaries: the newest /usr/lib/postgresql/N/bin, else the PATH. */
export function pgBinary(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin', name) : name;
}

/**
 * Runs pg_dump/pg_restore against the configured database. The password travels in PGPASSWORD, not
 * on the command line where `ps` would show it.
 */
function pgTool(name: 'pg_dump' | 'pg_restore', args: string[], config: DbConfig): Promise<void> {
  const env = { ...process.env };
  const full = [...args];
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    full.push(`--dbname=${url.toString()}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(pgBinary(name), full, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new BackupError(`${name} not found: install Debian's postgresql-client`)
          : e,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${name} failed: ${err.trim().split('\n').slice(-3).join(' ')}`)),
    );
  });
}
