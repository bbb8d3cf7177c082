/**
 * Issue 13's overlap in real Chromium, on the demo event: the overlap page and the projector are
 * open before any card is confirmed; a card confirmed on the review screen (one key) and then the
 * rest (through the API) appear on both without a reload — heatmap, network and ranked bars, each
 * checked against the cards' own assignments. A heatmap cell opens its cards. Network labels must
 * not cover each other (page and projector). The public view shows nothing until the event is published, then counts
 * below k only as "fewer than k". Screenshots: docs/screenshots/overlap-*.png (through the
 * harness: test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactorReview } from '../../src/contract/factors.ts';
import type { OverlapAnswer } from '../../src/contract/overlap.ts';
import { REPO, screenshots, startHarness, type Harness, pageApi, signInAdmin } from './harness.ts';

const DESKTOP = { width: 1400, height: 1000 };
const PROJECTOR = { width: 1920, height: 1080 };
const SHOTS = path.join(REPO, 'docs/screenshots');
/** Longer than the stream's once-a-second check, shorter than the page's 30 s re-check. */
const LIVE = { timeout: 15_000, interval: 200 };

let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const api = pageApi;

const signIn = (page: Page) => signInAdmin(page, h.url);

/** The first heatmap table on the page as text: header labels and, per row, label and cells. */
const heatmapTable = (page: Page, section: string) =>
  page
    .locator(section)
    .first()
    .locator('table')
    .first()
    .evaluate((t) => {
      const head = [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      const rows = [...t.querySelectorAll('tbody tr')].map((tr) => ({
        label: tr.querySelector('th')?.textContent ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      }));
      return { head, rows };
    });

/** Pairs of network labels whose drawn boxes intersect (more than a pixel each way). */
const overlappingLabels = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg.ovl-network')) {
      const texts = [...svg.querySelectorAll('text')];
      const boxes = texts.map((t) => t.getBoundingClientRect());
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const hh = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && hh > 1) out.push(`${texts[i]!.textContent} / ${texts[j]!.textContent}`);
        }
    }
    return out;
  });

