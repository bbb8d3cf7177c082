/**
 * World-café sheets of issue 5, in real Chromium, on the demo event: three phones at different
 * tables add cards during a café round and the projector walls show them live; a card gets tags
 * on the phone, which show on the wall, and are changed and cleared; only the table's host is
 * offered the hand-over note, and a note refused after the phone stopped hosting says why; one
 * phone goes offline, adds two cards (shown "waiting to send", kept across a reload), edits one of
 * them while it still waits, comes back, and they appear exactly once, edited, on the wall and in
 * the JSON export; a card in six Asian scripts renders with the shipped fonts; a `<script>` card
 * is shown as text; the facilitator sees authors, edits a card and its tags, reads its history and
 * prints the sheet with tags. Screenshots go to test-results/docs/screenshots/sheets-*.png
 * (docs/screenshots/ itself only with MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/contract/cards.ts';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness, pageApi } from './harness.ts';
import { DEMO_CARD_TEXTS } from '../../src/server/seed/demo-cards.ts';

const DESKTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844, mobile: true };
const SHOTS = path.join(REPO, 'docs/screenshots');

/** One card in Thai, Khmer, Burmese, Chinese, Hindi and Bengali: "human trafficking" in each. */
const SCRIPTS = 'การค้ามนุษย์ · ការជួញដូរមនុស្ស · လူကုန်ကူးမှု · 人口贩卖 · मानव तस्करी · মানব পাচার';
const SCRIPT_CARD = '<script>alert("x")</script> stays text';

let h: Harness;
const suiteStart = Date.now();
const { shot, problems: a11y, dir: shotDir } = screenshots(SHOTS);

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  console.log(
    `[e2e] sheets scenario finished in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`,
  );
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Phone {
  ctx: BrowserContext;
  page: Page;
  person: Participant;
  issueKey: string;
  topic: string;
}

