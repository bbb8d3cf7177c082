/**
 * Routes in the web app and from phones during a mapping session (issue 12), in real Chromium.
 * Screenshots go to test-results/mapping-*.png.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../src/contract/atlas.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

let h: Harness;
const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'mapping-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function signedIn(context: BrowserContext): Promise<void> {
  const res = await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN });
  expect(res.status()).toBe(200);
}

const YANGON = 'city:1298824';
const PHUKET = 'city:1151254';

describe('routes in the web app', () => {
  it('a coordinator edits a route (personal data refused, then confirmed), loses a race with 409, deletes it', async () => {
    const desk = await h.newPage({ width: 1280, height: 900 });
    await signedIn(desk.context);
    const made = await desk.context.request.post(`${h.url}/api/atlas/routes`, {
      data: {
        source: YANGON,
        destination: PHUKET,
        forms: ['ForcedLabour'],
        sectors: ['Fishing'],
        confidence: 'likely',
        basis: 'casework',
        notes: 'Recruited at the port',
      },
    });
    expect(made.status()).toBe(201);
    const route = (await made.json()) as Route;
    const name = `${route.stops[0]!.place.name} → ${route.stops[1]!.place.name}`;

    await desk.page.goto(`${h.url}/atlas/routes`);
    const item = desk.page.locator(`[data-route-id="${route.id}"]`);
    await item.waitFor();
    await shot(desk.page, 'list');
    await desk.page.getByRole('button', { name: `Edit ${name}` }).click();
    const notes = item.getByLabel('Notes (optional)');
    await notes.fill('Ask Mr Somchai on 081 234 5678 at the port');
    await item.getByRole('button', { name: 'Save changes' }).click();
    // Refused by the server with a code the page words: the field says what to remove, and a
    // coordinator is offered the confirmation.
    await item.getByText('“081 234 5678” looks like a phone number').first().waitFor();
    const confirm = item.getByLabel(/I have checked these notes/);
    await confirm.waitFor();
    await shot(desk.page, 'edit-refused');
    await confirm.check();
    await item.getByRole('button', { name: 'Save changes' }).click();
    await desk.page.getByText(`Route ${name} saved.`).waitFor();
    const saved = (await (
      await desk.context.request.get(`${h.url}/api/atlas/routes/${route.id}`)
    ).json()) as Route;
    expect(saved.notes).toBe('Ask Mr Somchai on 081 234 5678 at the port');
    expect(saved.version).toBe(route.version + 1);

    // Someone else changes it while the form is open: saving is refused, nothing is overwritten.
    await desk.page.getByRole('button', { name: `Edit ${name}` }).click();
    const other = await desk.context.request.patch(`${h.url}/api/atlas/routes/${route.id}`, {
      data: { confidence: 'confirmed', version: saved.version },
    });
    expect(other.status()).toBe(200);
    await item.getByLabel('How sure').selectOption('suspected');
    await item.getByRole('button', { name: 'Save changes' }).click();
    await item.getByText('Someone changed this meanwhile; reload and redo your change.').waitFor();
    const after = (await (
      await desk.context.request.get(`${h.url}/api/atlas/routes/${route.id}`)
    ).json()) as Route;
    expect(after.confidence).toBe('confirmed');
    await item.getByRole('button', { name: 'Cancel' }).click();

    // Delete (the list was read again after the save, so it names the current version).
    await desk.page.reload();
    await item.waitFor();
    await desk.page.getByRole('button', { name: `Delete ${name}` }).click();
    await shot(desk.page, 'delete-confirm');
    await item.getByRole('button', { name: 'Yes, delete it' }).click();
    await desk.page.getByText(`Route ${name} deleted.`).waitFor();
    await expect.poll(() => item.count()).toBe(0);
    expect((await desk.context.request.get(`${h.url}/api/atlas/routes/${route.id}`)).status()).toBe(
      404,
    );
    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
