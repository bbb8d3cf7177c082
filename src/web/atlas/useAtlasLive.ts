import { useChangeStream } from '../shell/useChangeStream.ts';

/** A number that goes up whenever the coalition's routes change (`/api/atlas/stream`). */
export const useAtlasLive = (enabled = true): number =>
  useChangeStream('/api/atlas/stream', enabled);
