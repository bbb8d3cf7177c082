/**
 * `npm run bench:lighthouse -- [--json]`: Lighthouse (mobile preset) on the phone page, served by
 * Mosaic in this process from the built web app (`npm run build:web` first). Audits the join page
 * of the demo event, where a participant picks their name. Targets (issue 4): performance ≥ 95,
 * accessibility 100. Records the scores in docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../src/server/main.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../test/support/chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(root, 'dist/web');
if (!fs.existsSync(path.join(webRoot, 'join/phone.html'))) {
  process.stderr.write('dist/web/join/phone.html is missing: run `npm run build:web` first\n');
  process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-lighthouse-'));
const server = await startServer({ port: 0, dataDir, seedDemo: true, webRoot });
// The join code is not public: read it as the demo admin.
const login = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@demo.mosaic.test', password: 'mosaic-demo' }),
});
// Sign-in also sets a device cookie: the session is the one named mosaic_session.
const cookie =
  login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('mosaic_session=')) ?? '';
const events = (await (
  await fetch(`${server.url}/api/events`, { headers: { cookie } })
).json()) as { items: { id: string }[] };
const detail = (await (
  await fetch(`${server.url}/api/events/${events.items[0]!.id}`, { headers: { cookie } })
).json()) as { joinCode: string };
const pages = [`${server.url}/join`, `${server.url}/j/${detail.joinCode}`];

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
const results: { url: string; performance: number; accessibility: number }[] = [];
try {
  for (const url of pages) {
    const r = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
    });
    const cats = r?.lhr.categories;
    const failing = Object.values(r?.lhr.audits ?? {}).filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        cats?.accessibility?.auditRefs.some((ref) => ref.id === a.id),
    );
    for (const a of failing) process.stderr.write(`accessibility: ${a.id}: ${a.title}\n`);
    const metric = (id: string) => r?.lhr.audits[id]?.displayValue ?? '?';
    process.stderr.write(
      `${url}: FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}\n`,
    );
    results.push({
      url: url.replace(server.url, ''),
      performance: Math.round((cats?.performance?.score ?? 0) * 100),
      accessibility: Math.round((cats?.accessibility?.score ?? 0) * 100),
    });
  }
} finally {
  await chrome.kill();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const table = [
  '| page | performance | accessibility |',
  '|---|---:|---:|',
  ...results.map(
    (r) =>
      `| \`${r.url.replace(detail.joinCode, '<code>')}\` | ${r.performance} | ${r.accessibility} |`,
  ),
].join('\n');
console.log(table);
const doc = path.join(root, 'docs/benchmarks.md');
const section = [
  '<!-- lighthouse:start -->',
  '## Phone page audit (Lighthouse 12.2.3, mobile preset)',
  '',
  `Command: \`npm run build:web && npm run bench:lighthouse\` — ${new Date().toISOString().slice(0, 10)}, Debian Chromium, loopback. Targets: performance ≥ 95, accessibility 100.`,
  '',
  table,
  '<!-- lighthouse:end -->',
].join('\n');
const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Benchmarks\n';
fs.writeFileSync(
  doc,
  /<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/.test(current)
    ? current.replace(/<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`,
);
if (process.argv.includes('--json')) console.log(JSON.stringify({ pages: results }));
process.exit(0);
