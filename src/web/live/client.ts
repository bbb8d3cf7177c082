/**
 * The live-room client shared by the console, the projector and the phone: one WebSocket, the
 * server's state applied in sequence order, intents retried with the same id until acknowledged,
 * and the server clock estimated from ping/pong. It knows nothing of React (see useLive.ts).
 *
 * What must stay true:
 * - changes are applied in seq order, each once; a gap means we missed something, so we
 *   reconnect and ask for everything after the last seq we applied;
 * - a `welcome` with a snapshot replaces the state; one without is followed by what we missed;
 * - an intent keeps its id across reconnects (the server applies a retry once);
 * - a dead socket is noticed by the heartbeat, not only by `close` (Wi-Fi that drops rarely closes).
 */
import type { Change, Intent, ServerMessage, Snapshot } from '../../contract/live.ts';
import { ServerClock } from './clock.ts';
import { PROTOCOL } from './protocol.ts';

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'reload' | 'denied';
export type Role = 'facilitator' | 'screen' | 'participant';

export interface PendingIntent {
  id: string;
  intent: Intent;
}

export interface LiveView {
  snapshot: Snapshot | null;
  /** The last sequence number applied to `snapshot`. */
  seq: number | null;
  link: LinkStatus;
  role: Role | null;
  participantId: string | null;
  /** Intents sent but not yet acknowledged (queued while offline). */
  pending: number;
  /** Those intents, oldest first: a sheet shows queued cards as "waiting to send" (SYNC-1). */
  outbox: readonly PendingIntent[];
  /** Cards this participant wrote (they may edit and delete them): from `welcome` and own adds. */
  myCardIds: readonly string[];
  /** Why the server asked for a reload, or refused this device. */
  reason: string | null;
}

/** What survives a reload (IndexedDB on the phone). */
export interface Saved {
  snapshot: Snapshot | null;
  seq: number | null;
  pending: PendingIntent[];
  myCardIds?: string[];
}

export interface Persistence {
  load(): Promise<Saved | undefined>;
  save(s: Saved): void;
}

export type IntentResult =
  { ok: true; seq: number } | { ok: false; error: string; message: string };

export interface LiveOptions {
  eventId: string;
  participantToken?: string | null;
  persist?: Persistence;
}

const HEARTBEAT_MS = 5_000;
/** No message at all for this long: the socket is dead even if the browser has not noticed. */
const SILENCE_MS = 12_000;
const MAX_BACKOFF_MS = 5_000;
/** A server older than this page (a rolling upgrade): retried from 2 s, doubling, up to a minute. */
const UPGRADE_WAIT_MS = { first: 2_000, max: 60_000 };
const RELOADED_KEY = 'mosaic-live-reloaded';

/**
 * Reloads the page for a newer server once per (page, server) protocol pair: if the reload brings
 * back the same old page (a cache, a service worker), the page shows its reload button instead of
 * reloading in a loop.
 */
function reloadOnce(serverProtocol: number): void {
  const mark = `${PROTOCOL}>${serverProtocol}`;
  try {
    if (sessionStorage.getItem(RELOADED_KEY) === mark) return;
    sessionStorage.setItem(RELOADED_KEY, mark);
    location.reload();
  } catch {
    // no session storage (private mode, tests): the reload button stays the way out
  }
}

/** 32 hex characters from the CSPRNG; works on plain http (a LAN address), unlike randomUUID. */
export function newIntentId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Replaces the item with the same key, or appends it. */
function upsert<T>(list: readonly T[] | undefined, item: T, same: (a: T) => boolean): T[] {
  const out = [...(list ?? [])];
  const i = out.findIndex(same);
  if (i >= 0) out[i] = item;
  else out.push(item);
  return out;
}

export function applyChange(s: Snapshot, c: Change): Snapshot {
  switch (c.kind) {
    case 'state':
      return { ...s, state: c.state };
    case 'event':
      return { ...s, event: c.event };
    case 'participant':
      return {
        ...s,
        participants: upsert(s.participants, c.participant, (p) => p.id === c.participant.id),
      };
    case 'card':
      return { ...s, cards: upsert(s.cards, c.card, (x) => x.id === c.card.id) };
    case 'handover':
      // a note is one table's hand-over on one issue after one round
      return {
        ...s,
        handovers: upsert(
          s.handovers,
          c.note,
          (x) =>
            x.issueKey === c.note.issueKey &&
            x.tableId === c.note.tableId &&
            x.round === c.note.round,
        ),
      };
    default:
      // a kind this page does not know yet: ignore it (a newer server speaks the same protocol)
      return s;
  }
}