describe('café sheets in Chromium', () => {
  it('three phones add cards live, offline cards arrive once, every script renders', async () => {
    // ---- the facilitator signs in and plans the demo event's café ----
    const { context: fctx, page: f } = await h.newPage(DESKTOP);
    f.setDefaultTimeout(15_000);
    await f.goto(`${h.url}/events`);
    await f.waitForURL('**/login?next=*');
    await f.getByLabel('Email').fill(DEMO_ADMIN.email);
    await f.getByLabel('Password').fill(DEMO_ADMIN.password);
    await f.getByRole('button', { name: 'Sign in' }).click();
    await f.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    const api = <T>(method: string, url: string, body?: unknown) =>
      pageApi<T>(f, method, url, body);
    const list = await api<{ items: { id: string; name: string }[] }>('GET', '/api/events');
    const demo = list.items.find((e) => e.name.includes('(demo)'))!;
    const eventId = demo.id;
    let event = await api<EventDetail>('GET', `/api/events/${eventId}`);
    const cafe = event.sessions.find((s) => s.kind === 'cafe')!;
    event = await api<EventDetail>('POST', `/api/events/${eventId}/sessions/${cafe.id}/plan`, {
      seed: 1,
      timeLimitSeconds: 5,
    });
    const people = (
      await api<{ items: Participant[] }>('GET', `/api/events/${eventId}/participants`)
    ).items;
    const round0 = event.sessions.find((s) => s.id === cafe.id)!.plan![0]!.groups;
    // three people at three different tables (so three different issues) in round 1
    const picks = round0
      .filter((g) => g.issueKey && g.tableId && g.participantIds.length)
      .slice(0, 3)
      .map((g) => ({
        person: people.find((p) => p.id === g.participantIds[0])!,
        issueKey: g.issueKey!,
        topic: event.issues.find((i) => i.key === g.issueKey)!.label,
        table: event.tables.find((t) => t.id === g.tableId)!.name,
        tableId: g.tableId!,
        mate: g.participantIds[1],
      }));
    expect(new Set(picks.map((p) => p.issueKey)).size).toBe(3);

    // Drive the café from a console socket (the console's own buttons are tested in live.e2e).
    const consoleIntent = (intent: Record<string, unknown>) =>
      f.evaluate(
        ([id, body]) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(`ws://${location.host}/api/live/${id}`);
            ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
            ws.onmessage = (e) => {
              const m = JSON.parse(String(e.data)) as { type: string };
              if (m.type === 'welcome')
                ws.send(
                  JSON.stringify({ type: 'intent', id: `console-${Date.now()}`, intent: body }),
                );
              else if (m.type === 'ack') {
                ws.close();
                resolve();
              } else if (m.type === 'reject' || m.type === 'error')
                reject(new Error(String(e.data)));
            };
          }),
        [eventId, intent] as const,
      );
    // The first phone's person hosts their table: only they are offered its hand-over note.
    const setHost = (tableId: string, participantId: string | null) =>
      api('PUT', `/api/events/${eventId}/tables/${tableId}/host`, { participantId });
    await setHost(picks[0]!.tableId, picks[0]!.person.id);
    await consoleIntent({ type: 'startSession', sessionId: cafe.id });

    // ---- three walls on the projector, one per issue those phones sit at ----
    const walls = new Map<string, Page>();
    for (const p of picks) {
      const wall = await fctx.newPage();
      await wall.setViewportSize(PROJECTOR);
      wall.on('pageerror', (err) => h.problems.push(`wall error: ${err.message}`));
      await wall.goto(`${h.url}/screen/${eventId}/sheet/${p.issueKey}`);
      await wall.getByRole('heading', { level: 1, name: p.topic }).waitFor();
      walls.set(p.issueKey, wall);
    }
    let dialogs = 0;
    for (const w of walls.values()) w.on('dialog', (d) => (dialogs++, void d.dismiss()));

    // ---- three phones join by code and open their table's sheet ----
    const phones: Phone[] = [];
    for (const p of picks) {
      const { context, page } = await h.newPage(PHONE);
      page.setDefaultTimeout(15_000);
      page.on('dialog', (d) => (dialogs++, void d.dismiss()));
      await page.goto(`${h.url}/join`);
      await page.getByLabel('Event code').fill(event.joinCode);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
      await page.getByRole('radio', { name: new RegExp(escapeRe(p.person.name)) }).check();
      await page.getByRole('button', { name: 'This is me' }).click();
      await page.getByRole('button', { name: 'Go to the event' }).click();
      await page.waitForURL(`**/live/${eventId}`);
      await page
        .getByTestId('now-text')
        .filter({ hasText: `${p.table} — ${p.topic}` })
        .waitFor();
      await page.getByRole('heading', { level: 2, name: `Sheet: ${p.topic}` }).waitFor();
      phones.push({ ctx: context, page, person: p.person, issueKey: p.issueKey, topic: p.topic });
    }

    const addCard = async (phone: Phone, text: string, kind?: string, level?: string) => {
      const pg = phone.page;
      await pg.getByLabel('Your idea (one per card)').fill(text);
      if (kind) await pg.getByRole('radio', { name: kind, exact: true }).check();
      if (level) await pg.getByRole('radio', { name: level, exact: true }).check();
      await pg.getByRole('button', { name: 'Add card' }).click();
    };
    const onWall = (issueKey: string, text: string) =>
      walls.get(issueKey)!.getByTestId('wall-card').filter({ hasText: text });

    // Each phone adds a card; every wall shows its table's card live, with its layer.
    const texts = [
      'Debt to recruiters before departure',
      'Family pressure to send money home',
      'Loss of documents at the workplace',
    ];
    const t0 = Date.now();
    await addCard(phones[0]!, texts[0]!, 'Cause / push factor', 'Individual');
    await addCard(phones[1]!, texts[1]!, 'Cause / push factor', 'Family');
    await addCard(phones[2]!, texts[2]!, 'Consequence', 'Structural (policy, law, economy)');
    for (const [i, p] of phones.entries()) {
      await onWall(p.issueKey, texts[i]!).waitFor();
      expect(await onWall(p.issueKey, texts[i]!).textContent()).toMatch(/Added in round 1 by/);
    }
    console.log(`[e2e] three cards on three walls in ${Date.now() - t0} ms`);
    // The author sees it as theirs; nothing is waiting.
    await phones[0]!.page.getByTestId('my-card').filter({ hasText: texts[0]! }).waitFor();
    expect(await phones[0]!.page.getByTestId('pending').count()).toBe(0);

    // Bad input is refused on the phone, with a clear message, and nothing is sent.
    await phones[0]!.page.getByRole('button', { name: 'Add card' }).click();
    await phones[0]!.page
      .getByRole('alert')
      .filter({ hasText: 'Write something first.' })
      .waitFor();
    await addCard(phones[0]!, 'x'.repeat(281));
    await phones[0]!.page
      .getByRole('alert')
      .filter({ hasText: 'At most 280 characters.' })
      .waitFor();
    await phones[0]!.page.getByLabel('Your idea (one per card)').fill('');
    expect(await phones[0]!.page.getByTestId('my-card').count()).toBe(1);

    // Six scripts, and a <script> that must stay text, on the first phone's sheet.
    const a = phones[0]!;
    await addCard(a, SCRIPTS, 'Consequence', 'Community');
    await addCard(a, SCRIPT_CARD);
    await onWall(a.issueKey, 'มนุษย์').waitFor();
    await onWall(a.issueKey, 'stays text').waitFor();
    expect(await onWall(a.issueKey, 'stays text').textContent()).toContain(
      '<script>alert("x")</script>',
    );

    // Tags from the phone: folded away, one list at a time; they show on the wall.
    const addForm = a.page
      .locator('form')
      .filter({ has: a.page.getByRole('button', { name: 'Add card' }) });
    const pickTag = async (scope: Locator, group: string, tag: string) => {
      const picker = scope.getByTestId('tag-picker');
      if (!(await picker.evaluate((d) => (d as HTMLDetailsElement).open)))
        await picker.locator('summary').first().click();
      const list = picker.locator('details').filter({ hasText: group });
      if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open)))
        await list.locator('summary').click();
      await list.getByRole('checkbox', { name: tag, exact: true }).click();
    };
    await a.page.getByLabel('Your idea (one per card)').fill('Boat crews kept at sea for months');
    await a.page.getByRole('radio', { name: 'Consequence', exact: true }).check();
    await pickTag(addForm, 'Form of exploitation', 'Forced labour');
    await pickTag(addForm, 'Sector of work', 'Fishing');
    await pickTag(addForm, 'Signs of forced labour', 'Isolation');
    await addForm.getByText('Tags chosen: 3').waitFor();
    await a.page.getByRole('button', { name: 'Add card' }).click();
    const tagged = a.page.getByTestId('my-card').filter({ hasText: 'kept at sea' });
    await tagged.getByTestId('card-tags').filter({ hasText: 'Forced labour' }).waitFor();
    expect(await tagged.getByTestId('card-tags').getByRole('listitem').allTextContents()).toEqual([
      'Forced labour',
      'Fishing',
      'Isolation',
    ]);
    // the add form starts over with no tags
    await addForm.getByText('Tags (optional)').waitFor();
    await onWall(a.issueKey, 'kept at sea')
      .getByTestId('wall-tags')
      .filter({ hasText: 'Fishing' })
      .waitFor();
    // The author changes the tags: one off, one on.
    await tagged.getByRole('button', { name: 'Edit' }).click();
    const editForm = a.page.getByTestId('my-card').filter({ has: a.page.getByLabel('Card text') });
    await pickTag(editForm, 'Sector of work', 'Fishing');
    await pickTag(editForm, 'Signs of forced labour', 'Debt bondage');
    await editForm.getByText('Forced labour · Isolation · Debt bondage').waitFor();
    await editForm.getByText('Tags chosen: 3').scrollIntoViewIfNeeded();
    await shot(a.page, 'sheets-phone-5-tags');
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    const wallTags = onWall(a.issueKey, 'kept at sea').getByTestId('wall-tags');
    await wallTags.filter({ hasText: 'Debt bondage' }).waitFor();
    expect(await wallTags.textContent()).not.toContain('Fishing');
    await tagged.scrollIntoViewIfNeeded();
    await shot(a.page, 'sheets-phone-6-tagged-card');

    // The author edits a card, then deletes it and undoes the delete.
    const mine = a.page.getByTestId('my-card').filter({ hasText: texts[0]! });
    await mine.getByRole('button', { name: 'Edit' }).click();
    await a.page.getByLabel('Card text').fill(`${texts[0]!} (often to brokers)`);
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await onWall(a.issueKey, 'often to brokers').waitFor();
    await a.page
      .getByTestId('my-card')
      .filter({ hasText: 'often to brokers' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await onWall(a.issueKey, 'often to brokers').waitFor({ state: 'detached' });
    await a.page.getByRole('button', { name: 'Undo' }).click();
    await onWall(a.issueKey, 'often to brokers').waitFor();

    // The hand-over note: offered to the table's host only.
    for (const p of phones.slice(1)) {
      await p.page.getByTestId('my-card').first().waitFor();
      expect(await p.page.getByTestId('handover-form').count()).toBe(0);
    }
    // Written offline by the host, who stops hosting before the phone is back: refused, and told.
    await a.ctx.setOffline(true);
    await a.page.getByTestId('link-status').filter({ hasText: 'Offline' }).waitFor();
    await a.page.getByText('Hand-over note for the next group').click();
    await a.page.getByLabel('What should the next group know?').fill('Written while offline.');
    await a.page.getByRole('button', { name: 'Save the note' }).click();
    await setHost(picks[0]!.tableId, picks[0]!.mate ?? null);
    await a.ctx.setOffline(false);
    await a.page
      .getByRole('alert')
      .filter({ hasText: "Not saved: Only your table's host can write the hand-over note." })
      .waitFor({ timeout: 20_000 });
    expect(await a.page.getByTestId('handover-form').count()).toBe(0);
    await a.page.getByRole('alert').filter({ hasText: 'Not saved' }).scrollIntoViewIfNeeded();
    await shot(a.page, 'sheets-phone-7-note-refused');
    expect(await walls.get(a.issueKey)!.getByTestId('wall-handover').count()).toBe(0);
    // Host again: the note goes through.
    await setHost(picks[0]!.tableId, picks[0]!.person.id);
    await a.page.getByText('Hand-over note for the next group').click();
    await a.page.getByLabel('What should the next group know?').fill('Look at debt bondage first.');
    await a.page.getByRole('button', { name: 'Save the note' }).click();
    await walls
      .get(a.issueKey)!
      .getByTestId('wall-handover')
      .filter({ hasText: 'debt bondage' })
      .waitFor();
    await shot(a.page, 'sheets-phone-1-sheet', true);
    // The same sheet in Thai.
    await a.page.getByRole('button', { name: 'ไทย' }).click();
    await a.page.getByRole('heading', { level: 2, name: `แผ่นงาน: ${a.topic}` }).waitFor();
    await a.page.getByRole('button', { name: 'เพิ่มการ์ด' }).waitFor();
    await shot(a.page, 'sheets-phone-4-thai', true);
    await a.page.getByRole('button', { name: 'English' }).click();

    // ---- one phone goes offline and adds two cards ----
    const c = phones[2]!;
    await c.ctx.setOffline(true);
    await c.page.getByTestId('link-status').filter({ hasText: 'Offline' }).waitFor();
    const offline = ['Offline card one: wage theft', 'Offline card two: threats to family'];
    const edited = 'Offline card one: wage theft by the agent';
    for (const text of offline) await addCard(c, text, 'Consequence', 'Family');
    for (const text of offline)
      await c.page
        .getByTestId('my-card')
        .filter({ hasText: text })
        .getByText('Waiting to send')
        .waitFor();
    // A card still waiting to send is edited, text and tags, while it waits (SYNC-10).
    const waiting = c.page.getByTestId('my-card').filter({ hasText: offline[0]! });
    await waiting.getByRole('button', { name: 'Edit' }).click();
    await c.page.getByLabel('Card text').fill(edited);
    const waitingForm = c.page
      .getByTestId('my-card')
      .filter({ has: c.page.getByLabel('Card text') });
    await pickTag(waitingForm, 'Signs of forced labour', 'Withholding of wages');
    await c.page.getByRole('button', { name: 'Save', exact: true }).click();
    await c.page
      .getByTestId('my-card')
      .filter({ hasText: edited })
      .filter({ hasText: 'Withholding of wages' })
      .getByText('Waiting to send')
      .waitFor();
    await shot(c.page, 'sheets-phone-2-offline', true);
    // Kept across a reload with no network (service worker + IndexedDB).
    await c.page.reload();
    for (const text of offline)
      await c.page
        .getByTestId('my-card')
        .filter({ hasText: text })
        .getByText('Waiting to send')
        .waitFor();
    expect(await onWall(c.issueKey, 'Offline card').count()).toBe(0);
    await c.ctx.setOffline(false);
    for (const text of offline) await onWall(c.issueKey, text).waitFor({ timeout: 20_000 });
    await c.page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await expect.poll(() => c.page.getByTestId('pending').count()).toBe(0);
    // Exactly once everywhere: every wall, every phone, the export. A duplicate could only come
    // in before a later change (one sequence, delivered in order): the phone adds a card once
    // everything is acknowledged, and once that card is shown, whatever came before it is too.
    const marker = 'Online again: recruiters kept the passports';
    await addCard(c, marker, 'Consequence', 'Family');
    await onWall(c.issueKey, marker).waitFor();
    await c.page.getByTestId('my-card').filter({ hasText: marker }).waitFor();
    await expect.poll(() => c.page.getByTestId('pending').count()).toBe(0);
    for (const text of offline) {
      expect(await onWall(c.issueKey, text).count()).toBe(1);
      expect(await c.page.getByTestId('my-card').filter({ hasText: text }).count()).toBe(1);
    }
    const exported = await api<{ cards: Card[] }>(
      'GET',
      `/api/events/${eventId}/sheets/${c.issueKey}`,
    );
    const arrived = [edited, offline[1]!, marker];
    for (const text of arrived)
      expect(exported.cards.filter((x) => x.text === text)).toHaveLength(1);
    // the edit made offline applied once, on top of the add: version 2, with its tag
    expect(exported.cards.find((x) => x.text === edited)).toMatchObject({
      version: 2,
      tags: { ilo: ['withholdingOfWages'] },
    });
    expect(await onWall(c.issueKey, edited).getByTestId('wall-tags').textContent()).toContain(
      'Withholding of wages',
    );
    const seeded = new Set(DEMO_CARD_TEXTS.get(c.issueKey) ?? []);
    expect(
      exported.cards
        .map((x) => x.text)
        .filter((x) => !seeded.has(x))
        .sort(),
    ).toEqual([texts[2]!, ...arrived].sort());

    // ---- the wall, read from the back of the hall ----
    const wallA = walls.get(a.issueKey)!;
    await shot(wallA, 'sheets-wall-1-scripts');
    await onWall(a.issueKey, 'มนุษย์').screenshot({
      path: path.join(shotDir, 'sheets-wall-scripts-card.png'),
    });
    await shot(walls.get(c.issueKey)!, 'sheets-wall-2-after-offline');
    // Every script has its font loaded (no tofu): the document says which faces it used.
    const families = await wallA.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((x) => x.status === 'loaded').map((x) => x.family);
    });
    for (const fam of ['Thai', 'Khmer', 'Myanmar', 'SC', 'Devanagari', 'Bengali'])
      expect(families.some((x) => x.includes(fam))).toBe(true);
    expect(dialogs).toBe(0);

    // ---- the next round: a new group opens on what earlier groups said ----
    await consoleIntent({ type: 'nextRound' });
    event = await api<EventDetail>('GET', `/api/events/${eventId}`);
    const round1 = event.sessions.find((s) => s.id === cafe.id)!.plan![1]!.groups;
    // Someone now at one of the sheets that has cards (a fourth phone, if no phone of ours is).
    const withCards = new Set(phones.map((p) => p.issueKey));
    const g =
      round1.find((x) => x.issueKey === a.issueKey) ??
      round1.find((x) => x.issueKey && withCards.has(x.issueKey))!;
    const taken = new Set(phones.map((p) => p.person.id));
    const newcomer = people.find((p) => p.id === g.participantIds.find((id) => !taken.has(id)))!;
    const { page: n } = await h.newPage(PHONE);
    n.setDefaultTimeout(15_000);
    await n.goto(`${h.url}/join`);
    await n.getByLabel('Event code').fill(event.joinCode);
    await n.getByRole('button', { name: 'Continue' }).click();
    await n.getByRole('radio', { name: new RegExp(escapeRe(newcomer.name)) }).check();
    await n.getByRole('button', { name: 'This is me' }).click();
    await n.getByRole('button', { name: 'Go to the event' }).click();
    const gTopic = event.issues.find((i) => i.key === g.issueKey)!.label;
    await n.getByRole('heading', { level: 2, name: `Sheet: ${gTopic}` }).waitFor();
    const before = await api<{ cards: Card[] }>(
      'GET',
      `/api/events/${eventId}/sheets/${g.issueKey}`,
    );
    expect(before.cards.length).toBeGreaterThan(0);
    await n
      .getByText(`What earlier groups said (${before.cards.length})`, { exact: true })
      .waitFor();
    for (const c of before.cards.slice(-3))
      await n.getByTestId('earlier').getByText(c.text, { exact: true }).waitFor();
    if (g.issueKey === a.issueKey)
      await n.getByTestId('phone-handover').filter({ hasText: 'debt bondage' }).waitFor();
    // The newcomer adds to the sheet: a second layer on the wall, if it is on one.
    await n.getByLabel('Your idea (one per card)').fill('Second group: online grooming');
    await n.getByRole('button', { name: 'Add card' }).click();
    const gWall = walls.get(g.issueKey!)!;
    await gWall
      .getByTestId('wall-card')
      .filter({ hasText: 'Second group' })
      .filter({ hasText: 'Added in round 2 by' })
      .waitFor();
    await shot(n, 'sheets-phone-3-next-round', true);
    await shot(gWall, 'sheets-wall-4-two-layers');

    // ---- the facilitator's sheet, from the console: authors, edit, history, export, print ----
    await f.goto(`${h.url}/events/${eventId}/facilitate`);
    await f.getByRole('link', { name: 'Café sheets' }).click();
    await f.getByRole('heading', { level: 1, name: 'Café sheets' }).waitFor();
    await f.getByRole('link', { name: a.topic, exact: true }).click();
    await f.getByRole('heading', { level: 1, name: `Sheet: ${a.topic}` }).waitFor();
    const managed = f.getByTestId('manage-card').filter({ hasText: SCRIPTS.slice(0, 8) });
    await managed.getByText(`By ${a.person.name}`).waitFor();
    await managed.getByRole('button', { name: 'Edit' }).click();
    await f.getByLabel('Card text').fill(`${SCRIPTS} (edited)`);
    await managed
      .getByRole('group', { name: 'Who is affected' })
      .getByRole('checkbox', { name: 'Migrants', exact: true })
      .check();
    await f.getByRole('button', { name: 'Save', exact: true }).click();
    await onWall(a.issueKey, '(edited)').waitFor();
    await onWall(a.issueKey, '(edited)')
      .getByTestId('wall-tags')
      .filter({ hasText: 'Migrants' })
      .waitFor();
    await managed.getByTestId('manage-tags').filter({ hasText: 'Migrants' }).waitFor();
    await managed.getByRole('button', { name: 'History' }).click();
    await managed
      .getByRole('list', { name: 'Versions of this card' })
      .getByText('Edited')
      .waitFor();
    await shot(f, 'sheets-manage', true);
    // Authors never reach the wall.
    expect(await wallA.getByText(a.person.name).count()).toBe(0);

    await f.goto(`${h.url}/events/${eventId}/sheets/${a.issueKey}/print`);
    await f.getByRole('heading', { level: 1, name: a.topic }).waitFor();
    expect(await f.getByTestId('print-card').count()).toBe(
      4 + (g.issueKey === a.issueKey ? 1 : 0) + (DEMO_CARD_TEXTS.get(a.issueKey)?.length ?? 0),
    );
    await f
      .getByTestId('print-card')
      .filter({ hasText: 'kept at sea' })
      .getByTestId('print-tags')
      .filter({ hasText: 'Forced labour, Isolation, Debt bondage' })
      .waitFor();
    await f.emulateMedia({ media: 'print' });
    await shot(f, 'sheets-print', true);
    await f.emulateMedia({ media: 'screen' });

    await shot(wallA, 'sheets-wall-3-final');
    // A browser not signed in gets no sheet, and is told how to sign in.
    const { page: anon } = await h.newPage(PROJECTOR);
    await anon.goto(`${h.url}/screen/${eventId}/sheet/${a.issueKey}`);
    await anon
      .getByRole('heading', { name: 'This computer is not signed in to the event.' })
      .waitFor();
    expect(await anon.getByTestId('wall-card').count()).toBe(0);
    expect(a11y).toEqual([]);
    const offlineNoise = /WebSocket connection .* failed: .*ERR_INTERNET_DISCONNECTED/;
    expect(h.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
  });
});
