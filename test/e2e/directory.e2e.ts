/**
 * The foundation scenario of issue 2, in real Chromium: sign in as the demo admin, create an
 * organisation (after a bad submit shows field-level errors), find it by filter and search, switch
 * to Thai and back. Screenshots of each screen, desktop and phone, go to test-results/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844, mobile: true };

let h: Harness;
const suiteStart = Date.now();

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  console.log(
    `[e2e] directory scenario finished in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`,
  );
});

/**
 * Desktop shots show the whole page; phone shots show what the screen shows. Every screen shot is
 * also checked with axe-core: serious and critical findings fail the suite.
 */
const { shot, problems: a11y } = screenshots(RESULTS, { fullPage: true });

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Fills the log-in form and waits for the page it leads to. */
async function signIn(page: Page, landing: string): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByLabel('Password').fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
}

describe('organisation directory in Chromium', () => {
  // A name no demo record has, so finding it proves the filter and the search, not luck.
  const name = `Mekong Test Alliance ${Date.now().toString(36)}`;

  it('signs in, creates an organisation, finds it, switches to Thai and back (desktop)', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(15_000);

    // A visitor lands on the directory and sees public records only.
    await page.goto(`${h.url}/`);
    await page.waitForURL('**/directory');
    await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
    await page.getByText('You see public records only').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'desktop-1-directory-visitor');

    // Log-in: a wrong password gets a message that does not say whether the account exists.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/login?next=*');
    await page.getByLabel('Email').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The email or password is not correct.' })
      .waitFor();
    await shot(page, 'desktop-2-login-error');
    await signIn(page, 'Organisation directory');
    await page.getByRole('note').filter({ hasText: 'Demo coalition — fictional data' }).waitFor();
    await page.getByText('Demo Admin', { exact: false }).first().waitFor();
    await page.locator('.cards > li').first().waitFor();
    await shot(page, 'desktop-3-directory-admin');

    // Signed in, the coalition's records show too: more than one page of them.
    const status = page.getByRole('status');
    await status.filter({ hasText: 'Showing 1–20 of' }).waitFor();
    await page.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL(/page=2/);
    await status.filter({ hasText: 'Showing 21–' }).waitFor();
    expect(await focusedId(page)).toBe('results-title');
    await page.getByRole('link', { name: 'Previous' }).click();
    await status.filter({ hasText: 'Showing 1–20 of' }).waitFor();

    // A bad submit: the server's field errors are shown beside each field, and the first gets focus.
    await page.getByRole('link', { name: 'Add organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an organisation' }).waitFor();
    await page.getByRole('button', { name: 'Create organisation' }).click();
    const nameBox = page.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => nameBox.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.locator('#f-name-error').textContent()).toContain('Enter a value.');
    expect(await nameBox.getAttribute('aria-describedby')).toContain('f-name-error');
    expect(await focusedId(page)).toBe('f-name');
    await shot(page, 'desktop-4-form-errors');

    // Fix the name and type; a bad website is the one field left to correct.
    await nameBox.fill(name);
    await page.getByLabel('Type of organisation').selectOption('NGO');
    await page.getByRole('textbox', { name: /Website/ }).fill('mekong alliance dot org');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    const website = page.getByRole('textbox', { name: /Website/ });
    await expect.poll(() => website.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.locator('#f-website-error').textContent()).toMatch(/http/);
    expect(await nameBox.getAttribute('aria-invalid')).toBeNull();
    expect(await focusedId(page)).toBe('f-website');

    // A complete record: lists, countries with a province, visibility.
    await website.fill('https://example.org/mekong-test-alliance');
    await page.getByRole('checkbox', { name: 'Research' }).check();
    await page.getByRole('checkbox', { name: 'Prevention' }).check();
    await page.getByRole('checkbox', { name: 'Forced labour' }).check();
    await page.getByRole('checkbox', { name: 'Migrants' }).check();
    await page.getByRole('checkbox', { name: 'Thai', exact: true }).check();
    await page.getByLabel('Add a country').first().selectOption('TH');
    await page.getByRole('button', { name: 'Add a country' }).click();
    await page.getByLabel('Add a country').first().selectOption('KH');
    await page.getByRole('button', { name: 'Add a country' }).click();
    const provincePicker = page.getByLabel('Add a province in Thailand').first();
    await provincePicker.locator('option[value="TH-50"]').waitFor({ state: 'attached' });
    await provincePicker.selectOption('TH-50');
    await page.getByRole('button', { name: 'Add a province in Thailand' }).click();
    await page
      .getByRole('textbox', { name: /Description/ })
      .fill('Fictional test record: community prevention along the Mekong. ทดสอบภาษาไทย');
    await page.getByRole('radio', { name: /^Coalition/ }).check();
    await page.locator('#f-countries').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'desktop-4b-form-places.png') });
    await page.getByRole('button', { name: 'Create organisation' }).click();

    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Organisation created.' }).waitFor();
    expect(page.url()).toMatch(/\/directory\/[0-9a-f-]{36}$/);
    const facts = page.locator('.facts');
    await facts.getByText('Chiang Mai').waitFor();
    await facts.getByText('Cambodia', { exact: false }).waitFor();
    await facts.getByText('Research').waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).waitFor();
    await shot(page, 'desktop-5-organisation');

    // Edit sends only what changed; the page shows the new state.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit “${name}”` }).waitFor();
    await page.getByRole('radio', { name: /^Public/ }).check();
    const patch = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await patch).postDataJSON()).toEqual({ visibility: 'public' });
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.locator('.badge-public').first().waitFor();

    // Find it: country and kind of work filters plus a search, all reflected in the address.
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
    await page.getByLabel('Country').selectOption('TH');
    await page.getByLabel('Kind of work').selectOption('research');
    await page.getByRole('searchbox', { name: 'Search' }).fill('Mekong Test');
    await page.waitForURL(/q=Mekong\+Test/);
    const url = new URL(page.url());
    expect(url.searchParams.get('country')).toBe('TH');
    expect(url.searchParams.get('kindOfWork')).toBe('research');
    const cards = page.locator('.cards > li');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
    await cards.getByRole('link', { name }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 organisation' }).waitFor();
    await shot(page, 'desktop-6-directory-filtered');

    // The address alone reproduces the filtered list (bookmarks, shared links, reload).
    await page.reload();
    await cards.getByRole('link', { name }).waitFor();
    expect(await page.getByLabel('Country').inputValue()).toBe('TH');

    // A filter that excludes it gives the empty state.
    await page.getByLabel('Form of exploitation').selectOption('OrganRemoval');
    await page.getByText('No organisation matches these filters.').waitFor();

    // Thai: the interface, the html lang attribute and the choice survive a reload.
    await page.getByRole('button', { name: 'ไทย' }).click();
    await page.getByRole('heading', { level: 1, name: 'ทำเนียบองค์กร' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await page.getByRole('button', { name: 'ล้างตัวกรอง' }).first().click();
    await page.locator('.cards > li').first().waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'ทำเนียบองค์กร' }).waitFor();
    await page.getByText('เครือข่ายตัวอย่าง — ข้อมูลสมมติ', { exact: false }).waitFor();
    await page.locator('.cards > li').first().waitFor();
    await shot(page, 'desktop-7-directory-thai');
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('ปรับปรุงล่าสุด').waitFor();
    await shot(page, 'desktop-8-organisation-thai');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Last updated').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  });

  it('works on a phone (390×844): directory, organisation, form errors, Thai', async () => {
    const { page } = await h.newPage(PHONE);
    page.setDefaultTimeout(15_000);

    // The keyboard's first stop is the skip link.
    await page.goto(`${h.url}/directory`);
    await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');

    // A page that needs an account sends a visitor to sign in, then back to it.
    await page.goto(`${h.url}/directory/new`);
    await page.waitForURL(/\/login\?next=%2Fdirectory%2Fnew$/);

    // When the server throttles log-ins (429), the page says to wait (simulated here once, so the
    // real limiter is not tripped for the rest of the suite).
    await page.route(
      '**/api/auth/login',
      (route) =>
        route.fulfill({
          status: 429,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'rate_limited', message: 'Too many attempts' }),
        }),
      { times: 1 },
    );
    await page.getByLabel('Email').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Too many attempts. Wait a minute' }).waitFor();

    await signIn(page, 'Add an organisation');
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.locator('.cards > li').first().waitFor();
    await shot(page, 'phone-1-directory', false);

    // Nothing may be wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('searchbox', { name: 'Search' }).fill('Mekong Test');
    await page.waitForURL(/q=Mekong\+Test/);
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await shot(page, 'phone-2-organisation', false);

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit “${name}”` }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid'), {
        timeout: 10_000,
      })
      .toBe('true');
    expect(await focusedId(page)).toBe('f-name');
    await shot(page, 'phone-3-form-errors', false);

    await page.getByRole('button', { name: 'ไทย' }).click();
    await page.getByRole('link', { name: 'ยกเลิก' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await shot(page, 'phone-4-organisation-thai', false);
    await page.getByRole('link', { name: 'ทำเนียบองค์กร', exact: true }).click();
    await page.locator('.cards > li').first().waitFor();
    await shot(page, 'phone-5-directory-thai', false);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();

    // Delete asks first, then says it is done; the record is gone from the directory.
    await page.getByRole('searchbox', { name: 'Search' }).fill('Mekong Test');
    await page.getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`Delete “${name}”? This cannot be undone.`).waitFor();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `“${name}” was deleted.` })
      .waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('Mekong Test');
    await page.getByText('No organisation matches these filters.').waitFor();

    // Signing out returns to the visitor's view.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status').filter({ hasText: 'You have signed out.' }).waitFor();
    await page.getByText('You see public records only').waitFor();
    expect(await page.getByRole('note').count()).toBe(0);

    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
