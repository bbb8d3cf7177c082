/**
 * One longest participant name everywhere (MAX_PARTICIPANT_NAME_LENGTH): a walk-in registering on
 * their phone, a person a facilitator adds and a roster import all take a name of exactly that
 * many characters and refuse one more, naming the field; nothing is stored for a refused one.
 * (The phone's form carries the same limit: test/e2e/walk-in-name.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEventSetup, type DemoEventSetup } from '../support/demo-event.ts';
import { MAX_PARTICIPANT_NAME_LENGTH } from '../../src/contract/constants.ts';
import type { Participant } from '../../src/contract/events.ts';
import { MAX_NAME } from '../../src/domain/import/roster.ts';

/** A name of `n` characters that reads like one: Thai and Latin words, no two alike. */
const nameOf = (n: number, seed: string) =>
  `${seed} ${'สมชาย Wongsakul '.repeat(Math.ceil(n / 16))}`.slice(0, n).replace(/ $/, 'x');

it('the roster import takes the same longest name as the contract', () => {
  expect(MAX_NAME).toBe(MAX_PARTICIPANT_NAME_LENGTH);
  expect(MAX_PARTICIPANT_NAME_LENGTH).toBeGreaterThanOrEqual(137); // the longest in the roster fixture
});

describe.each(testBackends())('the longest participant name on $name', (backend) => {
  let d: DemoEventSetup;
  beforeAll(async () => {
    d = await demoEventSetup(backend);
    expect(d.event.walkInsAllowed).toBe(true);
  });
  afterAll(async () => d?.close());

  const people = async () =>
    (await d.call('GET', `/api/events/${d.event.id}/participants`, d.admin)).json<{
      items: Participant[];
    }>().items;

  const fieldsOf = (body: string) =>
    (JSON.parse(body) as { fields?: { field: string; code?: string }[] }).fields ?? [];

  it.each([
    ['a walk-in on their phone', 'walk-in'],
    ['a person a facilitator adds', 'facilitator'],
  ])('%s: the longest name is taken whole, one more character is refused', async (_, who) => {
    const person = (name: string) => ({
      name,
      organisation: 'Hope Shelter Chiang Rai',
      sector: 'ngo',
    });
    const send = (name: string) =>
      who === 'walk-in'
        ? d.call('POST', `/api/join/${d.event.joinCode}/register`, null, person(name))
        : d.call('POST', `/api/events/${d.event.id}/participants`, d.admin, person(name));
    const longest = nameOf(MAX_PARTICIPANT_NAME_LENGTH, who);
    expect([...longest].length).toBe(MAX_PARTICIPANT_NAME_LENGTH);
    const ok = await send(longest);
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    expect((await people()).filter((p) => p.name === longest)).toHaveLength(1);

    const before = (await people()).length;
    const tooLong = nameOf(MAX_PARTICIPANT_NAME_LENGTH + 1, `${who}!`);
    const refused = await send(tooLong);
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.body)).toContainEqual(
      expect.objectContaining({ field: 'name', code: 'too_long' }),
    );
    expect((await people()).length).toBe(before);
  });
});
