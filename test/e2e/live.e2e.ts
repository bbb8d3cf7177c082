/**
 * The live event of issue 4, in real Chromium: a facilitator sets up an event (CSV import with a
 * dry run, a networking session, a generated schedule), three phones join by code, the round
 * starts, each phone shows its own partner and the same countdown as the console and the
 * projector; one phone drops off the network during a round change and, back online, shows the
 * new round without reloading; a page speaking an old protocol is told to reload. Screenshots of
 * the console, the projector (1920×1080) and the phones (390×844) go to test-results/.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844, mobile: true };

let h: Harness;
const suiteStart = Date.now();
// the phone loads its Thai font only once Thai text is laid out: shots make sure it has
const { shot, problems: a11y } = screenshots(RESULTS, {
  fonts: [{ font: '16px "Mosaic Thai"', text: 'ไทย' }],
});

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  console.log(`[e2e] live scenario finished in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
});

/** "4:59" → 299 */
function seconds(clock: string | null): number {
  const m = /^(\d+):(\d\d)$/.exec((clock ?? '').trim());
  if (!m) throw new Error(`not a countdown: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const PEOPLE = [
  ['Aung Min', 'Mekong Youth Network (demo)', 'ngo', 'MM'],
  ['Bopha Chan', 'Social Welfare Office (demo)', 'government', 'KH'],
  ['Chai Wongsa', 'Border Police Unit (demo)', 'lawEnforcement', 'TH'],
  ['Dara Kim', 'Regional Migration Office (demo)', 'un', 'KH'],
  ['Ella Santos', 'Island Outreach Forum (demo)', 'ngo', 'PH'],
  ['Farid Rahman', 'Dhaka Labour Research (demo)', 'research', 'BD'],
  ['Gita Sharma', 'Hill Survivors Circle (demo)', 'survivorLed', 'NP'],
  ['Hoa Nguyen', 'River Lantern Foundation (demo)', 'ngo', 'VN'],
] as const;
const GOOD_CSV = ['name,organisation,sector,country', ...PEOPLE.map((p) => p.join(','))].join('\n');
const BAD_CSV = [
  'name,organisation,sector,country',
  'Aung Min,Mekong Youth Network (demo),pirates,MM',
  ',Nobody Org,ngo,TH',
  'Bopha Chan,Social Welfare Office (demo),government,Cambodia,surplus',
].join('\n');

describe('live event in Chromium', () => {
  it('sets up, joins three phones, runs rounds in step, survives a dropped phone', async () => {
    // ---- set-up (facilitator, laptop) ----
    const { context: fctx, page: f } = await h.newPage(DESKTOP);
    f.setDefaultTimeout(15_000);
    await f.goto(`${h.url}/events`);
    await f.waitForURL('**/login?next=*');
    await f.getByLabel('Email').fill(DEMO_ADMIN.email);
    await f.getByLabel('Password').fill(DEMO_ADMIN.password);
    await f.getByRole('button', { name: 'Sign in' }).click();
    await f.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await f.getByRole('link', { name: 'New event' }).click();
    await f.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
    const eventName = `Asia Region Conference ${Date.now().toString(36)}`;
    await f.getByLabel('Name').fill(eventName);
    await f.getByLabel('Venue').fill('Bangkok, Thailand');
    await f.getByRole('button', { name: 'Create event' }).click();
    await f.getByRole('heading', { level: 1, name: eventName }).waitFor();
    const eventId = f.url().split('/events/')[1]!.split(/[?#]/)[0]!;
    const joinCode = (await f.getByTestId('join-code').textContent())!.trim();
    expect(joinCode.length).toBeGreaterThanOrEqual(4);
    // The issues list starts as the conference's own.
    expect(await f.locator('#issue-0').inputValue()).toBe('Child sex trafficking');

    // The event and its people as the server has them, read through the facilitator's session.
    const plan = async () => {
      const [event, people] = await f.evaluate(async (id) => {
        const e = (await (await fetch(`/api/events/${id}`)).json()) as unknown;
        const p = (await (await fetch(`/api/events/${id}/participants`)).json()) as unknown;
        return [e, p] as const;
      }, eventId);
      return { event: event as EventDetail, people: (people as { items: Participant[] }).items };
    };

    // CSV: a dry run lists every bad line and why, and asks once about an unknown sector;
    // nothing is stored.
    const csvBox = f.locator('#csv-text');
    await csvBox.fill(BAD_CSV);
    await f.getByRole('button', { name: 'Check the file' }).click();
    const problems = f.getByTestId('csv-problems');
    await problems.waitFor();
    await f.getByText('Nothing was imported yet.').waitFor();
    const problemText = (await problems.textContent()) ?? '';
    for (const line of ['3', '4']) expect(problemText).toContain(line);
    await f.getByTestId('import-values').getByText('“pirates” appears in 1 row').waitFor();
    await problems.scrollIntoViewIfNeeded();
    await shot(f, 'live-desktop-1-csv-problems');
    await csvBox.fill(GOOD_CSV);
    await f.getByRole('button', { name: 'Check the file' }).click();
    await f.getByText('The file is right: 8 participants').waitFor();
    await f.getByRole('button', { name: 'Import 8 participants' }).click();
    await f.getByText('8 participants imported.').waitFor();
    await f.getByRole('heading', { name: /Participants \(8\)/ }).waitFor();

    // Four café tables.
    // The proposal seats everyone present: 8 people at tables of 2 → four tables.
    await f.getByLabel('People per table').fill('2');
    await f.getByRole('button', { name: 'Set up 4 tables of 2' }).click();
    await f.getByRole('button', { name: 'Save tables' }).click();
    await f.getByLabel('Host of Table 4').waitFor();

    // The day's sequence: speed networking, world café, expertise groups; each with a schedule.
    const addSession = async (kind: string, title: string, rounds: number, minutes: number) => {
      await f.getByLabel('Kind of session').selectOption(kind);
      await f.getByLabel(/^Title/).fill(title);
      await f.getByLabel('Rounds').fill(String(rounds));
      await f.getByLabel('Minutes per round').fill(String(minutes));
      await f.getByRole('button', { name: 'Add session' }).click();
      const card = f.getByTestId('session').filter({ hasText: title });
      await card.getByRole('heading', { level: 3, name: title }).waitFor();
      await card.getByRole('button', { name: 'Generate schedule' }).click();
      await card.getByTestId('quality').waitFor({ timeout: 30_000 });
      await card.getByRole('heading', { name: 'Who sits where' }).waitFor();
      return card;
    };
    const networking = await addSession('networking', 'Speed networking', 3, 2);
    expect(await networking.getByTestId('quality').textContent()).toContain(
      'Pairs who meet twice0',
    );

    // A manual swap that makes a repeat meeting is refused with a warning, then confirmed:
    // Aung Min swaps places in round 1 with the partner of the person Aung meets in round 2.
    {
      const { event, people } = await plan();
      const id = (name: string) => people.find((p) => p.name === name)!.id;
      const name = (pid: string) => people.find((p) => p.id === pid)!.name;
      const rounds = event.sessions[0]!.plan!;
      const partnerIn = (r: number, pid: string) =>
        rounds[r]!.groups.find((g) => g.participantIds.includes(pid))!.participantIds.find(
          (x) => x !== pid,
        )!;
      const q = partnerIn(1, id('Aung Min'));
      const r = partnerIn(0, q);
      await networking.getByText('Swap two people').click();
      await networking.getByLabel('Round').last().selectOption('0');
      // each list is searchable by name; a unique match is chosen in its list
      await networking.getByLabel('Find the first person (name or organisation)').fill('Aung Min');
      await expect
        .poll(() => networking.getByLabel('First person', { exact: true }).inputValue())
        .toBe(id('Aung Min'));
      await networking.getByLabel('Find the second person (name or organisation)').fill(name(r));
      await expect
        .poll(() => networking.getByLabel('Second person', { exact: true }).inputValue())
        .toBe(r);
      await networking.getByRole('button', { name: 'Swap', exact: true }).click();
      const warnings = networking.getByTestId('swap-warnings');
      await warnings.waitFor();
      await warnings.scrollIntoViewIfNeeded();
      await shot(f, 'live-desktop-2a-swap-warning');
      await networking.getByRole('button', { name: 'Swap anyway' }).click();
      await networking.getByText(/^Swapped/).waitFor();
      const after = (await plan()).event.sessions[0]!.plan!;
      expect(
        after[0]!.groups.find((g) => g.participantIds.includes(id('Aung Min')))!.participantIds,
      ).toContain(q);
    }
    await f.getByText('Add a session', { exact: true }).click(); // the form folds once a session exists
    await addSession('cafe', 'World café', 2, 1);
    await addSession('groups', 'Expertise groups', 1, 1);
    expect(await f.getByTestId('session').count()).toBe(3);
    await shot(f, 'live-desktop-2-setup', true);

    // ---- three phones join by code ----
    const phones: { ctx: BrowserContext; page: Page; name: string; code: string }[] = [];
    for (const name of ['Aung Min', 'Dara Kim', 'Gita Sharma']) {
      const { context, page } = await h.newPage(PHONE);
      page.setDefaultTimeout(15_000);
      await page.goto(`${h.url}/join`);
      await page.getByLabel('Event code').fill(joinCode.toLowerCase());
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
      if (phones.length === 0) await shot(page, 'live-phone-1-pick-name');
      await page.getByRole('radio', { name: new RegExp(name) }).check();
      await page.getByRole('button', { name: 'This is me' }).click();
      await page.getByRole('heading', { level: 1, name: `You're in, ${name}` }).waitFor();
      const code = (await page.getByTestId('personal-code').textContent())!.trim();
      expect(code.length).toBeGreaterThan(5);
      if (phones.length === 0) await shot(page, 'live-phone-2-joined');
      await page.getByRole('button', { name: 'Go to the event' }).click();
      await page.waitForURL(`**/live/${eventId}`);
      await page.getByText('Waiting for the facilitator').waitFor();
      phones.push({ ctx: context, page, name, code });
    }

    // ---- the console sees who joined, and starts the round ----
    await f.goto(`${h.url}/events/${eventId}/facilitate`);
    await f.getByRole('heading', { level: 1, name: eventName }).waitFor();
    await f.getByTestId('joined-count').filter({ hasText: '3 of 8 joined' }).waitFor();
    expect(await f.getByTestId('console-join-code').textContent()).toBe(joinCode);

    // The projector, in the facilitator's browser (same sign-in), at 1920×1080.
    const screen = await fctx.newPage();
    await screen.setViewportSize(PROJECTOR);
    screen.on('pageerror', (err) => h.problems.push(`projector error: ${err.message}`));
    await screen.goto(`${h.url}/screen/${eventId}`);
    await screen.getByTestId('screen-join-code').filter({ hasText: joinCode }).waitFor();
    await screen.getByRole('heading', { name: 'Welcome' }).waitFor();
    await shot(screen, 'live-projector-0-welcome');
    await f.getByRole('button', { name: 'Start', exact: true }).click();
    await f.getByTestId('console-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
    await screen.getByTestId('screen-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
    await screen.getByText('Aung Min').first().waitFor();

    // Each phone shows its own partner, from the plan.
    const expectPartners = async (round: number, phone: (typeof phones)[number]) => {
      const { event, people } = await plan();
      const me = people.find((p) => p.name === phone.name)!;
      const group = event.sessions[0]!.plan![round]!.groups.find((g) =>
        g.participantIds.includes(me.id),
      )!;
      const partners = group.participantIds
        .filter((id) => id !== me.id)
        .map((id) => people.find((p) => p.id === id)!.name);
      const now = phone.page.getByTestId('now-text');
      await now.filter({ hasText: `at spot ${group.spot}` }).waitFor();
      const text = (await now.textContent()) ?? '';
      expect(text).toMatch(/^Meet /);
      for (const partner of partners) expect(text).toContain(partner);
      expect(text).not.toContain(phone.name);
    };
    for (const phone of phones) {
      await phone.page.getByTestId('phone-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
      await expectPartners(0, phone);
    }

    // Every screen shows the same time left, within a second, once each clock has its ping
    // samples (waited for, up to the poll's timeout, not slept on).
    const readAll = () =>
      Promise.all([
        ...phones.map((p) => p.page.getByTestId('countdown').textContent()),
        f.getByTestId('console-countdown').textContent(),
        screen.getByTestId('screen-countdown').textContent(),
      ]);
    let clocks: number[] = [];
    const spread = async () => {
      clocks = (await readAll()).map(seconds);
      return Math.max(...clocks) - Math.min(...clocks);
    };
    await expect.poll(spread, { timeout: 10_000, interval: 200 }).toBeLessThanOrEqual(1);
    console.log(`[e2e] countdowns (3 phones, console, projector): ${clocks.join(', ')} s`);
    expect(Math.min(...clocks)).toBeGreaterThan(100);

    // A message to everyone.
    await f
      .getByLabel('Message', { exact: true })
      .fill('Coffee is served at the back of the hall.');
    await f.getByRole('button', { name: 'Send' }).click();
    for (const p of phones)
      await p.page.getByTestId('message').filter({ hasText: 'Coffee is served' }).waitFor();
    await screen.getByTestId('screen-message').filter({ hasText: 'Coffee is served' }).waitFor();

    await shot(phones[0]!.page, 'live-phone-3-round-1');
    await shot(screen, 'live-projector-1-round-1');
    await shot(f, 'live-desktop-3-console', true);

    // ---- a phone drops off the Wi-Fi while the round changes ----
    const dropped = phones[2]!;
    await dropped.ctx.setOffline(true);
    await dropped.page.getByTestId('link-status').filter({ hasText: 'Offline' }).waitFor();
    await f.getByRole('button', { name: 'Next round' }).click();
    await f.getByTestId('console-round').filter({ hasText: 'Round 2 of 3' }).waitFor();
    for (const p of phones.slice(0, 2)) {
      await p.page.getByTestId('phone-round').filter({ hasText: 'Round 2 of 3' }).waitFor();
      await expectPartners(1, p);
    }
    // Offline, the phone still shows the last schedule it has, and says so.
    await dropped.page.getByTestId('phone-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
    await dropped.page.getByText('Offline — showing the last schedule').waitFor();
    await shot(dropped.page, 'live-phone-4-offline');
    // Reloading with no network still opens the page and shows where to go (service worker
    // for the files, IndexedDB for the schedule).
    await dropped.page.reload();
    await dropped.page.getByTestId('phone-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
    await dropped.page.getByTestId('link-status').filter({ hasText: 'Offline' }).waitFor();
    const navigations: string[] = [];
    dropped.page.on('framenavigated', (fr) => navigations.push(fr.url()));
    await dropped.ctx.setOffline(false);
    await dropped.page
      .getByTestId('phone-round')
      .filter({ hasText: 'Round 2 of 3' })
      .waitFor({ timeout: 20_000 });
    await expectPartners(1, dropped);
    await dropped.page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    expect(navigations).toEqual([]); // caught up without reloading
    await screen.getByTestId('screen-round').filter({ hasText: 'Round 2 of 3' }).waitFor();
    await shot(screen, 'live-projector-2-round-2');

    // ---- a no-show, and the remaining rounds re-planned ----
    await f.getByRole('button', { name: 'Mark Bopha Chan absent' }).click();
    await f.getByText('1 absent').waitFor();
    await f.getByRole('button', { name: 'Re-plan remaining rounds' }).click();
    await f.getByText('Remaining rounds re-planned.').waitFor({ timeout: 30_000 });
    const after = await plan();
    const bopha = after.people.find((p) => p.name === 'Bopha Chan')!;
    const round3 = after.event.sessions[0]!.plan![2]!.groups.flatMap((g) => g.participantIds);
    expect(round3).not.toContain(bopha.id);

    // ---- the same person on a second device: the name is taken, the personal code moves the
    // seat there (issue 12); scanning the QR code again then goes straight back to the live page ----
    {
      const { context, page } = await h.newPage(PHONE);
      page.setDefaultTimeout(15_000);
      await page.goto(`${h.url}/j/${joinCode}`);
      await page
        .getByRole('radio', { name: /Aung Min/ })
        .check()
        .catch(async (err: unknown) => {
          console.log(`[e2e] second device sees: ${await page.locator('body').innerText()}`);
          throw err;
        });
      await page.getByRole('button', { name: 'This is me' }).click();
      await page.getByTestId('taken').filter({ hasText: 'That’s me — on another phone' }).waitFor();
      await shot(page, 'live-phone-4b-thats-me');
      await page.getByLabel('Your personal code').fill(phones[0]!.code.toLowerCase());
      await page.getByRole('button', { name: 'Rejoin' }).click();
      await page.waitForURL(`**/live/${eventId}`);
      await page.getByText('You are Aung Min').waitFor();
      await page.getByTestId('phone-round').filter({ hasText: 'Round 2 of 3' }).waitFor();
      // The place is the biggest line: "Spot N" in speed networking.
      const { event: ev, people: ppl } = await plan();
      const aung = ppl.find((p) => p.name === 'Aung Min')!;
      const spot = ev.sessions[0]!.plan![1]!.groups.find((g) =>
        g.participantIds.includes(aung.id),
      )!.spot;
      await page
        .getByTestId('place')
        .filter({ hasText: `Spot ${spot}` })
        .waitFor();
      const sizes = await page.evaluate(() =>
        ['place', 'now-text', 'countdown'].map((id) =>
          parseFloat(getComputedStyle(document.querySelector(`[data-testid="${id}"]`)!).fontSize),
        ),
      );
      expect(sizes[0]).toBeGreaterThan(Math.max(sizes[1]!, sizes[2]!));
      await shot(page, 'live-phone-4c-place');
      // Scanning the QR code again on this phone: straight back to the live page.
      await page.goto(`${h.url}/j/${joinCode}`);
      await page.waitForURL(`**/live/${eventId}`);
      await page.getByText('You are Aung Min').waitFor();
      expect(await page.getByRole('heading', { name: 'Who are you?' }).count()).toBe(0);
      // From here on, this is Aung Min's phone.
      phones[0] = { ...phones[0]!, ctx: context, page };
    }

    // ---- a page that speaks an old protocol is told to reload ----
    const stale = await phones[0]!.ctx.newPage();
    await stale.addInitScript(() => {
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data: string) {
        return send.call(this, data.replace('"protocol":1', '"protocol":0'));
      };
    });
    await stale.goto(`${h.url}/live/${eventId}`);
    await stale.getByRole('heading', { name: 'This page is out of date' }).waitFor();
    await stale.getByRole('button', { name: 'Reload' }).waitFor();
    await shot(stale, 'live-phone-5-reload');

    // The phone in Thai.
    await phones[1]!.page.getByRole('button', { name: 'ไทย' }).click();
    await phones[1]!.page.getByTestId('phone-round').filter({ hasText: 'รอบที่ 2 จาก 3' }).waitFor();
    await shot(phones[1]!.page, 'live-phone-6-thai');
    await phones[1]!.page.getByRole('button', { name: 'English' }).click();

    // Finish: phones say so.
    f.once('dialog', (d) => void d.accept());
    await f.getByRole('button', { name: 'Finish session' }).click();
    for (const p of phones) await p.page.getByText('This session is over').waitFor();

    // ---- the world café: each phone is sent to a table and its issue ----
    const startSession = async (title: string) => {
      const { event } = await plan();
      const s = event.sessions.find((x) => x.title === title)!;
      await f.getByLabel('Session to start').selectOption(s.id);
      await f.getByRole('button', { name: 'Start', exact: true }).click();
      await f.getByText(`${title} · Round 1 of ${s.rounds}`).waitFor();
      return s.id;
    };
    const expectTable = async (
      sessionId: string,
      round: number,
      phone: (typeof phones)[number],
    ) => {
      const { event, people } = await plan();
      const me = people.find((p) => p.name === phone.name)!;
      const session = event.sessions.find((x) => x.id === sessionId)!;
      const group = session.plan![round]!.groups.find((g) => g.participantIds.includes(me.id))!;
      const table = event.tables.find((x) => x.id === group.tableId)?.name;
      const topic =
        event.issues.find((i) => i.key === group.issueKey)?.label ??
        event.expertiseGroups.find((g) => g.key === group.groupKey)?.label;
      const expected = table ? `${table} — ${topic}` : `Join the group: ${topic}`;
      await phone.page.getByTestId('now-text').filter({ hasText: expected }).waitFor();
    };
    const cafe = await startSession('World café');
    for (const p of phones) await expectTable(cafe, 0, p);
    await shot(phones[0]!.page, 'live-phone-7-cafe');
    await shot(screen, 'live-projector-3-cafe');
    await f.getByRole('button', { name: 'Next round' }).click();
    for (const p of phones) await expectTable(cafe, 1, p);
    f.once('dialog', (d) => void d.accept());
    await f.getByRole('button', { name: 'Finish session' }).click();
    await phones[0]!.page.getByText('This session is over').waitFor();

    // ---- expertise groups ----
    const groups = await startSession('Expertise groups');
    for (const p of phones) await expectTable(groups, 0, p);
    await shot(phones[2]!.page, 'live-phone-8-groups');

    expect(a11y).toEqual([]);
    // A socket that tries to connect while we hold the phone offline is logged by the browser:
    // that is the scenario, not a fault.
    const offlineNoise = /WebSocket connection .* failed: .*ERR_INTERNET_DISCONNECTED/;
    expect(h.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
  });

  it('keeps the phone page within its JavaScript budget', async () => {
    const { readFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const html = readFileSync(path.join(RESULTS, '..', 'dist/web/join/phone.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce(
      (n, s) =>
        n + gzipSync(readFileSync(path.join(RESULTS, '..', 'dist/web', s)), { level: 9 }).length,
      0,
    );
    console.log(`[e2e] phone page JavaScript: ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(120 * 1024);
    expect(scripts.some((s) => /main-/.test(s))).toBe(false);
  });
});
