/**
 * Issue 13's vocabulary page in real Chromium, for a coordinator (the demo admin): on /factors a
 * factor is renamed and given a Thai synonym through its editor — the review screen's suggestions
 * use both at once (a Thai card that matched nothing of it before now has it first, under the new
 * name, with the synonym's words marked); a bad edit is refused on its field; a factor is added;
 * one factor is merged into another (the dialog says how many cards follow) and the overlap page's
 * counts follow the cards; retire and restore. Keyboard: the editor is opened, filled and saved
 * from the keyboard. Screenshots: docs/screenshots/factors-*.png (through the harness:
 * test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactorReview, Vocabulary } from '../../src/contract/factors.ts';
import type { OverlapAnswer } from '../../src/contract/overlap.ts';
import { pageApi, REPO, screenshots, startHarness, type Harness, signInAdmin } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
const SHOTS = path.join(REPO, 'docs/screenshots');
/** A Thai café card about a chain-share (pyramid) scheme: no factor has these words by default. */
const THAI_CARD = 'เล่นแชร์ลูกโซ่';
const THAI_SYNONYM = 'แชร์ลูกโซ่';
const RENAMED = 'Debt and chain-share schemes';

let h: Harness;
const { shot, problems: a11y } = screenshots(SHOTS);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const api = pageApi;

