/**
 * `npm run bench:atlas-page -- [--runs 7] [--json] [--web-root [name=]dir …]`: the atlas map's
 * first render in Chromium at phone size, on the demo data, with and without a phone's handicaps.
 *
 * Needs the built web app (`npm run build:web` first); builds nothing itself. `--web-root`, once
 * or more, names other builds to load instead of `dist/web` (say a build of the previous commit
 * beside this one: `--web-root before=/tmp/old --web-root after=dist/web`). Mosaic runs in this
 * process, one server per build, each on a throwaway SQLite database with the demo coalition,
 * started as test/e2e/harness.ts starts it (the harness itself is not used: it routes every
 * request through Playwright to catch outbound ones, which would slow what is measured). Signed
 * in as the demo admin (the e2e's phone). Each load is cold: a new browser context (no HTTP
 * cache), 390×844 at device scale factor 2, touch. Each server is warmed first (one unmeasured
 * load per page), as it is at a convening once the first person has opened the map.
 *
 * Profiles: `desktop-cpu` (no throttling) and `phone` (Chrome DevTools Protocol: 4× CPU
 * throttling, 9 Mbit/s both ways, 60 ms latency). Pages: `/atlas` and, as a baseline showing the
 * machine's noise and what the shell costs, `/directory` (rendered = its first card). Loads are
 * interleaved (profile × page × build within each round) so that drift in the machine's load
 * spreads over all of them; `os.loadavg()` is recorded before, during and after.
 *
 * First render, as test/e2e/atlas.e2e.ts defines it: flows drawn (`.atlas-map .flow`) and
 * boundaries drawn (`.atlas-map svg path[fill]`, 51 of them). Measured in the page, from the start
 * of navigation to the end of the first frame that shows both (a MutationObserver sees them in
 * the DOM; the frame after is when they are on screen). Also reported, as the e2e measures it:
 * the wall clock from `page.goto` until Playwright's `waitFor` of both resolves. That one includes
 * Playwright's polling, which retries after 0, 20, 50, 100, 100 and then every 500 ms, so it lands
 * up to half a second late in steps; it is shown so that the two can be compared. Up to the first
 * render: bytes on the wire by kind (Resource Timing transfer sizes: compressed as sent, headers
 * included; JS, JSON from /api, CSS, fonts), and long tasks (> 50 ms); and the long tasks in the
 * 3 s after (where deferred work lands: provinces).
 *
 * The table goes to stdout, then one JSON line, last.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { startServer } from '../../src/server/main.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../test/support/chromium.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_ADMIN = { email: 'admin@demo.mosaic.test', password: 'mosaic-demo' };

function args(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === `--${name}` ? [process.argv[i + 1] ?? ''] : []));
}
const RUNS = Number(args('runs')[0] ?? 7);
const JSON_ONLY = process.argv.includes('--json');
/**
 * The builds to load: `dist/web` unless `--web-root [name=]dir` is given, once or more (say a
 * build of the previous commit beside this one: each gets its own server, loads interleave).
 */
const BUILDS = (args('web-root').length ? args('web-root') : [path.join(REPO, 'dist/web')]).map(
  (spec) => {
    const eq = spec.indexOf('=');
    const dir = path.resolve(eq > 0 ? spec.slice(eq + 1) : spec);
    return { name: eq > 0 ? spec.slice(0, eq) : path.relative(REPO, dir) || dir, dir };
  },
);
const AFTER_MS = 3_000;

if (!Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write('--runs wants a whole number ≥ 1\n');
  process.exit(1);
}
for (const { dir } of BUILDS) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    process.stderr.write(
      `The web app is not built (${path.join(dir, 'index.html')} is missing): run \`npm run build:web\` first.\n`,
    );
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH).\n`);
  process.exit(1);
}

interface Profile {
  name: 'desktop-cpu' | 'phone';
  cpu: number;
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}
const PROFILES: Profile[] = [
  { name: 'desktop-cpu', cpu: 1 },
  {
    name: 'phone',
    cpu: 4,
    network: { latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 },
  },
];

interface Target {
  name: 'atlas' | 'directory';
  path: string;
  /** Waits as the e2e does. */
  wait(page: Page): Promise<void>;
  /** The same condition, for the in-page observer. */
  condition: string;
}
const TARGETS: Target[] = [
  {
    name: 'directory',
    path: '/directory',
    wait: (page) => page.locator('.cards > li').first().waitFor(),
    condition: `document.querySelector('.cards > li') !== null`,
  },
  {
    name: 'atlas',
    path: '/atlas',
    async wait(page) {
      await page.locator('.atlas-map .flow').first().waitFor();
      await page.locator('.atlas-map svg path[fill]').nth(50).waitFor();
    },
    condition: `document.querySelector('.atlas-map .flow') !== null && document.querySelectorAll('.atlas-map svg path[fill]').length > 50`,
  },
];

type Kind = 'js' | 'json' | 'css' | 'font' | 'other';
interface Load {
  build: string;
  target: Target['name'];
  profile: Profile['name'];
  /** In the page: navigation start → the end of the frame that shows the map. */
  paintedMs: number;
  /** In the page: navigation start → flows and boundaries in the DOM. */
  domMs: number;
  /** Wall clock, goto → Playwright's waits resolve (the e2e's measure, polling included). */
  wallMs: number;
  bytes: Record<Kind, number>;
  bytesTotal: Record<Kind, number>;
  longTasks: number[];
  longTasksAfter: number[];
  load1: number;
}

/**
 * Installed before any page script: when the condition first holds in the DOM (`dom`), the end of
 * the frame that then paints it (`painted`: a task queued from that frame's animation callback
 * runs after its style, layout and paint), and the long tasks.
 */
function observer(condition: string): string {
  return `(() => {
    const w = window;
    w.__bench = { dom: null, painted: null, longTasks: [] };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__bench.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
    const mo = new MutationObserver(() => {
      if (w.__bench.dom !== null || !(${condition})) return;
      w.__bench.dom = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.__bench.painted = performance.now())));
    });
    mo.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

