import { useChangeStream } from '../shell/useChangeStream.ts';

/**
 * A number that goes up whenever the coalition's overlap may have changed (a card assigned on the
 * review screen, a card edited in the room), so the page refetches at once
 * (`/api/overlap/stream`, members only).
 */
export const useOverlapLive = (enabled = true): number =>
  useChangeStream('/api/overlap/stream', enabled);
