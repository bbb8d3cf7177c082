import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { checkDatabase } from '../support/db-check.ts';
import { runCli, startServerProcess } from '../support/server-process.ts';
import { demoSession, emptyAcked, startWrites, type Acked } from '../support/write-stream.ts';
import { crashTarget } from '../crash/crash.ts';

const copy = (a: Acked): Acked => ({
  organisations: [...a.organisations],
  routes: [...a.routes],
  intents: [...a.intents],
});

/** `mosaic backup` while a real server takes writes, then `mosaic restore` into a fresh database. */
describe.each(testBackends())('backup and restore on $name', (backend) => {
  const adminUrl = backend.name === 'postgres' ? process.env.MOSAIC_TEST_DATABASE_URL : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-backup-'));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fresh = async () => {
    const t = await crashTarget(adminUrl);
    cleanups.push(t.dispose);
    return t.target;
  };

  it('round trip while writes run: every write acknowledged before the backup is restored, consistent', async () => {
    const source = await fresh();
    const server = await startServerProcess(source, { demo: true });
    const acked = emptyAcked();
    const writes = startWrites(server.url, await demoSession(server.url), 'backup', acked);
    try {
      while (acked.organisations.length + acked.intents.length < 20)
        await new Promise((r) => setTimeout(r, 20));
      const before = copy(acked);
      const file = path.join(dir, `${backend.name}.backup`);
      const made = await runCli(['backup', '--out', file], source);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      // Writes went on during the backup: the copy was taken from a busy database.
      expect(acked.organisations.length).toBeGreaterThan(before.organisations.length);
      await writes.stop();

      const target = await fresh();
      const restored = await runCli(['restore', '--in', file], target);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(await checkDatabase(target, before)).toEqual([]);
      // The restored copy serves: the demo admin signs in to it.
      const again = await startServerProcess(target);
      try {
        expect((await demoSession(again.url)).eventId).toBeTruthy();
      } finally {
        await again.kill();
      }

      // A database that holds data is replaced only with --force.
      const refused = await runCli(['restore', '--in', file], target);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/already (holds data|has \d+ tables).*--force/);
      const forced = await runCli(['restore', '--in', file, '--force'], target);
      expect(forced.code).toBe(0);
      expect(await checkDatabase(target, before)).toEqual([]);
    } finally {
      await writes.stop();
      await server.kill();
    }
  }, 180_000);

  it('refuses bad input with one clear line and exit code 1, changing nothing', async () => {
    const target = await fresh();
    const missing = await runCli(['restore', '--in', path.join(dir, 'nope')], target);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      `mosaic: ${path.join(dir, 'nope')} does not exist\n`,
    ]);
    const junk = path.join(dir, 'junk.txt');
    fs.writeFileSync(junk, 'name,visibility\nx,public\n');
    const wrong = await runCli(['restore', '--in', junk], target);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/is not a Mosaic backup/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // A backup of the other backend is named as such.
    const other = path.join(dir, backend.name === 'sqlite' ? 'other.dump' : 'other.sqlite');
    fs.writeFileSync(other, backend.name === 'sqlite' ? 'PGDMP\x01\x0e\x00' : 'SQLite format 3\0');
    const crossed = await runCli(['restore', '--in', other], target);
    expect(crossed.code).toBe(1);
    expect(crossed.stderr).toMatch(
      backend.name === 'sqlite' ? /PostgreSQL backup/ : /SQLite backup/,
    );
    // backup never overwrites a file unless forced
    const taken = await runCli(['backup', '--out', junk], target);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists.*--force/);
    expect(fs.readFileSync(junk, 'utf8')).toBe('name,visibility\nx,public\n');
  }, 120_000);
});
