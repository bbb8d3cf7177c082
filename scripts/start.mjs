#!/usr/bin/env node
// `npm start` and `npm run serve`: build what is out of date, then run the `mosaic` command from
// compiled JavaScript. Plain JavaScript on purpose: it must not pay a TypeScript loader itself.
//
// - The web app (dist/web) is rebuilt only when its sources changed since the last build: a
//   SHA-256 of every file it is built from is kept in dist/web/.source-stamp.
// - The server and CLI are bundled by esbuild into dist/server/main.js (packages stay in
//   node_modules, JSON data is bundled), with the planning worker beside it as
//   dist/server/worker-entry.js; the same kind of stamp decides when to re-bundle (half a second).
// - Then dist/server/main.js runs in this process with the arguments given (`serve --demo`…).
//
// `node scripts/start.mjs --build-only` builds what is out of date and exits.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = ['src/contract', 'src/domain', 'package-lock.json'];
const WEB_INPUTS = ['src/web', 'scripts/precompress.ts', ...SHARED];
const SERVER_INPUTS = ['src/server', 'src/cli', 'scripts/start.mjs', ...SHARED];
const WEB_OUT = path.join(root, 'dist/web');
const SERVER_OUT = path.join(root, 'dist/server');

/** SHA-256 over the paths and contents of every file under `inputs` (tests excluded). */
export function sourceStamp(inputs) {
  const files = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory())
      for (const name of fs.readdirSync(abs).sort()) walk(path.posix.join(rel, name));
    else if (!/\.test\.tsx?$/.test(rel)) files.push(rel);
  };
  inputs.forEach(walk);
  const hash = crypto.createHash('sha256');
  for (const rel of files) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const readStamp = (dir) => {
  try {
    return fs.readFileSync(path.join(dir, '.source-stamp'), 'utf8').trim();
  } catch {
    return undefined;
  }
};
const writeStamp = (dir, stamp) => fs.writeFileSync(path.join(dir, '.source-stamp'), `${stamp}\n`);

function buildWeb() {
  const stamp = sourceStamp(WEB_INPUTS);
  if (readStamp(WEB_OUT) === stamp && fs.existsSync(path.join(WEB_OUT, 'index.html'))) return false;
  process.stdout.write('Building the web app (its sources changed since the last build)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '-s', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('mosaic: the web app did not build (see above)\n');
    process.exit(r.status ?? 1);
  }
  writeStamp(WEB_OUT, stamp);
  return true;
}

/** Bare imports stay in node_modules, except JSON data (bundled: Node 20 needs import attributes). */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.endsWith('.json') ? undefined : { path: args.path, external: true },
    );
  },
};

async function buildServer() {
  const stamp = sourceStamp(SERVER_INPUTS);
  if (readStamp(SERVER_OUT) === stamp && fs.existsSync(path.join(SERVER_OUT, 'main.js')))
    return false;
  const esbuild = await import('esbuild');
  fs.rmSync(SERVER_OUT, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalPackages],
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: path.join(SERVER_OUT, 'main.js'),
  });
  // The planning worker: jobs.ts opens `./worker-entry.js` beside the module that runs it.
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src/server/planning/worker.ts')],
    outfile: path.join(SERVER_OUT, 'worker-entry.js'),
  });
  writeStamp(SERVER_OUT, stamp);
  return true;
}

const args = process.argv.slice(2);
const buildOnly = args[0] === '--build-only';
buildWeb();
await buildServer();
if (!buildOnly) {
  process.argv = [process.argv[0], path.join(SERVER_OUT, 'main.js'), ...args];
  await import(pathToFileURL(path.join(SERVER_OUT, 'main.js')).href);
}
