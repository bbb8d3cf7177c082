/**
 * A small JSON-over-fetch helper for the live-event screens. The phone bundle uses it instead of
 * ../api.ts's client so it does not carry the directory's calls; errors are the same ApiError.
 */
import { ApiError } from '../api.ts';
import type { ErrorBody } from '../../contract/common.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function call<T>(
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
  if (!res.ok) {
    const ok =
      typeof data === 'object' &&
      data !== null &&
      typeof (data as { error?: unknown }).error === 'string';
    throw new ApiError(res.status, ok ? (data as ErrorBody) : null);
  }
  return data as T;
}

/** The extra fields of an error body (`problems`, `warnings`…) beyond ErrorBody's own. */
export function errorExtra<T>(err: unknown, field: string): T | undefined {
  if (!(err instanceof ApiError) || !err.body) return undefined;
  return (err.body as unknown as Record<string, unknown>)[field] as T | undefined;
}

export const enc = encodeURIComponent;
