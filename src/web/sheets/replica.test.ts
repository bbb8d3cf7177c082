import { describe, expect, it } from 'vitest';
import type { Card } from '../../contract/cards.ts';
import type { ClientMessage } from '../../contract/live.ts';
import { SheetReplica } from './replica.ts';

const ISSUE = 'forcedMarriage';
const sent = (m: ClientMessage | null) => {
  if (m?.type !== 'intent') throw new Error('expected an intent');
  return m;
};

function replica() {
  let n = 0;
  return new SheetReplica(() => `intent${String(n++).padStart(4, '0')}`);
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

describe('SheetReplica: a card still waiting to send', () => {
  it('SYNC-10: is edited offline by an edit queued behind its add, on version 1', () => {
    const r = replica();
    const { cardId } = r.addCard({
      issueKey: ISSUE,
      text: 'Dowry debts',
      kind: 'cause',
      level: 'family',
    });
    const edit = sent(r.editCard(cardId, { text: 'Dowry debts to lenders' }));
    expect(edit.intent).toEqual({
      type: 'editCard',
      cardId,
      baseVersion: 1,
      text: 'Dowry debts to lenders',
    });
    // The outbox keeps both, add first: they are resent in this order on reconnect (SYNC-4).
    expect(r.resend().map((m) => (m.type === 'intent' ? m.intent.type : m.type))).toEqual([
      'addCard',
      'editCard',
    ]);
    expect(r.view(ISSUE)).toMatchObject([
      { id: cardId, text: 'Dowry debts to lenders', level: 'family', pending: true, version: 0 },
    ]);
  });

  it('SYNC-10: a second edit and tags are queued too, each once, and nothing that changes nothing', () => {
    const r = replica();
    const { cardId } = r.addCard({ issueKey: ISSUE, text: 'a', kind: 'cause', level: 'family' });
    sent(r.editCard(cardId, { text: 'b' }));
    const second = sent(
      r.editCard(cardId, {
        text: 'b',
        tags: {
          forms: ['ForcedMarriage'],
          sectors: [],
          populations: ['women', 'children'],
          ilo: [],
        },
      }),
    );
    // only what differs from the card as shown, tags in their vocabulary's order
    expect(second.intent).toEqual({
      type: 'editCard',
      cardId,
      baseVersion: 1,
      tags: { forms: ['ForcedMarriage'], sectors: [], populations: ['children', 'women'], ilo: [] },
    });
    expect(r.editCard(cardId, { text: 'b' })).toBeNull();
    expect(r.outbox).toHaveLength(3);
    expect(new Set(r.outbox.map((p) => p.id)).size).toBe(3);
    expect(r.view(ISSUE)[0]).toMatchObject({
      text: 'b',
      tags: { forms: ['ForcedMarriage'], populations: ['children', 'women'] },
      pending: true,
    });
  });

  it('SYNC-10: is deleted and restored offline; the view follows the queue', () => {
    const r = replica();
    const { cardId } = r.addCard({ issueKey: ISSUE, text: 'a', kind: 'cause', level: 'family' });
    r.deleteCard(cardId);
    expect(r.view(ISSUE)).toEqual([]);
    expect(r.shown(cardId)).toMatchObject({ deleted: true, pending: true });
    r.restoreCard(cardId);
    expect(r.view(ISSUE)).toMatchObject([{ id: cardId, deleted: false }]);
  });

  it('SYNC-1: the queued edit survives a reload (toJSON / fromJSON) and is sent once acknowledged', () => {
    const r = replica();
    const { cardId } = r.addCard({ issueKey: ISSUE, text: 'a', kind: 'cause', level: 'family' });
    sent(r.editCard(cardId, { text: 'b' }));
    let n = 100;
    const back = SheetReplica.fromJSON(
      JSON.parse(JSON.stringify(r.toJSON())) as ReturnType<SheetReplica['toJSON']>,
      () => `intent${n++}`,
    );
    expect(back.resend()).toEqual(r.resend());
    expect(back.view(ISSUE)).toMatchObject([{ id: cardId, text: 'b', pending: true }]);
    const [add, edit] = back.outbox;
    // The server applies the add (version 1) then the edit (version 2), and acknowledges both.
    back.receive({
      type: 'welcome',
      protocol: 1,
      role: 'participant',
      participantId: 'p',
      serverTime: 0,
      seq: 0,
    });
    back.receive({
      type: 'change',
      seq: 1,
      change: { kind: 'card', card: confirmed({ id: cardId, text: 'a', level: 'family' }) },
    });
    back.receive({ type: 'ack', id: add!.id, seq: 1 });
    // between the two acks, the confirmed card shows with the edit still waiting
    expect(back.view(ISSUE)).toMatchObject([{ text: 'b', version: 1, pending: true }]);
    back.receive({
      type: 'change',
      seq: 2,
      change: {
        kind: 'card',
        card: confirmed({ id: cardId, text: 'b', level: 'family', version: 2 }),
      },
    });
    back.receive({ type: 'ack', id: edit!.id, seq: 2 });
    expect(back.outbox).toEqual([]);
    expect(back.view(ISSUE)).toMatchObject([{ text: 'b', version: 2, pending: false }]);
  });

  it('an edit of a confirmed card names the version this device has', () => {
    const r = replica();
    r.receive({
      type: 'welcome',
      protocol: 1,
      role: 'participant',
      participantId: 'p',
      serverTime: 0,
      seq: 0,
    });
    r.receive({
      type: 'change',
      seq: 1,
      change: { kind: 'card', card: confirmed({ id: 'c1', version: 3 }) },
    });
    expect(sent(r.editCard('c1', { level: 'community' })).intent).toMatchObject({
      baseVersion: 3,
      level: 'community',
    });
    expect(r.editCard('nope', { text: 'x' })).toBeNull();
  });
});
