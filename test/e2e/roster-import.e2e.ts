/**
 * The roster import's mapping screen in real Chromium: a coordinator chooses the held-in export
 * of a registration form (its own headers, labels not keys, five scripts, a BOM, CRLF), sees how
 * each column was read and the one answer Mosaic does not know — asked once for all its rows —
 * maps it with a picker, and imports 150 people without touching a spreadsheet. Screenshots of
 * the mapping screen (looked at) go to test-results/.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src/contract/events.ts';
import { makePeople } from '../fixtures/roster/roster.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

const DESKTOP = { width: 1366, height: 900 };
let h: Harness;
const { shot, problems: a11y } = screenshots(RESULTS, {
  fonts: [{ font: '16px "Mosaic Thai"', text: 'ไทย' }],
});

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('roster import in Chromium', () => {
  it('maps a form export’s columns and its one unknown answer, then imports 150 people', async () => {
    const { page: f } = await h.newPage(DESKTOP);
    f.setDefaultTimeout(20_000);
    await f.goto(`${h.url}/events`);
    await f.waitForURL('**/login?next=*');
    await f.getByLabel('Email').fill(DEMO_ADMIN.email);
    await f.getByLabel('Password').fill(DEMO_ADMIN.password);
    await f.getByRole('button', { name: 'Sign in' }).click();
    await f.getByRole('link', { name: 'New event' }).click();
    const eventName = `Roster day ${Date.now().toString(36)}`;
    await f.getByLabel('Name').fill(eventName);
    await f.getByRole('button', { name: 'Create event' }).click();
    await f.getByRole('heading', { level: 1, name: eventName }).waitFor();
    const eventId = f.url().split('/events/')[1]!.split(/[?#]/)[0]!;

    // A pasted table with problems: grouped by kind, each naming the line, the column as written
    // and the value; an unknown sector asked once.
    const bad = [
      'Full name\tOrganisation / Agency\tSector\tE-mail',
      '\tMekong Youth Network\tNGO\t',
      `${'N'.repeat(201)}\tChab Dai\tPolice\t`,
      'Somchai\tIJM\tNGO\tsomchai(at)example.org',
      'Dara\tIJM',
      'Lina\tUNODC\tUN / international\t',
    ].join('\n');
    await f.locator('#csv-text').fill(bad);
    await f.getByRole('button', { name: 'Check the file' }).click();
    const groups = f.getByTestId('csv-problems');
    await groups
      .getByRole('heading', { name: /Empty required values · column “Full name”/ })
      .waitFor();
    await groups.getByRole('heading', { name: /Lines with too few fields/ }).waitFor();
    expect(await groups.textContent()).toContain('somchai(at)example.org');
    await f
      .getByTestId('import-values')
      .getByText('“UN / international” appears in 1 row')
      .waitFor();
    await groups.scrollIntoViewIfNeeded();
    await shot(f, 'roster-import-0-problems');
    await f.locator('#csv-text').fill('');

    const file = fileURLToPath(new URL('../fixtures/roster/form-export.csv', import.meta.url));
    await f.locator('#csv-file').setInputFiles(file);
    await f
      .getByTestId('import-summary')
      .getByText('Read 150 rows from form-export.csv (UTF-8).')
      .waitFor();
    await f.getByText('1 answer needs your choice.').waitFor();
    const values = f.getByTestId('import-values');
    const question = values.getByLabel(/“UN \/ international” appears in \d+ rows/);
    await question.waitFor();
    // how the form's own headers were read
    await expect.poll(() => f.getByLabel('What “Full name” becomes').inputValue()).toBe('name');
    expect(
      await f.getByLabel('What “Which sector best describes your work?” becomes').inputValue(),
    ).toBe('sector');
    expect(await f.getByLabel('What “First choice” becomes').inputValue()).toBe('choice1');
    expect(await f.getByLabel('What “Timestamp” becomes').inputValue()).toBe('');
    await values.scrollIntoViewIfNeeded();
    await shot(f, 'roster-import-1-mapping');

    await question.selectOption({ label: 'UN agency' });
    await f.getByText('The file is right: 150 participants, ready to import.').waitFor();
    await f.getByRole('button', { name: 'Import 150 participants' }).waitFor();
    await shot(f, 'roster-import-2-ready');
    await f.getByRole('button', { name: 'Import 150 participants' }).click();
    await f.getByText('150 participants imported.').waitFor();
    await f.getByRole('heading', { name: /Participants \(150\)/ }).waitFor();

    const stored = (await f.evaluate(async (id) => {
      return (await (await fetch(`/api/events/${id}/participants`)).json()) as unknown;
    }, eventId)) as { items: Participant[] };
    const people = makePeople();
    expect(stored.items.map((p) => [p.name, p.organisation, p.sector, p.choices])).toEqual(
      people.map((p) => [p.name, p.organisation, p.sector, p.choices]),
    );
    await shot(f, 'roster-import-3-imported');
    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
