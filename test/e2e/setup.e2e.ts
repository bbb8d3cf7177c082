/**
 * Issue 12, "A real room": first run in Chromium. A server started with no admin prints a one-time
 * link; the browser opens it, creates the coalition and its admin, lands signed in; the link then
 * no longer works and /setup is gone. Screenshots go to test-results/ (setup-*.png).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: false });
});
afterAll(async () => h?.close());

const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'setup-', fullPage: true });

describe('first run in Chromium', () => {
  it('creates the first admin from the printed link, once', async () => {
    expect(h.setupUrl).toMatch(/\/setup#[A-Za-z0-9_-]{43}$/);
    const { page } = await h.newPage({ width: 1280, height: 800 });
    page.setDefaultTimeout(15_000);
    await page.goto(h.setupUrl!);
    await page.getByRole('heading', { level: 1, name: 'Set up Mosaic' }).waitFor();
    // Nothing filled in: each field says what is missing, nothing is sent.
    await page.getByRole('button', { name: 'Create the admin and sign in' }).click();
    await page.getByText('The password needs at least 10 characters.').waitFor();
    await page.getByLabel('Coalition name').fill('Mekong Coalition Against Trafficking');
    await page.getByLabel('Your name').fill('Malee Srisuk');
    await page.getByLabel('Your email (your sign-in)').fill('malee@coalition.example');
    await page.getByLabel('Choose a password').fill('a long enough password');
    await shot(page, '1-form');
    await page.getByRole('button', { name: 'Create the admin and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
    await shot(page, '2-signed-in');

    // The same link again, in a fresh browser: the page is gone.
    const { page: again } = await h.newPage({ width: 1280, height: 800 });
    const res = await again.goto(h.setupUrl!);
    expect(res?.status()).toBe(404);
    await again.getByText('Mosaic is already set up').waitFor();
    await shot(again, '3-gone');
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
