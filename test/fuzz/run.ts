/** `npm run fuzz -- --from N --count M [--parallel P]`: runs seeds N..N+M−1; exits 1 on any divergence. */
import { runSeed } from './cards-fuzz.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : def;
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`--${name} must be a non-negative integer\n`);
    process.exit(2);
  }
  return v;
};
const from = opt('from', 0);
const count = opt('count', 200);
const parallel = Math.max(1, opt('parallel', 4));
const seeds = Array.from({ length: count }, (_, i) => from + i);
const failed: number[] = [];
let done = 0;
const t0 = Date.now();
async function worker() {
  for (let s = seeds.shift(); s !== undefined; s = seeds.shift()) {
    const r = await runSeed(s);
    done++;
    if (!r.ok) {
      failed.push(s);
      process.stdout.write(`seed ${s} FAILED: ${r.problems.join('; ')}\n`);
    }
  }
}
await Promise.all(Array.from({ length: parallel }, worker));
process.stdout.write(
  `${done} seeds (${from}..${from + count - 1}) in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${failed.length ? `FAILED ${failed.join(', ')}` : 'all converged'}\n`,
);
process.exit(failed.length ? 1 : 0);
