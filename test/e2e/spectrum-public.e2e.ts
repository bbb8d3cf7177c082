/**
 * The public spectrum page (/spectrum) in Chromium, signed out: only patterns the coalition made
 * public, 12 of a form shown exactly, 3 of another as "fewer than 11", the coalition's own never;
 * chart and table say the same. Screenshot: docs/screenshots/spectrum-public.png (through the
 * harness: test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, REPO, screenshots, signInAdmin, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
let h: Harness;
const { shot, problems: a11y } = screenshots(path.join(REPO, 'docs/screenshots'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const pattern = (form: string, paid: string, canLeave: boolean, visibility: string) => ({
  form,
  indicators: paid === 'never' ? [8] : [],
  paid,
  canLeave,
  recruitment: 'free',
  moved: false,
  visibility,
});

describe('public spectrum in Chromium', () => {
  it('shows public patterns only, small counts as "fewer than k"', async () => {
    const { page: admin } = await h.newPage(DESKTOP);
    await signInAdmin(admin, h.url);
    for (let i = 0; i < 12; i++) await pageApi(admin, 'POST', '/api/patterns', pattern('ForcedLabour', 'never', false, 'public'));
    for (let i = 0; i < 3; i++) await pageApi(admin, 'POST', '/api/patterns', pattern('SexualExploitation', 'full', true, 'public'));
    for (let i = 0; i < 4; i++) await pageApi(admin, 'POST', '/api/patterns', pattern('ForcedLabour', 'full', true, 'coalition'));

    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(15_000);
    await page.goto(`${h.url}/directory`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spectrum' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spectrum of exploitation: public figures' }).waitFor();
    const table = page.locator('#public-by-form-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows).toEqual([
      ['Forced labour', '0', '0', '0', '12', '0', '12'],
      ['Sexual exploitation', 'fewer than 11', '0', '0', '0', '0', 'fewer than 11'],
    ]);
    // the chart draws the same totals
    expect(await page.locator('section[aria-labelledby="public-by-form-h"] text.bar-total').allTextContents()).toEqual(['12', 'fewer than 11']);
    await shot(page, 'spectrum-public');
    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  }); // prettier-ignore
});
