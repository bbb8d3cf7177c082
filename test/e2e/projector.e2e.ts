/**
 * Issue 12's projector, in real Chromium: a café for a room of 150 (names in seven scripts, 13
 * shared by two people) shows "Find your name" as a board filed under index letters that fits in
 * at most three screens at 1920×1080 and at 1280×720; every name is on exactly one screen, inside
 * the window, told apart from its namesake by organisation; the fonts of the scripts shown are
 * loaded. Screenshots go to test-results/ (a chosen one is copied to docs/ by hand).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../src/contract/events.ts';
import { roster150, roster150Csv } from '../support/roster-names.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844, mobile: true };
const PROJECTOR = { width: 1920, height: 1080 };
let h: Harness;
let eventId = '';
let cafe: EventDetail['sessions'][number];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'projector-' });

interface BoardState {
  page: number;
  pages: number;
  entries: { id: string; key: string; text: string; inside: boolean }[];
}

/** The board as shown now, read in one go (the screen may turn between two reads). */
const readBoard = (page: Page): Promise<BoardState> =>
  page.evaluate(() => {
    const board = document.querySelector<HTMLElement>('[data-testid="name-board"]')!;
    const w = window.innerWidth;
    const hgt = window.innerHeight;
    return {
      page: Number(board.dataset.page),
      pages: Number(board.dataset.pages),
      entries: [...board.querySelectorAll<HTMLElement>('[data-testid="board-name"]')].map((li) => {
        const r = li.getBoundingClientRect();
        const name = li.querySelector('.scr-name')!;
        return {
          id: li.dataset.id ?? '',
          key: li.dataset.key ?? '',
          text: [li.querySelector('.scr-name'), li.querySelector('.scr-org')]
            .map((x) => x?.textContent ?? '')
            .join(''),
          // in the window, and the name itself not cut to nothing
          inside:
            r.top >= 0 &&
            r.left >= 0 &&
            r.bottom <= hgt + 0.5 &&
            r.right <= w + 0.5 &&
            name.getBoundingClientRect().width > 20,
        };
      }),
    };
  });

async function signIn(page: Page) {
  await page.goto(`${h.url}/login`);
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
}

/** The event's join code, as the projector shows it (read once through the API). */
let code = '';
async function joinCode(): Promise<string> {
  if (!code) {
    const { page } = await h.newPage(DESKTOP);
    await signIn(page);
    const res = await page.request.get(`${h.url}/api/events/${eventId}`);
    code = ((await res.json()) as EventDetail).joinCode;
  }
  return code;
}

