import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import { ReportAnswer } from '../../src/contract/report.ts';
import type { Count } from '../../src/contract/atlas.ts';
import { demoEvent, startApi, type ApiHarness } from '../support/api.ts';
import { testBackends } from '../support/backends.ts';

/** Issue 14, the event report's data: both versions on every backend, and the sheets download. */
describe.each(testBackends())('event report API on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const get = (url: string, cookie: string | null = admin) =>
    h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const report = async (view: 'members' | 'public') => {
    const res = await get(`/api/events/${event.id}/report?view=${view}`);
    expect(res.statusCode, res.body).toBe(200);
    return ReportAnswer.parse(res.json());
  };
  const people = async () =>
    (await get(`/api/events/${event.id}/participants`)).json<{ items: Participant[] }>().items;

  it('members: participants counted exactly by sector, country and organisation', async () => {
    const r = await report('members');
    const came = (await people()).filter((p) => p.status !== 'absent');
    expect(r.participation.total).toBe(came.length);
    const bySector = new Map<string, number>();
    for (const p of came) bySector.set(p.sector, (bySector.get(p.sector) ?? 0) + 1);
    expect(Object.fromEntries(r.participation.sectors.map((s) => [s.code, s.n]))).toEqual(
      Object.fromEntries(bySector),
    );
    const countries = r.participation.countries.reduce((a, c) => a + (c.n as number), 0);
    expect(countries).toBe(came.length);
    const orgs = new Set(came.map((p) => p.organisation.trim().toLowerCase()));
    expect(r.participation.organisations!.map((o) => o.name.toLowerCase()).sort()).toEqual(
      [...orgs].sort(),
    );
    expect(r.participation.organisations!.reduce((a, o) => a + o.participants, 0)).toBe(
      came.length,
    );
  });

  it('members: every live card of each issue, without authors, and the download holds them all', async () => {
    const r = await report('members');
    expect(r.sheets.issues.map((i) => i.key)).toEqual(event.issues.map((i) => i.key));
    const total = r.sheets.issues.reduce((a, i) => a + i.items.length, 0);
    for (const i of r.sheets.issues) expect(i.cards).toBe(i.items.length);
    expect(total).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toMatch(/participantId|userId|author/);

    const csv = await get(r.sheets.download!);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[1]![0]).toBe('#meta+id');
    expect(rows.length - 2).toBe(total);
    const texts = rows
      .slice(2)
      .map((row) => row[4])
      .sort();
    expect(texts).toEqual(r.sheets.issues.flatMap((i) => i.items.map((c) => c.text)).sort());
  });

  it('public: no organisations, no cards; figures follow the atlas rule and add up', async () => {
    const members = await report('members');
    const r = await report('public');
    expect(r.view).toBe('public');
    expect(r.participation.organisations).toBeNull();
    expect(r.sheets.download).toBeNull();
    for (const i of r.sheets.issues) {
      expect(i.cards).toBeNull();
      expect(i.items).toEqual([]);
      expect(i.factors).toEqual([]);
    }
    const text = JSON.stringify(r);
    for (const o of members.participation.organisations!) expect(text).not.toContain(o.name);
    for (const i of members.sheets.issues)
      for (const c of i.items) expect(text).not.toContain(JSON.stringify(c.text));

    const k = r.k;
    const range = (n: Count): [number, number] =>
      n === null ? [1, k - 1] : typeof n === 'number' ? [n, n] : [n.lo, n.hi];
    // A published figure is exact from k, withheld (null) below, or a range summing parts.
    for (const f of [...r.participation.sectors, ...r.participation.countries]) {
      if (typeof f.n === 'number') expect(f.n).toBeGreaterThanOrEqual(k);
    }
    // Each exact member count lies in its published range; totals are sums of the same atoms.
    const truth = new Map(members.participation.sectors.map((s) => [s.code, s.n as number]));
    for (const s of r.participation.sectors) {
      const [lo, hi] = range(s.n);
      expect(truth.get(s.code)!).toBeGreaterThanOrEqual(lo);
      expect(truth.get(s.code)!).toBeLessThanOrEqual(hi);
    }
    const [lo, hi] = range(r.participation.total);
    const sum = (xs: { n: Count }[]): [number, number] =>
      xs.reduce<[number, number]>((a, x) => [a[0] + range(x.n)[0], a[1] + range(x.n)[1]], [0, 0]);
    // The total never says more than the sectors' or countries' ranges together.
    expect(lo).toBeLessThanOrEqual(sum(r.participation.sectors)[0]);
    expect(hi).toBeGreaterThanOrEqual(sum(r.participation.sectors)[1]);
    expect(lo).toBeLessThanOrEqual(sum(r.participation.countries)[0]);
    expect(hi).toBeGreaterThanOrEqual(sum(r.participation.countries)[1]);
    expect(members.participation.total as number).toBeGreaterThanOrEqual(lo);
    expect(members.participation.total as number).toBeLessThanOrEqual(hi);
  });

  it('is the coalition’s: anonymous readers get 404; a bad view is a 400 naming the field', async () => {
    expect((await get(`/api/events/${event.id}/report`, null)).statusCode).toBe(404);
    expect((await get(`/api/events/${event.id}/report/sheets.csv`, null)).statusCode).toBe(404);
    const bad = await get(`/api/events/${event.id}/report?view=everyone`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('view');
    const unknown = await get('/api/events/00000000-0000-4000-8000-000000000000/report');
    expect(unknown.statusCode).toBe(404);
  });
});
