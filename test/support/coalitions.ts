import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/taxonomy/codes.ts';
import {
  insertCoalition,
  insertMembership,
  insertUser,
} from '../../src/server/db/repos/accounts.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { cookieOf, TEST_PASSWORD, type ApiHarness } from './api.ts';

/**
 * A second coalition on the same server, beside the demo one: for tests where someone of one
 * coalition aims at another's records.
 */
export async function secondCoalition(
  h: ApiHarness,
): Promise<{ coalitionId: string; userWith(role: Role): Promise<string> }> {
  const at = h.clock.now.toISOString();
  const slug = `other-${randomUUID().slice(0, 8)}`;
  const coalitionId = await h.store.db
    .transaction()
    .execute((trx) => insertCoalition(trx, { name: `Other ${slug}`, slug, isDemo: false }, at));
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return {
    coalitionId,
    async userWith(role) {
      const email = `${role}-${randomUUID().slice(0, 8)}@${slug}.mosaic.test`;
      await h.store.db.transaction().execute(async (trx) => {
        const userId = await insertUser(
          trx,
          { email, displayName: `Other ${role}`, passwordHash },
          at,
        );
        await insertMembership(trx, { userId, coalitionId, role, organisationId: null }, at);
      });
      return cookieOf(await h.login(email, TEST_PASSWORD));
    },
  };
}
