/**
 * What an end-to-end suite needs: Mosaic running in-process on a throwaway data folder with the
 * demo coalition, serving the built web app, and Debian's Chromium driven by playwright-core.
 * Any request the page makes to another origin fails the suite: Mosaic works offline.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { startServer, type StartOptions } from '../../src/server/main.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.ts';
import { freshPostgresDatabase } from '../support/backends.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_ROOT = path.join(REPO, 'dist/web');
export const RESULTS = path.join(REPO, 'test-results');

/**
 * The database the suites run on: SQLite in a throwaway data folder, or — with
 * MOSAIC_E2E_BACKEND=postgres — a fresh database on the PostgreSQL server at
 * MOSAIC_TEST_DATABASE_URL (scripts/test.sh runs the live, café and atlas scenarios again that way).
 */
export const E2E_BACKEND = process.env.MOSAIC_E2E_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

async function e2eDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (E2E_BACKEND === 'sqlite') return { url: undefined, drop: async () => undefined };
  const admin = process.env.MOSAIC_TEST_DATABASE_URL;
  if (!admin)
    throw new Error(
      'MOSAIC_E2E_BACKEND=postgres needs MOSAIC_TEST_DATABASE_URL (npm test sets it)',
    );
  return freshPostgresDatabase(admin);
}

export const DEMO_ADMIN = { email: 'admin@demo.mosaic.test', password: 'mosaic-demo' };

export interface Harness {
  url: string;
  /** The printed first-run link, when the server started with no admin (`seedDemo: false`). */
  setupUrl: string | undefined;
  browser: Browser;
  /** Requests to any origin but Mosaic's, and uncaught errors in pages: both fail the suite. */
  problems: string[];
  newPage(opts: { width: number; height: number; mobile?: boolean; locale?: string }): Promise<{
    context: BrowserContext;
    page: Page;
  }>;
  close(): Promise<void>;
}

/** `server`: extra start options, e.g. `smtp` pointing at a test's SMTP server. */
export async function startHarness(
  extra: Pick<StartOptions, 'smtp' | 'publicOrigins' | 'seedDemo'> = {},
): Promise<Harness> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_ROOT} is missing): run \`npm run build:web\` first.`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`,
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mosaic-e2e-'));
  const database = await e2eDatabase();
  const started = Date.now();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port: 0,
      dataDir,
      databaseUrl: database.url,
      seedDemo: true,
      webRoot: WEB_ROOT,
      log: false,
      ...extra,
    });
  } catch (err) {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const serverMs = Date.now() - started;
  if (server.backend !== E2E_BACKEND)
    throw new Error(`asked for ${E2E_BACKEND}, the server runs on ${server.backend}`);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    });
  } catch (err) {
    await server.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  console.log(
    `[e2e] browser: Chromium ${browser.version()} (${CHROMIUM}) · server: ${server.url} ` +
      `on ${server.backend}, started in ${serverMs} ms`,
  );

  const origin = new URL(server.url).origin;
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  return {
    url: server.url,
    setupUrl: server.setupUrl,
    browser,
    problems,
    async newPage({ width, height, mobile = false, locale = 'en-GB' }) {
      const context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: mobile ? 2 : 1,
        isMobile: mobile,
        hasTouch: mobile,
        locale,
        timezoneId: 'Asia/Bangkok',
      });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith('data:') || new URL(u).origin === origin) return route.continue();
        problems.push(`outbound request: ${u}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      if (process.env.E2E_DEBUG) {
        page.on('response', (r) =>
          console.log(`[e2e] ${r.status()} ${r.request().method()} ${r.url()}`),
        );
      }
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        // a failed fetch (401 before sign-in, 400 on a bad form) is logged by the browser: expected
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
          problems.push(`console error: ${msg.text()}`);
        }
      });
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const AXE = path.join(REPO, 'node_modules/axe-core/axe.min.js');

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now. Returns the serious
 * and critical violations, one line each; lesser ones are printed so they stay visible.
 */
export async function accessibilityProblems(page: Page, screen: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the page's CSP allows no inline script.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }
    ).axe;
    const r = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const lines = violations.map(
    (v) => `${screen}: [${v.impact}] ${v.id} — ${v.help} (${v.targets.join(', ')})`,
  );
  const minor = lines.filter((_, i) => !['serious', 'critical'].includes(violations[i]!.impact));
  if (minor.length) console.log(`[e2e] accessibility notes:\n  ${minor.join('\n  ')}`);
  return lines.filter((_, i) => ['serious', 'critical'].includes(violations[i]!.impact));
}

/**
 * Tests never rewrite tracked files: shots meant for the docs (a folder under docs/) go to
 * test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1 asks for the docs to be re-rendered.
 */
export function screenshotDir(dir: string): string {
  const docs = path.join(REPO, 'docs') + path.sep;
  const forDocs = dir.startsWith(docs);
  // The PostgreSQL run of a scenario keeps its own shots (test-results/postgres/) and never
  // re-renders the docs' ones.
  if (forDocs && process.env.MOSAIC_UPDATE_DOCS_SCREENSHOTS === '1' && E2E_BACKEND === 'sqlite')
    return dir;
  const rel = forDocs ? path.join('docs', path.relative(docs, dir)) : path.relative(RESULTS, dir);
  if (rel.startsWith('..')) throw new Error(`screenshots go under test-results/ or docs/: ${dir}`);
  return path.join(RESULTS, E2E_BACKEND === 'postgres' ? 'postgres' : '', rel);
}

/**
 * Screenshots into `dir`, each screen also checked with axe-core: `problems` collects the serious
 * and critical findings, which a suite asserts empty at its end. `fonts` are loaded before each
 * shot (a font face used only by text laid out later, such as the phone's Thai, may not be yet).
 */
export function screenshots(
  dir: string,
  opts: { prefix?: string; fullPage?: boolean; fonts?: { font: string; text: string }[] } = {},
): {
  shot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
  problems: string[];
  /** The folder the shots are written to (test-results/… unless the docs are being updated). */
  dir: string;
} {
  dir = screenshotDir(dir);
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  const shot = async (page: Page, name: string, fullPage = opts.fullPage ?? false) => {
    const file = `${opts.prefix ?? ''}${name}`;
    for (const f of opts.fonts ?? [])
      await page.evaluate(({ font, text }) => document.fonts.load(font, text).catch(() => []), f);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(dir, `${file}.png`), fullPage });
    problems.push(...(await accessibilityProblems(page, file)));
  };
  return { shot, problems, dir };
}

/** A JSON call from inside the page, with its session cookie; a refusal throws with its body. */
export const pageApi = <T>(page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ([m, u, b]) => {
      const r = await fetch(u, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!r.ok) throw new Error(`${m} ${u}: ${r.status} ${await r.text()}`);
      return (await r.json()) as unknown;
    },
    [method, url, body] as const,
  ) as Promise<T>;

/** Signs the demo admin in on the login page of the server at `base`. */
export async function signInAdmin(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('#login-email').fill(DEMO_ADMIN.email);
  await page.locator('#login-password').fill(DEMO_ADMIN.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
