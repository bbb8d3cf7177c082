/**
 * Importing organisations in real Chromium (issue 14, "Data in and out"): a coordinator chooses a
 * messy file — a byte-order mark, CRLF, `;` as separator, Thai headers in another order, a column
 * Mosaic cannot name, an answer it does not know, an empty name — sees the dry run's problems with
 * line, column and reason, maps the column and the answer, chooses the fixed file, imports it while
 * the server reports how far it is, and finds the organisations in the directory. Screenshots
 * (desktop and a 390×844 phone) go to test-results/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  RESULTS,
  pageApi,
  screenshots,
  signInAdmin,
  startHarness,
  type Harness,
} from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844, mobile: true };
const LINES = 20_000;
let h: Harness;
const { shot, problems: a11y } = screenshots(RESULTS, {
  fonts: [{ font: '16px "Mosaic Thai"', text: 'ไทย' }],
});

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** The file as a spreadsheet in Thailand saves it: BOM, CRLF, semicolons, Thai headers. */
function messy(withEmptyName: boolean): string {
  const tag = Date.now().toString(36);
  const lines = ['ประเทศ;ชื่อองค์กร;Org web address;ประเภทองค์กร'];
  for (let i = 0; i < LINES; i++) {
    const name = withEmptyName && i === 1 ? '' : `E2E ${tag} org ${i}`;
    const type = i % 2 ? 'Shadow agency' : 'Law enforcement';
    lines.push(`TH;${name};https://org${i}.example.org;${type}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe('organisations import in Chromium', () => {
  it('a messy file: problems by line and column, a column and an answer mapped, imported with a progress bar', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-imports-e2e-'));
    const bad = path.join(dir, 'organisations.csv');
    const good = path.join(dir, 'organisations-fixed.csv');
    writeFileSync(bad, messy(true));
    const fixed = messy(false);
    writeFileSync(good, fixed);

    const { page: f } = await h.newPage(DESKTOP);
    f.setDefaultTimeout(30_000);
    await f.goto(`${h.url}/data/import/organisations`);
    await f.waitForURL('**/login?next=*');
    await f.getByLabel('Email', { exact: true }).fill(DEMO_ADMIN.email);
    await f.getByLabel('Password', { exact: true }).fill(DEMO_ADMIN.password);
    await f.getByRole('button', { name: 'Sign in' }).click();
    await f.getByRole('heading', { level: 1, name: 'Import organisations' }).waitFor();

    await f.locator('#csv-file').setInputFiles(bad);
    const groups = f.getByTestId('csv-problems');
    await groups
      .getByRole('heading', { name: /Empty required values · column “ชื่อองค์กร”/ })
      .waitFor();
    // the empty name: line 3, its column as written, and why
    const row = groups.getByRole('row').filter({ hasText: 'Name is empty' });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '3',
      'ชื่อองค์กร',
      '—',
      'Name is empty',
    ]);
    await f
      .getByTestId('import-values')
      .getByText(/“Shadow agency” appears in 9999 rows/)
      .waitFor();
    await expect.poll(() => f.getByLabel('What “ชื่อองค์กร” becomes').inputValue()).toBe('name');
    expect(await f.getByLabel('What “ประเภทองค์กร” becomes').inputValue()).toBe('type');
    await shot(f, 'imports-0-problems');

    // the fixed file; the unknown column mapped by hand, the unknown answer once for its rows
    await f.locator('#csv-file').setInputFiles(good);
    await f.getByLabel('What “Org web address” becomes').selectOption('website');
    await f
      .getByTestId('import-values')
      .getByLabel(/“Shadow agency” appears in/)
      .selectOption({ label: 'Non-governmental organisation (NGO)' });
    const button = f.getByRole('button', { name: `Import ${LINES} organisations` });
    await button.waitFor();
    await shot(f, 'imports-1-ready');

    // every label the progress bar shows while the import runs
    await f.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('#import-progress');
        const label = document.querySelector('label[for="import-progress"]');
        if (bar && label)
          seen.push(
            `${label.textContent ?? ''}|${bar.getAttribute('value') ?? ''}|${bar.getAttribute('max') ?? ''}`,
          );
      }).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await button.click();
    await f.getByRole('progressbar').waitFor();
    await shot(f, 'imports-2-progress');
    await f.getByTestId('import-done').waitFor({ timeout: 120_000 });
    const seen = await f.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // a determinate bar: "Checked n of N lines" (or stored) with value and max, before the end
    expect(
      seen.some((s) => /^(Checked|Stored) [\d,]+ of 20,000 lines.*\|\d+\|20000$/.test(s)),
      seen.slice(0, 20).join('\n'),
    ).toBe(true);
    await shot(f, 'imports-3-imported');

    const name = fixed.split('\r\n')[2]!.split(';')[1]!;
    await f.goto(`${h.url}/directory?q=${encodeURIComponent(name)}`);
    await f.getByText(name, { exact: true }).first().waitFor();
    await shot(f, 'imports-4-directory');

    const { page: p } = await h.newPage(PHONE);
    await p.goto(`${h.url}/login?next=/data/import/organisations`);
    await p.getByLabel('Email', { exact: true }).fill(DEMO_ADMIN.email);
    await p.getByLabel('Password', { exact: true }).fill(DEMO_ADMIN.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { level: 1, name: 'Import organisations' }).waitFor();
    await p.locator('#csv-file').setInputFiles(bad);
    await p.getByTestId('csv-problems').waitFor();
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    const wide = await p.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 390)
        .map(
          (e) =>
            `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`,
        )
        .slice(0, 12),
    );
    await shot(p, 'imports-5-phone');
    expect(width, wide.join('\n')).toBeLessThanOrEqual(390);
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  }, 240_000);

  it('café cards into an event chosen on the page: issue, kind and factor by their labels (Thai too), then found in the cards export', async () => {
    const { page: f } = await h.newPage(DESKTOP);
    f.setDefaultTimeout(30_000);
    await signInAdmin(f, h.url);
    const events = await pageApi<{ items: { id: string; name: string }[] }>(
      f,
      'GET',
      '/api/events',
    );
    const event = await pageApi<{
      id: string;
      name: string;
      issues: { key: string; label: string }[];
    }>(f, 'GET', `/api/events/${events.items[0]!.id}`);
    const vocabulary = await pageApi<{
      factors: { id: string; kind: string; status: string; labels: Record<string, string> }[];
    }>(f, 'GET', '/api/factors');
    const cause = vocabulary.factors.find((x) => x.kind === 'cause' && x.status === 'active')!;
    const tag = Date.now().toString(36);
    const texts = [`E2E ${tag} debt to the broker`, `E2E ${tag} หนี้นายหน้า`];
    const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-imports-e2e-'));
    const file = path.join(dir, 'cards.csv');
    writeFileSync(
      file,
      [
        'issue,kind,level,text,factor',
        `${event.issues[0]!.label},cause,individual,${texts[0]},${cause.labels.en}`,
        `${event.issues[0]!.key},สาเหตุ,individual,${texts[1]},${cause.labels.th ?? cause.id}`,
      ].join('\r\n'),
    );

    await f.goto(`${h.url}/data`);
    await f.locator('tr[data-entity="cards"]').getByRole('link', { name: 'Import' }).click();
    await f.getByRole('heading', { level: 1, name: 'Import café cards' }).waitFor();
    await f.getByLabel('Into which event').selectOption(event.id);
    await f.locator('#csv-file').setInputFiles(file);
    await f.getByRole('button', { name: 'Import 2 cards' }).click();
    await f.getByTestId('import-done').getByText('2 cards imported.').waitFor();
    await shot(f, 'imports-6-cards');

    const exported = await pageApi<Record<string, unknown>[]>(
      f,
      'GET',
      '/api/exports/cards?format=json',
    );
    const rows = JSON.stringify(exported);
    for (const text of texts) expect(rows).toContain(text);
    expect(h.problems).toEqual([]);
  }, 120_000);
});
