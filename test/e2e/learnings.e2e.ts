/**
 * The learnings wall (issue 14) in real Chromium: two phones post and vote, online and offline;
 * the projector wall updates live; a facilitator merges two posts and the votes add up, each
 * person counted once. Screenshots go to test-results/learnings-*.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../src/contract/events.ts';
import type { LearningsList } from '../../src/contract/learnings.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

let h: Harness;
const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'learnings-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function signedIn(context: BrowserContext): Promise<void> {
  const res = await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN });
  expect(res.status()).toBe(200);
}

async function join(event: EventDetail, name: RegExp) {
  const phone = await h.newPage({ width: 390, height: 844, mobile: true });
  const page = phone.page;
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.url}/join`);
  await page.getByLabel('Event code').fill(event.joinCode.toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'This is me' }).click();
  await page.getByRole('button', { name: 'Go to the event' }).click();
  await page.waitForURL(`**/live/${event.id}`);
  await page.getByTestId('learnings').waitFor();
  return phone;
}

async function post(page: Page, text: string, showOrg = false) {
  const panel = page.getByTestId('learnings');
  await panel.getByLabel('What did you learn today?').fill(text);
  if (showOrg) await panel.getByLabel(/Show my organisation/).check();
  await panel.getByRole('button', { name: 'Post', exact: true }).click();
}

/** The vote button of the post with this text on a phone. */
const voteOf = (page: Page, text: string) =>
  page.getByTestId('learning').filter({ hasText: text }).getByTestId('vote');

describe('the learnings wall in Chromium', () => {
  it('two phones post and vote offline and online; the projector updates; a merge adds votes up once per person', async () => {
    const desk = await h.newPage({ width: 1280, height: 900 });
    await signedIn(desk.context);
    const list = (await (await desk.context.request.get(`${h.url}/api/events`)).json()) as {
      items: { id: string }[];
    };
    const eventId = list.items[0]!.id;
    const added = await desk.context.request.post(`${h.url}/api/events/${eventId}/sessions`, {
      data: { kind: 'learnings', title: 'What we learnt', rounds: 1, minutesPerRound: 20 },
    });
    expect(added.status()).toBe(201);
    const event = (await added.json()) as EventDetail;
    const sessionId = event.sessions.findLast((x) => x.kind === 'learnings')!.id;

    // The console starts the learnings session: it needs no plan.
    await desk.page.goto(`${h.url}/events/${eventId}/facilitate`);
    const start = desk.page.locator('#start-session');
    await start.waitFor();
    await start.selectOption(sessionId);
    await desk.page.getByRole('button', { name: /^(Start|Restart)/ }).click();
    const moderation = desk.page.getByTestId('moderation');
    await moderation.waitFor();

    // The projector, signed in like the console, shows the wall.
    const projector = await h.newPage({ width: 1920, height: 1080 });
    await signedIn(projector.context);
    await projector.page.goto(`${h.url}/screen/${eventId}/learnings`);
    await projector.page.getByTestId('lw-top').waitFor();

    const a = await join(event, /Siriporn Chaiyaporn/);
    const b = await join(event, /Sokha Chan/);

    // Phone A posts online, showing its organisation.
    const first = 'We must invest in people — เราต้องลงทุนในคน';
    await post(a.page, first, true);
    await a.page
      .getByTestId('learning')
      .filter({ hasText: first })
      .getByText('Mekong Safe Passage (demo)')
      .waitFor();
    await projector.page.getByTestId('lw-newest').getByText(first).waitFor();

    // Phone B goes offline, posts a duplicate and votes for A's post: both wait in its outbox.
    await b.page.getByTestId('learning').filter({ hasText: first }).waitFor();
    await b.context.setOffline(true);
    await b.page
      .getByTestId('link-status')
      .filter({ hasText: /offline|connecting/i })
      .waitFor();
    const dup = 'Invest in people!';
    await post(b.page, dup);
    await b.page
      .getByTestId('learning')
      .filter({ hasText: dup })
      .getByText('Waiting to send')
      .waitFor();
    await voteOf(b.page, first).click();
    await expect.poll(() => voteOf(b.page, first).getAttribute('aria-pressed')).toBe('true');
    await shot(b.page, 'phone-offline', true);
    await b.context.setOffline(false);
    await b.page.getByTestId('learning').filter({ hasText: dup }).getByText('Anonymous').waitFor();
    await projector.page.getByTestId('lw-newest').getByText(dup).waitFor();

    // A votes for B's post; B votes for its own too (online).
    await voteOf(a.page, dup).click();
    await voteOf(b.page, dup).click();
    await expect.poll(() => voteOf(b.page, dup).textContent()).toMatch(/2$/);
    await expect.poll(() => voteOf(a.page, first).textContent()).toMatch(/1$/);
    await shot(a.page, 'phone-wall', true);

    const wall = async () =>
      (await (
        await desk.context.request.get(`${h.url}/api/events/${eventId}/learnings`)
      ).json()) as LearningsList;
    // once each, although B's post and vote were queued offline and sent on reconnect
    expect((await wall()).learnings.filter((l) => l.text === dup)).toHaveLength(1);
    const ids = Object.fromEntries((await wall()).learnings.map((l) => [l.text, l.id]));
    expect((await wall()).learnings.find((l) => l.id === ids[first])?.votes).toBe(1);

    // The facilitator merges B's duplicate into A's post: voters {B} and {A, B} make 2, not 3.
    const row = (id: string) => moderation.locator(`[data-learning-id="${id}"]`);
    const dupRow = row(ids[dup]!);
    await dupRow.getByTestId('merge-into').selectOption(ids[first]!);
    await row(ids[first]!).getByTestId('mod-votes').filter({ hasText: '▲ 2' }).waitFor();
    await shot(desk.page, 'console', true);
    expect((await wall()).learnings.find((l) => l.id === ids[first])?.votes).toBe(2);
    expect((await wall()).learnings.find((l) => l.id === ids[dup])?.mergedInto).toBe(ids[first]);
    await expect.poll(() => voteOf(a.page, first).textContent()).toMatch(/2$/);
    // phones and the projector no longer show the duplicate
    await expect
      .poll(() => a.page.getByTestId('learning').filter({ hasText: dup }).count())
      .toBe(0);
    // (The demo event's own wall has older, more voted posts: A's post is the newest one shown.)
    const top = projector.page.getByTestId('lw-newest').getByTestId('lw-post').first();
    await top.getByText(first).waitFor();
    await top.getByTestId('lw-votes').filter({ hasText: '▲ 2' }).waitFor();
    await expect.poll(() => projector.page.getByTestId('lw-newest').getByText(dup).count()).toBe(0);

    // A theme from the console shows by theme on the projector.
    await moderation.getByLabel('New theme').fill('People first');
    await moderation.getByRole('button', { name: 'Add theme' }).click();
    await row(ids[first]!).getByLabel('Theme').selectOption({ label: 'People first' });
    await projector.page.getByTestId('lw-themes').getByText('People first').waitFor();
    await shot(projector.page, 'projector-1080');
    await projector.page.setViewportSize({ width: 1280, height: 720 });
    await shot(projector.page, 'projector-720');
    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
