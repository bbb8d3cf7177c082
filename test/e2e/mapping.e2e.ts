/**
 * Routes in the web app and from phones during a mapping session (issue 12), in real Chromium.
 * Screenshots go to test-results/mapping-*.png.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route, RouteList } from '../../src/contract/atlas.ts';
import type { EventDetail } from '../../src/contract/events.ts';
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

describe('a mapping session in Chromium', () => {
  it('a phone adds a route offline; back online it is one route, which the coordinator validates', async () => {
    const desk = await h.newPage({ width: 1280, height: 900 });
    await signedIn(desk.context);
    const list = (await (await desk.context.request.get(`${h.url}/api/events`)).json()) as {
      items: { id: string }[];
    };
    const eventId = list.items[0]!.id;
    const added = await desk.context.request.post(`${h.url}/api/events/${eventId}/sessions`, {
      data: { kind: 'mapping', title: 'Mapping routes', rounds: 1, minutesPerRound: 20 },
    });
    expect(added.status()).toBe(201);
    const event = (await added.json()) as EventDetail;

    // The console starts the mapping session: it needs no plan.
    await desk.page.goto(`${h.url}/events/${eventId}/facilitate`);
    const start = desk.page.locator('#start-session');
    await start.waitFor();
    const mappingId = event.sessions.find((x) => x.kind === 'mapping')!.id;
    await start.selectOption(mappingId);
    await desk.page.getByRole('button', { name: /^(Start|Restart)/ }).click();
    await desk.page
      .getByText(/Mapping routes/)
      .first()
      .waitFor();

    // A participant joins on a phone.
    const phone = await h.newPage({ width: 390, height: 844, mobile: true });
    const page = phone.page;
    page.setDefaultTimeout(15_000);
    await page.goto(`${h.url}/join`);
    await page.getByLabel('Event code').fill(event.joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('radio', { name: /Siriporn Chaiyaporn/ }).check();
    await page.getByRole('button', { name: 'This is me' }).click();
    await page.getByRole('button', { name: 'Go to the event' }).click();
    await page.waitForURL(`**/live/${eventId}`);
    const panel = page.getByTestId('mapping');
    await panel.waitFor();

    // Places are searched on the server; forms chosen; notes with a phone number are refused here.
    await panel.getByLabel('Origin (where people are recruited)').fill('yangon');
    await panel
      .getByRole('button', { name: /Yangon/ })
      .first()
      .click();
    await panel.getByLabel('Transit point or border crossing (optional)').fill('mae sot');
    await panel
      .getByRole('button', { name: /Mae Sot/ })
      .first()
      .click();
    await panel.getByLabel('Destination (where they are exploited)').fill('bangkok');
    await panel
      .getByRole('button', { name: /Bangkok/ })
      .first()
      .click();
    await panel.getByLabel('Forced labour', { exact: true }).check();
    await panel.getByLabel('Notes (optional)').fill('Broker reachable on 081 234 5678');
    await panel.getByRole('button', { name: 'Add the route' }).click();
    await panel.getByText('“081 234 5678” looks like a phone number').waitFor();
    await shot(page, 'phone-notes-refused', true);
    await panel.getByLabel('Notes (optional)').fill('Brokers recruit at the bus station');

    // Offline: the route waits in the outbox; back online it is sent once.
    await phone.context.setOffline(true);
    await page
      .getByTestId('link-status')
      .filter({ hasText: /offline|connecting/i })
      .waitFor();
    await panel.getByRole('button', { name: 'Add the route' }).click();
    await page.getByTestId('my-routes').getByText('waiting to send').waitFor();
    await shot(page, 'phone-waiting', true);
    await phone.context.setOffline(false);
    await page.getByTestId('my-routes').getByText('sent for validation').waitFor();
    await shot(page, 'phone-sent', true);

    const pending = async () =>
      (
        (await (
          await desk.context.request.get(`${h.url}/api/atlas/routes?pending=1&limit=200`)
        ).json()) as RouteList
      ).items.filter((r) => r.reportedIn?.eventId === eventId);
    const mine = await pending();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      visibility: 'organisation',
      organisation: { name: 'Mekong Safe Passage (demo)' },
      notes: 'Brokers recruit at the bus station',
    });
    expect(mine[0]!.stops.map((s) => s.place.name)).toEqual(['Yangon', 'Mae Sot', 'Bangkok']);

    // The coordinator sees it for validation in the web app and validates it.
    await desk.page.goto(`${h.url}/atlas/routes`);
    await desk.page.getByLabel('Only routes waiting for validation').check();
    const item = desk.page.locator(`[data-route-id="${mine[0]!.id}"]`);
    await item.getByText(/waiting for validation/).waitFor();
    await shot(desk.page, 'coordinator-pending');
    await item.getByRole('button', { name: 'Mark Yangon → Bangkok as validated' }).click();
    await desk.page.getByText('Route Yangon → Bangkok validated.').waitFor();
    expect(await pending()).toHaveLength(0);
    expect(h.problems).toEqual([]);
  });
});
