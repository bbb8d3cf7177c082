/**
 * Issue 13's review screen in real Chromium, keyboard only: on the demo event, a coordinator (made
 * by invitation) signs in and takes the café cards to confirmed factors — Enter accepts the first
 * suggestion, 2 the second, f opens the searchable picker, u undoes, n makes a new factor from a
 * card, m merges two factors — without touching the mouse. Every change is checked against the
 * API (who assigned, which factor); at the end every card of the event has a confirmed factor.
 * The Thai interface is shown too. Screenshots: docs/screenshots/review*.png (through the
 * harness: test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactorReview } from '../../src/contract/factors.ts';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness, pageApi } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
const SHOTS = path.join(REPO, 'docs/screenshots');
const PASSWORD = 'a long coordinator password';

let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const api = pageApi;

/** Signs in with the keyboard only: type, Tab, Enter. */
async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${h.url}/login`);
  await page.locator('#login-email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** The card that has the focus now (its id), or null. */
const focusedCard = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.card ?? null);

describe('review screen in Chromium, keyboard only', () => {
  it('a coordinator takes the demo café cards to confirmed factors with the keyboard', async () => {
    // ---- the admin invites a coordinator, who accepts (the link is answered without SMTP) ----
    const { page: admin } = await h.newPage(DESKTOP);
    admin.setDefaultTimeout(15_000);
    await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const email = 'coordinator.review@demo.mosaic.test';
    const invited = await api<{ link: string }>(admin, 'POST', '/api/invitations', { email, role: 'coordinator' });
    const events = await api<{ items: { id: string; name: string }[] }>(admin, 'GET', '/api/events');
    const eventId = events.items.find((e) => e.name.includes('(demo)'))!.id;

    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(15_000);
    await page.goto(`${h.url}/`);
    await api(page, 'POST', '/api/invitations/accept', {
      token: new URL(invited.link).hash.slice(1),
      password: PASSWORD,
      displayName: 'Coordinator Review',
    });
    await signIn(page, email, PASSWORD);
    const me = await api<{ user: { id: string }; role: string }>(page, 'GET', '/api/auth/me');
    expect(me.role).toBe('coordinator');
    const before = await api<FactorReview>(page, 'GET', `/api/events/${eventId}/factors/review`);
    expect(before.cards.length).toBeGreaterThan(20);
    expect(before.cards.every((c) => c.assignment === null)).toBe(true);

    // ---- the screen: cards grouped by top suggestion, score and matched words shown ----
    await page.goto(`${h.url}/events/${eventId}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review cards into factors' }).waitFor();
    await page.locator('[data-card]').first().waitFor();
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe(`0 of ${before.cards.length} cards confirmed`);
    const groups = await page.locator('.review-group h2').allTextContents();
    expect(groups.length).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.review-matched mark').count()).toBeGreaterThan(20);
    await shot(page, 'review');

    // ---- into the list with Tab alone ----
    for (let i = 0; i < 30 && !(await focusedCard(page)); i++) await page.keyboard.press('Tab');
    const first = await focusedCard(page);
    expect(first).toBeTruthy();
    const card = (id: string) => before.cards.find((c) => c.id === id)!;
    const assignmentOf = async (id: string) =>
      (await api<{ items: { factor: string | null; byUser: string | null }[] }>(page, 'GET', `/api/events/${eventId}/cards/${id}/factor/history`)).items.at(-1) ?? null;

    // Enter accepts the first suggestion (by this person), and focus moves on to the next card
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await assignmentOf(first!))?.factor).toBe(card(first!).suggestions[0]!.factor);
    expect((await assignmentOf(first!))?.byUser).toBe(me.user.id);
    await expect.poll(() => focusedCard(page)).not.toBe(first);
    await page.getByTestId('review-status').filter({ hasText: 'Confirmed:' }).waitFor({ state: 'attached' });

    // 2 accepts the second suggestion; k goes back to the card, u undoes it
    const second = (await focusedCard(page))!;
    const alt = card(second).suggestions[1]?.factor;
    if (alt) {
      await page.keyboard.press('2');
      await expect.poll(async () => (await assignmentOf(second))?.factor).toBe(alt);
      await expect.poll(() => focusedCard(page)).not.toBe(second);
      await page.keyboard.press('k');
      await expect.poll(() => focusedCard(page)).toBe(second);
      await page.keyboard.press('u');
      await expect.poll(async () => (await assignmentOf(second))?.factor).toBeNull();
      await expect.poll(() => page.locator(`[data-card="${second}"].is-confirmed`).count()).toBe(0);
    }

    // f opens the picker: type to search, arrows, Enter
    await page.keyboard.press('f');
    const search = page.getByRole('combobox', { name: 'Search factors (any language)' });
    await search.waitFor();
    await page.keyboard.type(card(second).kind === 'cause' ? 'debt' : 'trauma');
    await expect.poll(() => page.getByRole('dialog').getByRole('option').count()).toBeGreaterThan(0);
    await shot(page, 'review-picker');
    const chosenLabel = (await page.getByRole('dialog').getByRole('option', { selected: true }).textContent())!;
    await page.keyboard.press('Enter');
    await search.waitFor({ state: 'detached' });
    const picked = (await assignmentOf(second))!.factor!;
    expect(chosenLabel).toContain(picked);
    expect(await focusedCard(page)).not.toBe(second);

    // n makes a new factor from the card: the English label is typed, Enter saves and confirms
    const third = (await focusedCard(page))!;
    await page.keyboard.press('n');
    const labelField = page.getByLabel('Label in English');
    await labelField.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe(await labelField.getAttribute('id'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Review e2e factor');
    await page.keyboard.press('Enter');
    await labelField.waitFor({ state: 'detached' });
    const made = (await assignmentOf(third))!.factor!;
    expect(made).toMatch(/^(push|harm)\.review_e2e_factor$/);

    // m merges the new factor into another of its kind: the card follows
    await page.locator(`[data-card="${third}"]`).focus();
    await page.keyboard.press('m');
    const into = page.getByLabel('into this factor');
    await into.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe(await into.getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    const target = await into.inputValue();
    expect(target).not.toBe('');
    await page.keyboard.press('Tab'); // to the Merge button
    await page.keyboard.press('Enter');
    await into.waitFor({ state: 'detached' });
    await expect.poll(async () => (await assignmentOf(third))?.factor).toBe(target);

    // ---- the rest, one key each: Enter on every open card (the picker when nothing matched) ----
    await page.reload();
    await page.locator('[data-card]').first().waitFor();
    for (let i = 0; i < 30 && !(await focusedCard(page)); i++) await page.keyboard.press('Tab');
    for (let i = 0; i < 60; i++) {
      const open = await page.locator('[data-card]:not(.is-confirmed)').count();
      if (open === 0) break;
      const id = await focusedCard(page);
      expect(id, 'focus stays on a card').toBeTruthy();
      await page.keyboard.press('Enter');
      if (await page.getByRole('dialog').count()) await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(`[data-card="${id}"].is-confirmed`).count()).toBe(1);
      if ((await focusedCard(page)) === id) await page.keyboard.press('j');
    }
    const after = await api<FactorReview>(page, 'GET', `/api/events/${eventId}/factors/review`);
    expect(after.cards.filter((c) => !c.assignment?.factor)).toEqual([]);
    expect(after.cards.every((c) => c.assignment?.byUser === me.user.id)).toBe(true);
    await page.keyboard.press('Home');
    await page.locator('label', { hasText: 'Show cards already confirmed' }).locator('input').check();
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe(`${after.cards.length} of ${after.cards.length} cards confirmed`);
    await shot(page, 'review-done');

    // ---- the Thai interface ----
    const { page: th } = await h.newPage({ ...DESKTOP, locale: 'th-TH' });
    await signIn(th, email, PASSWORD);
    await th.goto(`${h.url}/events/${eventId}/review?show=all`);
    await th.getByRole('heading', { level: 1, name: 'ทบทวนการ์ดเข้าสู่ปัจจัย' }).waitFor();
    await th.locator('[data-card]').first().waitFor();
    await expect.poll(() => th.locator('.review-confirmed').first().textContent()).toMatch(/ยืนยันแล้ว: .*[\u0E00-\u0E7F]/);
    await shot(th, 'review-th');

    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  }); // prettier-ignore
});
