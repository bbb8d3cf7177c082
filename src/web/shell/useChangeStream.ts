import { useEffect, useState } from 'react';

/**
 * A number that goes up whenever the server says something a page shows may have changed, so the
 * page refetches at once: Server-Sent Events from `url` (EventSource reconnects by itself; other
 * server instances' writes arrive through the stream by PostgreSQL notifications), and a 30 s
 * re-check for what SSE cannot cover (a proxy that buffers the stream, a missed reconnect).
 */
export function useChangeStream(url: string, enabled = true): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const bump = () => setTick((n) => n + 1);
    let source: EventSource | null = null;
    if (typeof EventSource !== 'undefined') {
      source = new EventSource(url);
      source.addEventListener('change', bump);
    }
    const timer = window.setInterval(bump, 30_000);
    return () => {
      source?.close();
      window.clearInterval(timer);
    };
  }, [url, enabled]);
  return tick;
}
