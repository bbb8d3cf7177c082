/**
 * Issue 13/14: a walk from the demo's cards and patterns to the spectrum, as they are seeded. The
 * members' distribution (the patterns page), the members' report and — once the demo event's
 * patterns are made public — the public /spectrum and the public report agree: the same counts
 * per form and level where published, each withheld count (1..k−1) inside what is published, and
 * no organisation named anywhere public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Count } from '../../src/contract/atlas.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { Distribution, PublicDistribution } from '../../src/contract/patterns.ts';
import { ReportAnswer } from '../../src/contract/report.ts';
import { testBackends } from '../support/backends.ts';
import { demoEventSetup, type DemoEventSetup } from '../support/demo-event.ts';

/** Whether a published figure is true of the exact count `n` under the small-count rule. */
function covers(c: Count, n: number, k: number): boolean {
  if (c === null) return n >= 1 && n < k;
  if (typeof c === 'number') return c === n;
  return c.lo <= n && n <= c.hi;
}

describe.each(testBackends())('demo cards to the spectrum on $name', (backend) => {
  let d: DemoEventSetup;
  let event: EventDetail;
  beforeAll(async () => {
    d = await demoEventSetup(backend);
    event = d.event;
  });
  afterAll(async () => d?.close());

  const get = async <T>(url: string, cookie: string | null = d.admin) => {
    const r = await d.call('GET', url, cookie);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<T>();
  };

  it('members: the report’s spectrum is the patterns page’s distribution for the event, form by form', async () => {
    const dist = await get<Distribution>(`/api/patterns/distribution?eventId=${event.id}`);
    const report = ReportAnswer.parse(await get(`/api/events/${event.id}/report?view=members`));
    expect(dist.total).toBeGreaterThan(0);
    expect(report.spectrum.total).toBe(dist.total);
    expect(report.spectrum.byForm.map((r) => r.form).sort()).toEqual(
      dist.byForm.map((r) => r.key).sort(),
    );
    for (const row of dist.byForm) {
      const mine = report.spectrum.byForm.find((r) => r.form === row.key)!;
      expect(mine.total, row.key).toBe(row.total);
      expect(Object.fromEntries(mine.counts.map((c) => [c.level, c.n]))).toEqual(row.counts);
    }
  });

  it('public: /spectrum and the public report publish what members count, small counts withheld, no organisations', async () => {
    const k = ReportAnswer.parse(await get(`/api/events/${event.id}/report`)).k;
    const members = await get<Distribution>(`/api/patterns/distribution?eventId=${event.id}`);
    // The demo event's patterns, as seeded, made public (nothing else changes).
    await d.h.store.db
      .updateTable('experience_patterns')
      .set({ visibility: 'public' })
      .where('event_id', '=', event.id)
      .execute();
    const pub = await get<PublicDistribution>(
      '/api/patterns/distribution/public?coalition=demo',
      null,
    );
    const report = ReportAnswer.parse(await get(`/api/events/${event.id}/report?view=public`));
    expect(pub.k).toBe(k);
    expect(covers(pub.total, members.total, k)).toBe(true);
    expect(covers(report.spectrum.total, members.total, k)).toBe(true);
    for (const row of members.byForm) {
      const p = pub.byForm.find((r) => r.key === row.key);
      const r = report.spectrum.byForm.find((x) => x.form === row.key);
      expect(p, row.key).toBeDefined();
      expect(r, row.key).toBeDefined();
      expect(covers(p!.total, row.total, k), `${row.key} public total`).toBe(true);
      expect(covers(r!.total, row.total, k), `${row.key} report total`).toBe(true);
      for (const [level, n] of Object.entries(row.counts)) {
        const inPublic = p!.counts[level as keyof NonNullable<typeof p>['counts']];
        const inReport = r!.counts.find((c) => c.level === level)!.n;
        // The report publishes each form × level as one atom: exact at 0 and from k, else withheld.
        expect(inReport, `${row.key} ${level}`).toBe(n === 0 ? 0 : n < k ? null : n);
        expect(covers(inPublic, n, k), `${row.key} ${level} public`).toBe(true);
        if (n >= 1 && n < k) expect(inPublic, `${row.key} ${level} public`).not.toBe(n);
      }
    }
    // No organisation of the coalition is named in either public answer.
    const orgs = await get<{ items: { name: string }[] }>('/api/organisations?limit=200');
    expect(orgs.items.length).toBeGreaterThan(0);
    const text = JSON.stringify([pub, report]);
    for (const o of orgs.items) expect(text, o.name).not.toContain(o.name);
  });
});
