/**
 * `npm run fuzz:api [-- --seed N --count M]`: the API fuzzer (test/evidence/fuzz-api.ts) on SQLite,
 * and on PostgreSQL too when MOSAIC_TEST_DATABASE_URL is set. Prints the seed; exits 1 on any
 * finding (a 5xx, a stack trace, a refused write that changed the database, a live `internal`).
 */
import { intOption } from '../support/args.ts';
import { testBackends } from '../support/backends.ts';
import { runApiFuzz } from './fuzz-api.ts';

const args = process.argv.slice(2);
const seed = intOption(args, 'seed', Math.floor(Math.random() * 1e9));
const count = intOption(args, 'count', 10_000);
let failed = false;
for (const backend of testBackends()) {
  process.stdout.write(
    `fuzz:api on ${backend.name}, seed ${seed} (repeat with --seed ${seed} --count ${count})\n`,
  );
  const r = await runApiFuzz({ backend, seed, count, log: (l) => process.stdout.write(`${l}\n`) });
  process.stdout.write(
    `${backend.name}: ${r.requests} requests + ${r.liveMessages} live messages in ${(r.ms / 1000).toFixed(1)} s; ${r.rejectedWriteBatches} refused write batches checked unchanged; ${r.failures.length} findings\n  by family: ${JSON.stringify(r.families)}\n`,
  );
  for (const f of r.failures.slice(0, 50)) process.stdout.write(`  ${f}\n`);
  failed ||= r.failures.length > 0;
}
process.exit(failed ? 1 : 0);
