import { OrganisationCreate } from '../../contract/organisations.ts';
import type { Db } from '../db/index.ts';
import {
  countCoalitions,
  findCoalitionBySlug,
  insertCoalition,
  insertMembership,
  insertUser,
} from '../db/repos/accounts.ts';
import { insertOrganisation } from '../db/repos/organisations.ts';
import { hashPassword } from '../auth/passwords.ts';
import { fieldsOf } from '../api/organisations/service.ts';
import { DEMO_ORGANISATIONS } from './demo-data.ts';
import { seedDemoEvent } from './demo-event.ts';
import { seedDemoRoutes } from './demo-routes.ts';
import { seedDemoPatterns } from './demo-patterns.ts';
import { seedDemoCommitments } from './demo-commitments.ts';
import { seedDemoLearnings } from './demo-learnings.ts';
import { DEMO_LOGIN, DEMO_SLUG } from '../demo-login.ts';

export { DEMO_LOGIN, DEMO_SLUG };

export interface SeedResult {
  created: boolean;
  organisations: number;
}

/**
 * A demo organisation's contact: a made-up address under example.org (reserved for examples, never
 * delivered), so a coordinator trying the demo sees follow-up digests addressed to every owner.
 */
export function demoContact(name: string): string {
  const slug = name
    .replace(/\(demo\)/i, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `follow-up@${slug}.example.org`;
}

/**
 * Seeds the fictional demo coalition with its admin and organisations, in one transaction.
 * Idempotent: does nothing if the demo coalition exists.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<SeedResult> {
  if (await findCoalitionBySlug(db, DEMO_SLUG)) return { created: false, organisations: 0 };
  // Validated through the same schema as the API, so the demo can never hold what a user could not enter.
  const orgs = DEMO_ORGANISATIONS.map((o) =>
    OrganisationCreate.parse({ ...o, publicContact: o.publicContact ?? demoContact(o.name) }),
  );
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const at = now.toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const coalitionId = await insertCoalition(
      trx,
      { name: 'Demo Coalition — fictional data', slug: DEMO_SLUG, isDemo: true },
      at,
    );
    for (const o of orgs) await insertOrganisation(trx, coalitionId, fieldsOf(o), at);
    const userId = await insertUser(
      trx,
      { email: DEMO_LOGIN.email, displayName: 'Demo Admin', passwordHash },
      at,
    );
    await insertMembership(trx, { userId, coalitionId, role: 'admin', organisationId: null }, at);
    return { userId, coalitionId };
  });
  const admin = { kind: 'user', ...ids, role: 'admin', organisationId: null } as const;
  const eventId = await seedDemoEvent({ db, now: () => now }, admin);
  await seedDemoPatterns(db, ids.coalitionId, eventId, now);
  await seedDemoLearnings(db, ids.coalitionId, eventId, now);
  await seedDemoCommitments(db, ids.coalitionId, eventId, ids.userId, now);
  await seedDemoRoutes(db, ids.coalitionId, now);
  return { created: true, organisations: orgs.length };
}

export async function isEmpty(db: Db): Promise<boolean> {
  return (await countCoalitions(db)) === 0;
}
