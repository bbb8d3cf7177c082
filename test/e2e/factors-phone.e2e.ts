/**
 * Issue 13's screens as an outside tester looks at them: the vocabulary (/factors), the review
 * screen and the overlap page on a phone (390×844, touch) in English and Thai, with cards
 * confirmed. Each page must fit the width (a wide table scrolls in its own box) and show its
 * heading; every visible control must be reachable by Tab with a visible focus ring.
 * Screenshots: test-results/factors-phone/*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactorReview } from '../../src/contract/factors.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const PHONE = { width: 390, height: 844, mobile: true };

let h: Harness;
const { shot, problems: a11y } = screenshots(path.join(RESULTS, 'factors-phone'), {
  fullPage: true,
});

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** The outermost elements that reach past the phone's right edge, outside a scrolling region. */
const sticking = (page: Page) =>
  page.evaluate((w) => {
    const root = document.scrollingElement ?? document.documentElement;
    const past = Math.max(0, root.scrollWidth - window.innerWidth);
    const out = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= w + 1)
      .filter((el) => !el.closest('[role="region"]'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}px`);
    return { past, width: window.innerWidth, out };
  }, PHONE.width); // prettier-ignore

describe('issue 13 screens on a phone, English and Thai', () => {
  it('vocabulary, review and overlap fit a phone in both languages', async () => {
    const failed: string[] = [];
    for (const locale of ['en-GB', 'th-TH']) {
      const { context, page } = await h.newPage({ ...PHONE, locale });
      expect((await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
      const events = (await (await context.request.get(`${h.url}/api/events`)).json()) as { items: { id: string }[] };
      const id = events.items[0]!.id;
      const review = (await (await context.request.get(`${h.url}/api/events/${id}/factors/review`)).json()) as FactorReview;
      // half the cards confirmed, so the review shows both states and the overlap draws charts
      for (const c of review.cards.filter((_, i) => i % 2 === 0)) {
        const factor = c.suggestions[0]?.factor;
        if (factor && !c.assignment)
          await context.request.put(`${h.url}/api/events/${id}/cards/${c.id}/factor`, { data: { factor } });
      }
      const pages: [string, string, string][] = [
        ['factors', '/factors', 'main li, main tr'],
        ['review', `/events/${id}/review?show=all`, '[data-card]'],
        ['overlap', '/analysis/overlap', 'svg.ovl-heatmap'],
      ];
      for (const [name, url, ready] of pages) {
        await page.goto(`${h.url}${url}`);
        await page.locator('h1').first().waitFor();
        await page.locator(ready).first().waitFor();
        await shot(page, `${name}-${locale}`);
        const s = await sticking(page);
        if (s.past > 0 || s.width !== PHONE.width) failed.push(`${name} ${locale}: ${JSON.stringify(s)}`);
      }
      await context.close();
    }
    expect(failed).toEqual([]);
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  }); // prettier-ignore
});
