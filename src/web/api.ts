/**
 * The typed HTTP client of the web app. Types come from the contract, so the server and this client
 * cannot drift; responses are not re-validated here (that would ship zod to every phone): the server
 * validates what it returns against the same schemas.
 */
import type { Me, LoginRequest } from '../contract/auth.ts';
import type { ErrorBody } from '../contract/common.ts';
import type {
  Organisation,
  OrganisationCreate,
  OrganisationList,
  OrganisationQuery,
  OrganisationUpdate,
} from '../contract/organisations.ts';
import type { CountryItem, ProvinceItem } from '../contract/places.ts';

/** A failed call. `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;
  constructor(status: number, body: ErrorBody | null) {
    super(body?.message ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

function isErrorBody(x: unknown): x is ErrorBody {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { error?: unknown }).error === 'string' &&
    typeof (x as { message?: unknown }).message === 'string'
  );
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, null);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, isErrorBody(data) ? data : null);
  return data as T;
}

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
