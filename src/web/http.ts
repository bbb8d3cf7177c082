/**
 * JSON over fetch, for every screen: the directory, the live event (phone included) and the atlas.
 * Types come from the contract; responses are not re-validated here (that would ship zod to every
 * phone): the server validates what it returns against the same schemas.
 */
import type { ErrorBody } from '../contract/common.ts';

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

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function call<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  /** Extra request headers, e.g. If-Match naming the version a change was made on. */
  headers: Record<string, string> = {},
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { ...headers } };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    init.headers = { ...headers, 'content-type': 'application/json' };
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

/** The extra fields of an error body (`problems`, `warnings`…) beyond ErrorBody's own. */
export function errorExtra<T>(err: unknown, field: string): T | undefined {
  if (!(err instanceof ApiError) || !err.body) return undefined;
  return (err.body as unknown as Record<string, unknown>)[field] as T | undefined;
}
