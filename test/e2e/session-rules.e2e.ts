/**
 * Issue 12's "constraints people can relax", in real Chromium: a café for 150 people from 16
 * organisations at 6 tables is refused in plain words with the fixes as buttons; choosing "make it
 * a preference" plans it, and the quality report shows the least possible repeats beside the
 * plan's. The Tables section proposes tables that seat everyone present. Screenshots go to
 * test-results/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterCsv } from '../support/roster150.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1280, height: 900 };
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'rules-', fullPage: false });

async function signIn(page: Page) {
  await page.goto(`${h.url}/login`);
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
}

describe('seating rules in Chromium', () => {
  it('explains a café that cannot keep colleagues apart at 6 tables, and plans it once relaxed', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(30_000);
    await signIn(page);
    // The room, through the API with the page's session: 150 people, 6 tables of 25, a café.
    const api = async (method: 'POST' | 'PUT', url: string, data: object) => {
      const res = await page.request.fetch(`${h.url}${url}`, { method, data });
      expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
      return (await res.json()) as { id: string };
    };
    const ev = await api('POST', '/api/events', {
      name: 'Regional convening',
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
    });
    await api('POST', `/api/events/${ev.id}/participants/import`, {
      csv: rosterCsv(),
      dryRun: false,
    });
    await api('PUT', `/api/events/${ev.id}/tables`, {
      tables: Array.from({ length: 6 }, (_, i) => ({ name: `Table ${i + 1}`, capacity: 25 })),
    });
    await api('POST', `/api/events/${ev.id}/sessions`, {
      kind: 'cafe',
      title: 'World café',
      rounds: 3,
      minutesPerRound: 10,
    });

    await page.goto(`${h.url}/events/${ev.id}`);
    const card = page.getByTestId('session');
    await card.getByRole('button', { name: 'Generate schedule' }).click();
    const refusal = card.getByTestId('plan-refusal');
    await refusal.waitFor();
    await expect
      .poll(() => refusal.textContent())
      .toContain(
        '16 organisations send more than 6 people (up to 10): keeping colleagues apart needs at least 10 tables — you have 6.',
      );
    await refusal.getByRole('button', { name: 'Use 10 tables' }).waitFor();
    const relax = refusal.getByRole('button', {
      name: 'Make “Colleagues at different tables” a preference',
    });
    await card.scrollIntoViewIfNeeded();
    await shot(page, '1-refused');

    await relax.click();
    const quality = card.getByTestId('quality');
    await quality.waitFor();
    await expect
      .poll(() => quality.textContent())
      .toContain('No plan of this size can have fewer than');
    const facts = await quality.textContent();
    expect(facts).toMatch(/Broken rules \(same organisation, capacity\)0/);
    expect(facts).toMatch(/Colleagues at one table \(preference\)\d+/);
    // The rules box says what the session now plans with.
    await card.locator('summary', { hasText: 'Seating rules' }).click();
    expect(await card.locator('select').first().inputValue()).toBe('soft');
    await quality.scrollIntoViewIfNeeded();
    await shot(page, '2-planned-relaxed');

    // Tables for everyone present: at 10 a table, 15 tables of 10 (not "add 5 tables" of 8).
    const proposal = page.getByTestId('table-proposal');
    await proposal.getByText('The tables seat everyone present (150).').waitFor();
    await proposal.getByLabel('People per table').fill('10');
    await proposal.getByRole('button', { name: 'Set up 15 tables of 10' }).click();
    await expect.poll(() => page.locator('#ev-tables tbody tr').count()).toBe(15);
    await proposal.scrollIntoViewIfNeeded();
    await shot(page, '3-tables-proposed');
  });

  it('has no serious accessibility findings and no stray requests', () => {
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
