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

  it('due and overdue are days of the event’s time zone (Bangkok), UTC for a commitment without an event', async () => {
    expect(setup.event.timeZone).toBe('Asia/Bangkok');
    // 18:00 UTC is 01:00 the next day in Bangkok (UTC+7).
    const now = setup.h.clock.now;
    const edge = new Date(now);
    edge.setUTCHours(18, 0, 0, 0);
    if (edge <= now) edge.setUTCDate(edge.getUTCDate() + 1);
    setup.h.clock.advance(edge.getTime() - now.getTime());
    const utcDay = edge.toISOString().slice(0, 10);
    const next = new Date(edge.getTime() + 86_400_000).toISOString().slice(0, 10);
    const make = async (targetDate: string, withEvent: boolean) => {
      const r = await setup.call('POST', '/api/commitments', setup.admin, {
        title: `Edge ${targetDate} ${withEvent ? 'event' : 'coalition'}`,
        ...(withEvent && { eventId: setup.event.id }),
        ownerOrganisationId: org,
        targetDate,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string; state: { due: boolean; overdue: boolean } }>();
    };
    // The Bangkok day has begun: due there; in UTC it is still the day before.
    expect((await make(next, true)).state).toMatchObject({ due: true, overdue: false });
    expect((await make(next, false)).state).toMatchObject({ due: false, overdue: false });
    // Yesterday in Bangkok is overdue there; it is today in UTC.
    const late = await make(utcDay, true);
    expect(late.state).toMatchObject({ due: false, overdue: true });
    expect((await make(utcDay, false)).state).toMatchObject({ due: true, overdue: false });
    const follow = await setup.call('GET', '/api/commitments/follow-up', setup.admin);
    expect(
      follow
        .json<{ items: { id: string; reasons: string[] }[] }>()
        .items.find((i) => i.id === late.id)?.reasons,
    ).toEqual(['overdue']);
    // The event's report counts the same days.
    const report = await setup.call(
      'GET',
      `/api/events/${setup.event.id}/report?view=members`,
      setup.admin,
    );
    expect(report.statusCode, report.body).toBe(200);
    const inReport = report
      .json<{ roadmaps: { items: { title: string; overdue: boolean }[] }[] }>()
      .roadmaps.flatMap((g) => g.items);
    expect(inReport.find((c) => c.title === `Edge ${utcDay} event`)?.overdue).toBe(true);
    expect(inReport.find((c) => c.title === `Edge ${next} event`)?.overdue).toBe(false);
  });
});