describe('the projector board for a room of 150', () => {
  it('sets up a café for 150 people at 15 tables and starts it', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(30_000);
    await signIn(page);
    const api = async <T>(method: 'POST' | 'PUT', url: string, data: object): Promise<T> => {
      const res = await page.request.fetch(`${h.url}${url}`, { method, data });
      expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
      return (await res.json()) as T;
    };
    const ev = await api<{ id: string }>('POST', '/api/events', {
      name: 'Regional convening',
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
    });
    eventId = ev.id;
    await api('POST', `/api/events/${ev.id}/participants/import`, {
      csv: roster150Csv(),
      dryRun: false,
    });
    await api('PUT', `/api/events/${ev.id}/tables`, {
      tables: Array.from({ length: 15 }, (_, i) => ({ name: `Table ${i + 1}`, capacity: 10 })),
    });
    const withSession = await api<EventDetail>('POST', `/api/events/${ev.id}/sessions`, {
      kind: 'cafe',
      title: 'World café',
      rounds: 3,
      minutesPerRound: 10,
    });
    const s = withSession.sessions[0]!;
    cafe = s;
    const planned = await api<EventDetail>('POST', `/api/events/${ev.id}/sessions/${s.id}/plan`, {
      seed: 1,
      timeLimitSeconds: 2,
    });
    expect(planned.sessions[0]!.plan![0]!.groups.flatMap((g) => g.participantIds)).toHaveLength(
      150,
    );
    cafe = planned.sessions[0]!;
    await page.goto(`${h.url}/events/${ev.id}/facilitate`);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('console-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
  });

  it.each([
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ])('fits everyone in at most three screens at $width×$height', async (size) => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(20_000);
    // the projector runs in the facilitator's browser (signed in)
    await signIn(page);
    await page.setViewportSize(size);
    await page.goto(`${h.url}/screen/${eventId}`);
    await page.getByTestId('screen-round').filter({ hasText: 'Round 1 of 3' }).waitFor();
    await page.getByTestId('board-name').first().waitFor();
    await page.evaluate(() => document.fonts.ready);

    // Step through the screens with the clicker's key until each has been seen once.
    const seen = new Map<number, BoardState>();
    let first: BoardState | undefined;
    for (let i = 0; i < 12 && (!first || seen.size < first.pages); i++) {
      const b = await readBoard(page);
      first ??= b;
      if (!seen.has(b.page)) {
        seen.set(b.page, b);
        // a screen's letters may need a font the last one did not: let it load before the shot
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => void document.fonts.ready.then(r))),
        );
        await shot(page, `board-${size.width}-${b.page}`);
      }
      await page.keyboard.press('PageDown');
      // the next screen is shown (waited for, not slept on); one screen has nowhere to turn to
      if (b.pages > 1)
        await page.locator(`[data-testid="name-board"]:not([data-page="${b.page}"])`).waitFor();
    }
    const pages = first!.pages;
    console.log(`[e2e] ${size.width}×${size.height}: 150 names on ${pages} screen(s)`);
    expect(pages).toBeLessThanOrEqual(3);
    expect([...seen.keys()].sort()).toEqual(Array.from({ length: pages }, (_, i) => i + 1));

    // Every name on exactly one screen, inside the window; no two entries read the same.
    const all = [...seen.values()].flatMap((b) => b.entries);
    expect(all).toHaveLength(150);
    expect(new Set(all.map((e) => e.id)).size).toBe(150);
    expect(all.filter((e) => !e.inside).map((e) => e.text)).toEqual([]);
    expect(new Set(all.map((e) => e.text)).size).toBe(150);
    // The 13 shared names carry their organisation.
    const twins = roster150().slice(137);
    for (const t of twins)
      expect(all.filter((e) => e.text.startsWith(`${t.name} (`)).length, t.name).toBe(2);
    // Letters run in one block each, Latin first, then Thai, …, Chinese family names.
    const keys = [...seen.keys()].sort().flatMap((n) => seen.get(n)!.entries.map((e) => e.key));
    const runs = keys.filter((k, i) => k !== keys[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(runs).toContain('ส'); // เสกสรร is filed under ส, with สมชาย
    expect(runs).toContain('王');
    expect(runs.indexOf('Z')).toBeLessThan(runs.indexOf('ส'));

    // The board's fonts: Thai and Chinese faces were fetched and are in use.
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    );
    expect(loaded.some((f) => f.includes('Thai'))).toBe(true);
    expect(loaded.some((f) => f.includes('SC'))).toBe(true);
  });

  it('tablemates see their table’s sheet live on their phones, told apart from earlier groups', async () => {
    const people = (await (await fetch(`${h.url}/api/join/${await joinCode()}`)).json()).roster as {
      id: string;
      name: string;
    }[];
    const twins = new Set(
      roster150()
        .slice(137)
        .map((p) => p.name),
    );
    // two people at one table in round 1, with names nobody else has
    const group = cafe.plan![0]!.groups.find(
      (g) =>
        g.participantIds.filter((id) => !twins.has(people.find((p) => p.id === id)!.name)).length >=
        2,
    )!;
    const [a, b] = group.participantIds
      .map((id) => people.find((p) => p.id === id)!)
      .filter((p) => !twins.has(p.name));
    const phones = [];
    for (const person of [a!, b!]) {
      const { page } = await h.newPage(PHONE);
      page.setDefaultTimeout(20_000);
      await page.goto(`${h.url}/j/${await joinCode()}`);
      await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
      // the roster's scripts have their faces on the phone too (Chinese: its rules load on demand)
      for (const family of ['Mosaic Thai', 'Mosaic Scripts', 'Mosaic Myanmar', 'Noto Sans SC'])
        await expect
          .poll(
            () =>
              page.evaluate(async (fam) => {
                await document.fonts.ready;
                return [...document.fonts].some(
                  (f) => f.status === 'loaded' && f.family.includes(fam),
                );
              }, family),
            { message: family, timeout: 10_000 },
          )
          .toBe(true);
      await page.getByLabel('Find your name').fill(person.name);
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'This is me' }).click();
      await page.getByRole('button', { name: 'Go to the event' }).click();
      await page.getByTestId('phone-sheet').waitFor();
      phones.push(page);
    }
    const [pa, pb] = phones as [Page, Page];
    // First group at the sheet: one clear line, no "(0)" and no "Nothing yet" below a note.
    await pb
      .getByTestId('earlier')
      .filter({ hasText: 'yours is the first at this sheet' })
      .waitFor();
    expect(await pb.getByText('What earlier groups said').count()).toBe(0);
    await pb.getByText('Your table this round (0)').waitFor();
    // The wall of every sheet, open on the projector before the card is added.
    const { page: wall } = await h.newPage(PROJECTOR);
    wall.setDefaultTimeout(20_000);
    await signIn(wall);
    await wall.goto(`${h.url}/screen/${eventId}/sheets`);
    await wall.getByTestId('sheets-overview').waitFor();
    const issueCount = (await (await wall.request.get(`${h.url}/api/events/${eventId}`)).json())
      .issues.length as number;
    expect(await wall.getByTestId('sov-tile').count()).toBe(issueCount);
    expect(issueCount).toBeGreaterThan(5);
    await pa.getByLabel('Your idea (one per card)').fill('Debt to the recruiter before departure');
    await pa.getByRole('button', { name: 'Add card' }).click();
    // …and the tablemate's phone shows it, live, as the table's, not as an earlier group's.
    const mates = pb.getByTestId('table-sheet');
    await mates
      .getByTestId('table-card')
      .filter({ hasText: 'Debt to the recruiter before departure' })
      .waitFor();
    await pb.getByText('Your table this round (1)').waitFor();
    expect(await pb.getByTestId('earlier').getByText('Debt to the recruiter').count()).toBe(0);
    await pa.getByTestId('my-card').filter({ hasText: 'Debt to the recruiter' }).waitFor();
    await mates.scrollIntoViewIfNeeded();
    await shot(pb, 'phone-tablemate-sheet');
    // …and on the wall, live, in its issue's tile; the whole grid fits the screen.
    const topic = (await pb
      .getByRole('heading', { level: 2, name: /^Sheet: / })
      .textContent())!.replace('Sheet: ', '');
    await wall
      .getByTestId('sov-tile')
      .filter({ hasText: topic })
      .getByTestId('sov-card')
      .filter({ hasText: 'Debt to the recruiter before departure' })
      .waitFor();
    const fits = await wall.evaluate(() =>
      [...document.querySelectorAll('[data-testid="sov-tile"]')].every(
        (el) => el.getBoundingClientRect().bottom <= window.innerHeight,
      ),
    );
    expect(fits).toBe(true);
    await shot(wall, 'sheets-wall-grid');
    // One sheet at a time, turning by the clock.
    await wall.goto(`${h.url}/screen/${eventId}/sheets?rotate=5`);
    await wall.getByTestId('sov-tile').first().waitFor();
    expect(await wall.getByTestId('sov-tile').count()).toBe(1);
    const firstShown = await wall.getByTestId('sov-tile').getAttribute('aria-label');
    await expect
      .poll(() => wall.getByTestId('sov-tile').getAttribute('aria-label'), { timeout: 12_000 })
      .not.toBe(firstShown);
  });

  it('swap lists are sorted, searchable and show organisations; a networking swap says nothing of hosting', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(30_000);
    await signIn(page);
    const api = async <T>(method: 'POST' | 'PUT' | 'GET', url: string, data?: object) => {
      const res = await page.request.fetch(`${h.url}${url}`, { method, data });
      expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
      return (await res.json()) as T;
    };
    // A networking session, and a café host among its people.
    const withNet = await api<EventDetail>('POST', `/api/events/${eventId}/sessions`, {
      kind: 'networking',
      title: 'Speed networking',
      rounds: 2,
      minutesPerRound: 5,
    });
    const net = withNet.sessions.find((x) => x.kind === 'networking')!;
    await api('POST', `/api/events/${eventId}/sessions/${net.id}/plan`, {
      seed: 2,
      timeLimitSeconds: 2,
    });
    const host = roster150()[20]!; // a name nobody shares
    const everyone = await api<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/events/${eventId}/participants`,
    );
    const hostId = everyone.items.find((p) => p.name === host.name)!.id;
    await api('PUT', `/api/events/${eventId}/tables/${withNet.tables[0]!.id}/host`, {
      participantId: hostId,
    });

    await page.goto(`${h.url}/events/${eventId}`);
    const card = page.getByTestId('session').filter({ hasText: 'Speed networking' });
    await card.locator('summary', { hasText: 'Swap two people' }).click();
    const first = card.getByLabel('First person', { exact: true });
    // sorted by name, each with organisation and place
    const labels = await first.locator('option').allTextContents();
    const names = labels.slice(1);
    expect(names).toHaveLength(150);
    const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
    const byName = names.map((l) => l.split(' — ')[0]!);
    expect(byName).toEqual([...byName].sort(collator.compare));
    for (const l of names) expect(l).toMatch(/^.+ — .+ · Spot \d+$/);
    // a shared name is told apart by organisation
    const twin = roster150()[137]!;
    await card.getByLabel('Find the first person (name or organisation)').fill(twin.name);
    expect(await first.locator('option').count()).toBe(3); // "Choose a person" + the two
    // accents and case do not matter: "nguyen" finds Nguyễn
    await card.getByLabel('Find the first person (name or organisation)').fill('nguyen thi hoa');
    await expect.poll(() => first.inputValue()).not.toBe('');
    expect(await first.locator('option:checked').textContent()).toMatch(/^Nguyễn Thị Hoa — /);
    // the host of a café table, swapped in speed networking
    await card.getByLabel('Find the first person (name or organisation)').fill(host.name);
    await expect.poll(() => first.inputValue()).toBe(hostId);
    const other = names.find((l) => !l.startsWith(host.name))!;
    await card.getByLabel('Second person', { exact: true }).selectOption({ label: other });
    await card.getByRole('button', { name: 'Swap', exact: true }).click();
    const outcome = card.locator('.alert');
    await outcome.first().waitFor();
    const said = (await outcome.allTextContents()).join(' ');
    console.log(`[e2e] networking swap of a café host: ${said}`);
    expect(said).not.toMatch(/host/i);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'swap-list');
  });

  it('has no serious accessibility findings and no stray requests', () => {
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
