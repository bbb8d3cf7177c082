import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEventSetup, type DemoEventSetup } from '../support/demo-event.ts';

/**
 * Issue 14, an outside probe of the commitments routes: a NUL byte or another control character in
 * a query or body string is refused with 400 naming the field on both databases (PostgreSQL
 * refuses NUL in text: unchecked, it was a 500 for `?groupKey=` and a link's `ref`), and nothing
 * stored changes.
 */
describe.each(testBackends())('commitments refuse control characters on $name', (backend) => {
  let setup: DemoEventSetup;
  let org: string;
  let id: string;
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    org = await setup.organisation('Probe Org');
    const r = await setup.call('POST', '/api/commitments', setup.admin, {
      title: 'Probe target',
      eventId: setup.event.id,
      ownerOrganisationId: org,
      targetDate: '2027-01-31',
    });
    expect(r.statusCode, r.body).toBe(201);
    id = r.json<{ id: string }>().id;
  });
  afterAll(async () => setup?.close());

  const stored = async () => {
    const db = setup.h.store.db;
    const [c, l] = await Promise.all([
      db.selectFrom('commitments').selectAll().orderBy('id').execute(),
      db.selectFrom('commitment_links').selectAll().orderBy('commitment_id').execute(),
    ]);
    return JSON.stringify([c, l]);
  };
  const refused = (r: { statusCode: number; body: string; json<T>(): T }, field: string): void => {
    expect(r.statusCode, r.body).toBe(400);
    const fields = r.json<{ fields: { field: string }[] }>().fields.map((f) => f.field);
    expect(fields, r.body).toContain(field);
  };

  it('in the list query, a new commitment, its links and a patch', async () => {
    const before = await stored();
    for (const v of ['\u0000', 'a\u0000b', 'g\u001b[31m'])
      refused(
        await setup.call('GET', `/api/commitments?groupKey=${encodeURIComponent(v)}`, setup.admin),
        'groupKey',
      );
    for (const kind of ['card', 'learning', 'issue', 'factor', 'gap']) {
      const link = { kind, ref: 'x\u0000y', eventId: setup.event.id };
      refused(
        await setup.call('POST', '/api/commitments', setup.admin, {
          title: 'Never stored',
          eventId: setup.event.id,
          ownerOrganisationId: org,
          targetDate: '2027-01-31',
          links: [link],
        }),
        'links.0.ref',
      );
      refused(
        await setup.call('POST', `/api/commitments/${id}/links`, setup.admin, {
          links: [link],
        }),
        'links.0.ref',
      );
    }
    refused(
      await setup.call('PATCH', `/api/commitments/${id}`, setup.admin, {
        groupKey: '\u0000',
      }),
      'groupKey',
    );
    refused(
      await setup.call('POST', '/api/commitments', setup.admin, {
        title: 'Never stored',
        eventId: setup.event.id,
        groupKey: 'k\u0000',
        ownerOrganisationId: org,
        targetDate: '2027-01-31',
      }),
      'groupKey',
    );
    expect(await stored()).toBe(before);
  });
});
