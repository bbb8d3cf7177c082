import type { OverlapAnswer, OverlapCards } from '../../contract/overlap.ts';
import { call } from '../http.ts';

export interface OverlapFilters {
  view?: 'coalition' | 'public';
  level?: string;
  event?: string;
  from?: string;
  to?: string;
}

function query(q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const overlapApi = {
  coalition: (f: OverlapFilters, signal?: AbortSignal) =>
    call<OverlapAnswer>('GET', `/api/overlap${query({ ...f })}`, undefined, signal),
  event: (eventId: string, signal?: AbortSignal) =>
    call<OverlapAnswer>('GET', `/api/events/${eventId}/overlap`, undefined, signal),
  cards: (
    q: { factor: string; issue?: string; form?: string; event?: string; level?: string },
    signal?: AbortSignal,
  ) => call<OverlapCards>('GET', `/api/overlap/cards${query(q)}`, undefined, signal),
};
