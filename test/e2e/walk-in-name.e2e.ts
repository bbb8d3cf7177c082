/**
 * A walk-in with a long name registers on a phone in real Chromium: the form takes a name as long
 * as the server and the roster import do (MAX_PARTICIPANT_NAME_LENGTH, not a shorter limit of its
 * own), and the event's list then holds the name whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PARTICIPANT_NAME_LENGTH } from '../../src/contract/constants.ts';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import { DEMO_ADMIN, startHarness, type Harness } from './harness.ts';

const PHONE = { width: 390, height: 844, mobile: true };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('a walk-in’s name on the phone', () => {
  it('takes the longest name the server takes, and stores it whole', async () => {
    const admin = await h.newPage(PHONE);
    const api = admin.context.request;
    expect((await api.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
    const { items } = (await (await api.get(`${h.url}/api/events`)).json()) as {
      items: { id: string }[];
    };
    const event = (await (
      await api.get(`${h.url}/api/events/${items[0]!.id}`)
    ).json()) as EventDetail;
    expect(event.walkInsAllowed).toBe(true);

    const { page } = await h.newPage(PHONE);
    await page.goto(`${h.url}/j/${event.joinCode}`);
    await page.getByText('Not on the list?').click();
    const name = page.getByRole('textbox', { name: 'Your name' });
    expect(await name.getAttribute('maxlength')).toBe(String(MAX_PARTICIPANT_NAME_LENGTH));
    // typed one character past the limit: the form keeps exactly the limit
    const long = 'Chaiyaphon Srisawat-Rattanakosin na Ayutthaya '
      .repeat(5)
      .slice(0, MAX_PARTICIPANT_NAME_LENGTH);
    await name.pressSequentially(`${long}z`, { delay: 0 });
    expect(await name.inputValue()).toBe(long);
    await page.getByRole('textbox', { name: 'Organisation' }).fill('Hope Shelter Chiang Rai');
    await page.getByLabel('Sector').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Register and join' }).click();
    await page.getByRole('button', { name: 'Go to the event' }).waitFor();

    const people = (await (
      await api.get(`${h.url}/api/events/${event.id}/participants`)
    ).json()) as {
      items: Participant[];
    };
    expect(people.items.filter((p) => p.name === long.trim())).toHaveLength(1);
    expect(h.problems).toEqual([]);
  });
});
