import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDb } from '../support/backends.ts';
import { seedDemo, DEMO_SLUG } from '../../src/server/seed/demo.ts';
import { findCoalitionBySlug } from '../../src/server/db/repos/accounts.ts';
import { listEvents } from '../../src/server/db/repos/events.ts';
import { listCards, type CardRecord } from '../../src/server/db/repos/cards.ts';
import { cardAssignments, eventAssignments } from '../../src/server/db/repos/factors.ts';
import {
  addFactor,
  assignCard,
  coalitionFactors,
  currentByCard,
  FactorError,
  mergeFactors,
  retireFactor,
  suggesterFor,
  undoAssignment,
} from '../../src/server/factors/service.ts';
import { DEFAULT_FACTOR_IDS } from '../../src/domain/factors/vocabulary.ts';

describe.each(testBackends())('factors and assignments on $name', (backend) => {
  let t: TestDb;
  let coalitionId: string;
  let userId: string;
  let eventId: string;
  let causes: CardRecord[];
  let consequences: CardRecord[];
  beforeAll(async () => {
    t = await backend.open();
    await seedDemo(t.db, new Date('2026-11-28T09:00:00Z'));
    const coalition = await findCoalitionBySlug(t.db, DEMO_SLUG);
    coalitionId = coalition!.id;
    userId = (await t.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    eventId = (await listEvents(t.db, coalitionId))[0]!.id;
    const cards = await listCards(t.db, eventId);
    causes = cards.filter((c) => c.kind === 'cause');
    consequences = cards.filter((c) => c.kind === 'consequence');
  });
  afterAll(async () => t?.close());

  const refused = async (p: Promise<unknown>, code: string) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FactorError);
    expect((err as FactorError).code).toBe(code);
  };

  it('starts a coalition with the default vocabulary, once', async () => {
    const first = await coalitionFactors(t.db, coalitionId);
    expect(first.map((f) => f.id)).toEqual(DEFAULT_FACTOR_IDS);
    expect(first.every((f) => f.status === 'active')).toBe(true);
    expect(first.find((f) => f.id === 'push.debt')?.keywords.th).toContain('หนี้');
    expect((await coalitionFactors(t.db, coalitionId)).length).toBe(DEFAULT_FACTOR_IDS.length);
  });

  it('versions a card’s factor with who and when, and undoes step by step', async () => {
    const card = causes[0]!;
    const at = (m: number) => new Date(Date.UTC(2026, 10, 28, 10, m));
    const a = { eventId, cardId: card.id, userId };
    await assignCard(t.db, { ...a, factorId: 'push.debt', now: at(1) });
    await assignCard(t.db, { ...a, factorId: 'push.poverty', now: at(2) });
    const u1 = await undoAssignment(t.db, { ...a, now: at(3) });
    expect(u1).toMatchObject({ n: 3, factor_id: 'push.debt', undo_of: 2 });
    const u2 = await undoAssignment(t.db, { ...a, now: at(4) });
    expect(u2).toMatchObject({ n: 4, factor_id: null, undo_of: 1 });
    await refused(undoAssignment(t.db, a), 'nothing_to_undo');
    const history = await cardAssignments(t.db, eventId, card.id);
    expect(history.map((h) => [h.n, h.factor_id, h.by_user, h.at, h.undo_of])).toEqual([
      [1, 'push.debt', userId, at(1).toISOString(), null],
      [2, 'push.poverty', userId, at(2).toISOString(), null],
      [3, 'push.debt', userId, at(3).toISOString(), 2],
      [4, null, userId, at(4).toISOString(), 1],
    ]);
    // after undoing everything, a new assignment starts a new stack
    await assignCard(t.db, { ...a, factorId: 'push.awareness' });
    expect(await undoAssignment(t.db, a)).toMatchObject({ factor_id: null, undo_of: 5 });
  });

  it('refuses unknown factors and cards, the other kind, and stores nothing then', async () => {
    const card = causes[1]!;
    const a = { eventId, cardId: card.id, userId };
    await refused(assignCard(t.db, { ...a, factorId: 'push.nope' }), 'unknown_factor');
    await refused(assignCard(t.db, { ...a, factorId: 'harm.debt' }), 'kind_mismatch');
    await refused(assignCard(t.db, { ...a, cardId: 'no-such-card', factorId: 'push.debt' }), 'unknown_card');
    await refused(assignCard(t.db, { ...a, eventId: '00000000-0000-4000-8000-000000000000', factorId: 'push.debt' }), 'unknown_event');
    expect(await cardAssignments(t.db, eventId, card.id)).toEqual([]);
  }); // prettier-ignore

  it('merges two factors: cards follow, the merged one can no longer be chosen', async () => {
    const [c1, c2, c3] = causes.slice(2, 5);
    for (const c of [c1!, c2!])
      await assignCard(t.db, { eventId, cardId: c.id, userId, factorId: 'push.aspiration' });
    await assignCard(t.db, { eventId, cardId: c3!.id, userId, factorId: 'push.online' });
    const moved = await mergeFactors(t.db, { coalitionId, from: 'push.aspiration', into: 'push.family_pressure', userId });
    expect(moved).toBe(2);
    const current = currentByCard(await eventAssignments(t.db, eventId));
    expect(current.get(c1!.id)?.factor_id).toBe('push.family_pressure');
    expect(current.get(c2!.id)?.factor_id).toBe('push.family_pressure');
    expect(current.get(c3!.id)?.factor_id).toBe('push.online');
    const merged = (await coalitionFactors(t.db, coalitionId)).find((f) => f.id === 'push.aspiration');
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'push.family_pressure' });
    await refused(assignCard(t.db, { eventId, cardId: c3!.id, userId, factorId: 'push.aspiration' }), 'factor_not_active');
    await refused(mergeFactors(t.db, { coalitionId, from: 'push.debt', into: 'harm.debt', userId }), 'kind_mismatch');
    // undo after a merge goes back to the factor before the merge's entry
    expect(await undoAssignment(t.db, { eventId, cardId: c1!.id, userId })).toMatchObject({ factor_id: 'push.aspiration' });
  }); // prettier-ignore

  it('adds and retires factors', async () => {
    const f = await addFactor(t.db, { coalitionId, id: 'push.karaoke', kind: 'cause', label: 'Karaoke bars', keywords: { en: ['karaoke', 'hostess'] }, userId });
    expect(f.status).toBe('active');
    await refused(addFactor(t.db, { coalitionId, id: 'push.karaoke', kind: 'cause', label: 'again', userId }), 'factor_exists');
    await retireFactor(t.db, { coalitionId, id: 'push.karaoke', userId });
    await refused(assignCard(t.db, { eventId, cardId: causes[5]!.id, userId, factorId: 'push.karaoke' }), 'factor_not_active');
  }); // prettier-ignore

  it('suggests from the coalition’s vocabulary and learns its confirmed cards', async () => {
    const card = consequences[0]!;
    const before = await suggesterFor(t.db, coalitionId);
    const probe = { text: card.text, kind: 'consequence' as const, level: card.level };
    const ranked = before.suggest(probe, 50).map((s) => s.factor);
    const target = ['harm.economic_loss', 'harm.crime_growth', 'harm.lost_education'].find(
      (f) => !ranked.slice(0, 3).includes(f),
    )!;
    expect(before.suggest(probe)[0]?.factor).not.toBe(target);
    await assignCard(t.db, { eventId, cardId: card.id, userId, factorId: target });
    const after = await suggesterFor(t.db, coalitionId);
    expect(after.suggest(probe)[0]?.factor).toBe(target);
    // merged and retired factors are not suggested
    expect(after.factorIds).not.toContain('push.aspiration');
    expect(after.factorIds).not.toContain('push.karaoke');
  });
});
