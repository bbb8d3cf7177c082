import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../src/contract/events.ts';
import type { FactorReview } from '../../src/contract/factors.ts';
import { OverlapAnswer, OverlapCards } from '../../src/contract/overlap.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { testBackends } from '../support/backends.ts';

/** Issue 13, overlap: the API on every backend (counts, filters, cells' cards, the public view). */
describe.each(testBackends())('overlap API on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let review: FactorReview;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, cookie = admin) =>
    h.app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const overlap = async (url: string, cookie = admin) => {
    const res = await call('GET', url, undefined, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return OverlapAnswer.parse(res.json());
  };
  const debtRow = (a: OverlapAnswer) => a.cause.byIssue.rows.find((r) => r.factor === 'push.debt')!;

  it('counts confirmed cards only: suggestions never count, an undo takes the count back', async () => {
    const before = await overlap(`/api/events/${event.id}/overlap`);
    expect(before.scope).toBe('event');
    expect(before.cause.byIssue.total).toBe(0);
    expect(before.cause.byIssue.columns.map((c) => c.key)).toEqual(event.issues.map((i) => i.key));
    review = (await call('GET', `/api/events/${event.id}/factors/review`)).json() as FactorReview;
    expect(review.cards.some((c) => c.suggestions.length > 0)).toBe(true);
    // Every card has suggestions now; none is counted.
    expect((await overlap(`/api/events/${event.id}/overlap`)).cause.byIssue.total).toBe(0);

    const causes = review.cards.filter((c) => c.kind === 'cause');
    const [a, b] = [causes[0]!, causes.find((c) => c.issueKey !== causes[0]!.issueKey)!];
    const harm = review.cards.find((c) => c.kind === 'consequence')!;
    for (const [card, factor] of [
      [a, 'push.debt'],
      [b, 'push.debt'],
      [harm, 'harm.debt'],
    ] as const) {
      const r = await call('PUT', `/api/events/${event.id}/cards/${card.id}/factor`, { factor });
      expect(r.statusCode, r.body).toBe(200);
    }
    const after = await overlap(`/api/events/${event.id}/overlap`);
    expect(after.version).not.toBe(before.version);
    expect(debtRow(after).total).toBe(2);
    expect(debtRow(after).cells).toEqual({ [a.issueKey]: 1, [b.issueKey]: 1 });
    expect(debtRow(after).spread).toBe(2);
    expect(after.consequence.byIssue.total).toBe(1);
    expect(after.consequence.byIssue.rows[0]).toMatchObject({ factor: 'harm.debt', total: 1 });
    // A form column counts the card once for each form its issue names.
    const formsOf = (key: string) => event.issues.find((i) => i.key === key)!.forms;
    const expected: Record<string, number> = {};
    for (const c of [a, b])
      for (const f of formsOf(c.issueKey)) expected[f] = (expected[f] ?? 0) + 1;
    expect(after.cause.byForm.rows.find((r) => r.factor === 'push.debt')!.cells).toEqual(expected);

    const undo = await call('POST', `/api/events/${event.id}/cards/${b.id}/factor/undo`);
    expect(undo.statusCode).toBe(200);
    const undone = await overlap(`/api/events/${event.id}/overlap`);
    expect(debtRow(undone).total).toBe(1);
    expect(debtRow(undone).cells).toEqual({ [a.issueKey]: 1 });
    // Put it back for the tests below.
    await call('PUT', `/api/events/${event.id}/cards/${b.id}/factor`, { factor: 'push.debt' });
  });

  it('combines events in the coalition view and filters by level, event and period', async () => {
    const all = await overlap('/api/overlap');
    expect(all.scope).toBe('coalition');
    expect(all.view).toBe('coalition');
    expect(all.events.map((e) => e.id)).toContain(event.id);
    expect(debtRow(all).total).toBe(2);
    expect(debtRow(await overlap(`/api/overlap?event=${event.id}`)).total).toBe(2);
    const later = await overlap('/api/overlap?from=2999-01-01');
    expect(later.events).toEqual([]);
    expect(later.cause.byIssue.total).toBe(0);
    const a = review.cards.find((c) => c.kind === 'cause')!;
    expect(debtRow(await overlap(`/api/overlap?level=${a.level}`)).total).toBeGreaterThanOrEqual(1);
    let sum = 0;
    for (const level of ['individual', 'family', 'community', 'structural'])
      sum += debtRow(await overlap(`/api/overlap?level=${level}`)).total as number;
    expect(sum).toBe(2);
    const bad = await call('GET', '/api/overlap?level=galaxy&from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['from', 'level']);
  });

  it('lists the cards behind a cell (by issue or by form), never publicly', async () => {
    const a = review.cards.find((c) => c.kind === 'cause')!;
    const res = await call('GET', `/api/overlap/cards?factor=push.debt&issue=${a.issueKey}&event=${event.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const cards = OverlapCards.parse(res.json());
    expect(cards.cards.map((c) => c.id)).toEqual([a.id]);
    expect(cards.cards[0]!.text).toBe(a.text);
    const form = event.issues.find((i) => i.key === a.issueKey)!.forms[0];
    if (form) {
      const byForm = OverlapCards.parse((await call('GET', `/api/overlap/cards?factor=push.debt&form=${form}`)).json());
      expect(byForm.cards.map((c) => c.id)).toContain(a.id);
    }
    expect((await call('GET', '/api/overlap/cards?factor=push.debt', undefined, '')).statusCode).toBe(404);
  }); // prettier-ignore

  it('public view: only published events, small counts withheld, no filters, no cards', async () => {
    const none = await overlap('/api/overlap', '');
    expect(none.view).toBe('public');
    expect(none.events).toEqual([]);
    expect(none.cause.byIssue.total).toBe(0);
    expect((await call('PUT', `/api/events/${event.id}/overlap/visibility`, { visibility: 'public' }, '')).statusCode).toBe(401);
    const put = await call('PUT', `/api/events/${event.id}/overlap/visibility`, { visibility: 'public' });
    expect(put.statusCode, put.body).toBe(200);
    const pub = await overlap('/api/overlap', '');
    expect(pub.events.map((e) => e.id)).toEqual([event.id]);
    expect(pub.k).toBe(11);
    // One card per cell, two in all: withheld cells, and a total that is a range of withheld parts.
    expect(Object.values(debtRow(pub).cells)).toEqual([null, null]);
    expect(debtRow(pub).total).toEqual({ lo: 2, hi: 20 });
    // A member can ask for the public view too and gets the same figures.
    expect((await overlap('/api/overlap?view=public')).cause).toEqual(pub.cause);
    const filtered = await call('GET', `/api/overlap?level=individual&event=${event.id}`, undefined, '');
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['event', 'level']);
    expect((await call('GET', `/api/events/${event.id}/overlap`, undefined, '')).statusCode).toBe(404);
    await call('PUT', `/api/events/${event.id}/overlap/visibility`, { visibility: 'coalition' });
    expect((await overlap('/api/overlap', '')).events).toEqual([]);
  }); // prettier-ignore

  it('tells an open overlap page when a card is assigned (SSE), and never the public', async () => {
    const port = await listen(h.app);
    const ctrl = new AbortController();
    try {
      expect((await fetch(`http://127.0.0.1:${port}/api/overlap/stream`, { signal: ctrl.signal })).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${port}/api/overlap/stream`, { headers: { cookie: admin }, signal: ctrl.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      const until = async (what: string) => {
        while (!text.includes(what)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${what}`);
          text += new TextDecoder().decode(value);
        }
      };
      await until('event: hello');
      const card = review.cards.filter((c) => c.kind === 'cause')[2]!;
      const put = await call('PUT', `/api/events/${event.id}/cards/${card.id}/factor`, { factor: 'push.poverty' });
      expect(put.statusCode).toBe(200);
      await until('event: change');
      const versions = [...text.matchAll(/"version":"([^"]+)"/g)].map((m) => m[1]);
      expect(versions[1]).not.toBe(versions[0]);
      expect(versions[1]).toBe((await overlap(`/api/overlap`)).version);
    } finally {
      ctrl.abort();
    }
  }, 20_000); // prettier-ignore
});
