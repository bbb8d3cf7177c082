import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness, demoEvent } from '../support/api.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { FactorReview, Vocabulary, VocabularyFactor } from '../../src/contract/factors.ts';
import { DEFAULT_FACTOR_IDS } from '../../src/domain/factors/vocabulary.ts';
import { insertCard } from '../../src/server/db/repos/cards.ts';
import type { CardLevelCode } from '../../src/contract/constants.ts';

/**
 * The coalition's factor vocabulary through the API (issue 13): defaults with their ids, edits per
 * language, add (from a card), merge (cards follow, history kept), split, retire and restore; the
 * policy table decides who; suggestions learn from confirmed cards, also across instances.
 */
describe.each(testBackends())('factor vocabulary API on $name', (backend) => {
  let h: ApiHarness;
  let coordinator: string;
  let member: string;
  let viewer: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    const admin = await h.adminCookie();
    coordinator = await h.userWith('coordinator');
    member = await h.userWith('member');
    viewer = await h.userWith('viewer');
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const call = (
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    cookie = coordinator,
    app: App = h.app,
  ) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: cookie ? { cookie } : {},
    });
  const vocabulary = async (cookie = coordinator) =>
    (await call('GET', '/api/factors', undefined, cookie)).json<Vocabulary>();
  const factor = async (id: string) => (await vocabulary()).factors.find((f) => f.id === id);
  const review = async (app: App = h.app) =>
    (
      await call('GET', `/api/events/${event.id}/factors/review`, undefined, coordinator, app)
    ).json<FactorReview>();
  const auditCount = async () =>
    Number(
      (
        await h.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A card written straight into the event's sheet (as a phone would through the room). */
  async function card(text: string, kind: 'cause' | 'consequence', level: CardLevelCode = 'individual'): Promise<string> {
    const id = randomUUID();
    const at = h.clock.now.toISOString();
    await h.store.db.transaction().execute((trx) =>
      insertCard(trx, {
        id, eventId: event.id, issueKey: event.issues[0]!.key, kind, level, text, tags: { forms: [], sectors: [], populations: [], ilo: [] },
        tableId: null, round: null, participantId: null, userId: null, version: 1, deleted: false,
        createdAt: at, updatedAt: at,
      }),
    );
    return id;
  } // prettier-ignore

  it('starts from the default vocabulary, ids exact, labels in English and Thai; every member reads it, only coordinators change it', async () => {
    const v = await vocabulary();
    expect(v.factors.map((f) => f.id)).toEqual(DEFAULT_FACTOR_IDS);
    expect(v.languages).toEqual(['en', 'th', 'vi', 'id', 'tl', 'zh', 'km', 'my']);
    const debt = v.factors.find((f) => f.id === 'push.debt')!;
    expect(debt).toMatchObject({ kind: 'cause', status: 'active', default: true, cards: 0 });
    expect(debt.labels).toMatchObject({ en: 'Debt', th: 'หนี้สิน' });
    for (const lang of v.languages) expect(debt.keywords[lang]?.length, lang).toBeGreaterThan(0);
    expect(v.can).toEqual({ create: true, update: true, retire: true });
    for (const who of [member, viewer]) {
      const r = await vocabulary(who);
      expect(r.factors.length).toBe(36);
      expect(r.can).toEqual({ create: false, update: false, retire: false });
    }
    expect((await call('GET', '/api/factors', undefined, '')).statusCode).toBe(401);
    const before = await auditCount();
    const refused = [
      await call('PATCH', '/api/factors/push.debt', { labels: { th: 'x' } }, member),
      await call('POST', '/api/factors', { kind: 'cause', labels: { en: 'X' } }, member),
      await call('POST', '/api/factors/push.debt/merge', { into: 'push.poverty' }, viewer),
      await call('POST', '/api/factors/push.debt/retire', undefined, member),
      await call('POST', '/api/factors/push.debt/retire', undefined, ''),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 401]);
    expect(await factor('push.debt')).toEqual(debt);
    expect(await auditCount()).toBe(before);
  });

  it('edits labels, descriptions and keywords language by language; bad input names the field and changes nothing', async () => {
    const before = (await factor('push.recruiters'))!;
    const r = await call('PATCH', '/api/factors/push.recruiters', {
      labels: { th: 'นายหน้าเถื่อน', km: 'ឈ្មួញកណ្តាល' },
      descriptions: { th: 'นายหน้าที่เก็บค่าหัวคิว' },
      keywords: { vi: ['cò lao động', 'môi giới chui', 'cò lao động '] },
    });
    expect(r.statusCode).toBe(200);
    const after = r.json<VocabularyFactor>();
    expect(after.labels).toEqual({ ...before.labels, th: 'นายหน้าเถื่อน', km: 'ឈ្មួញកណ្តាល' });
    expect(after.descriptions.th).toBe('นายหน้าที่เก็บค่าหัวคิว');
    expect(after.keywords.vi).toEqual(['cò lao động', 'môi giới chui']);
    expect(after.keywords.th).toEqual(before.keywords.th);
    expect(after.id).toBe('push.recruiters');
    // a label removed per language; English is required
    expect((await call('PATCH', '/api/factors/push.recruiters', { labels: { km: '' } })).json().labels.km).toBeUndefined();
    const bad = [
      await call('PATCH', '/api/factors/push.recruiters', { labels: { en: '' } }),
      await call('PATCH', '/api/factors/push.recruiters', { labels: { xx: 'y' } }),
      await call('PATCH', '/api/factors/push.recruiters', { keywords: { th: [''] } }),
      await call('PATCH', '/api/factors/push.recruiters', {}),
      await call('PATCH', '/api/factors/push.recruiters', { kind: 'consequence' }),
    ];
    for (const b of bad) {
      expect(b.statusCode, b.body).toBe(400);
      expect(b.json().error).toBeTruthy();
    }
    expect(bad[0]!.json().fields[0].field).toMatch(/labels/);
    const missing = await call('PATCH', '/api/factors/push.nope', { labels: { th: 'x' } });
    expect(missing.statusCode).toBe(404);
    expect((await factor('push.recruiters'))!.labels.en).toBe(before.labels.en);
  }); // prettier-ignore

  it('adds a factor from a card (the card is assigned by that person) and refuses a taken id', async () => {
    const cardId = await card('karaoke bar hostess job offer', 'cause');
    const r = await call('POST', '/api/factors', {
      kind: 'cause',
      labels: { en: 'Karaoke bar jobs', th: 'งานคาราโอเกะ' },
      keywords: { en: ['karaoke', 'hostess'], th: ['คาราโอเกะ'] },
      fromCard: { eventId: event.id, cardId },
    });
    expect(r.statusCode, r.body).toBe(201);
    const made = r.json<VocabularyFactor>();
    expect(made).toMatchObject({ id: 'push.karaoke_bar_jobs', status: 'active', default: false, cards: 1 });
    const history = (await call('GET', `/api/events/${event.id}/cards/${cardId}/factor/history`)).json();
    expect(history.items).toMatchObject([{ n: 1, factor: 'push.karaoke_bar_jobs' }]);
    expect(history.items[0].byUser).toBeTruthy();
    // the same label again gets a new id; an id asked for that exists is refused
    const again = await call('POST', '/api/factors', { kind: 'cause', labels: { en: 'Karaoke bar jobs' } });
    expect(again.json().id).toBe('push.karaoke_bar_jobs_2');
    const taken = await call('POST', '/api/factors', { id: 'push.debt', kind: 'cause', labels: { en: 'Debt again' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('factor_exists');
    const wrongKind = await call('POST', '/api/factors', { kind: 'consequence', labels: { en: 'Harm from karaoke' }, fromCard: { eventId: event.id, cardId } });
    expect(wrongKind.statusCode).toBe(422);
    const strange = await call('POST', '/api/factors', { kind: 'cause', labels: { en: 'X' }, fromCard: { eventId: event.id, cardId: randomUUID() } });
    expect(strange.statusCode).toBe(422);
    expect(strange.json().fields[0].field).toBe('fromCard');
    expect((await vocabulary()).factors.filter((f) => f.labels.en === 'Harm from karaoke' || f.labels.en === 'X')).toEqual([]);
  }); // prettier-ignore

  it('merges: the cards follow with new versions (history kept), the words join, the merged id can no longer be chosen', async () => {
    const a = await card('tricked by fake agency promise of factory job', 'cause');
    const b = await card('broker took passport fee', 'cause');
    for (const [id, f] of [[a, 'push.awareness'], [b, 'push.recruiters']] as const)
      expect((await call('PUT', `/api/events/${event.id}/cards/${id}/factor`, { factor: f })).statusCode).toBe(200);
    const awareness = (await factor('push.awareness'))!;
    const r = await call('POST', '/api/factors/push.awareness/merge', { into: 'push.recruiters' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().moved).toBe(1);
    const into = r.json<{ into: VocabularyFactor }>().into;
    expect(into.cards).toBe(2);
    expect(into.keywords.en).toEqual(expect.arrayContaining([...awareness.keywords.en!, awareness.labels.en]));
    expect(await factor('push.awareness')).toMatchObject({ status: 'merged', mergedInto: 'push.recruiters', cards: 0 });
    const history = (await call('GET', `/api/events/${event.id}/cards/${a}/factor/history`)).json();
    expect(history.items.map((i: { factor: string }) => i.factor)).toEqual(['push.awareness', 'push.recruiters']);
    // the overlap's current-factor table moved with it
    const current = await h.store.db.selectFrom('card_factor_current').select('factor_id').where('card_id', '=', a).executeTakeFirst();
    expect(current?.factor_id).toBe('push.recruiters');
    const refused = await call('PUT', `/api/events/${event.id}/cards/${a}/factor`, { factor: 'push.awareness' });
    expect(refused.statusCode).toBe(409);
    expect((await call('POST', '/api/factors/push.debt/merge', { into: 'harm.debt' })).statusCode).toBe(422);
    expect((await call('POST', '/api/factors/push.debt/merge', { into: 'push.debt' })).statusCode).toBe(409);
    expect((await call('POST', '/api/factors/push.debt/merge', { into: 'push.none' })).statusCode).toBe(422);
    expect((await call('POST', '/api/factors/push.none/merge', { into: 'push.debt' })).statusCode).toBe(404);
    // review lists the merged factor with where it went
    expect((await review()).factors.find((f) => f.id === 'push.awareness')).toMatchObject({ status: 'merged', mergedInto: 'push.recruiters' });
  }); // prettier-ignore

  it('splits a factor: named cards move to the new parts, the rest stay; retires and restores', async () => {
    const cards = [
      await card('grew up in an orphanage', 'cause'),
      await card('parents divorced, left alone', 'cause'),
      await card('father died, mother left', 'cause'),
    ];
    for (const id of cards)
      await call('PUT', `/api/events/${event.id}/cards/${id}/factor`, { factor: 'push.family_breakdown' });
    const bad = await call('POST', '/api/factors/push.family_breakdown/split', {
      parts: [{ labels: { en: 'Orphaned' }, cards: [{ eventId: event.id, cardId: randomUUID() }] }],
    });
    expect(bad.statusCode).toBe(422);
    expect((await vocabulary()).factors.some((f) => f.labels.en === 'Orphaned')).toBe(false);
    const r = await call('POST', '/api/factors/push.family_breakdown/split', {
      parts: [
        { id: 'push.orphaned', labels: { en: 'Orphaned', th: 'กำพร้า' }, keywords: { en: ['orphan', 'orphanage'] }, cards: [{ eventId: event.id, cardId: cards[0] }] },
        { labels: { en: 'Parents separated' }, cards: [{ eventId: event.id, cardId: cards[1] }] },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().moved).toBe(2);
    expect(r.json().factors.map((f: VocabularyFactor) => [f.id, f.kind, f.cards])).toEqual([
      ['push.orphaned', 'cause', 1],
      ['push.parents_separated', 'cause', 1],
    ]);
    expect((await factor('push.family_breakdown'))).toMatchObject({ status: 'active', cards: 1 });
    const retired = await call('POST', '/api/factors/push.family_breakdown/retire');
    expect(retired.json()).toMatchObject({ status: 'retired', cards: 1 });
    expect((await call('PUT', `/api/events/${event.id}/cards/${cards[1]}/factor`, { factor: 'push.family_breakdown' })).statusCode).toBe(409);
    expect((await review()).cards.find((c) => c.id === cards[2])?.assignment?.factor).toBe('push.family_breakdown');
    expect((await call('POST', '/api/factors/push.family_breakdown/restore')).json().status).toBe('active');
    expect((await call('PUT', `/api/events/${event.id}/cards/${cards[1]}/factor`, { factor: 'push.family_breakdown' })).statusCode).toBe(200);
    expect((await call('POST', '/api/factors/push.awareness/retire')).statusCode).toBe(409); // merged
  }); // prettier-ignore

  it('suggestions learn from confirmed cards: the next review ranks the factor for similar cards, also on another instance', async () => {
    const other = await buildApp({ db: h.store.db, backend: h.store.backend, databaseUrl: h.store.url, now: () => h.clock.now });
    try {
      const first = await card('seafood peeling shed, sleeping on the floor of the shed', 'consequence', 'individual');
      const second = await card('sleeping on the shed floor at the seafood peeling place', 'consequence', 'individual');
      const top = (r: FactorReview, id: string) => r.cards.find((c) => c.id === id)!.suggestions;
      const before = top(await review(), second);
      const beforeOther = top(await review(other), second); // the other instance caches its suggester now
      expect(beforeOther).toEqual(before);
      // a factor the card's words do not suggest yet (no keyword of it is in the card)
      const target = ['harm.crime_growth', 'harm.lost_education', 'harm.economic_loss'].find(
        (f) => !before.some((s) => s.factor === f),
      )!;
      expect((await call('PUT', `/api/events/${event.id}/cards/${first}/factor`, { factor: target })).statusCode).toBe(200);
      const after = top(await review(), second);
      expect(after[0]?.factor).toBe(target);
      expect(after[0]?.matched).toEqual(expect.arrayContaining(['seafood', 'peeling', 'shed']));
      expect(top(await review(other), second)[0]?.factor).toBe(target);
      // undo: the card leaves the profile again
      await call('POST', `/api/events/${event.id}/cards/${first}/factor/undo`);
      expect(top(await review(), second)).toEqual(before);
      expect(top(await review(other), second)).toEqual(before);
    } finally {
      await other.close();
    }
  }); // prettier-ignore
});
