import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, type ServerMessage } from '../../src/contract/live.ts';

/** A bare protocol client for tests and benchmarks: records every message it receives. */
export class TestLiveClient {
  readonly messages: ServerMessage[] = [];
  private waiters: { pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] =
    [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as ServerMessage;
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(m)) return true;
        w.resolve(m);
        return false;
      });
    });
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<TestLiveClient> {
    const ws = new WebSocket(url, { headers });
    const c = new TestLiveClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return c;
  }

  send(m: unknown): void {
    this.ws.send(JSON.stringify(m));
  }

  hello(extra: { lastSeq?: number; participantToken?: string; protocol?: number } = {}) {
    this.send({ type: 'hello', protocol: PROTOCOL_VERSION, ...extra });
    return this.next((m) => m.type === 'welcome' || m.type === 'reload' || m.type === 'error');
  }

  /** The first message (already received or coming) that matches. */
  next(pred: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const seen = this.messages.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for a message')),
        timeoutMs,
      );
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Sends an intent under a fresh id and waits for its answer (`ack` or `reject`). */
  async intent(
    body: object,
    timeoutMs?: number,
  ): Promise<Extract<ServerMessage, { type: 'ack' | 'reject' }>> {
    const id = randomUUID().replaceAll('-', '');
    this.send({ type: 'intent', id, intent: body });
    const m = await this.next(
      (x) => (x.type === 'ack' || x.type === 'reject') && x.id === id,
      timeoutMs,
    );
    return m as Extract<ServerMessage, { type: 'ack' | 'reject' }>;
  }

  changes() {
    return this.messages.flatMap((m) => (m.type === 'change' ? [m] : []));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

/** An `addCard` intent: a cause at the individual level unless `extra` says otherwise. */
export function addCard(cardId: string, issueKey: string, text: string, extra: object = {}) {
  return { type: 'addCard', cardId, issueKey, text, kind: 'cause', level: 'individual', ...extra };
}
