/**
 * The spectrum of exploitation in real Chromium (issue 13): a coordinator enters an experience
 * pattern on the desktop form and sees where the rule places it and why; the distribution chart
 * and its table count it at once. A phone at a café table tells a pattern during the round (no
 * free text), it is stored once from the phone and the desktop chart counts it. Screenshots:
 * docs/screenshots/spectrum-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import type { Distribution, PatternList } from '../../src/contract/patterns.ts';
import { DEMO_ADMIN, REPO, screenshots, startHarness, type Harness, pageApi } from './harness.ts';

const SHOTS = path.join(REPO, 'docs/screenshots');
let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS, { prefix: 'spectrum-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('spectrum of exploitation in Chromium', () => {
  it('a pattern entered on the desktop form shows its level and reasons, and the chart counts it', async () => {
    const { context, page } = await h.newPage({ width: 1366, height: 1000 });
    expect((await context.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
    await page.goto(`${h.url}/patterns`);
    await page.getByRole('heading', { level: 1, name: 'Spectrum of exploitation' }).waitFor();
    // the demo event: its patterns, its issues in the form
    await page.getByLabel('Event').selectOption({ index: 1 });
    const formTable = page.locator('#by-form-table');
    await formTable.waitFor();
    const forcedLabourCell = formTable
      .getByRole('row', { name: /^Forced labour/ })
      .getByRole('cell')
      .nth(3); // decent work, labour-rights violation, serious exploitation, forced labour
    const before = Number(await forcedLabourCell.textContent());
    await shot(page, 'distribution');

    // "paid, documents withheld, cannot leave, threatened with denunciation"
    await page.getByLabel('Form of exploitation', { exact: true }).selectOption('ForcedLabour');
    await page.getByLabel('Sector', { exact: true }).selectOption('DomesticWork');
    await page.getByLabel('Café issue', { exact: true }).selectOption('domesticWorkers');
    await page.getByLabel('7. Retention of identity documents').check();
    await page.getByLabel('6. Intimidation and threats').check();
    await page.locator('#pattern-leave').getByLabel('No').check();
    await page.getByLabel('Notes (optional)').fill('Threatened with denunciation to the police; told by Mr Somchai');
    await page.getByText('This may identify a person:').waitFor();
    await page.getByRole('button', { name: 'Save the pattern' }).click();

    const verdict = page.locator('.pattern-saved .verdict');
    await verdict.waitFor();
    await expect.poll(() => verdict.locator('.level-badge').textContent()).toBe('Forced labour');
    const reasons = await verdict.locator('.verdict-reasons li').allTextContents();
    expect(reasons).toEqual([
      'cannot leave',
      'intimidation and threats (ILO 6)',
      'documents retained (ILO 7)',
    ]);
    await expect.poll(() => forcedLabourCell.textContent()).toBe(String(before + 1));
    // the chart draws the same figures as the table beside it
    const bars = await page.locator('#by-form-h ~ .distribution-body svg rect.fill-forced_labour').count();
    expect(bars).toBeGreaterThan(0);
    await shot(page, 'form');
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  }); // prettier-ignore

  it('a phone at a café table adds a pattern during the round, and the chart counts it', async () => {
    // ---- the facilitator plans the demo café and starts it ----
    const { context: fctx, page: f } = await h.newPage({ width: 1366, height: 1000 });
    f.setDefaultTimeout(15_000);
    expect((await fctx.request.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
    await f.goto(`${h.url}/patterns`);
    const api = <T>(method: string, url: string, body?: unknown) =>
      pageApi<T>(f, method, url, body);
    const list = await api<{ items: { id: string; name: string }[] }>('GET', '/api/events');
    const eventId = list.items.find((e) => e.name.includes('(demo)'))!.id;
    let event = await api<EventDetail>('GET', `/api/events/${eventId}`);
    const cafe = event.sessions.find((s) => s.kind === 'cafe')!;
    event = await api<EventDetail>('POST', `/api/events/${eventId}/sessions/${cafe.id}/plan`, { seed: 1, timeLimitSeconds: 5 });
    const people = (await api<{ items: Participant[] }>('GET', `/api/events/${eventId}/participants`)).items;
    const group = event.sessions.find((s) => s.id === cafe.id)!.plan![0]!.groups.find((g) => g.issueKey && g.tableId && g.participantIds.length)!;
    const person = people.find((p) => p.id === group.participantIds[0])!;
    const topic = event.issues.find((i) => i.key === group.issueKey)!.label;
    await f.evaluate(
      ([id, sessionId]) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/api/live/${id}`);
          ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
          ws.onmessage = (e) => {
            const m = JSON.parse(String(e.data)) as { type: string };
            if (m.type === 'welcome')
              ws.send(JSON.stringify({ type: 'intent', id: `console-${Date.now()}`, intent: { type: 'startSession', sessionId } }));
            else if (m.type === 'ack') {
              ws.close();
              resolve();
            }
            else if (m.type === 'reject' || m.type === 'error') reject(new Error(String(e.data)));
          };
        }),
      [eventId, cafe.id] as const,
    );
    const patternsBefore = (await api<PatternList>('GET', `/api/patterns?eventId=${eventId}&limit=200`)).total;
    // the distribution's Forced labour row before (levels…, total)
    await f.getByRole('heading', { level: 1, name: 'Spectrum of exploitation' }).waitFor();
    await f.getByLabel('Event').selectOption(eventId);
    const row = f.locator('#by-form-table').getByRole('row', { name: /^Forced labour/ }).getByRole('cell');
    await row.first().waitFor();
    const rowBefore = (await row.allTextContents()).map(Number);

    // ---- the phone joins by code, sits at its table, and tells a pattern ----
    const { page: phone } = await h.newPage({ width: 390, height: 844, mobile: true });
    phone.setDefaultTimeout(15_000);
    await phone.goto(`${h.url}/join`);
    await phone.getByLabel('Event code').fill(event.joinCode);
    await phone.getByRole('button', { name: 'Continue' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
    await phone.getByRole('radio', { name: new RegExp(person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
    await phone.getByRole('button', { name: 'This is me' }).click();
    await phone.getByRole('button', { name: 'Go to the event' }).click();
    await phone.waitForURL(`**/live/${eventId}`);
    await phone.getByRole('heading', { level: 2, name: `Sheet: ${topic}` }).waitFor();
    const panel = phone.getByTestId('phone-pattern');
    await panel.locator('summary').click();
    const send = panel.getByRole('button', { name: 'Send the pattern' });
    expect(await send.isDisabled()).toBe(true); // a form first
    await panel.getByLabel('Form of exploitation').selectOption('ForcedLabour');
    // "never paid": wages withheld, debt, cannot leave
    await panel.getByLabel('8. Withholding of wages').check();
    await panel.getByLabel('9. Debt bondage').check();
    await panel.getByRole('group', { name: 'Was the person paid?' }).getByLabel('Never').check();
    await panel.getByRole('group', { name: 'Could they leave?' }).getByLabel('No').check();
    await panel.getByRole('group', { name: 'How were they recruited?' }).getByLabel('Deceived').check();
    await panel.getByRole('group', { name: /^Moved from home/ }).getByLabel('Yes').check();
    await shot(phone, 'phone-form');
    await send.click();
    await expect.poll(() => panel.getByTestId('pattern-status').textContent()).toBe('Sent. Thank you.');
    await shot(phone, 'phone-sent');

    // ---- stored once, from the phone, at its table's issue, shared with the coalition ----
    const after = await api<PatternList>('GET', `/api/patterns?eventId=${eventId}&limit=200`);
    expect(after.total).toBe(patternsBefore + 1);
    const mine = after.items.filter((p) => p.source === 'phone');
    expect(mine.length).toBe(1);
    expect(mine[0]).toMatchObject({ issueKey: group.issueKey, form: 'ForcedLabour', paid: 'never', canLeave: false, recruitment: 'deceived', moved: true, notes: '' });
    expect([...mine[0]!.indicators].sort()).toEqual([8, 9]);
    expect(mine[0]!.visibility).toBe('coalition'); // a phone speaks for its table, not an organisation

    // ---- the distribution on the desktop counts it: one more in its level's cell and the total ----
    await f.reload();
    await f.getByLabel('Event').selectOption(eventId);
    await expect.poll(async () => (await row.allTextContents()).map(Number).at(-1)).toBe(rowBefore.at(-1)! + 1);
    const rowAfter = (await row.allTextContents()).map(Number);
    const changed = rowAfter.flatMap((n, i) => (n === rowBefore[i] ? [] : [[i, n - rowBefore[i]!]]));
    const dist = await api<Distribution>('GET', `/api/patterns/distribution?eventId=${eventId}`);
    expect(changed).toEqual([[dist.levels.indexOf(mine[0]!.level), 1], [rowAfter.length - 1, 1]]);
    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  }); // prettier-ignore
});