export class LiveClient {
  readonly clock = new ServerClock();
  private view: LiveView = {
    snapshot: null,
    seq: null,
    link: 'connecting',
    role: null,
    participantId: null,
    pending: 0,
    outbox: [],
    myCardIds: [],
    reason: null,
  };
  private readonly listeners = new Set<() => void>();
  private pending: PendingIntent[] = [];
  private readonly waiters = new Map<string, (r: IntentResult) => void>();
  private ws: WebSocket | null = null;
  private welcomed = false;
  private attempt = 0;
  /** Consecutive answers from a server older than this page. */
  private upgradeWaits = 0;
  private lastHeard = 0;
  private stopped = false;
  /** Bumped by start() and stop(): a start() still loading when stopped gives up. */
  private generation = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly opts: LiveOptions;

  constructor(opts: LiveOptions) {
    this.opts = opts;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getView = (): LiveView => this.view;

  async start(): Promise<void> {
    const gen = ++this.generation;
    this.stopped = false;
    const saved = await this.opts.persist?.load();
    if (gen !== this.generation) return;
    if (saved) {
      this.pending = saved.pending ?? [];
      this.update({
        snapshot: saved.snapshot,
        seq: saved.snapshot ? saved.seq : null,
        pending: this.pending.length,
        outbox: this.pending,
        myCardIds: saved.myCardIds ?? [],
      });
    }
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.heartbeat = setInterval(this.beat, HEARTBEAT_MS);
    this.connect();
  }

  stop(): void {
    this.generation += 1;
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.heartbeat);
    clearTimeout(this.retry);
    this.drop();
  }

  /** Sends an intent now, or as soon as the room is reachable again; resolves on ack or reject. */
  send(intent: Intent): Promise<IntentResult> {
    const p: PendingIntent = { id: newIntentId(), intent };
    this.pending = [...this.pending, p];
    const mine = intent.type === 'addCard' ? [...this.view.myCardIds, intent.cardId] : null;
    this.update({
      pending: this.pending.length,
      outbox: this.pending,
      ...(mine && { myCardIds: mine }),
    });
    // what was typed is kept at once, not after the save delay: a reload may come any moment
    this.persist(true);
    const done = new Promise<IntentResult>((resolve) => this.waiters.set(p.id, resolve));
    if (this.welcomed) this.raw({ type: 'intent', id: p.id, intent: p.intent });
    return done;
  }

