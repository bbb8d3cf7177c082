/**
 * The live-room client shared by the console, the projector and the phone: the browser's
 * WebSocket and IndexedDB around the DOM-free client core (`core/client.ts`: sequence numbers,
 * outbox, gap policy, snapshot replace — the same core the convergence fuzz drives), plus the
 * server clock estimated from ping/pong. It knows nothing of React (see useLive.ts).
 *
 * What this wrapper adds to the core:
 * - a gap the core reports is answered by reconnecting, asking for everything after the last seq;
 * - a dead socket is noticed by the heartbeat, not only by `close` (Wi-Fi that drops rarely closes);
 * - what was typed is saved at once (a reload may come any moment), the rest a little later.
 */
import type { Intent, ServerMessage, Snapshot } from '../../contract/live.ts';
import {
  LiveCore,
  type IntentResult,
  type PendingIntent,
  type Role,
  type Saved,
} from '../../core/client.ts';
import { ServerClock } from './clock.ts';
import { PROTOCOL } from './protocol.ts';

export type { IntentResult, PendingIntent, Role, Saved };
export { newIntentId } from '../../core/client.ts';

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'reload' | 'denied';

export interface LiveView {
  snapshot: Snapshot | null;
  /** The last sequence number applied to `snapshot`. */
  seq: number | null;
  link: LinkStatus;
  role: Role | null;
  participantId: string | null;
  /** Intents sent but not yet acknowledged (queued while offline). */
  pending: number;
  /**
   * Those intents, oldest first, and acknowledged ones whose change has not arrived yet: a sheet
   * shows them on top of the confirmed cards, marked "waiting to send" (SYNC-1).
   */
  outbox: readonly PendingIntent[];
  /** Cards this participant wrote (they may edit and delete them): from `welcome` and own adds. */
  myCardIds: readonly string[];
  /** Learnings this participant voted for (LEARN-2). */
  myVotes: readonly string[];
  /** Why the server asked for a reload, or refused this device. */
  reason: string | null;
}

export interface Persistence {
  load(): Promise<Saved | undefined>;
  save(s: Saved): void;
}

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

export class LiveClient {
  readonly clock = new ServerClock();
  private readonly core: LiveCore;
  private view: LiveView = {
    snapshot: null,
    seq: null,
    link: 'connecting',
    role: null,
    participantId: null,
    pending: 0,
    outbox: [],
    myCardIds: [],
    myVotes: [],
    reason: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly waiters = new Map<string, (r: IntentResult) => void>();
  /** Told of every intent the server answers, also those queued before a reload. */
  private readonly settledListeners = new Set<(intent: Intent, r: IntentResult) => void>();
  private ws: WebSocket | null = null;
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
    this.core = new LiveCore({ participantToken: opts.participantToken ?? null });
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getView = (): LiveView => this.view;

  /** Every answered intent (ack or reject), with the intent, whoever queued it and when. */
  onSettled = (fn: (intent: Intent, r: IntentResult) => void): (() => void) => {
    this.settledListeners.add(fn);
    return () => this.settledListeners.delete(fn);
  };

  async start(): Promise<void> {
    const gen = ++this.generation;
    this.stopped = false;
    const saved = await this.opts.persist?.load();
    if (gen !== this.generation) return;
    if (saved) {
      this.core.restore(saved);
      this.sync();
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
    const { id, send } = this.core.queue(intent);
    this.sync();
    // what was typed is kept at once, not after the save delay: a reload may come any moment
    this.persist(true);
    const done = new Promise<IntentResult>((resolve) => this.waiters.set(id, resolve));
    if (send) this.raw(send);
    return done;
  }

  /** The view from the core's state, with this wrapper's link status. */
  private sync(patch: Partial<LiveView> = {}): void {
    const c = this.core;
    this.update({
      snapshot: c.snapshot,
      seq: c.seq,
      role: c.role,
      participantId: c.participantId,
      pending: c.outbox.length,
      outbox: c.unconfirmed,
      myCardIds: c.myCardIds,
      myVotes: c.myVotes,
      ...patch,
    });
  }

  private update(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch };
    for (const fn of this.listeners) fn();
  }

  private persist(now = false): void {
    const store = this.opts.persist;
    if (!store) return;
    clearTimeout(this.saveTimer);
    const save = () => store.save(this.core.saved());
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
      this.raw(this.core.hello());
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
    this.core.closed();
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = null;
    try {
      ws.close();
    } catch {
      // already closing
    }
  }

  private lost(): void {
    this.core.closed();
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
    if (!this.ws || !this.core.welcomed) this.reconnectNow();
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
    const answered =
      m.type === 'ack' || m.type === 'reject'
        ? this.core.outbox.find((x) => x.id === m.id)?.intent
        : undefined;
    const r = this.core.receive(m);
    if (r.resync) {
      // SYNC-5: a gap; ask again for everything after what we have
      this.reconnectNow();
      return;
    }
    if (r.welcome) {
      this.attempt = 0;
      this.upgradeWaits = 0;
      this.clock.rough(r.welcome.serverTime);
      this.sync({ link: 'online', reason: null });
    } else if (r.changed) this.sync();
    if (r.settled) {
      const w = this.waiters.get(r.settled.id);
      this.waiters.delete(r.settled.id);
      w?.(r.settled.result);
      if (answered) for (const fn of this.settledListeners) fn(answered, r.settled.result);
    }
    if (r.changed) this.persist();
    for (const out of r.send) this.raw(out);
    if (r.welcome) {
      // a few quick pings so the clock offset is good before the first countdown is read
      this.ping();
      setTimeout(() => this.ping(), 300);
      setTimeout(() => this.ping(), 900);
    }
  }
}
