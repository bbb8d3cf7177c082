/**
 * Issue 10, item 10: text that is not text, dates that do not exist, names that display as another,
 * and search wildcards — each refused (400 naming the field) or taken literally, on both databases,
 * over HTTP and over the live socket.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';

const org = {
  name: 'Input Rules Outreach',
  type: 'NGO',
  kindsOfWork: ['protection'],
  forms: ['ForcedLabour'],
  countries: ['TH'],
  provinces: [],
  languages: ['th'],
  website: null,
  description: '',
  visibility: 'coalition',
};

describe.each(testBackends())('input rules on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  const post = (url: string, payload: object): Promise<LightMyRequestResponse> =>
    h.app.inject({ method: 'POST', url, payload, headers: { cookie: admin } });
  const fieldsOf = (res: { statusCode: number; json(): { fields?: { field: string }[] } }) => {
    expect(res.statusCode).toBe(400);
    return (res.json().fields ?? []).map((f) => f.field);
  };
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  it('refuses a lone surrogate in any string of a body, naming the field', async () => {
    const count = async () =>
      (await h.store.db.selectFrom('organisations').select('id').execute()).length;
    const before = await count();
    expect(fieldsOf(await post('/api/organisations', { ...org, name: 'A\ud800B' }))).toEqual([
      'name',
    ]);
    expect(fieldsOf(await post('/api/organisations', { ...org, languages: ['\udc00'] }))).toEqual([
      'languages.0',
    ]);
    const event = { name: 'E', startsOn: '2027-01-10', endsOn: '2027-01-11' };
    const nested = await post('/api/events', {
      ...event,
      tables: [{ name: 'T\ud83d', capacity: 4 }],
    });
    expect(fieldsOf(nested)).toEqual(['tables.0.name']);
    expect(await count()).toBe(before);
    // A well-formed pair (an emoji) is text.
    expect(
      (await post('/api/organisations', { ...org, name: 'Smile \ud83d\ude00' })).statusCode,
    ).toBe(201);
  });

  it('refuses a lone surrogate in a live message', async () => {
    const event = await demoEvent(h.app, admin);
    const port = await listen(h.app);
    const c = await TestLiveClient.connect(`ws://127.0.0.1:${port}/api/live/${event.id}`, {
      cookie: admin,
    });
    await c.hello();
    const id = randomUUID().replaceAll('-', '');
    c.send({
      type: 'intent',
      id,
      intent: {
        type: 'addCard',
        cardId: randomUUID(),
        issueKey: event.issues[0]!.key,
        text: 'broken \udfff text',
        kind: 'cause',
        level: 'individual',
      },
    });
    const answer = await c.next((m) => (m.type === 'reject' || m.type === 'ack') && m.id === id);
    expect(answer).toMatchObject({ type: 'reject', error: 'invalid_intent' });
    expect(JSON.stringify(answer)).toContain('text');
    c.ws.close();
  });

  it('refuses dates that do not exist', async () => {
    for (const [startsOn, endsOn] of [
      ['2026-02-31', '2026-03-01'],
      ['2026-13-01', '2026-13-02'],
      ['2026-02-28', '2026-02-29'],
    ]) {
      const fields = fieldsOf(await post('/api/events', { name: 'Dates', startsOn, endsOn }));
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.every((f) => f === 'startsOn' || f === 'endsOn')).toBe(true);
    }
    const leap = await post('/api/events', {
      name: 'Leap',
      startsOn: '2028-02-29',
      endsOn: '2028-03-01',
    });
    expect(leap.statusCode).toBe(201);
  });

  it('refuses bidi controls in names, and overrides in free text', async () => {
    expect(
      fieldsOf(await post('/api/organisations', { ...org, name: 'Safe \u202Egnp.exe' })),
    ).toEqual(['name']);
    expect(
      fieldsOf(await post('/api/organisations', { ...org, name: 'Isolate \u2067x\u2069' })),
    ).toEqual(['name']);
    expect(
      fieldsOf(
        await post('/api/events', {
          name: 'Two\nlines',
          startsOn: '2027-01-10',
          endsOn: '2027-01-10',
        }),
      ),
    ).toEqual(['name']);
    expect(
      fieldsOf(await post('/api/organisations', { ...org, description: 'reversed \u202Etext' })),
    ).toEqual(['description']);
    // Right-to-left prose may keep its isolates and marks.
    const rtl = await post('/api/organisations', {
      ...org,
      name: 'Bidi Prose Org',
      description: 'Quote: \u2067مرحبا\u2069 \u200F',
    });
    expect(rtl.statusCode).toBe(201);
  });

  it('matches % and _ in a search literally', async () => {
    for (const name of ['Zeta 100% Fund', 'Zeta 1000 Fund', 'Zeta_Under', 'ZetaXUnder'])
      expect((await post('/api/organisations', { ...org, name })).statusCode).toBe(201);
    const search = async (q: string) =>
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/organisations?limit=200&q=${encodeURIComponent(q)}`,
          headers: { cookie: admin },
        })
      )
        .json()
        .items.map((o: { name: string }) => o.name)
        .sort();
    expect(await search('100%')).toEqual(['Zeta 100% Fund']);
    expect(await search('a_u')).toEqual(['Zeta_Under']);
    expect(await search('zeta\\')).toEqual([]);
  });
});
