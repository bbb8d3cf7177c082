/**
 * Issue 14's event report in real Chromium: the demo admin opens /events/:id/report, every
 * section is drawn (participation figures, café sheets by issue, overlap, spectrum, the atlas map
 * and its gaps, learnings by theme, roadmaps), figures are numbered, the public version names no
 * organisation, quotes no card and only the public learnings, and the
 * Thai page is in Thai. Screenshots: docs/screenshots/report*.png (through the harness:
 * test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportAnswer } from '../../src/contract/report.ts';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1200, height: 900 };
const SHOTS = path.join(REPO, 'docs/screenshots');

let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function signIn(page: Page) {
  await page.goto(`${h.url}/login`);
  await page.fill('#login-email', DEMO_ADMIN.email);
  await page.fill('#login-password', DEMO_ADMIN.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const json = <T>(page: Page, url: string) =>
  page.evaluate(async (u) => (await fetch(u)).json() as Promise<unknown>, url) as Promise<T>;

/** Opens a version of the report and waits until every section says it is drawn. */
async function open(page: Page, eventId: string, query = '', at = `/events/${eventId}/report`) {
  await page.goto(`${h.url}${at}${query}`);
  await page.locator('main.report[data-report-ready="true"]').waitFor();
  // The map draws its countries once their file has loaded.
  await page.locator('.report-map svg g path').first().waitFor();
}

describe('event report in Chromium', () => {
  it('shows the members’ version with every section, numbered figures and the map', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(20_000);
    await signIn(page);
    const events = await json<{ items: { id: string; name: string }[] }>(page, '/api/events');
    const eventId = events.items.find((e) => e.name.includes('(demo)'))!.id;
    const data = await json<ReportAnswer>(page, `/api/events/${eventId}/report`);

    await open(page, eventId);
    await expect(page.locator('h1#report-title').textContent()).resolves.toBe(data.event.name);
    const toc = await page.locator('.report-toc li').allTextContents();
    expect(toc).toEqual([
      'Participation',
      'Café sheets by issue',
      'Overlap: factors across issues',
      'Spectrum of exploitation',
      'Atlas: routes and gaps',
      'Learnings by theme',
      'Roadmaps and commitments',
    ]);
    const headings = await page.locator('.report-section > h2').allTextContents();
    expect(headings.map((s) => s.replace(/^\d+\.\s*/, ''))).toEqual(toc);
    // Figures are numbered by one CSS counter over the report, in reading order (the numbers
    // themselves are read back from the PDF's text in test/e2e/report-pdf.e2e.ts).
    const captions = await page
      .locator('.report-figure figcaption')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e, '::before').content));
    expect(captions.length).toBeGreaterThanOrEqual(3);
    for (const c of captions) expect(c).toBe('"Figure " counter(report-figure) ". "');
    // Every organisation is named, every card quoted.
    const orgs = await page.locator('.report-columns li').count();
    expect(orgs).toBe(data.participation.organisations!.length);
    const someCard = data.sheets.issues.find((i) => i.items.length)!.items[0]!.text;
    await expect(page.getByText(someCard, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.report-gaps li').count()).resolves.toBeGreaterThan(0);
    // The spectrum: one row per form; learnings by theme, most voted first; roadmaps by group.
    await expect(page.locator('#report-spectrum tbody tr').count()).resolves.toBe(
      data.spectrum.byForm.length,
    );
    const themes = await page.locator('#report-learnings .report-issue h3').allTextContents();
    expect(themes).toEqual(
      data.learnings.themes.map((t) => t.label ?? 'Not grouped under a theme'),
    );
    const topLearning = data.learnings.themes[0]!.items[0]!;
    await page.locator('#report-learnings li', { hasText: topLearning.text }).waitFor();
    const commitment = data.roadmaps[0]!.items[0]!;
    const row = page.locator('#report-roadmaps tr', { hasText: commitment.title });
    await expect(row.textContent()).resolves.toContain(commitment.owners![0]!);
    await shot(page, 'report', true);
    await page.locator('#report-learnings').scrollIntoViewIfNeeded();
    await shot(page, 'report-learnings');
    await page.locator('#report-roadmaps').scrollIntoViewIfNeeded();
    await shot(page, 'report-roadmaps');

    // The public version: no organisation names, no card texts, withheld counts said as such.
    await open(page, eventId, '?view=public');
    await expect(page.locator('.report-badge').textContent()).resolves.toBe('Public version');
    await expect(page.locator('.report-columns').count()).resolves.toBe(0);
    const text = (await page.locator('main.report').textContent())!;
    for (const o of data.participation.organisations!) expect(text).not.toContain(o.name);
    expect(text).not.toContain(someCard);
    const pub = await json<ReportAnswer>(page, `/api/events/${eventId}/report?view=public`);
    // Learnings: the public posts only, never an organisation; members' posts and owners absent.
    const quoted = pub.learnings.themes.flatMap((t) => t.items.map((i) => i.text));
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect(text).toContain(q);
    for (const th of data.learnings.themes)
      for (const i of th.items) {
        if (!quoted.includes(i.text)) expect(text).not.toContain(i.text);
        if (i.organisation) expect(text).not.toContain(i.organisation);
      }
    for (const g of data.roadmaps)
      for (const c of g.items) for (const o of c.owners ?? []) expect(text).not.toContain(o);
    await shot(page, 'report-public', true);

    // Thai, from the address (as `mosaic report --lang th` asks for it).
    await open(page, eventId, '?lang=th');
    await expect(page.locator('.report-toc h2').textContent()).resolves.toBe('สารบัญ');
    const thCaption = await page
      .locator('.report-figure figcaption')
      .first()
      .evaluate((e) => getComputedStyle(e, '::before').content);
    expect(thCaption).toBe('"รูปที่ " counter(report-figure) ". "');
    await shot(page, 'report-th');

    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });

  it('publishes the public version to anonymous readers at its public address, and takes it back', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(20_000);
    await signIn(page);
    const events = await json<{ items: { id: string; name: string }[] }>(page, '/api/events');
    const eventId = events.items.find((e) => e.name.includes('(demo)'))!.id;
    const data = await json<ReportAnswer>(page, `/api/events/${eventId}/report`);
    await open(page, eventId);
    const control = page.getByTestId('report-publish');
    await control.getByText('The public version is not published').waitFor();
    await control.getByRole('button', { name: 'Publish the public version' }).click();
    await control.getByRole('link', { name: 'Published: the public page' }).waitFor();

    // An anonymous reader (a fresh browser context, no session) opens the public address.
    const anon = await h.newPage(DESKTOP);
    anon.page.setDefaultTimeout(20_000);
    await open(anon.page, eventId, '', `/reports/${eventId}`);
    await expect(anon.page.locator('.report-badge').textContent()).resolves.toBe('Public version');
    await expect(anon.page.getByTestId('report-publish').count()).resolves.toBe(0);
    const text = (await anon.page.locator('main.report').textContent())!;
    for (const o of data.participation.organisations!) expect(text).not.toContain(o.name);
    await shot(anon.page, 'report-published');

    await control.getByRole('button', { name: 'Unpublish' }).click();
    await control.getByText('The public version is not published').waitFor();
    const gone = await anon.page.request.get(`${h.url}/api/reports/${eventId}`);
    expect(gone.status()).toBe(404);
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
