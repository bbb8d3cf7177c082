/**
 * `npm run test:crash [-- --seed N --sqlite 100 --postgres 30]`: SIGKILLs `mosaic serve` during a
 * stream of writes, `--sqlite` times on SQLite and `--postgres` times on PostgreSQL (the one in
 * MOSAIC_TEST_DATABASE_URL, else a throwaway server it starts and stops). Exits 1 on any lost
 * acknowledged write or unsound database. The CI suite runs a few cycles (test/evidence/crash.test.ts).
 */
import { intOption } from '../support/args.ts';
import { startThrowawayPostgres } from '../support/throwaway-pg.ts';
import { crashTarget, runCrashCycles, type CrashResult } from './crash.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => intOption(args, name, def);
const seed = opt('seed', Math.floor(Math.random() * 1e9));
const plan = { sqlite: opt('sqlite', 100), postgres: opt('postgres', 30) };
process.stdout.write(`crash test, seed ${seed} (repeat with --seed ${seed})\n`);

const results: CrashResult[] = [];
const log = (line: string) => process.stdout.write(`${line}\n`);
if (plan.sqlite) {
  const { target, dispose } = await crashTarget(undefined);
  results.push(await runCrashCycles({ target, cycles: plan.sqlite, seed, log }));
  await dispose();
}
if (plan.postgres) {
  const own = process.env.MOSAIC_TEST_DATABASE_URL ? undefined : await startThrowawayPostgres();
  try {
    const { target, dispose } = await crashTarget(process.env.MOSAIC_TEST_DATABASE_URL ?? own!.url);
    results.push(await runCrashCycles({ target, cycles: plan.postgres, seed, log }));
    await dispose();
  } finally {
    own?.stop();
  }
}
let failed = false;
for (const r of results) {
  const writes = r.acked.organisations + r.acked.routes + r.acked.intents;
  process.stdout.write(
    `${r.backend}: ${r.cycles} kills, ${writes} acknowledged writes (${r.acked.organisations + r.acked.routes} REST, ${r.acked.intents} live), ${r.problems.length} problems, ${(r.ms / 1000).toFixed(0)} s\n`,
  );
  for (const p of r.problems) process.stdout.write(`  ${p}\n`);
  failed ||= r.problems.length > 0;
}
process.exit(failed ? 1 : 0);
