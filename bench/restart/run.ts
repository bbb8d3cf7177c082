/**
 * `npm run bench:restart -- [--runs 5] [--json]`: how long the phones in a room wait when the
 * server is restarted, as `npm start` / `npm run serve` run it (scripts/start.mjs).
 *
 * Measured, each on a throwaway SQLite database (MOSAIC_DATA in a temporary folder), on a port of
 * its own, from spawning the command to the first `200` of `GET /api/health` (polled every 20 ms):
 * - **cold first start**: no build at all (dist/web and dist/server removed first): builds the web
 *   app, bundles the server, migrates, seeds the demo, listens;
 * - **build check, nothing to do**: `node scripts/start.mjs --build-only` with both builds up to
 *   date (the source hashes match);
 * - **restart to health**: `node scripts/start.mjs serve` on the database of the cold start
 *   (migrated, demo seeded), `--runs` times; and the same through `npm run serve` (npm's own start-up
 *   included);
 * - for comparison, the way `npm start` served before (TypeScript through tsx:
 *   `node --import tsx src/cli/main.ts serve`), `--runs` times.
 * Besides the wall clock, the CPU time the server process had used when it answered (user + system,
 * from /proc): on a shared, loaded machine the wall clock mostly measures the other processes,
 * the CPU time is what the restart itself costs. `os.loadavg()` is recorded.
 *
 * Rewrites dist/ (it is built output, ignored by git). Writes the figures to docs/benchmarks.md
 * between the `restart` markers; the table to stdout, then with --json one JSON line, last.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive integer');
  process.exit(2);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** CPU time (user + system, ms) of a process and its descendants that are still alive. */
function cpuMs(pid: number): number {
  const tick = 100; // USER_HZ on Linux
  const stat = (p: number) => {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(rest[1]), cpu: Number(rest[11]) + Number(rest[12]) };
    } catch {
      return undefined;
    }
  };
  const all = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => ({ pid: Number(d), s: stat(Number(d)) }));
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all)
      if (p.s && !tree.has(p.pid) && tree.has(p.s.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  let total = 0;
  for (const p of all) if (tree.has(p.pid) && p.s) total += p.s.cpu;
  return (total * 1000) / tick;
}

interface Timed {
  ms: number;
  cpuMs: number;
}

/** Spawns `cmd`, waits for /api/health, then stops the whole process group. */
async function timeToHealth(cmd: string[], dataDir: string): Promise<Timed> {
  const port = await freePort();
  const start = performance.now();
  const child: ChildProcess = spawn(cmd[0]!, cmd.slice(1), {
    cwd: root,
    env: { ...process.env, MOSAIC_DATA: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`${cmd.join(' ')} exited before answering:\n${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { ms: performance.now() - start, cpuMs: cpuMs(child.pid!) };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    const gone = new Promise((r) => child.once('exit', r));
    if (!exited) process.kill(-child.pid!, 'SIGTERM');
    await gone;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const loadBefore = os.loadavg()[0]!.toFixed(1);
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-restart-'));
try {
  fs.rmSync(path.join(root, 'dist/web'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'dist/server'), { recursive: true, force: true });
  const cold = await timeToHealth(['node', 'scripts/start.mjs', 'serve', '--demo'], data);
  console.log(`cold first start: ${fmt(cold.ms)}`);

  const checks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('node', ['scripts/start.mjs', '--build-only'], { cwd: root });
    if (r.status !== 0) throw new Error(`--build-only failed: ${r.stderr.toString()}`);
    if (r.stdout.toString().includes('Building'))
      throw new Error('the up-to-date check rebuilt the web app');
    checks.push(performance.now() - t);
  }
  console.log(`build check, nothing to do: ${fmt(median(checks))}`);

  const series = async (cmd: string[]) => {
    const out: Timed[] = [];
    // Alternating would mix loaders in the OS page cache the same way for each; one warm-up first.
    await timeToHealth(cmd, data);
    for (let i = 0; i < runs; i++) out.push(await timeToHealth(cmd, data));
    return out;
  };
  const compiled = await series(['node', 'scripts/start.mjs', 'serve']);
  console.log(`restart (compiled): ${fmt(median(compiled.map((r) => r.ms)))}`);
  const viaNpm = await series(['npm', 'run', '-s', 'serve']);
  console.log(`restart (npm run serve): ${fmt(median(viaNpm.map((r) => r.ms)))}`);
  const tsx = await series(['node', '--import', 'tsx', 'src/cli/main.ts', 'serve']);
  console.log(`restart (tsx, as before): ${fmt(median(tsx.map((r) => r.ms)))}`);
  const loadAfter = os.loadavg()[0]!.toFixed(1);

  const row = (name: string, xs: Timed[]) =>
    `| ${name} | ${fmt(median(xs.map((r) => r.ms)))} | ${fmt(Math.max(...xs.map((r) => r.ms)))} | ${fmt(median(xs.map((r) => r.cpuMs)))} |`;
  const table = [
    '| start | median to `/api/health` | slowest | CPU time used by then (median) |',
    '| --- | --- | --- | --- |',
    row('cold first start (build web + bundle + migrate + demo)', [cold]),
    `| build check with nothing to build (\`--build-only\`) | ${fmt(median(checks))} | ${fmt(Math.max(...checks))} | — |`,
    row('restart: `node scripts/start.mjs serve` (compiled)', compiled),
    row('restart: `npm run serve` (the same through npm)', viaNpm),
    row('restart before: `node --import tsx src/cli/main.ts serve`', tsx),
  ].join('\n');
  console.log(table);

  const section = [
    '<!-- restart:start -->',
    '## Server restart (`bench/restart`)',
    '',
    `Command: \`npm run bench:restart -- --runs ${runs}\` — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, load average ${loadBefore} before and ${loadAfter} after the run.`,
    '',
    `From spawning the command to the first answer of \`GET /api/health\` on a SQLite database holding the demo (${runs} runs each after one unmeasured, median and slowest). \`npm start\`/\`npm run serve\` rebuild the web app only when a SHA-256 of its sources differs from the last build's, bundle the server with esbuild likewise, and run the bundle; the gazetteer (~140k places) loads a few seconds after listening, in slices between requests, and country-state-city on first use. The CPU column is what the server process (and its children) had used when it answered: on a loaded machine the wall clock also measures everyone else.`,
    '',
    table,
    '<!-- restart:end -->',
  ].join('\n');
  const doc = path.join(root, 'docs/benchmarks.md');
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const block = /<!-- restart:start -->[\s\S]*<!-- restart:end -->/;
  fs.writeFileSync(
    doc,
    block.test(current) ? current.replace(block, section) : `${current.trimEnd()}\n\n${section}\n`,
  );
  if (args.includes('--json'))
    console.log(
      JSON.stringify({
        coldMs: cold.ms,
        buildCheckMs: median(checks),
        restartMs: median(compiled.map((r) => r.ms)),
        restartCpuMs: median(compiled.map((r) => r.cpuMs)),
        npmRestartMs: median(viaNpm.map((r) => r.ms)),
        tsxRestartMs: median(tsx.map((r) => r.ms)),
      }),
    );
} finally {
  fs.rmSync(data, { recursive: true, force: true });
}
