import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness, demoEvent } from '../support/api.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { FactorReview } from '../../src/contract/factors.ts';

describe.each(testBackends())('factor review API on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, cookie = admin) =>
    h.app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

  it('lists the cards with three explained suggestions, assigns, undoes, and keeps the history', async () => {
    const review = (await call('GET', `/api/events/${event.id}/factors/review`)).json() as FactorReview;
    expect(review.factors.length).toBe(36);
    expect(review.cards.length).toBeGreaterThan(5);
    for (const c of review.cards) {
      expect(c.assignment).toBeNull();
      expect(c.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of c.suggestions) expect(s.matched.length).toBeGreaterThan(0);
    }
    expect(review.cards.filter((c) => c.suggestions.length > 0).length).toBeGreaterThan(review.cards.length / 2);
    // the card's kind steers: the best suggestion is a push factor for causes, a harm for consequences
    const steered = review.cards.filter((c) => c.suggestions[0]?.factor.startsWith(c.kind === 'cause' ? 'push.' : 'harm.'));
    expect(steered.length).toBeGreaterThanOrEqual(review.cards.filter((c) => c.suggestions.length > 0).length * 0.8);
    const card = review.cards.find((c) => c.kind === 'cause')!;
    const base = `/api/events/${event.id}/cards/${card.id}/factor`;
    const put = await call('PUT', base, { factor: 'push.debt' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ n: 1, factor: 'push.debt', undoOf: null });
    expect(put.json().byUser).toBeTruthy();
    const after = (await call('GET', `/api/events/${event.id}/factors/review`)).json() as FactorReview;
    expect(after.cards.find((c) => c.id === card.id)?.assignment?.factor).toBe('push.debt');
    const wrongKind = await call('PUT', base, { factor: 'harm.debt' });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json()).toMatchObject({ error: 'kind_mismatch', fields: [{ field: 'factor' }] });
    expect((await call('PUT', base, { factor: 'push.nope' })).json().error).toBe('unknown_factor');
    expect((await call('PUT', base, { factor: 7 })).statusCode).toBe(400);
    const undo = await call('POST', `${base}/undo`);
    expect(undo.json()).toMatchObject({ n: 2, factor: null, undoOf: 1 });
    const again = await call('POST', `${base}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('nothing_to_undo');
    const history = (await call('GET', `${base}/history`)).json();
    expect(history.items.map((i: { n: number; factor: string | null }) => [i.n, i.factor])).toEqual([[1, 'push.debt'], [2, null]]);
  }); // prettier-ignore

  it('answers 401 without a session and 404 for a card that is not in the event', async () => {
    const missingCard = '00000000-0000-4000-8000-000000000001';
    expect((await call('PUT', `/api/events/${event.id}/cards/not-a-uuid/factor`, { factor: 'push.debt' })).statusCode).toBe(400);
    expect((await call('GET', `/api/events/${event.id}/factors/review`, undefined, '')).statusCode).toBe(401);
    const missing = await call('PUT', `/api/events/${event.id}/cards/${missingCard}/factor`, { factor: 'push.debt' });
    expect(missing.statusCode).toBe(404);
    expect((await call('GET', `/api/events/${event.id}/cards/${missingCard}/factor/history`)).statusCode).toBe(404);
  }); // prettier-ignore
});
