import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Scope } from '../scopes.ts';
import type { Database } from '../schema.ts';
import type {
  CommitmentLinkTable,
  CommitmentTable,
  CommitmentUpdateTable,
} from '../schema-commitments.ts';
import { ofCoalition, touched } from './scoped.ts';

type DbOrTx = Kysely<Database>;

export type CommitmentRecord = CommitmentTable & {
  owner_name: string;
  second_name: string | null;
  /** The time zone of the commitment's event (its target date is a day there); null: none. */
  event_time_zone: string | null;
};

/** Who reads: the reader's coalition, organisation and the policy's read scopes for commitments. */
export interface CommitmentAudience {
  coalitionId: string;
  organisationId: string | null;
  scopes: Scope[];
}

export interface CommitmentFilter {
  eventId?: string | undefined;
  groupKey?: string | undefined;
  organisationId?: string | undefined;
  status?: CommitmentTable['status'] | undefined;
  /** Only planned and in-progress ones. */
  open?: boolean | undefined;
}

type Eb = ExpressionBuilder<Database, 'commitments'>;

/** The policy scopes as a WHERE clause (auth/policy.ts `readScopes`): a list never shows more. */
function audienceFilter(eb: Eb, a: CommitmentAudience): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  for (const scope of a.scopes) {
    if (scope === 'public') ors.push(eb('commitments.visibility', '=', 'public'));
    else if (scope === 'coalitionAll') ors.push(eb.lit(true));
    else if (scope === 'coalitionShared')
      ors.push(eb('commitments.visibility', '!=', 'organisation'));
    else if (scope === 'ownOrganisation' && a.organisationId !== null)
      ors.push(eb('commitments.owner_organisation_id', '=', a.organisationId));
  }
  return eb.and([
    eb('commitments.coalition_id', '=', a.coalitionId),
    ors.length ? eb.or(ors) : eb.lit(false),
  ]);
}

function filterOf(eb: Eb, f: CommitmentFilter): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [];
  if (f.eventId) conds.push(eb('commitments.event_id', '=', f.eventId));
  if (f.groupKey) conds.push(eb('commitments.group_key', '=', f.groupKey));
  if (f.organisationId)
    conds.push(
      eb.or([
        eb('commitments.owner_organisation_id', '=', f.organisationId),
        eb('commitments.second_organisation_id', '=', f.organisationId),
      ]),
    );
  if (f.status) conds.push(eb('commitments.status', '=', f.status));
  if (f.open) conds.push(eb('commitments.status', 'in', ['planned', 'in_progress']));
  return eb.and(conds);
}

function base(db: DbOrTx) {
  return db
    .selectFrom('commitments')
    .innerJoin('organisations as owner', 'owner.id', 'commitments.owner_organisation_id')
    .leftJoin('organisations as second', 'second.id', 'commitments.second_organisation_id')
    .leftJoin('events as event', 'event.id', 'commitments.event_id')
    .selectAll('commitments')
    .select([
      'owner.name as owner_name',
      'second.name as second_name',
      'event.time_zone as event_time_zone',
    ]);
}

/** Commitments the audience may read, soonest target first. */
export function listCommitments(
  db: DbOrTx,
  a: CommitmentAudience,
  f: CommitmentFilter,
): Promise<CommitmentRecord[]> {
  return base(db)
    .where((eb) => eb.and([audienceFilter(eb, a), filterOf(eb, f)]))
    .orderBy('commitments.target_date')
    .orderBy('commitments.created_at')
    .orderBy('commitments.id')
    .execute();
}

/** One commitment by id, whatever its coalition (the caller decides with `can`). */
export function findCommitment(db: DbOrTx, id: string): Promise<CommitmentRecord | undefined> {
  return base(db).where('commitments.id', '=', id).executeTakeFirst();
}

export async function insertCommitment(trx: DbOrTx, row: CommitmentTable): Promise<void> {
  await trx.insertInto('commitments').values(row).execute();
}

export async function updateCommitment(
  trx: DbOrTx,
  coalitionId: string,
  id: string,
  change: Partial<Omit<CommitmentTable, 'id' | 'coalition_id' | 'created_at' | 'created_by'>>,
): Promise<number> {
  return touched(
    await ofCoalition(trx, 'commitments', coalitionId)
      .update()
      .set(change)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
}

/** Removes a commitment of the coalition with its updates and links; 0 when there is none. */
export async function deleteCommitment(
  trx: DbOrTx,
  coalitionId: string,
  id: string,
): Promise<number> {
  await ofCoalition(trx, 'commitment_links', coalitionId)
    .delete()
    .where('commitment_id', '=', id)
    .execute();
  await ofCoalition(trx, 'commitment_updates', coalitionId)
    .delete()
    .where('commitment_id', '=', id)
    .execute();
  return touched(
    await ofCoalition(trx, 'commitments', coalitionId)
      .delete()
      .where('id', '=', id)
      .executeTakeFirst(),
  );
}

export async function insertUpdate(trx: DbOrTx, row: CommitmentUpdateTable): Promise<void> {
  await trx.insertInto('commitment_updates').values(row).execute();
}

/** Adds links; one already there (same kind and ref) is left as it is. */
export async function insertLinks(trx: DbOrTx, rows: CommitmentLinkTable[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('commitment_links')
    .values(rows)
    .onConflict((oc) => oc.columns(['commitment_id', 'kind', 'ref']).doNothing())
    .execute();
}

/** The links of these commitments of a coalition, sources first, then in the order made. */
export async function linksOf(
  db: DbOrTx,
  coalitionId: string,
  ids: readonly string[],
): Promise<CommitmentLinkTable[]> {
  if (ids.length === 0) return [];
  const out: CommitmentLinkTable[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('commitment_links')
        .selectAll()
        .where('coalition_id', '=', coalitionId)
        .where('commitment_id', 'in', ids.slice(i, i + 500))
        .orderBy('commitment_id')
        .orderBy('source', 'desc')
        .orderBy('created_at')
        .orderBy('kind')
        .orderBy('ref')
        .execute()),
    );
  return out;
}

/** A commitment's status updates, oldest first. */
export function updatesOf(
  db: DbOrTx,
  coalitionId: string,
  id: string,
): Promise<CommitmentUpdateTable[]> {
  return db
    .selectFrom('commitment_updates')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('commitment_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Display names of users (timeline: who made a commitment). */
export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Where the digest goes for an organisation of the coalition: its public contact when that is an
 * email address, else the emails of its members (suspended memberships left out).
 */
export async function organisationContacts(
  db: DbOrTx,
  coalitionId: string,
  organisationId: string,
): Promise<string[]> {
  const org = await db
    .selectFrom('organisations')
    .select('public_contact')
    .where('id', '=', organisationId)
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
  const contact = org?.public_contact?.trim() ?? '';
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(contact)) return [contact.toLowerCase()];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.coalition_id', '=', coalitionId)
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.suspended_at', 'is', null)
    .where('memberships.role', 'in', ['member', 'coordinator', 'admin'])
    .orderBy('users.email')
    .execute();
  return rows.map((r) => r.email);
}
