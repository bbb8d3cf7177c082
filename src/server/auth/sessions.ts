import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import { pruneStaleRows } from '../db/repos/prune.ts';
import {
  deleteSession,
  findSession,
  insertSession,
  type SessionView,
} from '../db/repos/accounts.ts';
import type { Actor } from './policy.ts';
import { MAX_TOKEN_LENGTH, hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'mosaic_session';
const SESSION_DAYS = 7;

export async function startSession(
  db: Db,
  reply: FastifyReply,
  request: FastifyRequest,
  who: { userId: string; coalitionId: string },
  now: Date,
): Promise<void> {
  const { token, hash } = newToken();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(
    db,
    { tokenHash: hash, ...who, expiresAt: expires.toISOString() },
    now.toISOString(),
  );
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

export async function endSession(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  const hash = token ? hashToken(token) : undefined;
  if (hash) await deleteSession(db, hash);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return hash;
}

export async function sessionOf(
  db: Db,
  request: FastifyRequest,
  now: Date,
): Promise<SessionView | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
  return findSession(db, hashToken(token), now.toISOString());
}

export function actorOf(s: SessionView | undefined): Actor {
  return s
    ? {
        kind: 'user',
        userId: s.userId,
        coalitionId: s.coalitionId,
        role: s.role,
        organisationId: s.organisationId,
      }
    : { kind: 'anonymous' };
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * What is past keeping is deleted when the server starts and every hour after (db/repos/prune.ts):
 * expired sessions (a session table that only grows keeps who-signed-in-when for ever, and a leaked
 * copy would hold all of it), live rooms' old changes and intent ids, and stale sign-in back-off
 * and request counts. Every instance runs it; the deletes are idempotent.
 */
export function pruneRegularly(
  app: FastifyInstance,
  ctx: { db: Db; now: () => Date },
  everyMs = PRUNE_EVERY_MS,
): void {
  const prune = () => pruneStaleRows(ctx.db, ctx.now());
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await prune();
    timer = setInterval(() => {
      prune().catch((err: unknown) => app.log.error({ err }, 'pruning stale rows failed'));
    }, everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
