import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import {
  deleteSession,
  findSession,
  insertSession,
  type SessionView,
} from '../db/repos/accounts.ts';
import type { Actor } from './policy.ts';

export const SESSION_COOKIE = 'mosaic_session';
const SESSION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function startSession(
  db: Db,
  reply: FastifyReply,
  request: FastifyRequest,
  who: { userId: string; coalitionId: string },
  now: Date,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(
    db,
    { tokenHash: hashToken(token), ...who, expiresAt: expires.toISOString() },
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
): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(db, hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function sessionOf(
  db: Db,
  request: FastifyRequest,
  now: Date,
): Promise<SessionView | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return undefined;
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
