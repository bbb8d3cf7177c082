/**
 * The client side of the live protocol with no DOM, no socket and no timer: what a phone, the
 * console, the projector and the convergence fuzz all run. A wrapper owns the connection (the
 * browser's WebSocket and IndexedDB in `web/live/client.ts`, `ws` in the fuzz) and tells the core
 * what happened; the core says what to send and whether the connection must start over.
 *
 * The rules (docs/sync-spec.md):
 * - SYNC-1/2: every intent stays in the outbox, with its client-made id, until acknowledged or
 *   rejected; a retry uses the same id.
 * - SYNC-4: on every connection, `hello` with the last sequence applied; after `welcome`, the whole
 *   outbox in order.
 * - SYNC-5: changes apply in sequence order, each once; a change at or below the last applied is a
 *   duplicate; a change beyond the next one means frames were missed, so the core asks for a
 *   resync (the wrapper reconnects and the server sends what was missed, or a snapshot); a
 *   `welcome` with a snapshot replaces the confirmed state.
 * - An acknowledged intent whose change this client has not applied yet (its frame is late or
 *   was missed) is still shown on top of the confirmed state until that change is applied, so what
 *   a person sees never steps back to before what they did (`unconfirmed`).
 */
import type { Intent, ServerMessage, Snapshot, ClientMessage } from '../contract/live.ts';
import { PROTOCOL_VERSION } from '../contract/constants.ts';
import { applyChange } from './snapshot.ts';
import { rootOf } from './learnings.ts';
import { editIntent, sheetView, type CardFields, type Queued, type ShownCard } from './sheet.ts';

export type Role = 'facilitator' | 'screen' | 'participant';
export type PendingIntent = Queued;

type Reject = Extract<ServerMessage, { type: 'reject' }>;

/** An ack, or a reject with its code (and, for `invalid_intent`, the field, its code and values). */
export type IntentResult =
  | { ok: true; seq: number }
  | ({ ok: false } & Pick<Reject, 'error' | 'message' | 'field' | 'code' | 'params'>);

/** What survives a reload (IndexedDB on the phone). */
export interface Saved {
  snapshot: Snapshot | null;
  seq: number | null;
  pending: PendingIntent[];
  myCardIds?: string[];
  /** Posts of the learnings wall this person's confirmed votes were cast for (LEARN-2). */
  myVotes?: string[];
}

/** What one server message did to the core. */
export interface Reaction {
  /** The snapshot, the sequence number, the outbox or the own cards changed. */
  changed: boolean;
  /** Send these now, in order. */
  send: ClientMessage[];
  /** SYNC-5: a gap; drop this connection and resume from `seq` on a new one. */
  resync: boolean;
  /** An intent the server answered: it has left the outbox. */
  settled?: { id: string; result: IntentResult };
  /** A `welcome`: the connection is now in the room. */
  welcome?: { role: Role; participantId: string | null; serverTime: number };
}

const NOTHING: Reaction = { changed: false, send: [], resync: false };

/** 32 hex characters from the CSPRNG; works on plain http (a LAN address), unlike randomUUID. */
export function newIntentId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export interface CoreOptions {
  participantToken?: string | null;
  /** Makes intent ids (the fuzz passes a seeded one). */
  newId?: () => string;
}

export class LiveCore {
  snapshot: Snapshot | null = null;
  /** The last sequence number applied to `snapshot`. */
  seq: number | null = null;
  /** Intents not yet acknowledged or rejected, oldest first (SYNC-1). */
  outbox: readonly PendingIntent[] = [];
  /** Acknowledged intents whose change (at `seq`) has not been applied here yet. */
  private confirming: readonly { seq: number; p: PendingIntent }[] = [];
  /** Cards this client wrote (it may edit and delete them): from `welcome` and its own adds. */
  myCardIds: readonly string[] = [];
  /** Learnings this person voted for (LEARN-2): from `welcome` and own acknowledged votes. */
  myVotes: readonly string[] = [];
  role: Role | null = null;
  participantId: string | null = null;
  /** A `welcome` arrived on the current connection: intents may be sent on it. */
  welcomed = false;
  private readonly newId: () => string;

  constructor(private readonly opts: CoreOptions = {}) {
    this.newId = opts.newId ?? newIntentId;
  }

  /**
   * What this client shows on top of the confirmed state: acknowledged intents whose change has
   * not arrived yet, then the outbox, in the order they were made.
   */
  get unconfirmed(): readonly PendingIntent[] {
    return this.confirming.length
      ? [...this.confirming.map((x) => x.p), ...this.outbox]
      : this.outbox;
  }

  /** Lets go of acknowledged intents whose change is now applied. */
  private confirmed(): void {
    const seq = this.seq ?? 0;
    if (this.confirming.some((x) => x.seq <= seq))
      this.confirming = this.confirming.filter((x) => x.seq > seq);
  }

