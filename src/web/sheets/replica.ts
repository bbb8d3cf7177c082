import type { Card, HandoverNote } from '../../contract/cards.ts';
import type { Change, ClientMessage, Intent, ServerMessage } from '../../contract/live.ts';
import { PROTOCOL_VERSION } from '../../contract/constants.ts';
import { editIntent, sheetView, type CardFields, type ShownCard } from './view.ts';

/**
 * A client's copy of a live room's sheets, and its queue of intents not yet acknowledged. No DOM,
 * no network: the phone page drives it over a WebSocket and keeps `toJSON()` in IndexedDB; the
 * fuzz test drives many of them against the real server. The rules it follows are in
 * docs/sync-spec.md (SYNC-1 … SYNC-8).
 */
export interface PendingIntent {
  id: string;
  intent: Intent;
}

export interface ReplicaState {
  seq: number;
  cards: Card[];
  handovers: HandoverNote[];
  outbox: PendingIntent[];
  myCardIds: string[];
}

export class SheetReplica {
  seq = 0;
  readonly cards = new Map<string, Card>();
  readonly handovers = new Map<string, HandoverNote>();
  /** SYNC-2: intents stay here, in order, until the server acknowledges or rejects them. */
  outbox: PendingIntent[] = [];
  readonly myCardIds = new Set<string>();
  /** Frames that arrived ahead of a gap (SYNC-5), applied once the gap fills. */
  private ahead = new Map<number, Change>();
  readonly rejections: { id: string; error: string; message: string }[] = [];

  constructor(private readonly newId: () => string) {}

  static fromJSON(s: ReplicaState, newId: () => string): SheetReplica {
    const r = new SheetReplica(newId);
    r.seq = s.seq;
    for (const c of s.cards) r.cards.set(c.id, c);
    for (const h of s.handovers) r.handovers.set(h.issueKey, h);
    r.outbox = [...s.outbox];
    for (const id of s.myCardIds) r.myCardIds.add(id);
    return r;
  }

  toJSON(): ReplicaState {
    return {
      seq: this.seq,
      cards: [...this.cards.values()],
      handovers: [...this.handovers.values()],
      outbox: this.outbox,
      myCardIds: [...this.myCardIds],
    };
  }

  /** The first message on every (re)connection (SYNC-4). */
  hello(participantToken?: string): ClientMessage {
    return {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      ...(this.seq > 0 ? { lastSeq: this.seq } : {}),
      ...(participantToken ? { participantToken } : {}),
    };
  }

  /** Everything still unacknowledged, to send after `hello` on a new connection (SYNC-3). */
  resend(): ClientMessage[] {
    return this.outbox.map((p) => ({ type: 'intent', id: p.id, intent: p.intent }));
  }

  /** Queues an intent; returns the message to send now if connected. */
  queue(intent: Intent): ClientMessage {
    const pending = { id: this.newId(), intent };
    this.outbox.push(pending);
    if (intent.type === 'addCard') this.myCardIds.add(intent.cardId);
    return { type: 'intent', id: pending.id, intent };
  }

  addCard(fields: Omit<Extract<Intent, { type: 'addCard' }>, 'type' | 'cardId'>): {
    cardId: string;
    message: ClientMessage;
  } {
    const cardId = crypto.randomUUID();
    return { cardId, message: this.queue({ type: 'addCard', cardId, ...fields }) };
  }

  /**
   * A card as this device shows it, deleted or not: a confirmed card with this device's queued
   * changes applied, or one whose add still waits in the outbox (SYNC-1).
   */
  shown(cardId: string): ShownCard | undefined {
    const add = this.outbox.find((p) => p.intent.type === 'addCard' && p.intent.cardId === cardId);
    const issueKey =
      this.cards.get(cardId)?.issueKey ??
      (add?.intent.type === 'addCard' ? add.intent.issueKey : undefined);
    if (issueKey === undefined) return undefined;
    return sheetView(this.cards.values(), this.outbox, issueKey, { withDeleted: true }).find(
      (c) => c.id === cardId,
    );
  }

  /**
   * Edits a card as shown, including one still waiting to be sent: the edit is queued behind its
   * add, on version 1 (SYNC-10). Returns the message to send now, or null when nothing changes.
   */
  editCard(cardId: string, fields: CardFields): ClientMessage | null {
    const card = this.shown(cardId);
    const intent = card && editIntent(card, fields);
    return intent ? this.queue(intent) : null;
  }

  deleteCard(cardId: string): ClientMessage {
    return this.queue({ type: 'deleteCard', cardId });
  }

  restoreCard(cardId: string): ClientMessage {
    return this.queue({ type: 'restoreCard', cardId });
  }

  /** Applies one message from the server; returns true when the visible state changed. */
  receive(m: ServerMessage): boolean {
    switch (m.type) {
      case 'welcome':
        if (m.snapshot) {
          // SYNC-5: a snapshot replaces everything the replica had confirmed.
          this.cards.clear();
          for (const c of m.snapshot.cards) this.cards.set(c.id, c);
          this.handovers.clear();
          for (const h of m.snapshot.handovers) this.handovers.set(h.issueKey, h);
          this.ahead.clear();
          this.seq = m.seq;
        }
        for (const id of m.myCardIds ?? []) this.myCardIds.add(id);
        return m.snapshot !== undefined;
      case 'change':
        return this.change(m.seq, m.change);
      case 'ack':
        this.outbox = this.outbox.filter((p) => p.id !== m.id);
        return true;
      case 'reject':
        if (this.outbox.some((p) => p.id === m.id))
          this.rejections.push({ id: m.id, error: m.error, message: m.message });
        this.outbox = this.outbox.filter((p) => p.id !== m.id);
        return true;
      default:
        return false;
    }
  }

  private change(seq: number, change: Change): boolean {
    if (seq <= this.seq) return false; // SYNC-5: already applied (a duplicate after a resume)
    if (seq > this.seq + 1) {
      this.ahead.set(seq, change);
      return false;
    }
    this.apply(change);
    this.seq = seq;
    for (let next = this.ahead.get(this.seq + 1); next; next = this.ahead.get(this.seq + 1)) {
      this.ahead.delete(this.seq + 1);
      this.apply(next);
      this.seq += 1;
    }
    return true;
  }

  private apply(change: Change): void {
    if (change.kind === 'card') this.cards.set(change.card.id, change.card);
    else if (change.kind === 'handover') this.handovers.set(change.note.issueKey, change.note);
  }

  /**
   * What a person sees: confirmed cards plus their own changes still waiting to be sent (SYNC-1),
   * marked so the interface can say "waiting to send" (the same view the live pages show).
   */
  view(issueKey: string): ShownCard[] {
    return sheetView(this.cards.values(), this.outbox, issueKey);
  }
}
