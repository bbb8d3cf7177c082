import type { Db } from '../index.ts';

/** Devices remembered per account; older ones beyond this are forgotten (the owner signs in again). */
const MAX_DEVICES_PER_USER = 20;

export async function isKnownDevice(db: Db, userId: string, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records (or refreshes) a device for the account and forgets the least recently used beyond the cap. */
export async function rememberDevice(
  db: Db,
  userId: string,
  tokenHash: string,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('known_devices')
      .set({ last_used_at: at })
      .where('user_id', '=', userId)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return;
    await trx
      .insertInto('known_devices')
      .values({ user_id: userId, token_hash: tokenHash, created_at: at, last_used_at: at })
      .execute();
    const stale = await trx
      .selectFrom('known_devices')
      .select('token_hash')
      .where('user_id', '=', userId)
      .orderBy('last_used_at', 'desc')
      .offset(MAX_DEVICES_PER_USER)
      .limit(1000)
      .execute();
    if (stale.length)
      await trx
        .deleteFrom('known_devices')
        .where('user_id', '=', userId)
        .where(
          'token_hash',
          'in',
          stale.map((s) => s.token_hash),
        )
        .execute();
  });
}
