import { useEffect, useState } from 'react';

/**
 * A number that goes up whenever the coalition's routes change, so pages refetch "at once" when a
 * phone adds a route. Server-Sent Events (`/api/atlas/stream`); EventSource reconnects by itself.
 * A 30 s re-check covers what SSE cannot (a proxy that buffers the stream, a missed reconnect);
 * other server instances' writes arrive through the stream (PostgreSQL notifications).
 */
export function useAtlasLive(enabled = true): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const bump = () => setTick((n) => n + 1);
    let source: EventSource | null = null;
    if (typeof EventSource !== 'undefined') {
      source = new EventSource('/api/atlas/stream');
      source.addEventListener('change', bump);
    }
    const timer = window.setInterval(bump, 30_000);
    return () => {
      source?.close();
      window.clearInterval(timer);
    };
  }, [enabled]);
  return tick;
}
