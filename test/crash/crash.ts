import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prng } from '../support/prng.ts';
import { freshPostgresDatabase } from '../support/backends.ts';
import { startServerProcess, type DbTarget } from '../support/server-process.ts';
import { demoSession, emptyAcked, startWrites, type Acked } from '../support/write-stream.ts';
import { checkDatabase } from '../support/db-check.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CrashResult {
  backend: 'sqlite' | 'postgres';
  cycles: number;
  acked: { organisations: number; routes: number; intents: number };
  problems: string[];
  ms: number;
}

/** A fresh database to crash: an SQLite folder, or a new database on a PostgreSQL server. */
export async function crashTarget(
  adminUrl: string | undefined,
): Promise<{ target: DbTarget; dispose(): Promise<void> }> {
  if (adminUrl) {
    const fresh = await freshPostgresDatabase(adminUrl);
    return { target: { databaseUrl: fresh.url }, dispose: fresh.drop };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-crash-'));
  return { target: { dataDir }, dispose: async () => fs.rmSync(dataDir, { recursive: true }) };
}

/**
 * `cycles` times: start `mosaic serve` (a real child process), stream REST writes and live intents
 * at it, SIGKILL it at a random moment 0–1 s (seeded) after its first acknowledged write, and restart it. After each restart, and at
 * the end, every write the server acknowledged so far must be there and the database sound.
 */
export async function runCrashCycles(opts: {
  target: DbTarget;
  cycles: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<CrashResult> {
  const t0 = Date.now();
  const rnd = prng(opts.seed);
  const acked = emptyAcked();
  const problems: string[] = [];
  const backend = 'databaseUrl' in opts.target ? 'postgres' : 'sqlite';
  let server = await startServerProcess(opts.target, { demo: true });
  const session = await demoSession(server.url);
  for (let cycle = 0; cycle < opts.cycles; cycle++) {
    const writes = startWrites(server.url, session, `${opts.seed}-${cycle}`, acked);
    // Killed at a random moment once this server has acknowledged a REST write and a live write
    // (a cold start, or a loaded machine, can take longer than the shortest delays, which would
    // make a cycle that tests nothing, or tests one kind of write only).
    const rest = (a: Acked) => a.organisations.length + a.routes.length;
    const [restBefore, liveBefore] = [rest(acked), acked.intents.length];
    const both = () => rest(acked) > restBefore && acked.intents.length > liveBefore;
    for (let waited = 0; !both() && waited < 30_000; waited += 10) await sleep(10);
    // A cycle whose server acknowledged nothing tested nothing: that is a failure, not a pass.
    if (!both())
      problems.push(`cycle ${cycle}: no REST and live write both acknowledged within 30 s`);
    await sleep(rnd.int(1000));
    await server.kill();
    await writes.stop();
    server = await startServerProcess(opts.target);
    const found = await checkDatabase(opts.target, acked);
    for (const p of found) problems.push(`cycle ${cycle}: ${p}`);
    opts.log?.(
      `[crash ${backend}] cycle ${cycle + 1}/${opts.cycles}: ${acked.organisations.length + acked.routes.length} REST + ${acked.intents.length} live writes acknowledged so far, ${found.length ? found.join('; ') : 'all present, database sound'}`,
    );
  }
  await server.kill();
  return {
    backend,
    cycles: opts.cycles,
    acked: {
      organisations: acked.organisations.length,
      routes: acked.routes.length,
      intents: acked.intents.length,
    },
    problems,
    ms: Date.now() - t0,
  };
}
