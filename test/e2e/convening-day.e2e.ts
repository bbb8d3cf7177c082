/**
 * Issue 12's whole convening day, in real Chromium, the way a coordinator runs it: the
 * registration form's export (its own column names, labels not keys, five scripts, duplicate
 * names) imported on the mapping screen; a café for 150 people at the 6 tables the venue has,
 * refused with keep-apart as a hard rule and planned once it is a preference; phones that join by
 * the QR link — one picks a name two people share, told apart by organisation; the café runs; in
 * round 2 a table is renamed and a walk-in registers, and nobody loses their place (held rounds
 * are kept exactly); a phone re-scans the QR code and is back on its live page; tablemates see
 * their table's sheet live; in the mapping exercise a participant adds a route from their phone,
 * stored once for the coordinators' validation and hidden from the public. Screenshots (looked at)
 * go to test-results/.
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteList } from '../../src/contract/atlas.ts';
import type { EventDetail, Participant, PlannedRound } from '../../src/contract/events.ts';
import { makePeople } from '../fixtures/roster/roster.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844, mobile: true };

let h: Harness;
const suiteStart = Date.now();
const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'day-', fullPage: false });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  console.log(`[e2e] convening day finished in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
});

interface Phone {
  ctx: BrowserContext;
  page: Page;
  person: Participant;
}

describe('a whole convening day in Chromium', () => {
  it('roster file → import → relaxed café plan → phones → table change and walk-in in round 2', async () => {
    // ---- the coordinator signs in and creates the day's event (walk-ins welcome) ----
    const { context: fctx, page: f } = await h.newPage(DESKTOP);
    f.setDefaultTimeout(30_000);
    await f.goto(`${h.url}/events`);
    await f.waitForURL('**/login?next=*');
    await f.getByLabel('Email').fill(DEMO_ADMIN.email);
    await f.getByLabel('Password').fill(DEMO_ADMIN.password);
    await f.getByRole('button', { name: 'Sign in' }).click();
    await f.getByRole('link', { name: 'New event' }).click();
    const eventName = `Regional convening ${Date.now().toString(36)}`;
    await f.getByLabel('Name').fill(eventName);
    await f.getByRole('button', { name: 'Create event' }).click();
    await f.getByRole('heading', { level: 1, name: eventName }).waitFor();
    const eventId = f.url().split('/events/')[1]!.split(/[?#]/)[0]!;
    await f.getByLabel('People not on the list may register on their phone (walk-ins)').check();
    await f.getByRole('button', { name: 'Save details' }).click();
    const read = async () => {
      const [event, people] = (await f.evaluate(async (id) => {
        const e = (await (await fetch(`/api/events/${id}`)).json()) as unknown;
        const p = (await (await fetch(`/api/events/${id}/participants`)).json()) as unknown;
        return [e, p];
      }, eventId)) as [EventDetail, { items: Participant[] }];
      return { event, people: people.items };
    };
    await expect
      .poll(async () => (await read()).event.walkInsAllowed, { timeout: 15_000 })
      .toBe(true);

    // ---- the form tool's export, as it came: mapped on screen, one answer chosen, imported ----
    const file = fileURLToPath(new URL('../fixtures/roster/form-export.csv', import.meta.url));
    await f.locator('#csv-file').setInputFiles(file);
    await f
      .getByTestId('import-summary')
      .getByText('Read 150 rows from form-export.csv (UTF-8).')
      .waitFor();
    const question = f
      .getByTestId('import-values')
      .getByLabel(/“UN \/ international” appears in \d+ rows/);
    await question.scrollIntoViewIfNeeded();
    await shot(f, '1-import-mapping');
    await question.selectOption({ label: 'UN agency' });
    await f.getByRole('button', { name: 'Import 150 participants' }).click();
    await f.getByText('150 participants imported.').waitFor();
    await f.getByRole('heading', { name: /Participants \(150\)/ }).waitFor();
    {
      const { people } = await read();
      expect(people.map((p) => [p.name, p.organisation])).toEqual(
        makePeople().map((p) => [p.name, p.organisation]),
      );
    }

    // ---- the 6 tables the venue has, and a café for everyone ----
    const proposal = f.getByTestId('table-proposal');
    await proposal.getByLabel('People per table').fill('25');
    await proposal.getByRole('button', { name: 'Set up 6 tables of 25' }).click();
    await f.getByRole('button', { name: 'Save tables' }).click();
    await f.getByLabel('Host of Table 6').waitFor();
    await f.getByLabel('Kind of session').selectOption('cafe');
    await f.getByLabel(/^Title/).fill('World café');
    await f.getByLabel('Rounds').fill('3');
    await f.getByLabel('Minutes per round').fill('20');
    await f.getByRole('button', { name: 'Add session' }).click();
    const card = f.getByTestId('session').filter({ hasText: 'World café' });
    await card.getByRole('button', { name: 'Generate schedule' }).click();
    // Keeping colleagues apart cannot hold at 6 tables: said in plain words, relaxed with a click.
    const refusal = card.getByTestId('plan-refusal');
    await refusal.waitFor();
    await refusal
      .getByRole('button', { name: 'Make “Colleagues at different tables” a preference' })
      .click();
    const quality = card.getByTestId('quality');
    await quality.waitFor();
    await expect
      .poll(() => quality.textContent())
      .toContain('No plan of this size can have fewer than');
    const planned = (await read()).event.sessions.find((s) => s.title === 'World café')!;
    expect(planned.plan).toHaveLength(3);

    // ---- the console and the projector ----
    await f.goto(`${h.url}/events/${eventId}/facilitate`);
    await f.getByRole('heading', { level: 1, name: eventName }).waitFor();
    const joinCode = (await f.getByTestId('console-join-code').textContent())!.trim();
    const screen = await fctx.newPage();
    await screen.setViewportSize(PROJECTOR);
    screen.on('pageerror', (err) => h.problems.push(`projector error: ${err.message}`));
    await screen.goto(`${h.url}/screen/${eventId}`);
    await screen.getByTestId('screen-join-code').filter({ hasText: joinCode }).waitFor();

    // ---- phones join by the QR link ----
    const { event: ev0, people } = await read();
    const round = (r: number): PlannedRound =>
      ev0.sessions.find((s) => s.id === planned.id)!.plan![r]!;
    const tableOf = (r: number, id: string) =>
      round(r).groups.find((g) => g.participantIds.includes(id))!;
    // A name two people share (told apart by organisation), a tablemate of theirs in round 1,
    // and someone at another table.
    const shared = people.find((p) => people.some((q) => q !== p && q.name === p.name))!;
    const mateId = tableOf(0, shared.id).participantIds.find((id) => id !== shared.id)!;
    const mate = people.find((p) => p.id === mateId)!;
    const other = people.find((p) => tableOf(0, p.id).tableId !== tableOf(0, shared.id).tableId)!;
    const phones: Phone[] = [];
    for (const person of [shared, mate, other]) {
      const { context, page } = await h.newPage(PHONE);
      page.setDefaultTimeout(20_000);
      await page.goto(`${h.url}/j/${joinCode}`);
      await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
      // The name with its organisation: the only way to tell two people of one name apart.
      const choice = page.getByRole('radio', {
        name: new RegExp(`${escapeRe(person.name)}.*${escapeRe(person.organisation)}`),
      });
      await expect.poll(() => choice.count()).toBe(1);
      if (person === shared) await shot(page, '2-phone-duplicate-name');
      await choice.check();
      await page.getByRole('button', { name: 'This is me' }).click();
      await page.getByRole('button', { name: 'Go to the event' }).click();
      await page.waitForURL(`**/live/${eventId}`);
      phones.push({ ctx: context, page, person });
    }
    await f.getByTestId('joined-count').filter({ hasText: '3 of 150 joined' }).waitFor();

    // ---- the café: round 1, each phone at its table ----
    const expectTable = async (r: number, phone: Phone) => {
      const { event } = await read();
      const s = event.sessions.find((x) => x.id === planned.id)!;
      const g = s.plan![r]!.groups.find((x) => x.participantIds.includes(phone.person.id))!;
      const table = event.tables.find((t) => t.id === g.tableId)!.name;
      const topic = event.issues.find((i) => i.key === g.issueKey)!.label;
      await phone.page
        .getByTestId('now-text')
        .filter({ hasText: `${table} — ${topic}` })
        .waitFor();
      return { table, topic };
    };
    await f.getByLabel('Session to start').selectOption(planned.id);
    await f.getByRole('button', { name: 'Start', exact: true }).click();
    await f.getByText('World café · Round 1 of 3').waitFor();
    for (const p of phones) await expectTable(0, p);
    await shot(phones[0]!.page, '3-phone-round-1');

    // Tablemates see their table's sheet live: a card from one shows on the other's phone.
    const [a, b] = phones as [Phone, Phone, Phone];
    await a.page
      .getByLabel('Your idea (one per card)')
      .fill('Debt to the broker before leaving home');
    await a.page.getByRole('button', { name: 'Add card' }).click();
    await b.page
      .getByTestId('table-sheet')
      .getByText('Debt to the broker before leaving home')
      .waitFor();
    await shot(b.page, '4-phone-tablemate-sheet');

    // ---- round 2: a table renamed and a walk-in, while the café runs ----
    await f.getByRole('button', { name: 'Next round' }).click();
    await f.getByText('World café · Round 2 of 3').waitFor();
    for (const p of phones) await expectTable(1, p);
    const before = (await read()).event;
    const held = before.sessions.find((s) => s.id === planned.id)!.plan!.slice(0, 2);

    await f.goto(`${h.url}/events/${eventId}`);
    const renamed = before.tables.find((t) => t.id === tableOf(1, phones[0]!.person.id).tableId)!;
    const nameBox = f.locator('#ev-tables tbody tr').filter({
      has: f.locator(`input[value="${renamed.name}"]`),
    });
    await nameBox.locator('input').first().fill('Garden table');
    await f.getByRole('button', { name: 'Save tables' }).click();
    await f.getByText('Saved.').first().waitFor();
    // Nobody moved: the held rounds are exactly as they were, the table kept its id.
    {
      const { event } = await read();
      expect(event.tables.find((t) => t.id === renamed.id)?.name).toBe('Garden table');
      expect(event.sessions.find((s) => s.id === planned.id)!.plan!.slice(0, 2)).toEqual(held);
    }
    const { table } = await expectTable(1, phones[0]!);
    expect(table).toBe('Garden table');

    // A walk-in registers on their phone in round 2 and gets a place in round 3.
    const walkIn = await h.newPage(PHONE);
    const w = walkIn.page;
    w.setDefaultTimeout(20_000);
    await w.goto(`${h.url}/j/${joinCode}`);
    await w.getByText('Not on the list?').click();
    await w.getByRole('textbox', { name: 'Your name' }).fill('Malee Srisuk');
    await w.getByRole('textbox', { name: 'Organisation' }).fill('Hope Shelter Chiang Rai');
    await w.getByLabel('Sector').selectOption({ index: 1 });
    await w.getByRole('button', { name: 'Register and join' }).click();
    await w.getByRole('button', { name: 'Go to the event' }).click();
    await w.waitForURL(`**/live/${eventId}`);
    await expect.poll(async () => (await read()).people.length, { timeout: 15_000 }).toBe(151);
    {
      const { event, people: now } = await read();
      const malee = now.find((p) => p.name === 'Malee Srisuk')!;
      const s = event.sessions.find((x) => x.id === planned.id)!;
      expect(s.plan!.slice(0, 2)).toEqual(held);
      expect(malee.joined).toBe(true);
      // Placed in the round still to come (re-planned in a worker), not in the held ones.
      await expect
        .poll(
          async () =>
            (await read()).event.sessions
              .find((x) => x.id === planned.id)!
              .plan![2]!.groups.some((g) => g.participantIds.includes(malee.id)),
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);
    }

    // ---- a phone re-scans the QR code: straight back to its live page ----
    await phones[2]!.page.goto(`${h.url}/j/${joinCode}`);
    await phones[2]!.page.waitForURL(`**/live/${eventId}`);
    await phones[2]!.page.getByText(`You are ${phones[2]!.person.name}`).waitFor();

    // ---- round 3: everyone, the walk-in too, at a table ----
    await f.goto(`${h.url}/events/${eventId}/facilitate`);
    await f.getByTestId('joined-count').filter({ hasText: '4 of 151 joined' }).waitFor();
    await f.getByRole('button', { name: 'Next round' }).click();
    await f.getByText('World café · Round 3 of 3').waitFor();
    for (const p of phones) await expectTable(2, p);
    await w.getByTestId('now-text').filter({ hasText: ' — ' }).waitFor();
    await screen.getByTestId('screen-round').filter({ hasText: 'Round 3 of 3' }).waitFor();
    await shot(screen, '5-projector-round-3');

    // ---- the mapping exercise: a participant adds a route from their phone ----
    const added = await fctx.request.post(`${h.url}/api/events/${eventId}/sessions`, {
      data: { kind: 'mapping', title: 'Mapping routes', rounds: 1, minutesPerRound: 30 },
    });
    expect(added.status()).toBe(201);
    const mapping = ((await added.json()) as EventDetail).sessions.find(
      (s) => s.kind === 'mapping',
    )!;
    await f.getByLabel('Session to start').selectOption(mapping.id);
    f.once('dialog', (d) => void d.accept()); // the café is still running: confirm moving on
    await f.getByRole('button', { name: 'Start', exact: true }).click();
    await f.getByText('Mapping routes · Round 1 of 1').waitFor();
    const mapper = phones[1]!;
    const panel = mapper.page.getByTestId('mapping');
    await panel.waitFor();
    for (const [label, query, place] of [
      ['Origin (where people are recruited)', 'yangon', /Yangon/],
      ['Destination (where they are exploited)', 'bangkok', /Bangkok/],
    ] as const) {
      await panel.getByLabel(label).fill(query);
      await panel.getByRole('button', { name: place }).first().click();
    }
    await panel.getByLabel('Forced labour', { exact: true }).check();
    await panel
      .getByLabel('Notes (optional)')
      .fill('Recruited through a broker at the bus station');
    await panel.getByRole('button', { name: 'Add the route' }).click();
    await mapper.page.getByTestId('my-routes').getByText('sent for validation').waitFor();
    await shot(mapper.page, '6-phone-route-sent');
    // Stored once, for the coalition's coordinators to validate, hidden from the public.
    const routes = (await (
      await fctx.request.get(`${h.url}/api/atlas/routes?pending=1&limit=200`)
    ).json()) as RouteList;
    const fromDay = routes.items.filter((r) => r.reportedIn?.eventId === eventId);
    expect(fromDay).toHaveLength(1);
    expect(fromDay[0]).toMatchObject({
      visibility: 'organisation',
      pendingReview: true,
      reportedIn: { eventId, participantId: mapper.person.id },
      notes: 'Recruited through a broker at the bus station',
    });
    expect(fromDay[0]!.stops.map((x) => x.place.name)).toEqual(['Yangon', 'Bangkok']);
    const publicRoutes = await h.browser.newContext();
    const anon = await publicRoutes.request.get(`${h.url}/api/atlas/routes?limit=200`);
    const visible = anon.ok() ? ((await anon.json()) as RouteList).items : [];
    expect(visible.some((r) => r.id === fromDay[0]!.id)).toBe(false);
    await publicRoutes.close();

    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
