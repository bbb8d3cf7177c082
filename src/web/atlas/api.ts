import type {
  AtlasMap,
  Challenge,
  ChallengeCreate,
  FlowMatrix,
  GapList,
  NoteWarning,
  Route,
  RouteDraft,
  RouteList,
  RouteUpdate,
} from '../../contract/atlas.ts';
import type { PlaceItem, PlaceSearchResponse } from '../../contract/gazetteer.ts';
import { call } from '../http.ts';

export type Query = Record<string, string | undefined>;
export function qs(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const atlasApi = {
  map: (q: Query, signal?: AbortSignal) =>
    call<AtlasMap>('GET', `/api/atlas/map${qs(q)}`, undefined, signal),
  flows: (q: Query, signal?: AbortSignal) =>
    call<FlowMatrix>('GET', `/api/atlas/flows${qs(q)}`, undefined, signal),
  gaps: (q: Query, signal?: AbortSignal) =>
    call<GapList>('GET', `/api/atlas/gaps${qs(q)}`, undefined, signal),
  challenges: (q: Query, signal?: AbortSignal) =>
    call<{ items: Challenge[] }>('GET', `/api/atlas/challenges${qs(q)}`, undefined, signal),
  addChallenge: (body: Partial<ChallengeCreate>) =>
    call<Challenge>('POST', '/api/atlas/challenges', body),
  routes: (q: Query, signal?: AbortSignal) =>
    call<RouteList>('GET', `/api/atlas/routes${qs(q)}`, undefined, signal),
  createRoute: (body: Partial<RouteDraft>) => call<Route>('POST', '/api/atlas/routes', body),
  /** `body.version`: the version the change was made on (a route changed since answers 409). */
  updateRoute: (id: string, body: RouteUpdate) =>
    call<Route>('PATCH', `/api/atlas/routes/${encodeURIComponent(id)}`, body),
  /** Removes the route as read at `version` (a route changed since answers 409 and stays). */
  deleteRoute: (id: string, version: number) =>
    call<void>('DELETE', `/api/atlas/routes/${encodeURIComponent(id)}`, undefined, undefined, {
      'if-match': `"${version}"`,
    }),
  checkNotes: (notes: string, signal?: AbortSignal) =>
    call<{ warnings: NoteWarning[] }>('POST', '/api/atlas/notes-check', { notes }, signal),
  search: (q: string, signal?: AbortSignal) =>
    call<PlaceSearchResponse>(
      'GET',
      `/api/gazetteer/search${qs({ q, limit: '8' })}`,
      undefined,
      signal,
    ),
  point: (lat: number, lon: number) =>
    call<PlaceItem>(
      'GET',
      `/api/gazetteer/point${qs({ lat: lat.toFixed(4), lon: lon.toFixed(4) })}`,
    ),
};
