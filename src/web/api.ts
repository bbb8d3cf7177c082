/** The directory's and the session's calls (see http.ts for the transport). */
import type { DemoNotice, Me, LoginRequest } from '../contract/auth.ts';
import { call } from './http.ts';
import type {
  Organisation,
  OrganisationCreate,
  OrganisationList,
  OrganisationQuery,
  OrganisationUpdate,
} from '../contract/organisations.ts';
import type { CountryItem, ProvinceItem } from '../contract/places.ts';

export { ApiError } from './http.ts';
const request = call;

/** Filters of the directory; every one optional. */
export type OrganisationFilters = Partial<OrganisationQuery>;

/**
 * What the form sends. Deliberately partial: the server is the one validator, and an incomplete
 * draft is how a person learns, field by field, what is missing.
 */
export type OrganisationDraft = Partial<OrganisationCreate>;

function queryString(q: OrganisationFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const api = {
  health: (signal?: AbortSignal) =>
    request<{ status: 'ok' }>('GET', '/api/health', undefined, signal),

  login: (body: LoginRequest) => request<Me>('POST', '/api/auth/login', body),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),
  me: (signal?: AbortSignal) => request<Me>('GET', '/api/auth/me', undefined, signal),
  demoNotice: (signal?: AbortSignal) =>
    request<DemoNotice>('GET', '/api/auth/demo', undefined, signal),

  listOrganisations: (q: OrganisationFilters, signal?: AbortSignal) =>
    request<OrganisationList>('GET', `/api/organisations${queryString(q)}`, undefined, signal),
  getOrganisation: (id: string, signal?: AbortSignal) =>
    request<Organisation>('GET', `/api/organisations/${encodeURIComponent(id)}`, undefined, signal),
  createOrganisation: (body: OrganisationDraft) =>
    request<Organisation>('POST', '/api/organisations', body),
  updateOrganisation: (id: string, body: OrganisationUpdate) =>
    request<Organisation>('PATCH', `/api/organisations/${encodeURIComponent(id)}`, body),
  deleteOrganisation: (id: string) =>
    request<undefined>('DELETE', `/api/organisations/${encodeURIComponent(id)}`),

  countries: (signal?: AbortSignal) =>
    request<{ items: CountryItem[] }>('GET', '/api/places/countries', undefined, signal),
  provinces: (country: string, signal?: AbortSignal) =>
    request<{ items: ProvinceItem[] }>(
      'GET',
      `/api/places/countries/${encodeURIComponent(country)}/provinces`,
      undefined,
      signal,
    ),
};
