import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { Role } from '../../../domain/taxonomy/codes.ts';
import { MAIL_LANGUAGES, type MailLanguage } from '../../../contract/constants.ts';

export interface CoalitionRow {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  suppressionK: number;
  /** The language Mosaic writes to the coalition in when a person has not chosen one. */
  language: MailLanguage;
}

/** A stored language code as one Mosaic writes mails in (anything else: English). */
export const mailLanguage = (code: string | null | undefined): MailLanguage =>
  MAIL_LANGUAGES.find((l) => l === code) ?? 'en';

export async function insertCoalition(
  trx: Transaction<Database>,
  c: { name: string; slug: string; isDemo: boolean; language?: MailLanguage },
  now: string,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('coalitions')
    .values({
      id,
      name: c.name,
      slug: c.slug,
      is_demo: c.isDemo ? 1 : 0,
      suppression_k: 11,
      language: c.language ?? 'en',
      created_at: now,
    })
    .execute();
  return id;
}

export async function findCoalition(db: Db, id: string): Promise<CoalitionRow | undefined> {
  const r = await db.selectFrom('coalitions').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      name: r.name,
      slug: r.slug,
      isDemo: Number(r.is_demo) === 1,
      suppressionK: Number(r.suppression_k),
      language: mailLanguage(r.language),
    }
  );
}

export async function findCoalitionBySlug(db: Db, slug: string): Promise<CoalitionRow | undefined> {
  const r = await db
    .selectFrom('coalitions')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r && findCoalition(db, r.id);
}

/**
 * The coalition a reader means: the one named by `slug`, else a signed-in user's own, else (an
 * anonymous reader of a single-coalition install) the first coalition made.
 */
export async function readerCoalition(
  db: Db,
  actor: { kind: string; coalitionId?: string },
  slug: string | undefined,
): Promise<CoalitionRow | undefined> {
  if (slug) return findCoalitionBySlug(db, slug);
  if (actor.kind === 'user' && actor.coalitionId) return findCoalition(db, actor.coalitionId);
  const first = await db
    .selectFrom('coalitions')
    .select('id')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return first && findCoalition(db, first.id);
}

export async function countCoalitions(db: Db): Promise<number> {
  const r = await db
    .selectFrom('coalitions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(
  trx: Transaction<Database>,
  u: { email: string; displayName: string; passwordHash: string },
  now: string,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('users')
    .values({
      id,
      email: u.email.toLowerCase(),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      created_at: now,
      language: null,
    })
    .execute();
  return id;
}

/** Records the language a user chose in the app (their emails are written in it). */
export async function setUserLanguage(db: Db, userId: string, language: MailLanguage) {
  await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
}

/**
 * The language each of these addresses' users chose (lower-cased address → language); an address
 * that is no user's, or whose user has not chosen, is absent.
 */
export async function chosenLanguages(
  db: Db,
  emails: readonly string[],
): Promise<Map<string, MailLanguage>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['email', 'language'])
    .where(
      'email',
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .where('language', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.email, mailLanguage(r.language)]));
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function insertMembership(
  trx: Transaction<Database>,
  m: { userId: string; coalitionId: string; role: Role; organisationId: string | null },
  now: string,
): Promise<void> {
  await trx
    .insertInto('memberships')
    .values({
      user_id: m.userId,
      coalition_id: m.coalitionId,
      role: m.role,
      organisation_id: m.organisationId,
      created_at: now,
    })
    .execute();
}

/**
 * A user's memberships that are not suspended, oldest first: the first is the coalition a fresh
 * log-in opens.
 */
export async function membershipsOf(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .where('suspended_at', 'is', null)
    .orderBy('created_at')
    .orderBy('coalition_id')
    .execute();
}

export interface SessionView {
  /** SHA-256 of the cookie's token: names the session to end it (and its live connections). */
  tokenHash: string;
  userId: string;
  email: string;
  displayName: string;
  coalitionId: string;
  role: Role;
  organisationId: string | null;
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; coalitionId: string; expiresAt: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      coalition_id: s.coalitionId,
      created_at: now,
      expires_at: s.expiresAt,
    })
    .execute();
}

/**
 * The live session for a token hash, joined with the membership it acts under: a removed or
 * suspended membership, or an expired session, yields nothing (checked in the query itself).
 */
export async function findSession(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<SessionView | undefined> {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 's.user_id').onRef('m.coalition_id', '=', 's.coalition_id'),
    )
    .select([
      's.user_id',
      'u.email',
      'u.display_name',
      's.coalition_id',
      'm.role',
      'm.organisation_id',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('m.suspended_at', 'is', null)
    .executeTakeFirst();
  return (
    r && {
      tokenHash,
      userId: r.user_id,
      email: r.email,
      displayName: r.display_name,
      coalitionId: r.coalition_id,
      role: r.role,
      organisationId: r.organisation_id,
    }
  );
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Append-only: who changed or read non-public data. Never updated or deleted by the app. */
export async function audit(
  db: Db | Transaction<Database>,
  e: {
    coalitionId: string | null;
    userId: string | null;
    action: string;
    resource: string;
    recordId: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now,
      coalition_id: e.coalitionId,
      user_id: e.userId,
      action: e.action,
      resource: e.resource,
      record_id: e.recordId,
    })
    .execute();
}

/** Whether any coalition has an admin (first run: none yet, so the set-up page is open). */
export async function anyAdmin(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('role', '=', 'admin')
    .where('suspended_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every coalition's id and name, oldest first (the first-run page offers them). */
export async function listCoalitionNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('coalitions').select(['id', 'name']).orderBy('created_at').execute();
}
