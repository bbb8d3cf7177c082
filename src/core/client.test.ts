/**
 * The DOM-free client core every live client runs (the phone's LiveClient wraps it, the
 * convergence fuzz drives it through real sockets). Each test names the rule of
 * docs/sync-spec.md it checks.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../contract/cards.ts';
import type { ClientMessage, ServerMessage, Snapshot } from '../contract/live.ts';
import { LiveCore, type Saved } from './client.ts';
import { sheetView } from './sheet.ts';

const ISSUE = 'forcedMarriage';

function core(token: string | null = null) {
  let n = 0;
  return new LiveCore({
    participantToken: token,
    newId: () => `intent${String(n++).padStart(4, '0')}`,
  });
}

/** What the server broadcasts for a card once it has applied the intents that made it. */
const confirmed = (over: Partial<Card> & Pick<Card, 'id'>): Card => ({
  issueKey: ISSUE,
  kind: 'cause',
  level: 'individual',
  text: 'Dowry debts',
  tags: { forms: [], sectors: [], populations: [], ilo: [] },
  tableId: null,
  round: null,
  participantId: null,
  version: 1,
  deleted: false,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

const snapshot = (cards: Card[] = []): Snapshot =>
  ({
    event: { sessions: [], tables: [], issues: [] },
    participants: [],
    state: {
      sessionId: null,
      round: 0,
      status: 'idle',
      endsAt: null,
      remainingMs: null,
      message: null,
    },
    cards,
    handovers: [],
  }) as unknown as Snapshot;

const welcome = (seq: number, snap?: Snapshot): ServerMessage => ({
  type: 'welcome',
  protocol: 1,
  role: 'participant',
  participantId: 'p',
  serverTime: 0,
  seq,
  ...(snap ? { snapshot: snap } : {}),
});
const cardChange = (seq: number, card: Card): ServerMessage => ({
  type: 'change',
  seq,
  change: { kind: 'card', card },
});
const addFields = { issueKey: ISSUE, text: 'a', kind: 'cause', level: 'family' } as const;
const add = (c: LiveCore, cardId = crypto.randomUUID()) => {
  c.queue({ type: 'addCard', cardId, ...addFields });
  return cardId;
};
const view = (c: LiveCore) => sheetView(c.snapshot?.cards ?? [], c.outbox, ISSUE);
const intentsOf = (ms: ClientMessage[]) =>
  ms.map((m) => (m.type === 'intent' ? `${m.id}:${m.intent.type}` : m.type));

describe('client core: sequence numbers and gaps', () => {
  it('SYNC-5: applies changes in sequence order, each once; a repeat is ignored', () => {
    const c = core();
    c.receive(welcome(5, snapshot()));
    expect(c.receive(cardChange(6, confirmed({ id: 'c1', text: 'one' }))).changed).toBe(true);
    // the same seq again (a resume that overlapped), with other content: not applied again
    expect(c.receive(cardChange(6, confirmed({ id: 'c1', text: 'again' })))).toMatchObject({
      changed: false,
      resync: false,
    });
    expect(c.receive(cardChange(4, confirmed({ id: 'c2' }))).changed).toBe(false);
    expect(c.seq).toBe(6);
    expect(c.snapshot!.cards).toMatchObject([{ id: 'c1', text: 'one' }]);
  });

  it('SYNC-5: a change beyond the next one is not applied; the client asks to resync from its seq', () => {
    const c = core();
    c.receive(welcome(5, snapshot()));
    const r = c.receive(cardChange(8, confirmed({ id: 'c8' }))); // 6 and 7 never arrived
    expect(r).toMatchObject({ resync: true, changed: false });
    expect(c.seq).toBe(5);
    expect(c.snapshot!.cards).toEqual([]);
    // the next connection resumes from what was applied
    expect(c.hello()).toMatchObject({ type: 'hello', lastSeq: 5 });
  });

  it('SYNC-5: a welcome with a snapshot replaces the confirmed state; one without keeps it', () => {
    const c = core();
    c.receive(welcome(1, snapshot([confirmed({ id: 'old' })])));
    c.receive(cardChange(2, confirmed({ id: 'mine' })));
    c.receive(welcome(2)); // resumed: nothing replaced
    expect(c.snapshot!.cards.map((x) => x.id)).toEqual(['old', 'mine']);
    c.receive(welcome(40, snapshot([confirmed({ id: 'fresh', version: 3 })])));
    expect(c.seq).toBe(40);
    expect(c.snapshot!.cards.map((x) => x.id)).toEqual(['fresh']);
    expect(c.receive(cardChange(41, confirmed({ id: 'next' }))).changed).toBe(true);
  });

  it('SYNC-5: changes before any snapshot are not applied (there is nothing to apply them to)', () => {
    const c = core();
    expect(c.receive(cardChange(1, confirmed({ id: 'c1' }))).changed).toBe(false);
    expect(c.snapshot).toBeNull();
  });
});

describe('client core: outbox', () => {
  it('SYNC-4: hello first (with the last seq only once there is a state); the outbox after welcome, in order', () => {
    const c = core('tok');
    expect(c.hello()).toEqual({ type: 'hello', protocol: 1, participantToken: 'tok' });
    const first = add(c);
    expect(c.queue({ type: 'deleteCard', cardId: first }).send).toBeNull(); // not welcomed
    const w = c.receive(welcome(3, snapshot()));
    expect(intentsOf(w.send)).toEqual(['intent0000:addCard', 'intent0001:deleteCard']);
    expect(c.hello()).toMatchObject({ lastSeq: 3 });
    // now in the room: a new intent goes at once
    expect(c.queue({ type: 'restoreCard', cardId: first }).send).toMatchObject({
      type: 'intent',
      id: 'intent0002',
    });
    c.closed();
    expect(c.queue({ type: 'restoreCard', cardId: first }).send).toBeNull();
  });

  it('SYNC-2: an intent leaves the outbox on its ack or reject only, and a second answer is ignored', () => {
    const c = core();
    c.receive(welcome(0, snapshot()));
    const id1 = c.queue({ type: 'addCard', cardId: 'c1', ...addFields }).id;
    const id2 = c.queue({ type: 'deleteCard', cardId: 'c1' }).id;
    expect(c.receive({ type: 'ack', id: id1, seq: 1 }).settled).toEqual({
      id: id1,
      result: { ok: true, seq: 1 },
    });
    expect(c.receive({ type: 'ack', id: id1, seq: 1 })).toMatchObject({ changed: false });
    expect(c.outbox.map((p) => p.id)).toEqual([id2]);
    expect(
      c.receive({ type: 'reject', id: id2, error: 'forbidden', message: 'no' }).settled,
    ).toEqual({ id: id2, result: { ok: false, error: 'forbidden', message: 'no' } });
    expect(c.outbox).toEqual([]);
  });

  it('SYNC-10: a card waiting to send is edited by an edit queued behind its add, on version 1', () => {
    const c = core();
    const cardId = add(c);
    const edit = c.editOf(cardId, { text: 'Dowry debts to lenders' });
    expect(edit).toEqual({
      type: 'editCard',
      cardId,
      baseVersion: 1,
      text: 'Dowry debts to lenders',
    });
    c.queue(edit!);
    expect(c.outbox.map((p) => p.intent.type)).toEqual(['addCard', 'editCard']);
    expect(view(c)).toMatchObject([
      { id: cardId, text: 'Dowry debts to lenders', level: 'family', pending: true, version: 0 },
    ]);
  });

  it('SYNC-10: a second edit and tags are queued too, each once, and nothing that changes nothing', () => {
    const c = core();
    const cardId = add(c);
    c.queue(c.editOf(cardId, { text: 'b' })!);
    const second = c.editOf(cardId, {
      text: 'b',
      tags: { forms: ['ForcedMarriage'], sectors: [], populations: ['women', 'children'], ilo: [] },
    });
    // only what differs from the card as shown, tags in their vocabulary's order
    expect(second).toEqual({
      type: 'editCard',
      cardId,
      baseVersion: 1,
      tags: { forms: ['ForcedMarriage'], sectors: [], populations: ['children', 'women'], ilo: [] },
    });
    c.queue(second!);
    expect(c.editOf(cardId, { text: 'b' })).toBeNull();
    expect(new Set(c.outbox.map((p) => p.id)).size).toBe(3);
    expect(view(c)[0]).toMatchObject({
      text: 'b',
      tags: { forms: ['ForcedMarriage'], populations: ['children', 'women'] },
      pending: true,
    });
  });

  it('SYNC-10: a card waiting to send is deleted and restored; what is shown follows the queue', () => {
    const c = core();
    const cardId = add(c);
    c.queue({ type: 'deleteCard', cardId });
    expect(view(c)).toEqual([]);
    expect(c.shown(cardId)).toMatchObject({ deleted: true, pending: true });
    c.queue({ type: 'restoreCard', cardId });
    expect(view(c)).toMatchObject([{ id: cardId, deleted: false }]);
  });

  it('SYNC-1: the outbox survives a reload and is sent, then let go of, once acknowledged', () => {
    const c = core();
    const cardId = add(c);
    c.queue(c.editOf(cardId, { text: 'b' })!);
    const back = core();
    back.restore(JSON.parse(JSON.stringify(c.saved())) as Saved);
    expect(back.outbox).toEqual(c.outbox);
    expect(back.myCardIds).toEqual([cardId]);
    expect(view(back)).toMatchObject([{ id: cardId, text: 'b', pending: true }]);
    const [addI, editI] = back.outbox;
    const w = back.receive(welcome(0, snapshot()));
    expect(intentsOf(w.send)).toEqual([`${addI!.id}:addCard`, `${editI!.id}:editCard`]);
    back.receive(cardChange(1, confirmed({ id: cardId, text: 'a', level: 'family' })));
    back.receive({ type: 'ack', id: addI!.id, seq: 1 });
    // between the two acks, the confirmed card shows with the edit still waiting
    expect(view(back)).toMatchObject([{ text: 'b', version: 1, pending: true }]);
    back.receive(cardChange(2, confirmed({ id: cardId, text: 'b', level: 'family', version: 2 })));
    back.receive({ type: 'ack', id: editI!.id, seq: 2 });
    expect(back.outbox).toEqual([]);
    expect(view(back)).toMatchObject([{ text: 'b', version: 2, pending: false }]);
  });

  it('SYNC-1: an acknowledged change stays shown until its frame is applied (an ack ahead of a lost frame)', () => {
    const c = core();
    c.receive(welcome(0, snapshot()));
    c.receive(cardChange(1, confirmed({ id: 'c1', text: 'old' })));
    const { id } = c.queue(c.editOf('c1', { text: 'new' })!);
    // the frame of seq 2 was lost; the ack of seq 2 arrives first
    c.receive({ type: 'ack', id, seq: 2 });
    expect(c.outbox).toEqual([]);
    expect(c.shown('c1')).toMatchObject({ text: 'new', pending: true });
    // the resync brings the change: now it is confirmed, nothing is left on top
    c.receive(cardChange(2, confirmed({ id: 'c1', text: 'new', version: 2 })));
    expect(c.unconfirmed).toEqual([]);
    expect(c.shown('c1')).toMatchObject({ text: 'new', version: 2, pending: false });
  });

  it('an edit of a confirmed card names the version this client has; of an unknown card, nothing', () => {
    const c = core();
    c.receive(welcome(0, snapshot()));
    c.receive(cardChange(1, confirmed({ id: 'c1', version: 3 })));
    expect(c.editOf('c1', { level: 'community' })).toMatchObject({
      baseVersion: 3,
      level: 'community',
    });
    expect(c.editOf('nope', { text: 'x' })).toBeNull();
  });

  it('PRIV-1: the cards a participant may edit come from welcome and its own adds', () => {
    const c = core();
    const mine = add(c);
    c.receive({ ...welcome(0, snapshot()), myCardIds: ['earlier'] } as ServerMessage);
    expect([...c.myCardIds].sort()).toEqual(['earlier', mine].sort());
  });
});
