import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../src/contract/events.ts';
import type { FactorReview, Vocabulary } from '../../src/contract/factors.ts';
import { OverlapAnswer } from '../../src/contract/overlap.ts';
import { insertCard } from '../../src/server/db/repos/cards.ts';
import { demoEvent, startApi, type ApiHarness } from '../support/api.ts';
import { testBackends } from '../support/backends.ts';
import { secondCoalition } from '../support/coalitions.ts';

/**
 * An outside tester's probes of issue 13's API (factors, assignments, vocabulary, overlap): bad
 * values, NUL bytes and huge strings in every free-text field, and people of a second coalition
 * aiming at the first one's events, cards and factors. Each is refused with a JSON body naming
 * what is wrong (never a 500), and nothing stored changes.
 */
describe.each(testBackends())('factor and overlap probes on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let other: Awaited<ReturnType<typeof secondCoalition>>;
  let otherCoordinator: string;
  let cardId: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
    other = await secondCoalition(h);
    otherCoordinator = await other.userWith('coordinator');
    cardId = randomUUID();
    const at = h.clock.now.toISOString();
    await h.store.db.transaction().execute((trx) =>
      insertCard(trx, {
        id: cardId, eventId: event.id, issueKey: event.issues[0]!.key, kind: 'cause', level: 'family',
        text: 'owes the broker 40k', tags: { forms: [], sectors: [], populations: [], ilo: [] },
        tableId: null, round: null, participantId: null, userId: null, version: 1, deleted: false,
        createdAt: at, updatedAt: at,
      }),
    );
  }); // prettier-ignore
  afterAll(async () => h?.close());

  type Method = 'GET' | 'PUT' | 'POST' | 'PATCH';
  const call = (method: Method, url: string, payload?: unknown, cookie = admin) =>
    h.app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });
  /** What the probes could change: the vocabulary and every assignment entry. */
  const state = async () => ({
    vocabulary: (await call('GET', '/api/factors')).json<Vocabulary>().factors,
    otherVocabulary: (await call('GET', '/api/factors', undefined, otherCoordinator)).json<Vocabulary>().factors,
    assignments: await h.store.db.selectFrom('card_factor_assignments').selectAll().orderBy('at').orderBy('n').execute(),
  }); // prettier-ignore
  const expectRefused = (r: Awaited<ReturnType<typeof call>>, codes: number[], what: string) => {
    expect(codes, `${what}: ${r.statusCode} ${r.body}`).toContain(r.statusCode);
    expect(r.headers['content-type'], what).toMatch(/application\/json/);
    const body = r.json<{ error?: string }>();
    expect(body.error, what).toBeTruthy();
    expect(r.body, what).not.toMatch(/\bat .*\.(ts|js):\d+/);
  };

  it('refuses NUL bytes, control characters and huge strings in every text field, naming it, storing nothing', async () => {
    const before = await state();
    const nul = 'a\u0000b';
    const huge = 'x'.repeat(100_000);
    const probes: [Method, string, unknown?][] = [
      ['PATCH', '/api/factors/push.debt', { labels: { th: nul } }],
      ['PATCH', '/api/factors/push.debt', { labels: { en: huge } }],
      ['PATCH', '/api/factors/push.debt', { descriptions: { vi: nul } }],
      ['PATCH', '/api/factors/push.debt', { keywords: { en: ['loan', nul] } }],
      ['PATCH', '/api/factors/push.debt', { keywords: { th: [huge] } }],
      ['PATCH', '/api/factors/push.debt', { codes: [nul] }],
      ['POST', '/api/factors', { kind: 'cause', labels: { en: nul } }],
      ['POST', '/api/factors', { kind: 'cause', labels: { en: 'Karaoke' }, keywords: { en: ['bar\u0007girl'] } }],
      ['POST', '/api/factors', { kind: 'cause', labels: { en: 'Karaoke', th: 'a\u202Eb' } }],
      ['POST', '/api/factors/push.debt/split', { parts: [{ labels: { en: nul }, cards: [] }] }],
      ['POST', '/api/factors/push.debt/split', { parts: [{ labels: { en: 'Part' }, keywords: { en: [nul] }, cards: [] }] }],
      ['POST', '/api/factors/push.debt/merge', { into: nul }],
      ['PUT', `/api/events/${event.id}/cards/${cardId}/factor`, { factor: nul }],
      ['PUT', `/api/events/${event.id}/cards/${cardId}/factor`, { factor: huge }],
      ['GET', '/api/overlap?coalition=a%00b'],
      ['GET', `/api/overlap?coalition=${'x'.repeat(5000)}`],
      ['GET', '/api/overlap?level=a%00b'],
      ['GET', '/api/overlap?event=a%00b'],
      ['GET', '/api/overlap?from=2026-01-01%00'],
      ['GET', '/api/overlap?to=99999-01-01'],
      ['GET', '/api/overlap?view=secret'],
      ['GET', `/api/events/${event.id}/overlap?level=%00`],
      ['GET', '/api/overlap/cards?factor=push.debt&issue=a%00b'],
      ['GET', `/api/overlap/cards?factor=push.debt&form=${'f'.repeat(5000)}`],
      ['GET', '/api/overlap/cards?factor=push.debt&event=%00'],
      ['GET', '/api/overlap/stream?coalition=a%00b'],
      ['GET', '/api/atlas/stream?coalition=a%00b'],
      ['GET', '/api/patterns/distribution/public?coalition=a%00b'],
      ['GET', '/api/factors/a%00b/history'],
      ['PATCH', '/api/factors/a%00b', { labels: { th: 'x' } }],
    ];
    for (const [method, url, body] of probes) {
      const r = await call(method, url, body);
      expectRefused(r, [400, 404, 422], `${method} ${url.slice(0, 80)} ${JSON.stringify(body)?.slice(0, 80)}`);
    }
    expect(await state()).toEqual(before);
  }); // prettier-ignore

  it("refuses a second coalition's people on the first one's events, cards and factors; nothing changes", async () => {
    const custom = await call('POST', '/api/factors', { kind: 'cause', labels: { en: 'Karaoke bars' }, id: 'push.karaoke' });
    expect(custom.statusCode, custom.body).toBe(201);
    const before = await state();
    const e = event.id;
    const probes: [Method, string, unknown?][] = [
      ['GET', `/api/events/${e}/factors/review`],
      ['PUT', `/api/events/${e}/cards/${cardId}/factor`, { factor: 'push.debt' }],
      ['POST', `/api/events/${e}/cards/${cardId}/factor/undo`],
      ['GET', `/api/events/${e}/cards/${cardId}/factor/history`],
      ['GET', `/api/events/${e}/overlap`],
      ['PUT', `/api/events/${e}/overlap/visibility`, { visibility: 'public' }],
      ['GET', `/api/overlap/cards?factor=push.debt&event=${e}`],
      // the first coalition's own factor id does not exist in the second's vocabulary
      ['PATCH', '/api/factors/push.karaoke', { labels: { th: 'คาราโอเกะ' } }],
      ['POST', '/api/factors/push.karaoke/merge', { into: 'push.debt' }],
      ['POST', '/api/factors/push.debt/merge', { into: 'push.karaoke' }],
      ['POST', '/api/factors/push.karaoke/retire'],
      ['POST', '/api/factors', { kind: 'cause', labels: { en: 'Stolen card' }, fromCard: { eventId: e, cardId } }],
      ['POST', '/api/factors/push.debt/split', { parts: [{ labels: { en: 'Broker debt' }, cards: [{ eventId: e, cardId }] }] }],
    ];
    for (const [method, url, body] of probes) {
      const r = await call(method, url, body, otherCoordinator);
      expectRefused(r, [403, 404, 409, 422], `${method} ${url} ${JSON.stringify(body)}`);
    }
    // filtering the coalition view by another coalition's event shows nothing of it
    const filtered = await call('GET', `/api/overlap?event=${e}`, undefined, otherCoordinator);
    if (filtered.statusCode === 200) {
      const a = OverlapAnswer.parse(filtered.json());
      expect(a.events).toEqual([]);
      expect(a.cause.byIssue.total).toBe(0);
    } else expectRefused(filtered, [403, 404, 422], 'overlap?event=foreign');
    expect(await state()).toEqual(before);
    // and the review of the first coalition's event still shows the card unassigned
    const review = (await call('GET', `/api/events/${e}/factors/review`)).json<FactorReview>();
    expect(review.cards.find((c) => c.id === cardId)!.assignment).toBeNull();
  }); // prettier-ignore

  it('never counts a suggestion; the public view of an unpublished coalition is empty for outsiders', async () => {
    const review = (await call('GET', `/api/events/${event.id}/factors/review`)).json<FactorReview>();
    expect(review.cards.find((c) => c.id === cardId)!.suggestions[0]?.factor).toBe('push.debt');
    const a = OverlapAnswer.parse((await call('GET', `/api/events/${event.id}/overlap`)).json());
    expect(a.cause.byIssue.rows.find((r) => r.factor === 'push.debt')?.total ?? 0).toBe(0);
    const slug = (await h.store.db.selectFrom('coalitions').select('slug').where('is_demo', '=', 1).executeTakeFirstOrThrow()).slug;
    const outside = await call('GET', `/api/overlap?coalition=${slug}`, undefined, otherCoordinator);
    expect(outside.statusCode, outside.body).toBe(200);
    const p = OverlapAnswer.parse(outside.json());
    expect(p.view).toBe('public');
    expect(p.events).toEqual([]);
    const cards = await call('GET', `/api/overlap/cards?factor=push.debt`, undefined, otherCoordinator);
    if (cards.statusCode === 200) expect(cards.json<{ cards: unknown[] }>().cards).toEqual([]);
    else expectRefused(cards, [403, 404], 'cards of own empty coalition');
  }); // prettier-ignore
});
