import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

describe.each(testBackends())('world-café cards on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let url: string;
  let event: EventDetail;
  const tickets: JoinTicket[] = [];
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    const list = (
      await h.app.inject({ method: 'GET', url: '/api/events', headers: { cookie: admin } })
    ).json();
    event = (
      await h.app.inject({
        method: 'GET',
        url: `/api/events/${list.items[0].id}`,
        headers: { cookie: admin },
      })
    ).json();
    url = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/live/${event.id}`;
    const roster = (
      await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
    ).json().roster;
    for (const r of roster.slice(0, 3))
      tickets.push(
        (
          await h.app.inject({
            method: 'POST',
            url: `/api/join/${event.joinCode}/claim`,
            payload: { participantId: r.id },
          })
        ).json(),
      );
  });
  afterAll(async () => h?.close());

  const phone = async (i: number, lastSeq?: number) => {
    const c = await TestLiveClient.connect(url);
    const w = (await c.hello({
      participantToken: tickets[i]!.token,
      ...(lastSeq === undefined ? {} : { lastSeq }),
    })) as Welcome;
    return { c, w };
  };
  const facilitator = async () => {
    const c = await TestLiveClient.connect(url, { cookie: admin });
    await c.hello();
    return c;
  };
  const intent = async (c: TestLiveClient, body: object, id = randomUUID().replaceAll('-', '')) => {
    c.send({ type: 'intent', id, intent: body });
    return c.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
  };
  const storedCards = () =>
    h.store.db.selectFrom('cards').selectAll().where('event_id', '=', event.id).execute();
  const add = (text: string, extra: object = {}) => ({
    type: 'addCard',
    cardId: randomUUID(),
    issueKey: 'domesticWorkers',
    text,
    kind: 'cause',
    level: 'individual',
    ...extra,
  });

  it('SYNC-3/PRIV-1: a card added by a phone reaches everyone once; only facilitators see its author', async () => {
    const { c: a } = await phone(0);
    const { c: b } = await phone(1);
    const f = await facilitator();
    const body = add('ความยากจน — poverty');
    expect(await intent(a, body)).toMatchObject({ type: 'ack' });
    const seenByB = (await b.next(
      (m) => m.type === 'change' && m.change.kind === 'card',
    )) as Extract<ServerMessage, { type: 'change' }>;
    const seenByF = (await f.next(
      (m) => m.type === 'change' && m.change.kind === 'card',
    )) as Extract<ServerMessage, { type: 'change' }>;
    expect(seenByB.change).toMatchObject({
      card: { text: 'ความยากจน — poverty', participantId: null, version: 1 },
    });
    expect(seenByF.change).toMatchObject({ card: { participantId: tickets[0]!.participantId } });
    // The same card again under a new intent id is still one card.
    expect(await intent(a, body)).toMatchObject({ type: 'ack' });
    expect(
      (await storedCards()).filter((c) => c.id === (body as { cardId: string }).cardId),
    ).toHaveLength(1);
    const { w } = await phone(0);
    expect(w.myCardIds).toContain((body as { cardId: string }).cardId);
    expect(JSON.stringify(w.snapshot?.cards)).not.toContain(tickets[0]!.participantId);
    await Promise.all([a.close(), b.close(), f.close()]);
  });

  it('SYNC-6: concurrent edits merge; the losing text is kept in history', async () => {
    const { c: a } = await phone(0);
    const f = await facilitator();
    const body = add('debt');
    await intent(a, body);
    const cardId = (body as { cardId: string }).cardId;
    expect(
      await intent(a, { type: 'editCard', cardId, baseVersion: 1, text: 'debt to a broker' }),
    ).toMatchObject({ type: 'ack' });
    expect(
      await intent(f, {
        type: 'editCard',
        cardId,
        baseVersion: 1,
        text: 'debt bondage',
        level: 'family',
      }),
    ).toMatchObject({ type: 'ack' });
    const card = (await storedCards()).find((c) => c.id === cardId)!;
    expect(card).toMatchObject({ text: 'debt to a broker', level: 'family' });
    const history = await h.store.db
      .selectFrom('card_history')
      .selectAll()
      .where('card_id', '=', cardId)
      .orderBy('n')
      .execute();
    expect(history.map((x) => [x.reason, x.text])).toEqual([
      ['add', 'debt'],
      ['edit', 'debt to a broker'],
      ['superseded', 'debt bondage'],
      ['edit', 'debt to a broker'],
    ]);
    await Promise.all([a.close(), f.close()]);
  });

  it('SYNC-7: authors and facilitators delete and restore; others may not', async () => {
    const { c: a } = await phone(0);
    const { c: b } = await phone(1);
    const body = add('isolation');
    await intent(a, body);
    const cardId = (body as { cardId: string }).cardId;
    expect(await intent(b, { type: 'deleteCard', cardId })).toMatchObject({
      type: 'reject',
      error: 'forbidden',
    });
    expect(await intent(b, { type: 'editCard', cardId, baseVersion: 1, text: 'x' })).toMatchObject({
      type: 'reject',
      error: 'forbidden',
    });
    expect(await intent(a, { type: 'deleteCard', cardId })).toMatchObject({ type: 'ack' });
    expect((await storedCards()).find((c) => c.id === cardId)).toMatchObject({
      deleted: 1,
      version: 2,
    });
    expect(await intent(a, { type: 'restoreCard', cardId })).toMatchObject({ type: 'ack' });
    expect((await storedCards()).find((c) => c.id === cardId)).toMatchObject({
      deleted: 0,
      version: 3,
    });
    await Promise.all([a.close(), b.close()]);
  });

  it('LIMIT-1: bad cards are refused naming the problem, a script is stored as text, floods are limited; nothing else changes', async () => {
    const { c: a } = await phone(2);
    const before = (await storedCards()).length;
    const bad = [
      add(''),
      add('x'.repeat(281)),
      add('ok', { kind: 'opinion' }),
      add('ok', { level: 'galaxy' }),
      add('ok', { issueKey: 'no-such-issue' }),
      add('ok', { cardId: 'not-a-uuid' }),
    ];
    for (const b of bad) {
      const id = randomUUID().replaceAll('-', '');
      a.send({ type: 'intent', id, intent: b });
      const m = await a.next(
        (x) =>
          ((x.type === 'reject' && x.id === id) || x.type === 'error') &&
          !a.messages.slice(0, -1).includes(x),
      );
      expect(m.type === 'error' || m.type === 'reject', JSON.stringify(b)).toBe(true);
      a.messages.length = 0;
    }
    expect((await storedCards()).length).toBe(before);
    expect(await intent(a, add('<script>alert(1)</script>'))).toMatchObject({ type: 'ack' });
    expect((await storedCards()).some((c) => c.text === '<script>alert(1)</script>')).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => intent(a, add(`flood ${i}`))),
    );
    const limited = results.filter((r) => r.type === 'reject' && r.error === 'rate_limited').length;
    expect(limited).toBeGreaterThan(0);
    expect((await storedCards()).length).toBe(before + 1 + (40 - limited));
    await a.close();
  });

  it('hand-over notes reach the next group', async () => {
    const f = await facilitator();
    const { c: b } = await phone(1);
    expect(
      await intent(f, {
        type: 'handover',
        issueKey: 'migrants',
        text: 'We focused on debt; nobody covered return.',
      }),
    ).toMatchObject({ type: 'ack' });
    const m = (await b.next((x) => x.type === 'change' && x.change.kind === 'handover')) as Extract<
      ServerMessage,
      { type: 'change' }
    >;
    expect(m.change).toMatchObject({
      note: { issueKey: 'migrants', text: 'We focused on debt; nobody covered return.' },
    });
    await Promise.all([f.close(), b.close()]);
  });
  it('exports a sheet as JSON and as CSV with HXL hashtags, and shows a card’s history, to facilitators only', async () => {
    const json = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/sheets/domesticWorkers`,
      headers: { cookie: admin },
    });
    expect(json.statusCode).toBe(200);
    const sheet = json.json();
    expect(sheet.issue.key).toBe('domesticWorkers');
    expect(sheet.cards.length).toBeGreaterThan(0);
    expect(sheet.cards.every((c: { deleted: boolean }) => !c.deleted)).toBe(true);
    const csv = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/sheets/domesticWorkers?format=csv`,
      headers: { cookie: admin },
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[1]).toMatch(/^#meta\+id,/);
    expect(csv.body).toContain('ความยากจน — poverty');
    const card = sheet.cards[0];
    const hist = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/cards/${card.id}/history`,
      headers: { cookie: admin },
    });
    expect(hist.json().items[0].reason).toBe('add');
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/events/${event.id}/sheets/domesticWorkers` }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/events/${event.id}/sheets/nope`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(404);
  });
});
