import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import { ReportAnswer } from '../../src/contract/report.ts';
import type { Count } from '../../src/contract/atlas.ts';
import type { CommitmentList } from '../../src/contract/commitments.ts';
import type { LearningsList } from '../../src/contract/learnings.ts';
import type { Distribution } from '../../src/contract/patterns.ts';
import type { Vocabulary } from '../../src/contract/factors.ts';
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
    expect(JSON.stringify(r)).not.toMatch(/"(participantId|userId|author)"/);

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

  const flat = (n: Count, k: number): [number, number] =>
    n === null ? [1, k - 1] : typeof n === 'number' ? [n, n] : [n.lo, n.hi];

  it('spectrum: members count every readable pattern per form; public atoms follow the small-count rule', async () => {
    const members = await report('members');
    const dist = (await get(`/api/patterns/distribution?eventId=${event.id}`)).json<Distribution>();
    expect(dist.total).toBeGreaterThan(0);
    expect(members.spectrum.total).toBe(dist.total);
    expect(Object.fromEntries(members.spectrum.byForm.map((r) => [r.form, r.total]))).toEqual(
      Object.fromEntries(dist.byForm.map((r) => [r.key, r.total])),
    );
    for (const r of members.spectrum.byForm) {
      const d = dist.byForm.find((x) => x.key === r.form)!;
      for (const c of r.counts) expect(c.n).toBe(d.counts[c.level]);
    }
    const pub = await report('public');
    const k = pub.k;
    for (const r of pub.spectrum.byForm) {
      const truth = members.spectrum.byForm.find((x) => x.form === r.form)!;
      for (const c of r.counts) {
        if (typeof c.n === 'number' && c.n > 0) expect(c.n).toBeGreaterThanOrEqual(k);
        const exact = truth.counts.find((x) => x.level === c.level)!.n as number;
        const [lo, hi] = flat(c.n, k);
        if (exact > 0) expect([exact >= lo, exact <= hi]).toEqual([true, true]);
        else expect(c.n).toBe(0);
      }
      // A form's total is the sum of its published atoms, never more exact than they are.
      const sum = r.counts.reduce<[number, number]>(
        (a, c) => [a[0] + flat(c.n, k)[0], a[1] + flat(c.n, k)[1]],
        [0, 0],
      );
      expect(flat(r.total, k)).toEqual(sum);
    }
  });

  it('learnings: by theme with votes; hidden posts never, merged ones folded in; public quotes public posts only', async () => {
    const wall = (await get(`/api/events/${event.id}/learnings`)).json<LearningsList>();
    const hidden = wall.learnings.filter((l) => l.hidden);
    const merged = wall.learnings.filter((l) => l.mergedInto !== null);
    const shown = wall.learnings.filter((l) => !l.hidden && l.mergedInto === null);
    expect([hidden.length, merged.length, wall.themes.length > 0]).toEqual([1, 1, true]);

    const members = await report('members');
    const items = members.learnings.themes.flatMap((t) => t.items);
    expect(members.learnings.posts).toBe(shown.length);
    expect(items.map((i) => i.text).sort()).toEqual(shown.map((l) => l.text).sort());
    for (const l of shown) {
      const i = items.find((x) => x.text === l.text)!;
      expect(i.votes).toBe(l.votes);
      expect(i.organisation).toBe(l.organisation);
    }
    for (const th of members.learnings.themes) {
      const label = th.label;
      const id = wall.themes.find((t) => t.label === label)?.id ?? null;
      const mine = shown.filter((l) => (l.themeId ?? null) === id);
      expect(th.posts).toBe(mine.length);
      expect(th.votes).toBe(mine.reduce((a, l) => a + l.votes, 0));
    }
    // The merged post's voters count once for the post it was merged into.
    const root = shown.find((l) => l.id === merged[0]!.mergedInto)!;
    expect(root.votes).toBeGreaterThan(0);
    const text = JSON.stringify(members);
    for (const l of [...hidden, ...merged]) expect(text).not.toContain(l.text);

    const pub = await report('public');
    const k = pub.k;
    const pubItems = pub.learnings.themes.flatMap((t) => t.items);
    expect(pubItems.map((i) => i.text).sort()).toEqual(
      shown
        .filter((l) => l.visibility === 'public')
        .map((l) => l.text)
        .sort(),
    );
    expect(pubItems.length).toBeGreaterThan(0);
    for (const i of pubItems) {
      expect(i.organisation).toBeNull();
      if (typeof i.votes === 'number' && i.votes > 0) expect(i.votes).toBeGreaterThanOrEqual(k);
      const truth = shown.find((l) => l.text === i.text)!.votes;
      const [lo, hi] = flat(i.votes, k);
      expect(truth >= lo && truth <= hi).toBe(true);
    }
    expect(pubItems.some((i) => i.votes === null)).toBe(true);
    const pubText = JSON.stringify(pub);
    for (const l of wall.learnings)
      if (l.visibility !== 'public' || l.hidden) expect(pubText).not.toContain(l.text);
    for (const l of wall.learnings)
      if (l.organisation) expect(pubText).not.toContain(l.organisation);
  });

  it('roadmaps: every commitment of the event by group with its owners; public: public ones only, no organisations', async () => {
    const list = (
      await get(`/api/commitments?eventId=${event.id}&limit=500`)
    ).json<CommitmentList>();
    expect(list.items.length).toBeGreaterThan(0);
    const members = await report('members');
    const all = members.roadmaps.flatMap((g) => g.items.map((c) => ({ ...c, group: g.key })));
    expect(all.map((c) => c.title).sort()).toEqual(list.items.map((c) => c.title).sort());
    for (const c of list.items) {
      const r = all.find((x) => x.title === c.title)!;
      expect(r).toMatchObject({
        status: c.status,
        targetDate: c.targetDate,
        overdue: c.state.overdue,
        group: c.groupKey,
      });
      expect(r.owners).toEqual([c.owner.name, ...(c.second ? [c.second.name] : [])]);
    }
    expect(all.some((c) => c.overdue)).toBe(true);

    const pub = await report('public');
    const pubAll = pub.roadmaps.flatMap((g) => g.items);
    expect(pubAll.map((c) => c.title).sort()).toEqual(
      list.items
        .filter((c) => c.visibility === 'public')
        .map((c) => c.title)
        .sort(),
    );
    const pubText = JSON.stringify(pub);
    for (const c of list.items) {
      if (c.visibility !== 'public') expect(pubText).not.toContain(c.title);
      expect(pubText).not.toContain(c.owner.name);
    }
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

  it('language: factor, issue and group names in the language asked for (English fallback); renamed ones as written', async () => {
    const THAI = /[\u0E00-\u0E7F]/;
    const vocab = (await get('/api/factors')).json<Vocabulary>();
    const thaiOf = new Map(vocab.factors.map((f) => [f.id, f.labels.th ?? f.labels.en!]));
    const enOf = new Map(vocab.factors.map((f) => [f.id, f.labels.en!]));
    // Two demo cards confirmed under factors (the demo's cards have none yet).
    const cards = await h.store.db
      .selectFrom('cards')
      .select('id')
      .where('event_id', '=', event.id)
      .orderBy('created_at')
      .orderBy('id')
      .limit(2)
      .execute();
    for (const [c, factor] of cards.map(
      (c, n) => [c, ['push.debt', 'push.recruiters'][n]] as const,
    )) {
      const put = await h.app.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/cards/${c.id}/factor`,
        headers: { cookie: admin },
        payload: { factor },
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    const en = await report('members');
    const res = await get(`/api/events/${event.id}/report?view=members&lang=th`);
    expect(res.statusCode, res.body).toBe(200);
    const th = ReportAnswer.parse(res.json());
    expect(en.language).toBe('en');
    expect(th.language).toBe('th');
    const factors = th.sheets.issues.flatMap((i) => i.factors);
    expect(factors.length).toBeGreaterThan(0);
    for (const f of factors) expect(f.label).toBe(thaiOf.get(f.id));
    expect(factors.some((f) => THAI.test(f.label))).toBe(true);
    for (const f of en.sheets.issues.flatMap((i) => i.factors))
      expect(f.label).toBe(enOf.get(f.id));
    expect(th.labels.factors).toEqual(Object.fromEntries(thaiOf));
    // The demo event's issues are the default ones, not renamed: each in Thai.
    for (const i of th.sheets.issues) {
      expect(i.label, i.key).toMatch(THAI);
      expect(th.labels.issues[i.key]).toBe(i.label);
    }
    expect(en.sheets.issues.map((i) => i.label)).toEqual(event.issues.map((i) => i.label));
    for (const g of th.roadmaps.filter((x) => x.key !== null)) expect(g.label).toMatch(THAI);
    // The public version and the published address speak the same language.
    const pub = (
      await get(`/api/events/${event.id}/report?view=public&lang=th`)
    ).json<ReportAnswer>();
    expect(pub.sheets.issues.map((i) => i.label)).toEqual(th.sheets.issues.map((i) => i.label));
    // A language without a translation of a name falls back to English, never to a key.
    const km = ReportAnswer.parse((await get(`/api/events/${event.id}/report?lang=km`)).json());
    for (const f of km.sheets.issues.flatMap((i) => i.factors))
      expect(f.label).toBe(vocab.factors.find((x) => x.id === f.id)!.labels.km ?? enOf.get(f.id));
    const bad = await get(`/api/events/${event.id}/report?lang=xx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('lang');
  });

  it('language: an issue the facilitator renamed stays as written in every language', async () => {
    const issues = event.issues.map((i, n) => (n === 0 ? { ...i, label: 'Online grooming' } : i));
    const put = await h.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: { cookie: admin },
      payload: { issues },
    });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const th = ReportAnswer.parse((await get(`/api/events/${event.id}/report?lang=th`)).json());
      expect(th.sheets.issues[0]!.label).toBe('Online grooming');
      expect(th.sheets.issues[1]!.label).toMatch(/[\u0E00-\u0E7F]/);
    } finally {
      await h.app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: { cookie: admin },
        payload: { issues: event.issues },
      });
    }
  });
});