function kindOf(url: string): Kind {
  const p = new URL(url).pathname;
  if (p.endsWith('.js')) return 'js';
  if (p.startsWith('/api/')) return 'json';
  if (p.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(p)) return 'font';
  return 'other';
}
const zero = (): Record<Kind, number> => ({ js: 0, json: 0, css: 0, font: 0, other: 0 });

async function loadOnce(
  browser: Browser,
  build: string,
  base: string,
  target: Target,
  profile: Profile,
): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Asia/Bangkok',
  });
  try {
    const login = await context.request.post(`${base}/api/auth/login`, { data: DEMO_ADMIN });
    if (login.status() !== 200) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(observer(target.condition));
    const cdp: CDPSession = await context.newCDPSession(page);
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    }
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });

    const t0 = Date.now();
    await page.goto(`${base}${target.path}`);
    await target.wait(page);
    const wallMs = Date.now() - t0;
    await page.waitForFunction('window.__bench.painted !== null');
    await page.waitForTimeout(AFTER_MS);
    const b = (await page.evaluate(`(() => ({
      ...window.__bench,
      resources: [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
        .map((e) => ({ url: e.name, size: e.transferSize, end: e.responseEnd })),
    }))()`)) as {
      dom: number;
      painted: number;
      longTasks: [number, number][];
      resources: { url: string; size: number; end: number }[];
    };
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const bytes = zero();
    const bytesTotal = zero();
    for (const r of b.resources) {
      const kind = kindOf(r.url);
      bytesTotal[kind] += r.size;
      if (r.end <= b.painted) bytes[kind] += r.size;
    }
    return {
      build,
      target: target.name,
      profile: profile.name,
      paintedMs: b.painted,
      domMs: b.dom,
      wallMs,
      bytes,
      bytesTotal,
      longTasks: b.longTasks.filter(([s]) => s <= b.painted).map(([, d]) => d),
      longTasksAfter: b.longTasks.filter(([s]) => s > b.painted).map(([, d]) => d),
      load1: os.loadavg()[0]!,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const kb = (n: number) => (n / 1024).toFixed(1);
const log = (s: string) => (JSON_ONLY ? process.stderr : process.stdout).write(`${s}\n`);

const loadBefore = os.loadavg();
const servers: { name: string; url: string; close(): Promise<void>; dataDir: string }[] = [];
let browser: Browser | undefined;
const loads: Load[] = [];
try {
  for (const b of BUILDS) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-atlas-page-'));
    const server = await startServer({
      port: 0,
      dataDir,
      seedDemo: true,
      webRoot: b.dir,
      log: false,
    });
    servers.push({ name: b.name, url: server.url, close: () => server.close(), dataDir });
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  log(
    `Chromium ${browser.version()} · ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores · ` +
      `Node ${process.version} · load ${loadBefore.map((x) => x.toFixed(2)).join(' / ')} · ` +
      `builds ${BUILDS.map((b) => `${b.name} (${b.dir})`).join(', ')} · ${RUNS} cold loads each`,
  );
  // Warm each server (gazetteer, answer caches) and Chromium: one unmeasured load of each page.
  for (const s of servers)
    for (const target of TARGETS) await loadOnce(browser, s.name, s.url, target, PROFILES[0]!);
  for (let run = 0; run < RUNS; run++) {
    for (const profile of PROFILES) {
      for (const target of TARGETS) {
        for (const s of servers) {
          const l = await loadOnce(browser, s.name, s.url, target, profile);
          loads.push(l);
          log(
            `  run ${run + 1} ${BUILDS.length > 1 ? `${s.name} ` : ''}${target.name.padEnd(9)} ` +
              `${profile.name.padEnd(11)} ${l.paintedMs.toFixed(0).padStart(5)} ms ` +
              `(in the DOM ${l.domMs.toFixed(0)}, e2e-style ${l.wallMs}) · ` +
              `long tasks ${l.longTasks.length}/${sum(l.longTasks).toFixed(0)} ms · load ${l.load1.toFixed(2)}`,
          );
        }
      }
    }
  }
} finally {
  await browser?.close();
  for (const s of servers) {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
}
const loadAfter = os.loadavg();

interface Row {
  build: string;
  page: string;
  profile: string;
  loads: number;
  first_render_ms: number;
  first_render_min_ms: number;
  first_render_max_ms: number;
  dom_ms: number;
  e2e_style_ms: number;
  js_kb: number;
  json_kb: number;
  css_kb: number;
  font_kb: number;
  total_kb: number;
  total_after_kb: number;
  long_tasks: number;
  long_task_ms: number;
  longest_task_ms: number;
  long_task_after_ms: number;
}
const rows: Row[] = [];
for (const { name: build } of BUILDS) {
  for (const target of TARGETS) {
    for (const profile of PROFILES) {
      const ls = loads.filter(
        (l) => l.build === build && l.target === target.name && l.profile === profile.name,
      );
      const painted = ls.map((l) => Math.round(l.paintedMs));
      const m = (f: (l: Load) => number) => Math.round(median(ls.map(f)));
      const mkb = (f: (l: Load) => number) => Number(kb(median(ls.map(f))));
      rows.push({
        build,
        page: target.path,
        profile: profile.name,
        loads: ls.length,
        first_render_ms: m((l) => l.paintedMs),
        first_render_min_ms: Math.min(...painted),
        first_render_max_ms: Math.max(...painted),
        dom_ms: m((l) => l.domMs),
        e2e_style_ms: m((l) => l.wallMs),
        js_kb: mkb((l) => l.bytes.js),
        json_kb: mkb((l) => l.bytes.json),
        css_kb: mkb((l) => l.bytes.css),
        font_kb: mkb((l) => l.bytes.font),
        total_kb: mkb((l) => sum(Object.values(l.bytes))),
        total_after_kb: mkb((l) => sum(Object.values(l.bytesTotal))),
        long_tasks: m((l) => l.longTasks.length),
        long_task_ms: m((l) => sum(l.longTasks)),
        longest_task_ms: m((l) => Math.max(0, ...l.longTasks)),
        long_task_after_ms: m((l) => sum(l.longTasksAfter)),
      });
    }
  }
}

log('');
log(
  '| build | page | profile | loads | first render, median (min–max) | in the DOM | e2e-style | JS kB | JSON kB | CSS kB | fonts kB | all kB to render (+3 s) | long tasks to render: n / ms (longest) | long tasks, 3 s after |',
);
log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  log(
    `| ${r.build} | \`${r.page}\` | ${r.profile} | ${r.loads} | **${r.first_render_ms} ms** (${r.first_render_min_ms}–${r.first_render_max_ms}) | ${r.dom_ms} ms | ${r.e2e_style_ms} ms | ${r.js_kb} | ${r.json_kb} | ${r.css_kb} | ${r.font_kb} | ${r.total_kb} (${r.total_after_kb}) | ${r.long_tasks} / ${r.long_task_ms} (${r.longest_task_ms}) | ${r.long_task_after_ms} ms |`,
  );
}
log('');
log(
  `Load average before ${loadBefore.map((x) => x.toFixed(2)).join(' / ')}, after ${loadAfter
    .map((x) => x.toFixed(2))
    .join(' / ')} (${os.cpus().length} cores).`,
);
const pick = (build: string, page: string, profile: string) =>
  rows.find((r) => r.build === build && r.page === page && r.profile === profile)!;
console.log(
  JSON.stringify({
    date: new Date().toISOString(),
    runs: RUNS,
    builds: Object.fromEntries(
      BUILDS.map(({ name }) => [
        name,
        {
          atlas_first_render_ms: pick(name, '/atlas', 'desktop-cpu').first_render_ms,
          atlas_first_render_phone_ms: pick(name, '/atlas', 'phone').first_render_ms,
          atlas_e2e_style_ms: pick(name, '/atlas', 'desktop-cpu').e2e_style_ms,
          atlas_e2e_style_phone_ms: pick(name, '/atlas', 'phone').e2e_style_ms,
          directory_first_render_ms: pick(name, '/directory', 'desktop-cpu').first_render_ms,
          directory_first_render_phone_ms: pick(name, '/directory', 'phone').first_render_ms,
          atlas_kb_to_render_phone: pick(name, '/atlas', 'phone').total_kb,
          atlas_js_kb_to_render_phone: pick(name, '/atlas', 'phone').js_kb,
        },
      ]),
    ),
    load_before: loadBefore.map((x) => Number(x.toFixed(2))),
    load_after: loadAfter.map((x) => Number(x.toFixed(2))),
    rows,
  }),
);
process.exit(0);
