import { useEffect, useState } from 'react';

/**
 * A number that goes up whenever the coalition's overlap may have changed (a card assigned on the
 * review screen, a card edited in the room), so the page refetches at once: Server-Sent Events
 * from `/api/overlap/stream` (members only; EventSource reconnects by itself), and a 30 s re-check
 * for a proxy that buffers the stream.
 */
export function useOverlapLive(enabled = true): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const bump = () => setTick((n) => n + 1);
    let source: EventSource | null = null;
    if (typeof EventSource !== 'undefined') {
      source = new EventSource('/api/overlap/stream');
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