  private update(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch };
    for (const fn of this.listeners) fn();
  }

  private persist(now = false): void {
    const store = this.opts.persist;
    if (!store) return;
    clearTimeout(this.saveTimer);
    const save = () =>
      store.save({
        snapshot: this.view.snapshot,
        seq: this.view.seq,
        pending: this.pending,
        myCardIds: [...this.view.myCardIds],
      });
    if (now) save();
    else this.saveTimer = setTimeout(save, 100);
  }

  private raw(m: unknown): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  private connect(): void {
    if (this.stopped || this.ws) return;
    clearTimeout(this.retry);
    // The device knows it has no network: wait for the `online` event (or the next retry).
    if (navigator.onLine === false) {
      this.lost();
      return;
    }
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(
      `${proto}//${location.host}/api/live/${encodeURIComponent(this.opts.eventId)}`,
    );
    this.ws = ws;
    this.lastHeard = Date.now();
    if (this.view.link !== 'online')
      this.update({ link: this.view.snapshot ? 'offline' : 'connecting' });
    ws.onopen = () => {
      this.lastHeard = Date.now();
      const { snapshot, seq } = this.view;
      this.raw({
        type: 'hello',
        protocol: PROTOCOL,
        ...(snapshot && seq !== null ? { lastSeq: seq } : {}),
        ...(this.opts.participantToken ? { participantToken: this.opts.participantToken } : {}),
      });
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
      this.lastHeard = Date.now();
      let m: ServerMessage;
      try {
        m = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      this.handle(m);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.lost();
    };
  }

  /** Forgets the current socket without waiting for the browser to say it closed. */
  private drop(): void {
    const ws = this.ws;
    this.ws = null;
    this.welcomed = false;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = null;
    try {
      ws.close();
    } catch {
      // already closing
    }
  }

  private lost(): void {
    this.welcomed = false;
    if (this.stopped || this.view.link === 'reload' || this.view.link === 'denied') return;
    this.update({ link: this.view.snapshot ? 'offline' : 'connecting' });
    const delay = Math.min(MAX_BACKOFF_MS, 400 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), delay);
  }

  private reconnectNow(): void {
    this.drop();
    this.attempt = 0;
    this.connect();
  }

  private onOnline = () => {
    if (this.stopped) return;
    if (!this.ws || !this.welcomed) this.reconnectNow();
    else this.ping();
  };

  /** The device says it lost the network: the socket is as good as dead, so stop trusting it. */
  private onOffline = () => {
    if (this.stopped) return;
    this.drop();
    this.lost();
  };

  private beat = () => {
    if (this.stopped || !this.ws) return;
    if (Date.now() - this.lastHeard > SILENCE_MS) {
      this.drop();
      this.lost();
      return;
    }
    this.ping();
  };

  private ping(): void {
    this.raw({ type: 'ping', t: Date.now() });
  }

  private handle(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome': {
        this.welcomed = true;
        this.attempt = 0;
        this.upgradeWaits = 0;
        this.clock.rough(m.serverTime);
        const patch: Partial<LiveView> = {
          link: 'online',
          role: m.role,
          participantId: m.participantId,
          reason: null,
        };
        if (m.snapshot) {
          patch.snapshot = m.snapshot;
          patch.seq = m.seq;
        }
        if (m.myCardIds?.length)
          patch.myCardIds = [...new Set([...this.view.myCardIds, ...m.myCardIds])];
        this.update(patch);
        if (m.snapshot) this.persist();
        for (const p of this.pending) this.raw({ type: 'intent', id: p.id, intent: p.intent });
        // a few quick pings so the clock offset is good before the first countdown is read
        this.ping();
        setTimeout(() => this.ping(), 300);
        setTimeout(() => this.ping(), 900);
        return;
      }
      case 'change': {
        const { snapshot, seq } = this.view;
        if (!snapshot || seq === null) return;
        if (m.seq <= seq) return; // already applied
        if (m.seq !== seq + 1) {
          // a gap: ask again for everything after what we have
          this.reconnectNow();
          return;
        }
        this.update({ snapshot: applyChange(snapshot, m.change), seq: m.seq });
        this.persist();
        return;
      }
      case 'ack':
      case 'reject': {
        this.pending = this.pending.filter((p) => p.id !== m.id);
        this.update({ pending: this.pending.length, outbox: this.pending });
        this.persist();
        const w = this.waiters.get(m.id);
        this.waiters.delete(m.id);
        w?.(
          m.type === 'ack'
            ? { ok: true, seq: m.seq }
            : { ok: false, error: m.error, message: m.message },
        );
        return;
      }
      case 'pong':
        this.clock.sample(m.t, m.serverTime, Date.now());
        return;
      case 'reload': {
        this.drop();
        const serverProtocol = m.serverProtocol ?? 1;
        if (m.older === 'server' || serverProtocol < PROTOCOL) {
          // This page is newer than the instance it reached: reloading would bring back this same
          // page. Wait for the upgrade to reach it (or the balancer to pick another) and try again.
          this.update({ link: this.view.snapshot ? 'offline' : 'connecting' });
          const delay = Math.min(
            UPGRADE_WAIT_MS.max,
            UPGRADE_WAIT_MS.first * 2 ** this.upgradeWaits,
          );
          this.upgradeWaits += 1;
          clearTimeout(this.retry);
          this.retry = setTimeout(() => this.connect(), delay * (0.75 + Math.random() / 4));
          return;
        }
        this.stopped = true;
        this.update({ link: 'reload', reason: m.reason });
        reloadOnce(serverProtocol);
        return;
      }
      case 'error':
        if (m.error === 'not_allowed') {
          this.stopped = true;
          this.update({ link: 'denied', reason: m.message });
          this.drop();
        }
        return;
    }
  }
}
