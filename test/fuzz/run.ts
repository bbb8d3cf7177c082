/**
 * `npm run fuzz -- --from N --count M [--parallel P] [--instances 2] [--lose PERCENT]`: runs seeds
 * N..N+M−1 of the sheet convergence fuzz (the real client core over real sockets, see
 * cards-fuzz.ts); exits 1 on any divergence. `--instances 2` spreads the phones over two servers sharing a PostgreSQL
 * database (SYNC-11); it needs MOSAIC_TEST_DATABASE_URL (a server where databases may be created).
 */
import { intOption } from '../support/args.ts';
import { dropPostgresTemplate, runSeed } from './cards-fuzz.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => intOption(args, name, def);
const from = opt('from', 0);
const count = opt('count', 200);
const parallel = Math.max(1, opt('parallel', 4));
const instances = Math.max(1, opt('instances', 1));
const lose = opt('lose', 5) / 100;
const postgres = process.env.MOSAIC_TEST_DATABASE_URL;
if (instances > 1 && !postgres) {
  process.stderr.write('--instances 2 needs MOSAIC_TEST_DATABASE_URL (PostgreSQL)\n');
  process.exit(2);
}
const seeds = Array.from({ length: count }, (_, i) => from + i);
const failed: number[] = [];
const totals = {
  concurrentEdits: 0,
  superseded: 0,
  facilitatorEdits: 0,
  taggedEdits: 0,
  lostFrames: 0,
  resyncs: 0,
};
let done = 0;
const t0 = Date.now();
async function worker() {
  for (let s = seeds.shift(); s !== undefined; s = seeds.shift()) {
    const r = await runSeed(s, { loseRate: lose, ...(instances > 1 && { instances, postgres }) });
    done++;
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r.stats[k];
    if (!r.ok) {
      failed.push(s);
      process.stdout.write(`seed ${s} FAILED: ${r.problems.join('; ')}\n`);
    }
  }
}
await Promise.all(Array.from({ length: parallel }, worker));
if (postgres) await dropPostgresTemplate(postgres);
process.stdout.write(
  `${done} seeds (${from}..${from + count - 1}${instances > 1 ? `, ${instances} instances on PostgreSQL` : ''}) in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${failed.length ? `FAILED ${failed.join(', ')}` : 'all converged'}\n`,
);
process.stdout.write(
  `reached: ${Object.entries(totals)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}\n`,
);
process.exit(failed.length ? 1 : 0);
