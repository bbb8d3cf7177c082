/**
 * The spectrum of exploitation in real Chromium (issue 13): a coordinator enters an experience
 * pattern on the desktop form and sees where the rule places it and why; the distribution chart
 * and its table count it at once. Screenshots: docs/screenshots/spectrum-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness } from './harness.ts';

const SHOTS = path.join(REPO, 'docs/screenshots');
let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS, { prefix: 'spectrum-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('spectrum of exploitation in Chromium', () => {
  it('a pattern entered on the desktop form shows its level and reasons, and the chart counts it', async () => {
    const { context, page } = await h.newPage({ width: 1366, height: 1000 });
    expect((await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
    await page.goto(`${h.url}/patterns`);
    await page.getByRole('heading', { level: 1, name: 'Spectrum of exploitation' }).waitFor();
    // the demo event: its patterns, its issues in the form
    await page.getByLabel('Event').selectOption({ index: 1 });
    const formTable = page.locator('#by-form-table');
    await formTable.waitFor();
    const forcedLabourCell = formTable
      .getByRole('row', { name: /^Forced labour/ })
      .getByRole('cell')
      .nth(3); // decent work, labour-rights violation, serious exploitation, forced labour
    const before = Number(await forcedLabourCell.textContent());
    await shot(page, 'distribution');

    // "paid, documents withheld, cannot leave, threatened with denunciation"
    await page.getByLabel('Form of exploitation', { exact: true }).selectOption('ForcedLabour');
    await page.getByLabel('Sector', { exact: true }).selectOption('DomesticWork');
    await page.getByLabel('Café issue', { exact: true }).selectOption('domesticWorkers');
    await page.getByLabel('7. Retention of identity documents').check();
    await page.getByLabel('6. Intimidation and threats').check();
    await page.locator('#pattern-leave').getByLabel('No').check();
    await page.getByLabel('Notes (optional)').fill('Threatened with denunciation to the police; told by Mr Somchai');
    await page.getByText('This may identify a person:').waitFor();
    await page.getByRole('button', { name: 'Save the pattern' }).click();

    const verdict = page.locator('.pattern-saved .verdict');
    await verdict.waitFor();
    await expect.poll(() => verdict.locator('.level-badge').textContent()).toBe('Forced labour');
    const reasons = await verdict.locator('.verdict-reasons li').allTextContents();
    expect(reasons).toEqual([
      'cannot leave',
      'intimidation and threats (ILO 6)',
      'documents retained (ILO 7)',
    ]);
    await expect.poll(() => forcedLabourCell.textContent()).toBe(String(before + 1));
    // the chart draws the same figures as the table beside it
    const bars = await page.locator('#by-form-h ~ .distribution-body svg rect.fill-forced_labour').count();
    expect(bars).toBeGreaterThan(0);
    await shot(page, 'form');
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  }); // prettier-ignore
});
