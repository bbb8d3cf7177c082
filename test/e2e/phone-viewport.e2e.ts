/**
 * The desktop screens on a phone (390×844, touch, the page's own meta viewport) in real Chromium,
 * on the demo coalition: each page must fit the screen's width — a wide table or chart scrolls in
 * its own box, the page itself never scrolls sideways — and its main heading must be on screen.
 * Screenshots: test-results/phone-viewport/*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const PHONE = { width: 390, height: 844, mobile: true };

let h: Harness;
const { shot, problems: a11y } = screenshots(path.join(RESULTS, 'phone-viewport'), {
  fullPage: true,
});

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/**
 * How far the page reaches past the screen's right edge, in CSS pixels (0: it fits), and the
 * layout viewport's width: on a touch device Chromium widens the layout viewport to fit content
 * wider than the screen, so the width must also still be the phone's.
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { past: Math.max(0, root.scrollWidth - window.innerWidth), width: window.innerWidth };
  });

/** The elements wider than the screen that stick out of it (what to fix when the check fails). */
const culprits = (page: Page, width: number) =>
  page.evaluate(
    (w) =>
      [...document.querySelectorAll('body *')]
        // the outermost element that reaches past the phone's width (not those inside it)
        .filter((el) => el.getBoundingClientRect().right > w + 1)
        .filter(
          (el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= w + 1,
        )
        .filter((el) => !el.closest('[role="region"]')) // scrolls in its own box
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}px`,
        ),
    width,
  );

async function fits(page: Page, name: string, ready: string) {
  const heading = page.locator('h1').first();
  await heading.waitFor({ state: 'visible' });
  await page.locator(ready).first().waitFor();
  await shot(page, name);
  const o = await overflow(page);
  const fitsWidth = o.past === 0 && o.width === PHONE.width;
  const said = fitsWidth
    ? 'fits'
    : `${name}: ${JSON.stringify(o)}, sticking out: ${(await culprits(page, PHONE.width)).join(', ')}`;
  expect(fitsWidth, said).toBe(true);
  // a chart keeps its words readable: the smallest drawn label is at least 10 px tall
  const smallest = await page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('figure svg text')]
        .map((el) => el.getBoundingClientRect().height)
        .filter((h) => h > 0),
    ),
  );
  expect({
    page: name,
    smallestChartText: smallest >= 10 ? 'readable' : `${smallest.toFixed(1)} px`,
  }).toEqual({
    page: name,
    smallestChartText: 'readable',
  });
  expect(await heading.isVisible()).toBe(true);
  const box = (await heading.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width + 1);
}

describe('desktop screens on a phone (390×844)', () => {
  it('every page fits the width and shows its heading', async () => {
    const { context, page } = await h.newPage(PHONE);
    expect(
      (await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status(),
    ).toBe(200);
    const events = (await (await context.request.get(`${h.url}/api/events`)).json()) as {
      items: { id: string }[];
    };
    const id = events.items[0]!.id;
    // The café's cards confirmed to their first suggested factor, so the overlap page and the
    // report draw their charts (the demo starts with none confirmed).
    const review = (await (
      await context.request.get(`${h.url}/api/events/${id}/factors/review`)
    ).json()) as {
      cards: { id: string; suggestions: { factor: string }[] }[];
    };
    for (const c of review.cards) {
      const factor = c.suggestions[0]?.factor;
      if (!factor) continue;
      const put = await context.request.put(`${h.url}/api/events/${id}/cards/${c.id}/factor`, {
        data: { factor },
      });
      expect(put.status()).toBe(200);
    }
    const pages: [name: string, url: string, ready: string][] = [
      ['events', '/events', 'main ul.cards li'],
      ['event', `/events/${id}`, 'main form'],
      ['console', `/events/${id}/facilitate`, '.console-grid'],
      ['atlas', '/atlas', 'text=/^\\d+ routes$/'],
      ['overlap', '/analysis/overlap', 'svg.ovl-heatmap'],
      ['commitments', '/commitments', 'li.commit-row'],
      ['roadmaps', `/events/${id}/roadmaps`, 'li.commit-row'],
      ['data', '/data', 'table.data-table tbody tr'],
      ['report', `/events/${id}/report`, '#report-title'],
    ];
    const failed: string[] = [];
    for (const [name, url, ready] of pages) {
      await page.goto(`${h.url}${url}`);
      try {
        await fits(page, name, ready);
      } catch (err) {
        failed.push(err instanceof Error ? err.message : String(err));
      }
    }
    expect(failed).toEqual([]);
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });

  it('the check fails on a page that overflows', async () => {
    const { page } = await h.newPage(PHONE);
    await page.goto(`${h.url}/login`);
    await page.locator('h1').first().waitFor();
    expect((await overflow(page)).past).toBe(0);
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '900px';
      wide.style.height = '10px';
      document.querySelector('main')!.append(wide);
    });
    const o = await overflow(page);
    expect(o.past > 0 || o.width !== PHONE.width).toBe(true);
    await expect(fits(page, 'overflowing', 'main')).rejects.toThrow();
  });
});
