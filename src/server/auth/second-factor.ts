import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db/index.ts';
import { audit } from '../db/repos/accounts.ts';
import {
  deleteTotp,
  findTotp,
  replaceRecoveryCodes,
  startTotp,
  useRecoveryCode,
  useTotpStep,
} from '../db/repos/members.ts';
import { hashToken } from './tokens.ts';

/**
 * The optional second factor: TOTP (RFC 6238, 30-second steps, six digits, SHA-1 — what every
 * authenticator app reads) and ten single-use recovery codes, stored hashed.
 */
const RECOVERY_CODES = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud and typed by hand

const totp = (secret: string, label = 'Mosaic') =>
  new TOTP({ issuer: 'Mosaic', label, secret: Secret.fromBase32(secret) });

/** Recovery codes are 50 random bits each, so a plain hash suffices (nothing to guess from it). */
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const hashRecovery = (code: string) => hashToken(`recovery:${normaliseRecovery(code)}`);

function recoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A new, unconfirmed secret: the second factor is asked for only once a code confirmed it. */
export async function beginEnrolment(
  db: Db,
  user: { userId: string; email: string },
  now: Date,
): Promise<{ secret: string; uri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await db.transaction().execute((trx) => startTotp(trx, user.userId, secret, now.toISOString()));
  return { secret, uri: totp(secret, user.email).toString() };
}

/** The 30-second step a code belongs to, if it is valid now (one step of clock drift allowed). */
function stepOf(secret: string, code: string, now: Date): number | undefined {
  const t = totp(secret);
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : t.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * Confirms enrolment with a first code; answers the recovery codes, shown once and stored hashed.
 * Undefined when there is no pending enrolment or the code is wrong.
 */
export async function confirmEnrolment(
  db: Db,
  userId: string,
  code: string,
  now: Date,
): Promise<string[] | undefined> {
  const row = await findTotp(db, userId);
  if (!row || row.confirmed_at !== null) return undefined;
  const step = stepOf(row.secret, code, now);
  if (step === undefined) return undefined;
  const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  const confirmed = await db.transaction().execute(async (trx) => {
    if (!(await useTotpStep(trx, userId, step, now.toISOString()))) return false;
    await replaceRecoveryCodes(trx, userId, codes.map(hashRecovery));
    await auditUser(trx, userId, 'second-factor.on', now);
    return true;
  });
  return confirmed ? codes : undefined;
}

const auditUser = (db: Parameters<typeof audit>[0], userId: string, action: string, now: Date) =>
  audit(
    db,
    { coalitionId: null, userId, action, resource: 'user', recordId: userId },
    now.toISOString(),
  );

/** Turns the second factor off, given a current code; false (nothing changed) otherwise. */
export async function disableSecondFactor(
  db: Db,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  if (!(await verifySecondFactor(db, userId, code, now))) return false;
  await db.transaction().execute(async (trx) => {
    await deleteTotp(trx, userId);
    await auditUser(trx, userId, 'second-factor.off', now);
  });
  return true;
}

export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const row = await findTotp(db, userId);
  return row !== undefined && row.confirmed_at !== null;
}

/**
 * Checks a sign-in's second factor: six digits are a TOTP code (each accepted once), anything else
 * a recovery code (each usable once). Both "once" rules are single UPDATEs in the database.
 */
export async function verifySecondFactor(
  db: Db,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const row = await findTotp(db, userId);
  if (!row || row.confirmed_at === null) return false;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = stepOf(row.secret, trimmed, now);
    return step !== undefined && useTotpStep(db, userId, step);
  }
  return useRecoveryCode(db, userId, hashRecovery(trimmed), now.toISOString());
}
