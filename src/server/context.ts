import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Backend, Db } from './db/index.ts';
import type { BackOff } from './auth/backoff.ts';

/** What every route module receives: the database and the injectable clock (frozen in tests). */
export interface AppContext {
  db: Db;
  backend: Backend;
  now: () => Date;
  /** Per-account (and per known device) sign-in back-off: auth/backoff.ts. */
  loginBackOff: BackOff;
  loginAttemptsPerMinute: number;
  joinAttemptsPerMinute: number;
  atlasCacheSize: number;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
