/**
 * Issue 11 "Error codes, not sentences": every field of a refused request carries a stable code
 * (with its values) that a client translates, on both databases, over HTTP, in the atlas CSV import
 * and on the live socket. The English `message` stays for API users; no client parses it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { FIELD_ERROR_CODES } from '../../src/contract/constants.ts';
import type { FieldError } from '../../src/contract/common.ts';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';

const org = {
  name: 'Codes Outreach',
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
const event = { name: 'Codes', startsOn: '2027-01-10', endsOn: '2027-01-11' };

describe.each(testBackends())('error codes on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: admin } });
  /** The field errors of a 400, each checked to carry a known code. */
  const fieldsOf = (res: LightMyRequestResponse): FieldError[] => {
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ error: string; fields?: FieldError[] }>();
    expect(body.error).toBe('validation_failed');
    const fields = body.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(FIELD_ERROR_CODES).toContain(f.code);
    return fields;
  };
  const only = async (res: Promise<LightMyRequestResponse>) => {
    const fields = fieldsOf(await res);
    expect(fields).toHaveLength(1);
    return fields[0]!;
  };

  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  it('names an end date before the start date with the other field, on create and on change', async () => {
    const created = await only(
      send('POST', '/api/events', { ...event, startsOn: '2027-01-10', endsOn: '2027-01-09' }),
    );
    expect(created).toMatchObject({
      field: 'endsOn',
      code: 'before_other',
      params: { other: 'startsOn' },
    });
    const e = await demoEvent(h.app, admin);
    const changed = await only(
      send('PATCH', `/api/events/${e.id}`, { endsOn: '2000-01-01', startsOn: '2000-01-02' }),
    );
    expect(changed).toMatchObject({
      field: 'endsOn',
      code: 'before_other',
      params: { other: 'startsOn' },
    });
  });

  it('sends sizes with their limits: too small, too long, too many, required', async () => {
    expect(
      await only(send('POST', '/api/events', { ...event, tables: [{ name: 'A', capacity: 1 }] })),
    ).toMatchObject({ field: 'tables.0.capacity', code: 'too_small', params: { minimum: 2 } });
    expect(
      await only(send('POST', '/api/events', { ...event, tables: [{ name: 'A', capacity: 2.5 }] })),
    ).toMatchObject({ field: 'tables.0.capacity', code: 'not_integer' });
    expect(
      await only(send('POST', '/api/organisations', { ...org, name: 'x'.repeat(201) })),
    ).toMatchObject({ field: 'name', code: 'too_long', params: { maximum: 200 } });
    expect(await only(send('POST', '/api/organisations', { ...org, name: '   ' }))).toMatchObject({
      field: 'name',
      code: 'required',
    });
    const { name: _omitted, ...nameless } = org;
    expect(await only(send('POST', '/api/organisations', nameless))).toMatchObject({
      field: 'name',
      code: 'required',
    });
    expect(await only(send('POST', '/api/organisations', { ...org, name: 42 }))).toMatchObject({
      field: 'name',
      code: 'invalid_type',
      params: { expected: 'string' },
    });
  });

  it('lists the options of a choice, and names formats, dates, time zones and unknown fields', async () => {
    expect(await only(send('POST', '/api/organisations', { ...org, visibility: 'all' }))).toEqual({
      field: 'visibility',
      code: 'invalid_option',
      params: { options: ['organisation', 'coalition', 'public'] },
      message: expect.any(String),
    });
    expect(
      await only(send('POST', '/api/organisations', { ...org, countries: ['tha'] })),
    ).toMatchObject({
      field: 'countries.0',
      code: 'invalid_format',
      params: { format: 'country' },
    });
    expect(
      await only(send('POST', '/api/events', { ...event, startsOn: '2026-02-31' })),
    ).toMatchObject({ field: 'startsOn', code: 'date_not_exists' });
    expect(
      await only(send('POST', '/api/events', { ...event, startsOn: '10/01/2027' })),
    ).toMatchObject({ field: 'startsOn', code: 'invalid_format', params: { format: 'date' } });
    expect(
      await only(send('POST', '/api/events', { ...event, timeZone: 'Mars/Olympus' })),
    ).toMatchObject({ field: 'timeZone', code: 'invalid_time_zone' });
    expect(await only(send('POST', '/api/organisations', { ...org, colour: 'red' }))).toMatchObject(
      { field: 'colour', code: 'unknown_field' },
    );
  });

  it('codes the checks of refinements and of the server: text rules, repeats, places', async () => {
    expect(
      await only(send('POST', '/api/organisations', { ...org, name: 'Bell\u0007' })),
    ).toMatchObject({ field: 'name', code: 'control_characters' });
    expect(await only(send('POST', '/api/organisations', { ...org, name: 'A\nB' }))).toMatchObject({
      field: 'name',
      code: 'multi_line',
    });
    expect(
      await only(send('POST', '/api/organisations', { ...org, name: 'A\ud800B' })),
    ).toMatchObject({ field: 'name', code: 'unpaired_surrogate' });
    // A NUL anywhere, even where a route's own schema would not look, is refused before any
    // handler (PostgreSQL cannot store it): in a nested body field and in a query parameter.
    expect(
      await only(send('POST', '/api/organisations', { ...org, countries: ['TH\u0000'] })),
    ).toMatchObject({ field: 'countries.0', code: 'control_characters' });
    expect(
      await only(
        h.app.inject({
          method: 'GET',
          url: '/api/overlap?factor=a%00b',
          headers: { cookie: admin },
        }),
      ),
    ).toMatchObject({ field: 'factor', code: 'control_characters' });
    expect(
      await only(send('POST', '/api/organisations', { ...org, countries: ['TH', 'TH'] })),
    ).toMatchObject({ field: 'countries', code: 'duplicate' });
    expect(
      await only(send('POST', '/api/organisations', { ...org, countries: ['ZZ'] })),
    ).toMatchObject({ field: 'countries.0', code: 'unknown_country', params: { value: 'ZZ' } });
    expect(
      await only(send('POST', '/api/organisations', { ...org, provinces: ['MM-11'] })),
    ).toMatchObject({
      field: 'provinces.0',
      code: 'province_outside',
      params: { value: 'MM-11', country: 'MM' },
    });
    const e = await demoEvent(h.app, admin);
    const dup = await only(
      send('PATCH', `/api/events/${e.id}`, {
        expertiseGroups: [
          { key: 'a', label: 'A' },
          { key: 'a', label: 'B' },
        ],
      }),
    );
    expect(dup).toMatchObject({
      field: 'expertiseGroups',
      code: 'duplicate',
      params: { value: 'a' },
    });
    expect(await only(send('PATCH', `/api/events/${e.id}`, {}))).toMatchObject({
      code: 'no_change',
    });
  });

  it('names the field and its code when the live socket refuses an intent', async () => {
    const e = await demoEvent(h.app, admin);
    const port = await listen(h.app);
    const c = await TestLiveClient.connect(`ws://127.0.0.1:${port}/api/live/${e.id}`, {
      cookie: admin,
    });
    try {
      await c.hello();
      const id = randomUUID().replaceAll('-', '');
      c.send({
        type: 'intent',
        id,
        intent: {
          type: 'addCard',
          cardId: randomUUID(),
          issueKey: e.issues[0]!.key,
          text: 'x'.repeat(281),
          kind: 'cause',
          level: 'individual',
        },
      });
      const answer = await c.next((m) => (m.type === 'reject' || m.type === 'ack') && m.id === id);
      expect(answer).toMatchObject({
        type: 'reject',
        error: 'invalid_intent',
        field: 'text',
        code: 'too_long',
        params: { maximum: 280 },
      });
    } finally {
      c.ws.close();
    }
  });
});
