import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import { isKnownDevice, rememberDevice } from '../db/repos/devices.ts';

/**
 * The "known device" of a sign-in: a random token the browser keeps (HttpOnly, sent only to
 * /api/auth) and the server stores only hashed, per account. It proves nothing alone — the
 * password is still checked — it only lets its holder skip the back-off strangers have built up.
 */
export const DEVICE_COOKIE = 'mosaic_device';
const DEVICE_DAYS = 365;

const hashDevice = (token: string) => createHash('sha256').update(token).digest('base64url');

function tokenOf(request: FastifyRequest): string | undefined {
  const t = request.cookies[DEVICE_COOKIE];
  return t && /^[A-Za-z0-9_-]{43}$/.test(t) ? t : undefined;
}

/** The device's hash when this request comes from a device the account signed in from before. */
export async function knownDeviceOf(
  db: Db,
  request: FastifyRequest,
  userId: string | undefined,
): Promise<string | undefined> {
  const token = tokenOf(request);
  if (!token || !userId) return undefined;
  const hash = hashDevice(token);
  return (await isKnownDevice(db, userId, hash)) ? hash : undefined;
}

/** After a successful sign-in: this browser becomes (or stays) a known device of the account. */
export async function rememberThisDevice(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  now: Date,
): Promise<void> {
  const token = tokenOf(request) ?? randomBytes(32).toString('base64url');
  await rememberDevice(db, userId, hashDevice(token), now.toISOString());
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: DEVICE_DAYS * 86_400,
  });
}
