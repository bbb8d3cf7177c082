import type { User } from '../server/api/imports/entities.ts';
import type { Db } from '../server/db/index.ts';
import { readerCoalition } from '../server/db/repos/accounts.ts';
import { CliError } from './errors.ts';

/**
 * The coalition a command works on (`--coalition slug`, or the first one made), and the actor the
 * command acts as: its administrator, with no user (audit rows carry userId '' → null).
 */
export async function commandCoalition(
  db: Db,
  slug: string | undefined,
): Promise<{ coalition: { id: string; slug: string }; admin: User }> {
  const coalition = await readerCoalition(db, { kind: 'anonymous' }, slug);
  if (!coalition)
    throw new CliError(
      slug ? `--coalition: no coalition "${slug}"` : 'the database has no coalition yet',
    );
  return {
    coalition,
    admin: {
      kind: 'user',
      userId: '',
      coalitionId: coalition.id,
      role: 'admin',
      organisationId: null,
    },
  };
}
