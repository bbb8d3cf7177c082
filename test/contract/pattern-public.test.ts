import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness, demoEvent } from '../support/api.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { PublicDistribution } from '../../src/contract/patterns.ts';

const NEVER_PAID_CANNOT_LEAVE = {
  form: 'ForcedLabour',
  indicators: [8],
  paid: 'never',
  canLeave: false,
  recruitment: 'free',
  moved: false,
};
const DECENT = {
  form: 'SexualExploitation',
  indicators: [],
  paid: 'full',
  canLeave: true,
  recruitment: 'free',
  moved: false,
};

/**
 * The public distribution of the spectrum (issue 13): anyone reads it, it counts only the patterns
 * the coalition made public, and it publishes counts from 1 to k−1 as withheld (null) by the
 * atlas's rule, every other figure as a sum (a range where a part is withheld). The differencing
 * property is test/contract/spectrum-release-property.test.ts.
 */
describe.each(testBackends())('public spectrum distribution on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const add = async (body: object, visibility: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/patterns',
        headers: { cookie: admin },
        payload: { ...body, visibility },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  };
  const read = async (cookie?: string, query = '?coalition=demo') => {
    const r = await h.app.inject({
      method: 'GET',
      url: `/api/patterns/distribution/public${query}`,
      headers: cookie ? { cookie } : {},
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<PublicDistribution>();
  };

  it('counts public patterns only; small counts withheld, sums as ranges; the same for members', async () => {
    // the demo's patterns are the coalition's: nothing is public yet
    const empty = await read();
    expect(empty).toMatchObject({ k: 11, total: 0, byForm: [], byIssue: [] });
    await add({ ...NEVER_PAID_CANNOT_LEAVE, eventId: event.id, issueKey: 'domesticWorkers' }, 'public', 12);
    await add(DECENT, 'public', 3);
    await add({ ...NEVER_PAID_CANNOT_LEAVE, eventId: event.id, issueKey: 'domesticWorkers' }, 'coalition', 5);
    await add(DECENT, 'organisation', 20);
    const d = await read();
    const fl = d.byForm.find((r) => r.key === 'ForcedLabour')!;
    expect(fl.total).toBe(12);
    expect(fl.counts).toEqual({ decent_work: 0, labour_rights_violation: 0, serious_exploitation: 0, forced_labour: 12, trafficking: 0 });
    const se = d.byForm.find((r) => r.key === 'SexualExploitation')!;
    expect(se.total).toBeNull(); // 3 public patterns: fewer than k
    expect(se.counts.decent_work).toBeNull();
    expect(d.byIssue).toEqual([
      { key: 'domesticWorkers', label: 'Domestic workers', total: 12, counts: { decent_work: 0, labour_rights_violation: 0, serious_exploitation: 0, forced_labour: 12, trafficking: 0 } },
    ]);
    expect(d.total).toEqual({ lo: 13, hi: 22 });
    // open to everyone alike: a member reads the same public figures
    expect(await read(await h.userWith('member'))).toEqual(d);
    // in the reader's language: the same figures, the issue named in Thai (English for a language without it)
    const th = await read(undefined, '?coalition=demo&lang=th');
    expect(th.byIssue.map((r) => [r.key, r.label])).toEqual([['domesticWorkers', 'แรงงานทำงานบ้าน']]);
    expect({ ...th, byIssue: th.byIssue.map((r) => ({ ...r, label: 'Domestic workers' })) }).toEqual(d);
    expect((await read(undefined, '?coalition=demo&lang=en')).byIssue[0]!.label).toBe('Domestic workers');
    const bad = await h.app.inject({ method: 'GET', url: '/api/patterns/distribution/public?lang=xx' });
    expect(bad.statusCode).toBe(400);
  }); // prettier-ignore

  it('refuses an unknown coalition (404) and unknown parameters (400), as JSON', async () => {
    const nope = await h.app.inject({ method: 'GET', url: '/api/patterns/distribution/public?coalition=nope' });
    expect(nope.statusCode).toBe(404);
    expect(nope.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    const bad = await h.app.inject({ method: 'GET', url: '/api/patterns/distribution/public?eventId=x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.length).toBeGreaterThan(0);
  }); // prettier-ignore
});
