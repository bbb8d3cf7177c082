/**
 * Issue 11, typed concurrency-safe repositories: a card's factor is an append-only history
 * (card_factor_assignments, keyed by event, card and n). Assignments, undos and merges of one card
 * that arrive together must each read the history the one before left — without that, two of them
 * computed the same n and the second was a primary-key violation answered 500 on PostgreSQL.
 * Every answer here is 200 or 409 with a JSON body, never 500; every assignment is 200 (the lock
 * queues them; only an undo may be refused); and the history has no gap or duplicate: n = 1..k
 * for the k writes that were answered 200, the last of them the card's factor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEventSetup, type DemoEventSetup, type Method } from '../support/demo-event.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { FactorReview } from '../../src/contract/factors.ts';

const CAUSE_FACTORS = ['push.debt', 'push.poverty', 'push.online', 'push.aspiration'];

describe.each(testBackends())('concurrent factor assignments on $name', (backend) => {
  let setup: DemoEventSetup;
  let event: EventDetail;
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    event = setup.event;
  });
  afterAll(async () => setup?.close());

  const call = (method: Method, url: string, payload?: object) =>
    setup.call(method, url, setup.admin, payload);

  it('answers every one of many simultaneous assignments and undos of one card 200 or 409, and keeps the history whole', async () => {
    const review = (await call('GET', `/api/events/${event.id}/factors/review`)).json() as FactorReview;
    const cards = review.cards.filter((c) => c.kind === 'cause').slice(0, 3);
    expect(cards.length).toBe(3);
    for (const [round, card] of cards.entries()) {
      const base = `/api/events/${event.id}/cards/${card.id}/factor`;
      const isUndo = (i: number) => i % 5 === 4 && round > 0;
      const writes = Array.from({ length: 16 }, (_, i) =>
        isUndo(i)
          ? call('POST', `${base}/undo`)
          : call('PUT', base, { factor: CAUSE_FACTORS[i % CAUSE_FACTORS.length] }),
      );
      const answers = await Promise.all(writes);
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
      // The card's lock queues the assignments one behind the other, so none of them needs a retry:
      // without it (PostgreSQL) most of them collided on n and were refused 409 (12–13 of 16).
      expect(statuses.filter((s, i) => !isUndo(i) && s !== 200)).toEqual([]);
      for (const a of answers.filter((x) => x.statusCode === 409))
        expect(typeof a.json().error).toBe('string');
      const ok = answers.filter((a) => a.statusCode === 200).map((a) => a.json() as { n: number; factor: string | null });
      expect(ok.length).toBeGreaterThan(0);
      const history = (await call('GET', `${base}/history`)).json() as { items: { n: number; factor: string | null }[] };
      // one entry per accepted write, numbered without a gap or a repeat
      expect(history.items.map((e) => e.n)).toEqual(ok.map((_, i) => i + 1));
      expect([...ok.map((e) => e.n)].sort((a, b) => a - b)).toEqual(history.items.map((e) => e.n));
      const after = (await call('GET', `/api/events/${event.id}/factors/review`)).json() as FactorReview;
      expect(after.cards.find((c) => c.id === card.id)?.assignment?.factor ?? null).toBe(history.items.at(-1)!.factor);
    }
  }); // prettier-ignore
});
