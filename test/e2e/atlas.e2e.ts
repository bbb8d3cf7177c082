/**
 * The atlas in real Chromium (issue 6's "done when"): a projector shows the map; a newcomer adds a
 * route from a phone; the projector shows it at once (Server-Sent Events, no reload); the gaps list
 * reads in plain words; flows export as GeoJSON; the public view withholds small counts.
 * Screenshots go to test-results/docs/screenshots/atlas-*.png (docs/screenshots/ itself only with
 * MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness } from './harness.ts';

const SHOTS = path.join(REPO, 'docs/screenshots');
let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS, { prefix: 'atlas-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function signedIn(context: BrowserContext): Promise<void> {
  const res = await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN });
  expect(res.status()).toBe(200);
}
/** Provinces are drawn after the first paint: screenshots wait for them. */
const provincesDrawn = (page: Page) => page.locator('.atlas-map .province').first().waitFor();
const routeCount = async (page: Page) =>
  Number(((await page.locator('.atlas-summary').textContent()) ?? '').replace(/\D/g, ''));

describe('atlas in Chromium', () => {
  it('a route added on a phone shows on the projector at once; gaps, GeoJSON, public view', async () => {
    // The projector: a desktop signed in, on /atlas/screen.
    const projector = await h.newPage({ width: 1280, height: 800 });
    await signedIn(projector.context);
    // Warm the server's gazetteer the way a running server does after start-up.
    await projector.context.request.get(`${h.url}/api/gazetteer/search?q=bangkok`);
    const t0 = Date.now();
    await projector.page.goto(`${h.url}/atlas/screen`);
    await projector.page.locator('.atlas-map .flow').first().waitFor();
    await projector.page.locator('.atlas-map svg path[fill]').nth(50).waitFor();
    const firstRender = Date.now() - t0;
    console.log(`[e2e] atlas first render (flows and boundaries drawn): ${firstRender} ms`);
    expect(firstRender).toBeLessThan(5_000);
    const before = await routeCount(projector.page);
    expect(before).toBeGreaterThanOrEqual(300);
    await provincesDrawn(projector.page);
    await shot(projector.page, 'projector');

    // A newcomer on a phone adds a route: search places, pick, choose a form, save.
    const phone = await h.newPage({ width: 390, height: 844, mobile: true });
    await signedIn(phone.context);
    await phone.page.goto(`${h.url}/atlas/add`);
    await phone.page.locator('#route-source').fill('mae sot');
    await phone.page
      .getByRole('button', { name: /Mae Sot/ })
      .first()
      .click();
    await phone.page
      .getByRole('button', { name: 'Add a transit point or border crossing' })
      .click();
    await phone.page.locator('#route-transit-0').fill('Myawadi');
    await phone.page
      .getByRole('button', { name: /Myawadi/ })
      .first()
      .click();
    await phone.page.getByLabel('border crossing').check();
    await phone.page.locator('#route-destination').fill('กรุงเทพ');
    await phone.page
      .getByRole('button', { name: /Bangkok/ })
      .first()
      .click();
    await phone.page.getByLabel('Forced labour', { exact: true }).check();
    await phone.page.getByLabel('Notes (optional)').fill('Call 0812345678 for the broker');
    await phone.page.locator('.alert-warn').waitFor();
    await shot(phone.page, 'phone-form', true);
    await phone.page.getByLabel('Notes (optional)').fill('Recruitment at the market by brokers.');
    await phone.page.getByRole('button', { name: 'Save the route' }).click();
    await phone.page.getByText(/Route saved: Mae Sot → Bangkok/).waitFor();
    await shot(phone.page, 'phone-saved');

    // The projector shows it without a reload.
    const seenAt = Date.now();
    await expect
      .poll(() => routeCount(projector.page), { timeout: 10_000, interval: 100 })
      .toBe(before + 1);
    console.log(
      `[e2e] projector updated ${Date.now() - seenAt} ms after the phone's save returned`,
    );

    // The gaps list, in plain words, beside the challenges.
    const desk = await h.newPage({ width: 1280, height: 800 });
    await signedIn(desk.context);
    await desk.page.goto(`${h.url}/atlas/gaps`);
    const first = desk.page.locator('.atlas-gap-list li').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/routes? (start|end|pass)/);
    await shot(desk.page, 'gaps', true);
    await desk.page.goto(`${h.url}/atlas`);
    await desk.page.locator('.atlas-map .flow').first().waitFor();
    await desk.page.locator('.atlas-map svg path[fill]').nth(50).waitFor();
    await provincesDrawn(desk.page);
    await shot(desk.page, 'map');
    await desk.page.goto(`${h.url}/atlas/flows`);
    await desk.page.locator('.atlas-sankey').waitFor();
    await shot(desk.page, 'flows', true);

    // Flows exported as GeoJSON.
    const gj = await desk.context.request.get(`${h.url}/api/atlas/flows.geojson?level=city`);
    expect(gj.headers()['content-type']).toContain('geo+json');
    const fc = (await gj.json()) as { type: string; features: unknown[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(10);

    // The public, signed out: aggregated, small counts withheld.
    const anon = await h.newPage({ width: 1280, height: 800 });
    await anon.page.goto(`${h.url}/atlas/flows`);
    await anon.page.locator('.atlas-matrix').waitFor();
    const publicMatrix = (await anon.page.locator('.atlas-matrix').textContent()) ?? '';
    expect(publicMatrix).toContain('<11');
    // Totals that include withheld cells are ranges (docs/security.md, "Public numbers").
    expect(publicMatrix).toMatch(/\d+–\d+/);
    expect(await anon.page.content()).not.toContain('(demo)');
    await shot(anon.page, 'public-flows', true);

    // Phone map.
    await phone.page.goto(`${h.url}/atlas`);
    await phone.page.locator('.atlas-map .flow').first().waitFor();
    await phone.page.locator('.atlas-map svg path[fill]').nth(50).waitFor();
    await provincesDrawn(phone.page);
    await shot(phone.page, 'phone-map');
    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
