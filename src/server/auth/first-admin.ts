import type { Db } from '../db/index.ts';
import {
  findCoalitionBySlug,
  findUserByEmail,
  insertCoalition,
  insertMembership,
  insertUser,
} from '../db/repos/accounts.ts';
import { hashPassword } from './passwords.ts';

/** Creates a coalition with its first admin, or says why not; changes nothing on refusal. */
export async function createFirstAdmin(
  db: Db,
  input: { email: string; name: string; coalition: string; password: string },
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (await findUserByEmail(db, input.email))
    return { ok: false, reason: `an account for ${input.email} already exists` };
  const slug = slugify(input.coalition);
  if (await findCoalitionBySlug(db, slug))
    return { ok: false, reason: `a coalition named like "${input.coalition}" already exists` };
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const coalitionId = await insertCoalition(
      trx,
      { name: input.coalition, slug, isDemo: false },
      at,
    );
    const userId = await insertUser(
      trx,
      { email: input.email, displayName: input.name, passwordHash },
      at,
    );
    await insertMembership(trx, { userId, coalitionId, role: 'admin', organisationId: null }, at);
  });
  return { ok: true };
}

export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return s || 'coalition';
}
