/**
 * Issue 10, item 10: `mosaic serve` as a real process. The demo admin (published password) is
 * seeded only when asked for — not because the server listens on loopback, as it does behind a
 * reverse proxy — and the process logs JSON lines (it used to log nothing).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = { email: 'admin@demo.mosaic.test', password: 'mosaic-demo' };

interface Served {
  url: string;
  out: string[];
  child: ChildProcess;
}

const running: Served[] = [];
const dirs: string[] = [];

async function serve(args: string[], dataDir: string): Promise<Served> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOSAIC_DATA: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL; // this test is about the embedded default
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), 'serve', ...args],
    { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${out.join('')}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out.push(String(d));
      const m = /Mosaic is running at (\S+)/.exec(out.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => out.push(String(d)));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out.join('')}`)));
  });
  const s = { url, out, child };
  running.push(s);
  return s;
}

async function stop(s: Served): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

const signIn = (url: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });

afterEach(async () => {
  for (const s of running.splice(0)) await stop(s);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('mosaic serve', () => {
  it('on loopback without --demo seeds nothing; with --demo on an empty database it does', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-serve-'));
    dirs.push(plain);
    const a = await serve([], plain);
    expect((await signIn(a.url)).status).toBe(401);
    expect(await (await fetch(`${a.url}/api/auth/demo`)).json()).toEqual({ demo: null });
    // One JSON line per request, on stdout.
    await new Promise((r) => setTimeout(r, 200));
    const logged = a.out
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; route?: string; status?: number });
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'request', route: '/api/auth/login', status: 401 }),
    );
    await stop(a);

    const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-serve-'));
    dirs.push(demo);
    const b = await serve(['--demo'], demo);
    expect((await signIn(b.url)).status).toBe(200);
    expect(await (await fetch(`${b.url}/api/auth/demo`)).json()).toEqual({ demo: DEMO });
  }, 120_000);
});
