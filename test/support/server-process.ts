import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a database lives, as the CLI reads it from the environment. */
export type DbTarget = { dataDir: string } | { databaseUrl: string };

export function envOf(target: DbTarget): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if ('databaseUrl' in target) env.DATABASE_URL = target.databaseUrl;
  else env.MOSAIC_DATA = target.dataDir;
  return env;
}

/** `mosaic <args>` as a real child process; resolves with its exit code and output. */
export function runCli(
  args: string[],
  target: DbTarget,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: envOf(target),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
}

/** `mosaic serve` on a free loopback port, resolved once it says it is running. */
export function startServerProcess(
  target: DbTarget,
  opts: { demo?: boolean } = {},
): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'];
  if (opts.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: envOf(target) });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 180 s: ${out} ${err}`));
    }, 180_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Mosaic is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          child,
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was running: ${err || out}`));
    });
  });
}
