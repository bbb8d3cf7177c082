import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { LiveClient, type LiveOptions, type LiveView } from './client.ts';

/** A started live client for this event, stopped when the screen goes away. */
export function useLiveClient(opts: LiveOptions | null): LiveClient | null {
  const eventId = opts?.eventId ?? null;
  const token = opts?.participantToken ?? null;
  const persist = opts?.persist;
  const client = useMemo(
    () =>
      eventId
        ? new LiveClient({ eventId, participantToken: token, ...(persist ? { persist } : {}) })
        : null,
    [eventId, token, persist],
  );
  useEffect(() => {
    if (!client) return;
    void client.start();
    return () => client.stop();
  }, [client]);
  return client;
}

const OFF: LiveView = {
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
const noop = () => () => undefined;

export function useLiveView(client: LiveClient | null): LiveView {
  return useSyncExternalStore(client?.subscribe ?? noop, client ? client.getView : () => OFF);
}

/** The server's time, re-read every `everyMs`: what countdowns are computed from. */
export function useServerNow(client: LiveClient | null, everyMs = 250): number {
  const [now, setNow] = useState(() => client?.clock.now() ?? Date.now());
  useEffect(() => {
    const tick = () => setNow(client?.clock.now() ?? Date.now());
    tick();
    const h = setInterval(tick, everyMs);
    return () => clearInterval(h);
  }, [client, everyMs]);
  return now;
}
