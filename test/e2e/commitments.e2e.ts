/**
 * Commitments and roadmaps (issue 14) in real Chromium: on the demo event's review screen a
 * coordinator promotes a café card to a commitment (the dialog comes filled in: title from the
 * card, an owner, a target date — here one already past), links it to a gap from the atlas,
 * reports its status with a note, and finds it on the "Follow up" list as overdue. The timeline
 * traces card → commitment → link → status update, and the API agrees. Roadmaps and progress are
 * shown too. Screenshots: docs/screenshots/commitments-*.png (through the harness: test-results/
 * unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentDetail } from '../../src/contract/commitments.ts';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness } from './harness.ts';

const SHOTS = path.join(REPO, 'docs/screenshots');
let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS, { prefix: 'commitments-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('commitments in Chromium', () => {
  it('a card is promoted to a commitment linked to a gap, its status updated, and the follow-up list shows it overdue', async () => {
    const { context, page } = await h.newPage({ width: 1366, height: 1000 });
    expect((await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
    const events = (await (await context.request.get(`${h.url}/api/events`)).json()) as { items: { id: string }[] };
    const eventId = events.items[0]!.id;

    // ---- promote: tap 1 opens the dialog, filled in ----
    await page.goto(`${h.url}/events/${eventId}/review`);
    const card = page.locator('.review-card').first();
    await card.waitFor();
    const cardId = (await card.getAttribute('data-card'))!;
    const cardText = (await card.locator('.review-text').textContent())!.trim();
    await card.getByRole('button', { name: 'Promote to commitment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote to a commitment' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('What will be done').inputValue()).toBe(cardText.slice(0, 200));
    await expect.poll(() => dialog.getByLabel('Owner organisation').inputValue()).not.toBe('');
    expect(await dialog.getByLabel('Target date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByLabel('Expertise group').selectOption({ label: 'Forced labour (fishing and construction)' });
    await dialog.getByLabel('Target date').fill('2026-01-15');
    await shot(page, 'promote');
    // ---- tap 2 records it and opens the commitment ----
    await dialog.getByRole('button', { name: 'Create commitment' }).click();
    await page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: cardText.slice(0, 200) }).waitFor();
    await page.locator('.commit-timeline').getByText('From a Card').waitFor();

    // ---- link a gap from the atlas ----
    await page.getByRole('button', { name: 'Link to a gap from the atlas' }).click();
    const gapSelect = page.getByLabel('Gap', { exact: true });
    await expect.poll(() => gapSelect.locator('option').count()).toBeGreaterThan(1);
    await gapSelect.selectOption({ index: 1 });
    const gapLabel = (await gapSelect.locator('option:checked').textContent())!;
    await page.getByRole('button', { name: 'Link the gap' }).click();
    await page.locator('.commit-links').getByText(gapLabel).waitFor();

    // ---- report progress ----
    await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await page.getByLabel('Short progress note').fill('Inspectors briefed; first visit booked');
    await page.getByRole('button', { name: 'Save status' }).click();
    await expect.poll(() => page.getByTestId('commit-status').textContent()).toBe('In progress');
    await page.locator('.commit-timeline').getByText('Status: In progress').waitFor();
    await shot(page, 'detail', true);

    const api = (await (await context.request.get(`${h.url}/api/commitments/${id}`)).json()) as CommitmentDetail;
    expect(api.links.map((l) => [l.kind, l.source])).toEqual([['card', true], ['gap', false]]);
    expect(api.links[0]!.ref).toBe(cardId);
    expect(api.status).toBe('in_progress');
    expect(api.updates.map((u) => [u.status, u.note, u.by])).toEqual([['in_progress', 'Inspectors briefed; first visit booked', 'Demo Admin']]);
    expect(api.timeline.map((s) => s.kind)).toEqual(expect.arrayContaining(['source', 'commitment', 'link', 'update']));
    expect(api.state.overdue).toBe(true);

    // ---- the follow-up list shows it, overdue ----
    await page.getByRole('link', { name: 'Commitments', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Follow up' }).waitFor();
    const row = page.locator(`[data-commitment="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('overdue');
    await page.getByRole('button', { name: 'Preview the digest emails' }).click();
    await page.getByRole('status').waitFor();
    await shot(page, 'followup', true);

    // ---- progress across groups, and the event's roadmaps ----
    await page.getByRole('tab', { name: 'Progress' }).click();
    await page.getByRole('heading', { level: 2, name: 'By group and event' }).waitFor();
    await shot(page, 'progress', true);
    await page.goto(`${h.url}/events/${eventId}/roadmaps`);
    const roadmap = page.getByRole('region', { name: 'Forced labour (fishing and construction)' });
    await roadmap.locator(`[data-commitment="${id}"]`).waitFor();
    await shot(page, 'roadmaps', true);
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  }); // prettier-ignore
});