describe('overlap in Chromium', () => {
  it('confirmed cards reach the heatmap, network and bars live; the public view withholds small counts', async () => {
    const { page: admin } = await h.newPage(DESKTOP);
    admin.setDefaultTimeout(15_000);
    await signIn(admin);
    const events = await api<{ items: { id: string; name: string }[] }>(admin, 'GET', '/api/events');
    const eventId = events.items.find((e) => e.name.includes('(demo)'))!.id;
    const review = await api<FactorReview>(admin, 'GET', `/api/events/${eventId}/factors/review`);
    expect(review.cards.length).toBeGreaterThan(20);
    expect(review.cards.every((c) => c.assignment === null)).toBe(true);

    // ---- public first: nothing is published, so an anonymous reader sees no cards ----
    const { page: anon } = await h.newPage(DESKTOP);
    await anon.goto(`${h.url}/analysis/overlap`);
    await anon.getByRole('heading', { level: 1, name: 'Overlap of push factors and consequences' }).waitFor();
    await anon.getByText('fewer than 11', { exact: false }).first().waitFor(); // the public intro
    await expect.poll(() => anon.locator('.ovl-scope').textContent()).toBe('Events counted: 0 · confirmed cards: 0');

    // ---- the coalition's page and the projector, open before anything is confirmed ----
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(15_000);
    await signIn(page);
    await page.goto(`${h.url}/analysis/overlap`);
    await expect.poll(() => page.locator('.ovl-scope').textContent()).toMatch(/confirmed cards: 0$/);
    await page.getByText('No confirmed cards yet.').first().waitFor();
    const { page: screen } = await h.newPage(PROJECTOR);
    await signIn(screen);
    await screen.goto(`${h.url}/screen/${eventId}/overlap?kind=cause&show=charts`);
    await screen.getByRole('heading', { level: 1, name: /^Push factors across the issues/ }).waitFor();
    await screen.getByText('No confirmed cards yet.').first().waitFor();

    // ---- one card confirmed on the review screen with one key: both pages follow ----
    await admin.goto(`${h.url}/events/${eventId}/review`);
    await admin.locator('[data-card]').first().waitFor();
    await admin.locator('[data-card]').first().focus();
    const firstId = await admin.evaluate(() => (document.activeElement as HTMLElement).dataset.card!);
    await admin.keyboard.press('Enter');
    const first = review.cards.find((c) => c.id === firstId)!;
    const firstFactor = first.suggestions[0]!.factor;
    await expect.poll(() => page.locator('.ovl-scope').textContent(), LIVE).toMatch(first.kind === 'cause' ? /confirmed cards: 1$/ : /confirmed cards: 0$/);
    if (first.kind === 'cause') {
      const label = review.factors.find((f) => f.id === firstFactor)!.label;
      await expect.poll(async () => (await heatmapTable(screen, '.ovl-screen section')).rows.map((r) => r.label), LIVE).toEqual([label]);
    }

    // ---- every other card to its first suggestion ----
    const assigned = new Map<string, string>([[first.id, firstFactor]]);
    for (const c of review.cards) {
      const f = c.suggestions[0]?.factor;
      if (!f || assigned.has(c.id)) continue;
      await api(admin, 'PUT', `/api/events/${eventId}/cards/${c.id}/factor`, { factor: f });
      assigned.set(c.id, f);
    }
    const causes = review.cards.filter((c) => c.kind === 'cause' && assigned.has(c.id));
    expect(causes.length).toBeGreaterThan(5);

    // The oracle, from the cards themselves: push-factor cards per factor and issue.
    const expected = new Map<string, Map<string, number>>();
    for (const c of causes) {
      const f = assigned.get(c.id)!;
      const row = expected.get(f) ?? new Map<string, number>();
      row.set(c.issueKey, (row.get(c.issueKey) ?? 0) + 1);
      expected.set(f, row);
    }
    await expect.poll(() => page.locator('.ovl-scope').textContent(), LIVE).toMatch(new RegExp(`confirmed cards: ${causes.length}$`));
    const answer = await api<OverlapAnswer>(page, 'GET', '/api/overlap');
    const m = answer.cause.byIssue;
    const counted = m.rows.filter((r) => Object.keys(r.cells).length > 0);
    expect(Object.fromEntries(counted.map((r) => [r.factor, r.cells]))).toEqual(
      Object.fromEntries([...expected].map(([f, row]) => [f, Object.fromEntries(row)])),
    );

    // The page's heatmap table says the same, under the factors' and issues' names.
    const table = await heatmapTable(page, '.ovl-charts section');
    const issueCols = table.head.slice(1, -1);
    expect(issueCols).toEqual(m.columns.map((c) => c.label));
    expect(table.rows.map((r) => r.label).sort()).toEqual(
      [...expected.keys()].map((f) => review.factors.find((x) => x.id === f)!.label).sort(),
    );
    for (const r of table.rows) {
      const f = review.factors.find((x) => x.label === r.label)!.id;
      const want = m.columns.map((c) => String(expected.get(f)?.get(c.key) ?? '·'));
      const total = [...(expected.get(f)?.values() ?? [])].reduce((s, n) => s + n, 0);
      expect(r.cells).toEqual([...want, String(total)]);
    }
    // The heatmap's squares carry the same numbers as the table.
    const squares = (await page.locator('svg.ovl-heatmap').first().locator('text.ovl-num').allTextContents()).map(Number);
    expect(squares.reduce((s, n) => s + n, 0)).toBe(causes.length);

    // The reading names the factor found in the most issues.
    const spread = [...expected].map(([f, row]) => ({ f, n: row.size, cards: [...row.values()].reduce((s, x) => s + x, 0) }));
    const most = Math.max(...spread.map((s) => s.n));
    await expect.poll(() => page.locator('.ovl-reading').first().textContent()).toMatch(new RegExp(`appears as a push factor in ${most} of ${m.columns.length} issues\\.$`));

    // The ranked bars: one row per factor, the most-found first.
    const bars = await page.locator('section[aria-labelledby="ovl-b-cause"] table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(bars.length).toBe(expected.size);
    expect(bars[0]![1]).toBe(`${most} of ${m.columns.length}`);

    // The network: a node per factor shared by two or more forms, as in its table; labels clear.
    await page.getByRole('radio', { name: 'Forms of exploitation' }).check();
    const net = answer.cause.network;
    expect(net.factors.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('svg.ovl-network circle.ovl-factor-node').count()).toBe(net.factors.length);
    await expect.poll(() => page.locator('section[aria-labelledby="ovl-n-cause"] table').first().locator('tbody tr').count()).toBe(net.factors.length);
    expect(await overlappingLabels(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Issues' }).check();
    await shot(page, 'overlap-page', true);

    // ---- a cell opens its cards ----
    const [cf, crow] = [...expected][0]!;
    const [issueKey] = [...crow][0]!;
    const issueLabel = m.columns.find((c) => c.key === issueKey)!.label;
    const factorLabel = review.factors.find((x) => x.id === cf)!.label;
    await page.getByRole('button', { name: `${factorLabel} in ${issueLabel}: ${crow.get(issueKey)} cards — show them` }).click();
    await page.getByRole('heading', { level: 2, name: `${factorLabel} in ${issueLabel}` }).waitFor();
    const wantTexts = causes.filter((c) => assigned.get(c.id) === cf && c.issueKey === issueKey).map((c) => c.text).sort();
    await expect.poll(async () => (await page.locator('.ovl-cards li').allTextContents()).length).toBe(wantTexts.length);
    for (const text of wantTexts) await page.locator('.ovl-cards li', { hasText: text }).first().waitFor();
    await shot(page, 'overlap-cell-cards');
    await page.keyboard.press('Escape');

    // ---- the projector redrew on its own: heatmap, bars and network of the event ----
    await expect.poll(async () => (await heatmapTable(screen, '.ovl-screen section')).rows.length, LIVE).toBe(expected.size);
    await shot(screen, 'overlap-projector');
    await screen.goto(`${h.url}/screen/${eventId}/overlap?kind=cause&show=network`);
    await expect.poll(() => screen.locator('svg.ovl-network circle.ovl-factor-node').count()).toBe(net.factors.length);
    expect(await overlappingLabels(screen)).toEqual([]);
    await shot(screen, 'overlap-projector-network');

    // ---- public: publish the event, then small counts are withheld ----
    await api(admin, 'PUT', `/api/events/${eventId}/overlap/visibility`, { visibility: 'public' });
    await anon.reload();
    await expect.poll(() => anon.locator('.ovl-scope').textContent()).toMatch(/^Events counted: 1 · confirmed cards: /);
    const pub = await heatmapTable(anon, '.ovl-charts section');
    expect(pub.rows.length).toBe(expected.size);
    const k = 11;
    for (const r of pub.rows)
      for (const cell of r.cells) {
        // withheld, a dot, a published count of k or more, or a range that adds withheld parts
        const n = Number(cell);
        const ok = cell === `fewer than ${k}` || cell === '·' || (Number.isInteger(n) && n >= k) || /^\d+–\d+$/.test(cell);
        expect(ok, `public cell "${cell}" in ${r.label}`).toBe(true);
      }
    expect(pub.rows.flatMap((r) => r.cells).filter((c) => c === `fewer than ${k}`).length).toBeGreaterThan(0);
    expect(await anon.locator('.ovl-charts button').count()).toBe(0); // no cards behind a public cell
    const pubApi = await api<OverlapAnswer>(anon, 'GET', '/api/overlap');
    expect(pubApi.view).toBe('public');
    for (const r of pubApi.cause.byIssue.rows)
      for (const v of Object.values(r.cells)) expect(typeof v === 'number' ? v >= k : true).toBe(true);
    await shot(anon, 'overlap-public', true);

    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  }); // prettier-ignore
});
