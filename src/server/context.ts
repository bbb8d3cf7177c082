import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Backend, Db } from './db/index.ts';
import type { FailureThrottle } from './auth/throttle.ts';

/** What every route module receives: the database and the injectable clock (frozen in tests). */
export interface AppContext {
  db: Db;
  backend: Backend;
  now: () => Date;
  loginThrottle: { byEmail: FailureThrottle; byAddress: FailureThrottle };
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
