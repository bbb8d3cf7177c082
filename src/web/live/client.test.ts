/**
 * The live client against a scripted server: resume after a drop with the last seq applied, a
 * gap answered by reconnecting, an intent retried with the same id until acknowledged, a stale
 * page told to reload. A fake WebSocket stands in for the browser's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../contract/live.ts';
import { LiveClient } from './client.ts';
import { PROTOCOL } from './protocol.ts';

class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  // the server's side
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(m: unknown) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  of(type: string) {
    return this.sent.filter((m) => m.type === type);
  }
}

const state = (round: number) => ({
  sessionId: 's',
  round,
  status: 'running' as const,
  endsAt: 1,
  remainingMs: null,
  message: null,
});
const snapshot = {
  event: { sessions: [] },
  participants: [],
  state: state(0),
  cards: [],
  handovers: [],
} as unknown as Snapshot;
const welcome = (seq: number, withSnapshot: boolean) => ({
  type: 'welcome',
  protocol: 1,
  role: 'facilitator',
  participantId: null,
  serverTime: Date.now(),
  seq,
  ...(withSnapshot ? { snapshot } : {}),
});
const change = (seq: number, round: number) => ({
  type: 'change',
  seq,
  change: { kind: 'state', state: state(round) },
});

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('location', { protocol: 'http:', host: 'mosaic.test' });
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function started() {
  const c = new LiveClient({ eventId: 'ev' });
  await c.start();
  const ws = FakeSocket.all.at(-1)!;
  ws.open();
  return { c, ws };
}

describe('live client', () => {
  it('says hello, takes the snapshot, applies changes in order and ignores repeats', async () => {
    const { c, ws } = await started();
    expect(ws.url).toBe('ws://mosaic.test/api/live/ev');
    expect(ws.of('hello')[0]).toEqual({ type: 'hello', protocol: 1 });
    ws.receive(welcome(5, true));
    expect(c.getView()).toMatchObject({ link: 'online', seq: 5, role: 'facilitator' });
    ws.receive(change(6, 1));
    ws.receive(change(6, 9)); // a repeat
    expect(c.getView().seq).toBe(6);
    expect(c.getView().snapshot!.state.round).toBe(1);
  });

  it('after a drop, resumes from the last seq applied', async () => {
    const { c, ws } = await started();
    ws.receive(welcome(5, true));
    ws.receive(change(6, 1));
    ws.drop();
    expect(c.getView().link).toBe('offline');
    await vi.advanceTimersByTimeAsync(500);
    const again = FakeSocket.all.at(-1)!;
    expect(again).not.toBe(ws);
    again.open();
    expect(again.of('hello')[0]).toMatchObject({ lastSeq: 6 });
    again.receive(welcome(7, false));
    again.receive(change(7, 2));
    expect(c.getView()).toMatchObject({ link: 'online', seq: 7 });
    expect(c.getView().snapshot!.state.round).toBe(2);
  });

  it('reconnects when a change is missing, asking for what came after', async () => {
    const { c, ws } = await started();
    ws.receive(welcome(5, true));
    ws.receive(change(8, 3)); // 6 and 7 never arrived
    expect(c.getView().seq).toBe(5);
    const again = FakeSocket.all.at(-1)!;
    expect(again).not.toBe(ws);
    again.open();
    expect(again.of('hello')[0]).toMatchObject({ lastSeq: 5 });
  });

  it('retries an unacknowledged intent with the same id, and resolves on the ack', async () => {
    const { c, ws } = await started();
    ws.receive(welcome(1, true));
    const done = c.send({ type: 'nextRound' });
    const first = ws.of('intent')[0]!;
    expect(first.id).toMatch(/^[a-f0-9]{32}$/);
    expect(c.getView().pending).toBe(1);
    ws.drop();
    await vi.advanceTimersByTimeAsync(500);
    const again = FakeSocket.all.at(-1)!;
    again.open();
    again.receive(welcome(1, false));
    expect(again.of('intent')).toEqual([first]);
    again.receive({ type: 'ack', id: first.id, seq: 2 });
    await expect(done).resolves.toEqual({ ok: true, seq: 2 });
    expect(c.getView().pending).toBe(0);
  });

  it('queues an intent sent while offline until the room answers', async () => {
    const { c, ws } = await started();
    ws.receive(welcome(1, true));
    ws.drop();
    void c.send({ type: 'pause' });
    expect(ws.of('intent')).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    const again = FakeSocket.all.at(-1)!;
    again.open();
    expect(again.of('intent')).toEqual([]); // not before the welcome
    again.receive(welcome(1, false));
    expect(again.of('intent')).toHaveLength(1);
  });

  it('notices a silent socket with the heartbeat', async () => {
    const { ws } = await started();
    ws.receive(welcome(1, true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ws.of('ping').length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(15_000); // no pong, nothing at all
    expect(FakeSocket.all.length).toBeGreaterThan(1);
  });

  it('stops and says so when the page is stale', async () => {
    const { c, ws } = await started();
    ws.receive({ type: 'reload', reason: 'old page' });
    expect(c.getView()).toMatchObject({ link: 'reload', reason: 'old page' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('a page older than the server reloads once, then shows its reload button instead of looping', async () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    });
    const reload = vi.fn();
    vi.stubGlobal('location', { protocol: 'http:', host: 'mosaic.test', reload });
    const { c, ws } = await started();
    ws.receive({ type: 'reload', reason: 'old page', older: 'page', serverProtocol: PROTOCOL + 1 });
    expect(c.getView()).toMatchObject({ link: 'reload', reason: 'old page' });
    expect(reload).toHaveBeenCalledTimes(1);
    // The reload brought back the same old page (a cached copy): it is told again, and stops.
    const again = await started();
    again.ws.receive({
      type: 'reload',
      reason: 'old page',
      older: 'page',
      serverProtocol: PROTOCOL + 1,
    });
    expect(again.c.getView()).toMatchObject({ link: 'reload' });
    expect(reload).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('a page newer than the server does not reload: it waits, retries with backoff, and resumes', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { protocol: 'http:', host: 'mosaic.test', reload });
    const { c, ws } = await started();
    const older = {
      type: 'reload',
      reason: 'upgrading',
      older: 'server',
      serverProtocol: PROTOCOL - 1,
    };
    ws.receive(older);
    expect(c.getView().link).toBe('connecting');
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_100); // first wait: 1.5–2 s
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.of('hello')).toHaveLength(1);
    FakeSocket.all[1]!.receive(older); // still the old instance: the wait doubles
    await vi.advanceTimersByTimeAsync(2_900);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_200);
    expect(FakeSocket.all).toHaveLength(3);
    const upgraded = FakeSocket.all[2]!;
    upgraded.open();
    upgraded.receive(welcome(1, true));
    expect(c.getView().link).toBe('online');
    expect(reload).not.toHaveBeenCalled();
  });
});