  /** Takes back what a reload kept. */
  restore(saved: Saved): void {
    this.outbox = saved.pending ?? [];
    this.snapshot = saved.snapshot;
    this.seq = saved.snapshot ? saved.seq : null;
    this.myCardIds = saved.myCardIds ?? [];
    this.myVotes = saved.myVotes ?? [];
  }

  saved(): Saved {
    return {
      snapshot: this.snapshot,
      seq: this.seq,
      pending: [...this.outbox],
      myCardIds: [...this.myCardIds],
      myVotes: [...this.myVotes],
    };
  }

  /** SYNC-4: the first message on every connection. */
  hello(): ClientMessage {
    const { snapshot, seq } = this;
    const token = this.opts.participantToken;
    return {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      ...(snapshot && seq !== null ? { lastSeq: seq } : {}),
      ...(token ? { participantToken: token } : {}),
    };
  }

  /** The connection is gone: nothing more is sent on it. */
  closed(): void {
    this.welcomed = false;
  }

  /**
   * Queues an intent (SYNC-1); returns its id, and the message to send now if the connection is
   * in the room (otherwise it goes after the next `welcome`).
   */
  queue(intent: Intent): { id: string; send: ClientMessage | null } {
    const id = this.newId();
    this.outbox = [...this.outbox, { id, intent }];
    if (intent.type === 'addCard') this.myCardIds = [...this.myCardIds, intent.cardId];
    return { id, send: this.welcomed ? { type: 'intent', id, intent } : null };
  }

  receive(m: ServerMessage): Reaction {
    switch (m.type) {
      case 'welcome': {
        this.welcomed = true;
        this.role = m.role;
        this.participantId = m.participantId;
        if (m.snapshot) {
          // SYNC-5: a snapshot replaces everything confirmed before
          this.snapshot = m.snapshot;
          this.seq = m.seq;
          this.confirmed();
        }
        if (m.myCardIds?.length) this.myCardIds = [...new Set([...this.myCardIds, ...m.myCardIds])];
        // the server's word on this person's votes, as of the snapshot
        if (m.snapshot && m.myVotes) this.myVotes = m.myVotes;
        return {
          changed: true,
          send: this.outbox.map((p) => ({ type: 'intent', id: p.id, intent: p.intent })),
          resync: false,
          welcome: { role: m.role, participantId: m.participantId, serverTime: m.serverTime },
        };
      }
      case 'change': {
        const { snapshot, seq } = this;
        if (!snapshot || seq === null) return NOTHING;
        if (m.seq <= seq) return NOTHING; // SYNC-5: already applied
        if (m.seq !== seq + 1) return { ...NOTHING, resync: true }; // SYNC-5: a gap
        this.snapshot = applyChange(snapshot, m.change);
        this.seq = m.seq;
        this.confirmed();
        return { ...NOTHING, changed: true };
      }
      case 'ack':
      case 'reject': {
        const p = this.outbox.find((x) => x.id === m.id);
        if (!p) return NOTHING; // answered before
        this.outbox = this.outbox.filter((x) => x !== p);
        if (m.type === 'ack' && m.seq > (this.seq ?? 0))
          this.confirming = [...this.confirming, { seq: m.seq, p }];
        if (m.type === 'ack' && p.intent.type === 'voteLearning') this.noteVote(p.intent);
        let result: IntentResult;
        if (m.type === 'ack') result = { ok: true, seq: m.seq };
        else {
          const { type: _type, id: _id, ...refusal } = m;
          result = { ok: false, ...refusal };
        }
        return { ...NOTHING, changed: true, settled: { id: m.id, result } };
      }
      default:
        return NOTHING;
    }
  }

  /** An acknowledged vote: the server now holds what it asked for (LEARN-2). */
  private noteVote(v: { learningId: string; up: boolean }): void {
    const posts = this.snapshot?.learnings ?? [];
    const root = rootOf(posts, v.learningId);
    this.myVotes = v.up
      ? [...new Set([...this.myVotes, v.learningId])]
      : this.myVotes.filter((id) => rootOf(posts, id) !== root && id !== v.learningId);
  }

  /**
   * A card as this client shows it, deleted or not: confirmed with this client's queued changes
   * applied, or still waiting to be sent (SYNC-1).
   */
  shown(cardId: string): ShownCard | undefined {
    return sheetView(this.snapshot?.cards ?? [], this.unconfirmed, null, {
      withDeleted: true,
    }).find((c) => c.id === cardId);
  }

  /** The intent for an edit of a card as shown, or null when nothing changes (SYNC-9, SYNC-10). */
  editOf(cardId: string, fields: CardFields): Intent | null {
    const card = this.shown(cardId);
    return card ? editIntent(card, fields) : null;
  }
}
