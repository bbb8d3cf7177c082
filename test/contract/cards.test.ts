import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness, demoEvent } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import type { Intent, ServerMessage } from '../../src/contract/live.ts';
import { LiveCore } from '../../src/core/client.ts';

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
    event = await demoEvent(h.app, admin);
    url = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/live/${event.id}`;
    const roster = (
      await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
    ).json().roster;
    for (const r of roster.slice(0, 5))
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

  it('TAG-1: codes from the four lists, stored in list order once each; set, changed and cleared; a bad one is refused naming the field', async () => {
    const { c: a } = await phone(0);
    const body = add('recruiters keep passports', {
      tags: { ilo: ['retentionOfDocuments', 'deception', 'deception'], sectors: ['Fishing'] },
    });
    const cardId = (body as { cardId: string }).cardId;
    expect(await intent(a, body)).toMatchObject({ type: 'ack' });
    const stored = async () => (await storedCards()).find((c) => c.id === cardId)!;
    expect(JSON.parse((await stored()).tags)).toEqual({
      forms: [],
      sectors: ['Fishing'],
      populations: [],
      ilo: ['deception', 'retentionOfDocuments'],
    });
    // the same tags in another order change nothing: no new version
    expect(
      await intent(a, {
        type: 'editCard',
        cardId,
        baseVersion: 1,
        tags: { sectors: ['Fishing'], ilo: ['retentionOfDocuments', 'deception'] },
      }),
    ).toMatchObject({ type: 'ack' });
    expect((await stored()).version).toBe(1);
    expect(
      await intent(a, {
        type: 'editCard',
        cardId,
        baseVersion: 1,
        tags: { forms: ['ForcedLabour'], populations: ['fishers', 'migrants'] },
      }),
    ).toMatchObject({ type: 'ack' });
    expect(await stored()).toMatchObject({ version: 2, text: 'recruiters keep passports' });
    expect(JSON.parse((await stored()).tags)).toEqual({
      forms: ['ForcedLabour'],
      sectors: [],
      populations: ['migrants', 'fishers'],
      ilo: [],
    });
    // everyone sees them: the change carries the tags
    const { w } = await phone(1);
    expect(w.snapshot?.cards.find((c) => c.id === cardId)?.tags.forms).toEqual(['ForcedLabour']);
    expect(
      await intent(a, {
        type: 'editCard',
        cardId,
        baseVersion: 2,
        tags: { forms: [], sectors: [], populations: [], ilo: [] },
      }),
    ).toMatchObject({ type: 'ack' });
    expect(JSON.parse((await stored()).tags)).toEqual({
      forms: [],
      sectors: [],
      populations: [],
      ilo: [],
    });
    // Bad tags: refused by intent id (so a phone's outbox lets go), naming the field; no change.
    const before = await stored();
    const bad: [object, RegExp][] = [
      [{ forms: ['forced labour'] }, /^tags\.forms\.0: /],
      [{ sectors: 'Fishing' }, /^tags\.sectors: /],
      [{ ilo: Array.from({ length: 12 }, () => 'isolation') }, /^tags\.ilo: /],
      [{ colour: ['red'] }, /^tags: .*colour/],
    ];
    for (const [tags, field] of bad) {
      const r = await intent(a, { type: 'editCard', cardId, baseVersion: 3, tags });
      expect(r, JSON.stringify(tags)).toMatchObject({ type: 'reject', error: 'invalid_intent' });
      expect((r as { message: string }).message).toMatch(field);
    }
    const r = await intent(a, add('ok', { tags: { populations: [42] } }));
    expect(r).toMatchObject({ type: 'reject', error: 'invalid_intent' });
    expect((r as { message: string }).message).toMatch(/^tags\.populations\.0: /);
    expect(await stored()).toEqual(before);
    await a.close();
  });

  it('SYNC-9/SYNC-10: a card added, edited twice, tagged, deleted and restored offline arrives with every change applied once, in order', async () => {
    const { w } = await phone(4);
    let n = 0;
    // the phone's own client core, as its LiveClient runs it
    const core = new LiveCore({
      participantToken: tickets[4]!.token,
      newId: () => `offline${String(n++).padStart(6, '0')}`,
    });
    core.receive(w);
    core.closed();
    // offline: nothing is sent, all of it waits in the outbox
    const cardId = randomUUID();
    const queue = (i: Intent | null) => expect(core.queue(i!).send).toBeNull();
    queue({
      type: 'addCard',
      cardId,
      issueKey: 'domesticWorkers',
      text: 'no day off',
      kind: 'cause',
      level: 'individual',
    });
    queue(core.editOf(cardId, { text: 'no day off in months' }));
    queue(core.editOf(cardId, { text: 'no day off in a year', level: 'family' }));
    queue(
      core.editOf(cardId, {
        tags: { forms: [], sectors: ['DomesticWork'], populations: [], ilo: ['isolation'] },
      }),
    );
    queue({ type: 'deleteCard', cardId });
    queue({ type: 'restoreCard', cardId });
    expect(core.outbox.map((p) => p.intent.type)).toEqual([
      'addCard',
      'editCard',
      'editCard',
      'editCard',
      'deleteCard',
      'restoreCard',
    ]);
    const wanted = core.shown(cardId)!;
    const last = core.outbox[core.outbox.length - 1]!.id;
    // The connection comes back, the outbox goes out, and the link drops before any answer.
    const connect = async () => {
      const c = await TestLiveClient.connect(url);
      c.send(core.hello());
      const welcome = await c.next((m) => m.type === 'welcome');
      for (const m of core.receive(welcome).send) c.send(m);
      return c;
    };
    const first = await connect();
    first.ws.terminate();
    core.closed();
    // Back again: everything is resent (SYNC-4); what already applied is acknowledged, not redone.
    const second = await connect();
    await second.next((m) => m.type === 'ack' && m.id === last, 10_000);
    const refused = second.messages
      .filter((m) => m.type !== 'welcome')
      .map((m) => core.receive(m).settled)
      .filter((x) => x && !x.result.ok);
    expect(core.outbox).toEqual([]);
    expect(refused).toEqual([]);
    const card = (await storedCards()).find((c) => c.id === cardId)!;
    expect(card).toMatchObject({
      text: wanted.text,
      level: 'family',
      deleted: 0,
      version: 6, // add, three edits, delete, restore: one version each, none twice
    });
    expect(JSON.parse(card.tags)).toEqual(wanted.tags);
    const history = await h.store.db
      .selectFrom('card_history')
      .select(['reason', 'text', 'version'])
      .where('card_id', '=', cardId)
      .orderBy('n')
      .execute();
    // the phone's own edits on version 1 are not concurrent with each other: none lost
    expect(history.map((x) => `${x.version} ${x.reason} ${x.text}`)).toEqual([
      '1 add no day off',
      '2 edit no day off in months',
      '3 edit no day off in a year',
      '4 edit no day off in a year',
      '5 delete no day off in a year',
      '6 restore no day off in a year',
    ]);
    // A tags-only edit shows in the history as the facilitators read it: version 4 has the tags.
    const shown = (
      await h.app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/cards/${cardId}/history`,
        headers: { cookie: admin },
      })
    ).json() as { items: { version: number; tags: unknown }[] };
    expect(shown.items.map((v) => [v.version, v.tags])).toEqual([
      [1, { forms: [], sectors: [], populations: [], ilo: [] }],
      [2, { forms: [], sectors: [], populations: [], ilo: [] }],
      [3, { forms: [], sectors: [], populations: [], ilo: [] }],
      [4, wanted.tags],
      [5, wanted.tags],
      [6, wanted.tags],
    ]);
    await second.close();
  });

  it('SYNC-2: an intent that changed nothing is still applied once: its retry after later changes is only acknowledged', async () => {
    const { c: a } = await phone(3);
    const body = add('threats to family');
    const cardId = (body as { cardId: string }).cardId;
    await intent(a, body);
    const restore = 'restore0000000001';
    const edit = 'editnoop000000001';
    // a restore of a card that is not deleted, and an edit to the text it has: no change
    expect(await intent(a, { type: 'restoreCard', cardId }, restore)).toMatchObject({
      type: 'ack',
    });
    expect(
      await intent(
        a,
        { type: 'editCard', cardId, baseVersion: 1, text: 'threats to family' },
        edit,
      ),
    ).toMatchObject({ type: 'ack' });
    await intent(a, { type: 'editCard', cardId, baseVersion: 1, text: 'threats to relatives' });
    await intent(a, { type: 'deleteCard', cardId });
    // Their acks were lost: the phone resends both after the later changes.
    a.messages.length = 0;
    expect(await intent(a, { type: 'restoreCard', cardId }, restore)).toMatchObject({
      type: 'ack',
    });
    expect(
      await intent(
        a,
        { type: 'editCard', cardId, baseVersion: 1, text: 'threats to family' },
        edit,
      ),
    ).toMatchObject({ type: 'ack' });
    expect((await storedCards()).find((c) => c.id === cardId)).toMatchObject({
      text: 'threats to relatives',
      deleted: 1,
      version: 3,
    });
    await a.close();
  });

  it('SYNC-9: a facilitator edit between a phone’s own edits still wins its field (SYNC-6)', async () => {
    const { c: a } = await phone(1);
    const f = await facilitator();
    const body = add('long hours');
    const cardId = (body as { cardId: string }).cardId;
    await intent(a, body);
    await intent(a, { type: 'editCard', cardId, baseVersion: 1, text: 'long hours, no pay' });
    await intent(f, { type: 'editCard', cardId, baseVersion: 2, text: 'wage theft' });
    // made on version 1: its own version 2 is not concurrent, the facilitator's version 3 is
    expect(
      await intent(a, { type: 'editCard', cardId, baseVersion: 1, text: 'long hours, unpaid' }),
    ).toMatchObject({ type: 'ack' });
    expect((await storedCards()).find((c) => c.id === cardId)).toMatchObject({
      text: 'wage theft',
      version: 3,
    });
    await Promise.all([a.close(), f.close()]);
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
    // Every tag list is exported, each under its HXL hashtag.
    const [header, hxl, ...rows] = parse(csv.body.replace(/^\uFEFF/, '')) as string[][];
    const col = (name: string) => header!.indexOf(name);
    expect(hxl![col('sectors')]).toBe('#sector+labour');
    expect(hxl![col('populations')]).toBe('#affected+type');
    for (const c of sheet.cards as {
      id: string;
      tags: { forms: string[]; sectors: string[]; populations: string[]; ilo: string[] };
    }[]) {
      const row = rows.find((r) => r[0] === c.id)!;
      expect(row[col('forms')]).toBe(c.tags.forms.join(';'));
      expect(row[col('sectors')]).toBe(c.tags.sectors.join(';'));
      expect(row[col('populations')]).toBe(c.tags.populations.join(';'));
      expect(row[col('ilo_indicators')]).toBe(c.tags.ilo.join(';'));
    }
    const card = sheet.cards[0];
    const hist = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/cards/${card.id}/history`,
      headers: { cookie: admin },
    });
    expect(hist.json().items[0].reason).toBe('add');
    // Each version carries its tags: the newest is the card as it is now.
    expect(hist.json().items.at(-1).tags).toEqual(card.tags);
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
