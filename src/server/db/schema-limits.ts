/** Limits shared across instances (migration 0012): see auth/backoff.ts and auth/rate-store.ts. */
export interface LimitTables {
  auth_backoff: AuthBackoffTable;
  rate_counts: RateCountTable;
}

/** Failed sign-ins per email or known device (the key's SHA-256), the last one's time (epoch ms). */
export interface AuthBackoffTable {
  key_hash: string;
  failures: number;
  last_ms: number;
}

/** Requests per route and client address (the key's SHA-256) in one fixed window (epoch ms). */
export interface RateCountTable {
  key_hash: string;
  window_start: number;
  n: number;
}
