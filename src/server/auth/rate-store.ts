import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/index.ts';
import { countRequest } from '../db/repos/limits.ts';
import { hashKey } from './backoff.ts';

/**
 * The per-address limits of the open routes (sign-in, invitation and reset links, joining) counted
 * in the database (`rate_counts`, migration 0012) instead of each instance's memory, so several
 * instances on one database share them (issue 11, point 7): a client that the balancer spreads
 * over N instances gets `max` requests per window, not N × `max`. Fixed windows of `timeWindow`
 * on the injectable clock; one atomic upsert per request. Keys (route and address) are hashed.
 */
export function databaseRateStore(db: Db, now: () => Date): FastifyRateLimitStoreCtor {
  class DatabaseRateStore implements FastifyRateLimitStore {
    /** `route`: the method and URL pattern a child store counts (each route its own counts). */
    constructor(
      _options?: unknown,
      private readonly route = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const t = now().getTime();
      const windowStart = t - (t % timeWindow);
      countRequest(db, hashKey(`${this.route}|${key}`), windowStart).then(
        (n) => callback(null, { current: n, ttl: windowStart + timeWindow - t }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      // At run time the plugin passes its merged parameters with the route under `routeInfo` (the
      // declared type says the route itself): read whichever is there.
      const info: unknown = 'routeInfo' in routeOptions ? routeOptions.routeInfo : routeOptions;
      return new DatabaseRateStore(undefined, routeName(info));
    }
  }
  return DatabaseRateStore;
}

/** "POST /api/auth/login": a route's own counts are kept apart from every other route's. */
function routeName(info: unknown): string {
  if (typeof info !== 'object' || info === null) return '';
  const method = 'method' in info ? String(info.method) : '';
  const url = 'url' in info ? String(info.url) : '';
  return `${method} ${url}`;
}
