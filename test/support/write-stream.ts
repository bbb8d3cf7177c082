import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../src/contract/live.ts';
import { DEMO } from './api.ts';

/** What the server acknowledged: each must be in the database afterwards, whatever happened. */
export interface Acked {
  organisations: string[];
  routes: string[];
  /** Live intents acknowledged to the demo admin as facilitator (client key `user:<id>`). */
  intents: string[];
}

export const emptyAcked = (): Acked => ({ organisations: [], routes: [], intents: [] });

const ROUTE = {
  source: 'city:1298824',
  destination: 'city:1609350',
  forms: ['ForcedLabour'],
  confidence: 'likely',
  basis: 'casework',
};

/** Signs in as the demo admin; the session lives in the database, so it outlasts restarts. */
export async function demoSession(url: string): Promise<{ cookie: string; eventId: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  const set = res.headers.get('set-cookie') ?? '';
  const cookie = /mosaic_session=[^;]+/.exec(set)?.[0];
  if (!cookie) throw new Error(`demo login failed: ${res.status}`);
  const events = (await (await fetch(`${url}/api/events`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  return { cookie, eventId: events.items[0]!.id };
}

/**
 * A stream of writes against a running server until `stop()` or the server dies: REST writes
 * (organisations with visibility cycling, routes, which move the atlas summaries) and live intents
 * over a WebSocket. Only what the server answered as done is recorded in `acked`.
 */
export function startWrites(
  url: string,
  session: { cookie: string; eventId: string },
  tag: string,
  acked: Acked,
): { stop(): Promise<void> } {
  let running = true;
  const headers = { 'content-type': 'application/json', cookie: session.cookie };
  const visibilities = ['organisation', 'coalition', 'public'] as const;
  let n = 0;
  async function rest() {
    while (running) {
      const i = n++;
      const visibility = visibilities[i % 3]!;
      const isRoute = i % 2 === 1;
      const body = isRoute
        ? { ...ROUTE, visibility: visibility === 'organisation' ? 'coalition' : visibility }
        : { name: `Crash ${tag} ${i}`, type: 'NGO', visibility };
      try {
        const res = await fetch(`${url}/api/${isRoute ? 'atlas/routes' : 'organisations'}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
        });
        if (res.status !== 201) throw new Error(`write answered ${res.status}`);
        const { id } = (await res.json()) as { id: string };
        (isRoute ? acked.routes : acked.organisations).push(id);
      } catch {
        return; // the server is gone (killed): writes in flight were never acknowledged
      }
    }
  }
  async function live() {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/live/${session.eventId}`, {
      headers: { cookie: session.cookie, origin: url },
    });
    const pending = new Map<string, () => void>();
    const closed = new Promise<void>((resolve) => {
      ws.on('close', () => resolve());
      ws.on('error', () => resolve());
    });
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; id?: string };
      if (m.type === 'welcome') pending.get('hello')?.();
      if (m.type === 'ack' && m.id) acked.intents.push(m.id);
      if ((m.type === 'ack' || m.type === 'reject') && m.id) pending.get(m.id)?.();
    });
    const answered = (id: string) =>
      Promise.race([closed, new Promise<void>((resolve) => pending.set(id, resolve))]);
    await Promise.race([closed, new Promise<void>((resolve) => ws.once('open', () => resolve()))]);
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION }));
    await answered('hello');
    let k = 0;
    while (running && ws.readyState === WebSocket.OPEN) {
      const id = `crash-${tag}-${k++}`.replace(/[^A-Za-z0-9_-]/g, '-');
      const intent = { type: 'broadcast', text: `note ${tag} ${k}` };
      ws.send(JSON.stringify({ type: 'intent', id, intent }));
      await answered(id);
    }
    ws.close();
  }
  const done = Promise.all([rest(), rest(), live()]);
  return {
    async stop() {
      running = false;
      await done;
    },
  };
}
