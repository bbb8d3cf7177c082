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
import type { LiveSessions } from './auth/live-sessions.ts';
import type { Mailer } from './mail.ts';
import type { SetupGate } from './auth/setup.ts';

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
  /** Open WebSockets and SSE streams of signed-in users, closed when their session ends. */
  liveSessions: LiveSessions;
  /** Sends invitation and reset links; undefined when SMTP is not configured. */
  mailer: Mailer | undefined;
  /** The base of links in emails (PUBLIC_URL); invitations fall back to the inviter's origin. */
  publicUrl: string | undefined;
  /** First run: the one-time set-up token, while no admin exists (auth/setup.ts). */
  setup: SetupGate;
  /** Where phones reach this server (filled in once it listens: main.ts). */
  site: SiteAddress;
}

export interface SiteAddress {
  /** Base of join links and QR codes (PUBLIC_URL, or the LAN address); unset: the request's origin. */
  joinBase: string | undefined;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
