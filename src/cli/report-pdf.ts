/**
 * `mosaic report <event> --pdf out.pdf [--public]`: the event report page (/events/:id/report)
 * rendered to PDF by headless Chromium — the same page people read in the browser, so the PDF
 * says exactly what the page says, in the same language, and Chromium shapes every script (Thai,
 * Khmer, Burmese, Vietnamese, Chinese) with the self-hosted fonts the page loads: the PDF does not
 * depend on the machine's fonts.
 *
 * Mosaic runs in this process on the configured database, on a loopback port, for the time it
 * takes; the page is read as a coalition member (`--as`, default the coalition's first admin)
 * through a session made for it and removed afterwards.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import type { App } from '../server/context.ts';
import { SESSION_COOKIE } from '../server/auth/sessions.ts';
import { newToken } from '../server/auth/tokens.ts';
import { deleteSession, findCoalition, insertSession } from '../server/db/repos/accounts.ts';
import { findEventByRef, reportReaderOf } from '../server/db/repos/report.ts';
import type { Backend, Db } from '../server/db/index.ts';
import { normaliseCode } from '../server/events/codes.ts';
import type { FactorLanguage } from '../domain/factors/vocabulary.ts';
import { CliError } from './errors.ts';

/** The browser's locale per language (dates on the page are written in it). */
const LOCALES: Record<FactorLanguage, string> = {
  en: 'en-GB',
  th: 'th-TH',
  vi: 'vi-VN',
  id: 'id-ID',
  tl: 'fil-PH',
  zh: 'zh-CN',
  km: 'km-KH',
  my: 'my-MM',
};

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface ReportPdfOptions {
  db: Db;
  backend: Backend;
  /** An event id, or its join code. */
  event: string;
  out: string;
  view: 'members' | 'public';
  /** The vocabulary's language; the interface's words are Thai for `th`, else English. Default: the coalition's. */
  lang?: FactorLanguage | undefined;
  /** A member's email to read the report as (default: the coalition's first admin). */
  as?: string | undefined;
  webRoot: string;
  chromiumPath?: string | undefined;
  /** Give up waiting for the page after this long (default 60 s). */
  timeoutMs?: number;
}

export interface ReportPdfResult {
  file: string;
  bytes: number;
  /** Time from launching Chromium to the PDF written (ms). */
  renderMs: number;
  /** Of which: until the report page was drawn, every section ready — the HTML report (ms). */
  drawnMs: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What to tell a person whose machine has no Chromium (Debian's package; playwright's download is not used). */
export function chromiumMissing(at: string): CliError {
  return new CliError(
    `Chromium is needed to make the PDF and was not found at ${at}. Install it with:\n` +
      '  sudo apt-get install -y chromium\n' +
      '(or set CHROMIUM_PATH to a Chromium or Chrome executable)',
  );
}

export async function renderReportPdf(o: ReportPdfOptions): Promise<ReportPdfResult> {
  const chromiumPath = o.chromiumPath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!existsSync(chromiumPath)) throw chromiumMissing(chromiumPath);
  if (!existsSync(path.join(o.webRoot, 'index.html')))
    throw new CliError(
      `the web app is not built (${o.webRoot} has no index.html): run \`npm run build\` first`,
    );
  const out = path.resolve(o.out);
  if (!existsSync(path.dirname(out)))
    throw new CliError(`cannot write ${o.out}: folder ${path.dirname(out)} does not exist`);

  const ref = o.event.trim();
  const event = await findEventByRef(
    o.db,
    UUID.test(ref) ? { id: ref.toLowerCase() } : { code: normaliseCode(ref) },
  );
  if (!event) throw new CliError(`no event with the id or join code "${o.event}"`);
  const reader = await reportReaderOf(o.db, event.coalitionId, o.as);
  if (!reader)
    throw new CliError(
      o.as
        ? `${o.as} is not a member of the coalition that holds "${event.name}"`
        : `the coalition that holds "${event.name}" has no admin to read the report as: use --as <email>`,
    );

  const lang = o.lang ?? (await findCoalition(o.db, event.coalitionId))?.language ?? 'en';
  const { token, hash } = newToken();
  const now = new Date();
  await insertSession(
    o.db,
    {
      tokenHash: hash,
      userId: reader.userId,
      coalitionId: event.coalitionId,
      expiresAt: new Date(now.getTime() + 15 * 60_000).toISOString(),
    },
    now.toISOString(),
  );
  let app: App | undefined;
  let browser: Browser | undefined;
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    app = await buildApp({ db: o.db, backend: o.backend, webRoot: o.webRoot });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const started = performance.now();
    try {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
      });
    } catch (err) {
      throw new CliError(
        `Chromium at ${chromiumPath} did not start (${err instanceof Error ? err.message.split('\n')[0] : String(err)}). ` +
          'Reinstall it with: sudo apt-get install -y chromium',
      );
    }
    const context = await browser.newContext({
      locale: LOCALES[lang],
      viewport: { width: 1000, height: 1400 },
    });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: origin }]);
    const page = await context.newPage();
    const timeout = o.timeoutMs ?? 60_000;
    page.setDefaultTimeout(timeout);
    const query = new URLSearchParams({ lang });
    if (o.view === 'public') query.set('view', 'public');
    await page.goto(`${origin}/events/${event.id}/report?${query.toString()}`);
    const root = page.locator('main.report:not([data-report-ready="false"])');
    try {
      await root.waitFor({ state: 'attached', timeout });
    } catch {
      throw new CliError(`the report page did not finish drawing within ${timeout / 1000} s`);
    }
    if ((await root.getAttribute('data-report-ready')) === 'failed') {
      const why = (await page.locator('[role="alert"]').first().textContent()) ?? 'unknown';
      throw new CliError(`the report could not be read: ${why}`);
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const drawnMs = performance.now() - started;
    await page.pdf({
      path: tmp,
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    });
    const renderMs = performance.now() - started;
    renameSync(tmp, out);
    return { file: out, bytes: statSync(out).size, renderMs, drawnMs };
  } finally {
    rmSync(tmp, { force: true });
    await browser?.close();
    await app?.close();
    await deleteSession(o.db, hash);
  }
}