/** A card written at the café, sent as the facilitator's console does: one live intent. */
const addCard = (page: Page, eventId: string, card: { issueKey: string; text: string }) =>
  page.evaluate(
    async ([eventId, issueKey, text]) =>
      new Promise<{ type: string; error?: string; cardId: string }>((resolve, reject) => {
        const cardId = crypto.randomUUID();
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/live/${eventId}`);
        const id = `vocab-${cardId.slice(0, 12)}`;
        ws.onerror = () => reject(new Error('live connection failed'));
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { type: string; id?: string; error?: string };
          if (m.type === 'welcome')
            ws.send(JSON.stringify({ type: 'intent', id, intent: { type: 'addCard', cardId, issueKey, text, kind: 'cause', level: 'individual' } }));
          if ((m.type === 'ack' || m.type === 'reject') && m.id === id) {
            ws.close();
            resolve({ type: m.type, error: m.error, cardId });
          }
        };
      }),
    [eventId, card.issueKey, card.text] as const,
  ); // prettier-ignore

const signIn = (page: Page) => signInAdmin(page, h.url);

/** The row of a factor in the vocabulary table. */
const row = (page: Page, id: string) => page.locator(`tr[data-factor="${id}"]`);

describe('vocabulary page in Chromium', () => {
  it('rename + a Thai synonym reach the review screen; a merge moves the overlap counts', async () => {
    const { page } = await h.newPage(DESKTOP);
    page.setDefaultTimeout(15_000);
    await signIn(page);
    const events = await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/events');
    const eventId = events.items.find((e) => e.name.includes('(demo)'))!.id;

    // ---- a Thai card nothing in the default vocabulary names ----
    const sent = await addCard(page, eventId, { issueKey: 'domesticWorkers', text: THAI_CARD });
    expect(sent.type).toBe('ack');
    const before = await api<FactorReview>(page, 'GET', `/api/events/${eventId}/factors/review`);
    const thai = before.cards.find((c) => c.id === sent.cardId)!;
    expect(thai.text).toBe(THAI_CARD);
    expect(thai.suggestions.map((s) => s.factor)).not.toContain('push.debt');

    // ---- the vocabulary page: both kinds, labels in every language, from the navigation ----
    await page.goto(`${h.url}/events`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Factors' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factors' }).waitFor();
    const vocab = await api<Vocabulary>(page, 'GET', '/api/factors');
    expect(vocab.languages).toEqual(['en', 'th', 'vi', 'id', 'tl', 'zh', 'km', 'my']);
    const causes = page.getByTestId('factors-cause');
    const heads = await causes.locator('thead th').allTextContents();
    expect(heads.slice(1, 9)).toEqual(['English', 'Thai', 'Vietnamese', 'Indonesian / Malay', 'Tagalog', 'Chinese', 'Khmer', 'Burmese']);
    const debt = vocab.factors.find((f) => f.id === 'push.debt')!;
    const debtLabels = await row(page, 'push.debt').locator('td .factor-label').allTextContents();
    expect(debtLabels).toEqual(vocab.languages.map((l) => debt.labels[l] ?? '—'));
    const debtWords = await row(page, 'push.debt').locator('td .factor-words').allTextContents();
    expect(debtWords).toEqual(vocab.languages.map((l) => `${debt.keywords[l]?.length ?? 0} words`));
    expect(await page.getByTestId('factors-consequence').locator('tbody tr').count()).toBe(vocab.factors.filter((f) => f.kind === 'consequence' && f.status !== 'merged').length);
    await shot(page, 'factors-page');

    // ---- a bad edit is refused on its field (a keyword longer than 120 characters), nothing saved ----
    await row(page, 'push.debt').getByRole('button', { name: debt.labels.en!, exact: true }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: `Edit the factor “${debt.labels.en}”` });
    await editor.waitFor();
    const thKeywords = editor.getByRole('textbox', { name: 'Synonyms and keywords' }).nth(1);
    expect(await thKeywords.evaluate((el) => el.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Thai');
    const thBefore = await thKeywords.inputValue();
    expect(thBefore.split('\n')).toEqual(debt.keywords.th);
    await thKeywords.fill(`${thBefore}\n${'ก'.repeat(121)}`);
    await editor.getByRole('button', { name: 'Save' }).click();
    const summary = editor.getByTestId('factor-errors');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(`Synonyms and keywords (Thai): line ${debt.keywords.th!.length + 1}:`);
    expect(await thKeywords.getAttribute('aria-invalid')).toBe('true');
    expect((await api<Vocabulary>(page, 'GET', '/api/factors')).factors.find((f) => f.id === 'push.debt')!.keywords.th).toEqual(debt.keywords.th);

    // ---- rename and a Thai synonym, typed from the keyboard ----
    const enLabel = editor.getByRole('textbox', { name: 'Label (required)' });
    await enLabel.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(RENAMED);
    await thKeywords.fill(`${thBefore}\n${THAI_SYNONYM}`);
    await shot(page, 'factors-editor');
    await editor.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('factors-status').textContent()).toBe(`${RENAMED} saved. Suggestions use the new words from now on.`);
    const saved = (await api<Vocabulary>(page, 'GET', '/api/factors')).factors.find((f) => f.id === 'push.debt')!;
    expect(saved.labels.en).toBe(RENAMED);
    expect(saved.keywords.th).toEqual([...debt.keywords.th!, THAI_SYNONYM]);

    // ---- the review screen's suggestions use it: the Thai card now has the factor first ----
    await page.goto(`${h.url}/events/${eventId}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review cards into factors' }).waitFor();
    const card = page.locator(`[data-card="${sent.cardId}"]`);
    await card.waitFor();
    const first = card.locator('.review-suggestions li').first();
    await expect.poll(() => first.getByRole('button').textContent()).toBe(`1 ${RENAMED}`);
    const marked = await first.locator('.review-matched mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((w) => THAI_SYNONYM.includes(w) || THAI_CARD.includes(w))).toBe(true);
    const after = await api<FactorReview>(page, 'GET', `/api/events/${eventId}/factors/review`);
    expect(after.cards.find((c) => c.id === sent.cardId)!.suggestions[0]!.factor).toBe('push.debt');
    // the review screen links back to the vocabulary
    await page.getByRole('link', { name: 'Edit the factors' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factors' }).waitFor();

    // ---- cards confirmed (every demo cause card to its first suggestion), then a merge ----
    for (const c of after.cards) {
      const f = c.suggestions[0]?.factor;
      if (f && c.kind === 'cause') await api(page, 'PUT', `/api/events/${eventId}/cards/${c.id}/factor`, { factor: f });
    }
    const overlap1 = await api<OverlapAnswer>(page, 'GET', '/api/overlap');
    const totals = (a: OverlapAnswer) =>
      new Map(a.cause.byIssue.rows.map((r) => [r.factor, Object.values(r.cells).reduce<number>((s, n) => s + Number(n), 0)]));
    const t1 = totals(overlap1);
    const counted = [...t1].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(counted.length).toBeGreaterThan(2);
    const [[into, nInto], [from, nFrom]] = [counted[0]!, counted[1]!];
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Factors' }).waitFor();
    const vocab2 = await api<Vocabulary>(page, 'GET', '/api/factors');
    const label = (id: string) => vocab2.factors.find((f) => f.id === id)!.labels.en!;
    expect(await row(page, from).locator('td').nth(8).textContent()).toBe(String(nFrom));
    await row(page, from).getByRole('button', { name: `Merge ${label(from)} into another factor` }).click();
    const merge = page.getByRole('dialog', { name: 'Merge two factors' });
    await merge.waitFor();
    await expect.poll(() => merge.getByTestId('merge-follow').textContent()).toBe(`${nFrom} confirmed ${nFrom === 1 ? 'card' : 'cards'} will follow.`);
    await merge.getByLabel('into this factor').selectOption(into);
    await shot(page, 'factors-merge');
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();
    await merge.waitFor({ state: 'detached' });
    await expect.poll(() => row(page, into).locator('td').nth(8).textContent()).toBe(String(nInto + nFrom));
    expect(await row(page, from).count()).toBe(0); // merged factors are hidden unless asked for
    await page.getByLabel('Show merged factors').check();
    await expect.poll(() => row(page, from).locator('td').nth(9).textContent()).toBe(`Merged into ${label(into)}`);

    // ---- the overlap counts follow the cards: one row with both factors' cards, per issue ----
    const overlap2 = await api<OverlapAnswer>(page, 'GET', '/api/overlap');
    const t2 = totals(overlap2);
    expect(t2.get(into)).toBe(nInto + nFrom);
    expect(t2.get(from) ?? 0).toBe(0);
    const cellsOf = (a: OverlapAnswer, f: string) => a.cause.byIssue.rows.find((r) => r.factor === f)?.cells ?? {};
    const expectCells: Record<string, number> = { ...cellsOf(overlap1, into) } as Record<string, number>;
    for (const [k, n] of Object.entries(cellsOf(overlap1, from))) expectCells[k] = (expectCells[k] ?? 0) + Number(n);
    expect(cellsOf(overlap2, into)).toEqual(expectCells);
    await page.goto(`${h.url}/analysis/overlap`);
    const heat = page.locator('.ovl-charts section').first().locator('table').first();
    await expect.poll(async () => (await heat.locator('tbody th').allTextContents()).includes(label(into))).toBe(true);
    const rowTotal = async (l: string) =>
      heat.locator('tbody tr').filter({ has: page.locator('th', { hasText: l }) }).first().locator('td').last().textContent();
    await expect.poll(() => rowTotal(label(into))).toBe(String(nInto + nFrom));
    expect(await heat.locator('tbody th').allTextContents()).not.toContain(label(from));

    // ---- split: one card of the merged factor moves to a new factor ----
    await page.goto(`${h.url}/factors`);
    await row(page, into).getByRole('button', { name: `Split ${label(into)}` }).click();
    const split = page.getByRole('dialog', { name: `Split “${label(into)}”` });
    await split.getByRole('textbox', { name: 'Label in English' }).fill('Chain-share schemes');
    const ticks = split.getByRole('checkbox');
    await expect.poll(() => ticks.count()).toBe(nInto + nFrom + 1); // the cards, and "retire"
    await ticks.first().check();
    await split.getByRole('button', { name: 'Split, moving 1 card' }).click();
    await split.waitFor({ state: 'detached' });
    const parts = (await api<Vocabulary>(page, 'GET', '/api/factors')).factors;
    const part = parts.find((f) => f.labels.en === 'Chain-share schemes')!;
    expect(part).toMatchObject({ kind: 'cause', cards: 1, status: 'active' });
    expect(parts.find((f) => f.id === into)!.cards).toBe(nInto + nFrom - 1);
    await expect.poll(() => row(page, part.id).locator('td').nth(8).textContent()).toBe('1');

    // ---- add a factor (the id from the label), retire it, restore it ----
    await page.getByRole('button', { name: 'Add a push factor…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a factor' });
    await add.getByRole('textbox', { name: 'Label (required)' }).fill('Karaoke bar recruitment');
    await add.getByRole('textbox', { name: 'Synonyms and keywords' }).nth(1).fill('คาราโอเกะ');
    await add.getByRole('button', { name: 'Add the factor' }).click();
    await add.waitFor({ state: 'detached' });
    const made = (await api<Vocabulary>(page, 'GET', '/api/factors')).factors.find((f) => f.labels.en === 'Karaoke bar recruitment')!;
    expect(made).toMatchObject({ kind: 'cause', status: 'active', keywords: { th: ['คาราโอเกะ'] } });
    await row(page, made.id).getByRole('button', { name: 'Retire Karaoke bar recruitment' }).click();
    await expect.poll(() => row(page, made.id).locator('td').nth(9).textContent()).toBe('Retired');
    await row(page, made.id).getByRole('button', { name: 'Restore Karaoke bar recruitment' }).click();
    await expect.poll(() => row(page, made.id).locator('td').nth(9).textContent()).toBe('In use');

    expect(h.problems).toEqual([]);
    expect(a11y).toEqual([]);
  }); // prettier-ignore
});
