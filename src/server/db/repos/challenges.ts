import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { ChallengeTable } from '../schema-atlas.ts';
import type { FormOfExploitation, Visibility } from '../../../domain/taxonomy/codes.ts';
import { lockAtlas } from './route-summaries.ts';
import { REPORTER_COLUMNS, reporterOf, type OrganisationRef } from './organisations.ts';
import { ofCoalition, touched } from './scoped.ts';

/** A challenge an organisation recorded, with its reporting organisation as the policy needs it. */
export interface ChallengeRecord {
  id: string;
  coalitionId: string;
  organisationId: string | null;
  organisation: OrganisationRef | null;
  text: string;
  placeId: string | null;
  form: FormOfExploitation | null;
  visibility: Visibility;
  createdAt: string;
}

export type ChallengeFields = Pick<
  ChallengeRecord,
  'organisationId' | 'text' | 'placeId' | 'form' | 'visibility'
>;

function select(db: Db) {
  return db
    .selectFrom('challenges as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select(REPORTER_COLUMNS);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const record = (r: Row): ChallengeRecord => ({
  id: r.id,
  coalitionId: r.coalition_id,
  organisationId: r.organisation_id,
  organisation: reporterOf(r),
  text: r.text,
  placeId: r.place_id,
  form: r.form,
  visibility: r.visibility,
  createdAt: r.created_at,
});

/** The coalition's newest challenges (at most `limit`), optionally of one form. */
export async function listChallenges(
  db: Db,
  coalitionId: string,
  form: FormOfExploitation | undefined,
  limit: number,
): Promise<ChallengeRecord[]> {
  let q = select(db).where('c.coalition_id', '=', coalitionId);
  if (form) q = q.where('c.form', '=', form);
  return (await q.orderBy('c.created_at', 'desc').limit(limit).execute()).map(record);
}

/** The coalition's public challenges as the public version digests them (by id, raw columns). */
export function publicChallengeRows(
  db: Db,
  coalitionId: string,
): Promise<
  { id: string; text: string; place_id: string | null; form: FormOfExploitation | null }[]
> {
  return db
    .selectFrom('challenges')
    .select(['id', 'text', 'place_id', 'form'])
    .where('coalition_id', '=', coalitionId)
    .where('visibility', '=', 'public')
    .orderBy('id')
    .execute();
}

/** Demo challenges with their fixed ids, written with the demo routes (no atlas lock: the seed's). */
export async function insertChallengeRows(
  trx: Transaction<Database>,
  rows: readonly Insertable<ChallengeTable>[],
): Promise<void> {
  if (rows.length) await trx.insertInto('challenges').values(rows).execute();
}

export async function findChallenge(db: Db, id: string): Promise<ChallengeRecord | undefined> {
  const row = await select(db).where('c.id', '=', id).executeTakeFirst();
  return row && record(row);
}

export async function insertChallenge(
  trx: Transaction<Database>,
  coalitionId: string,
  f: ChallengeFields,
  createdBy: string | null,
  at: string,
): Promise<string> {
  const id = randomUUID();
  await lockAtlas(trx, coalitionId);
  await trx
    .insertInto('challenges')
    .values({
      id,
      coalition_id: coalitionId,
      organisation_id: f.organisationId,
      text: f.text,
      place_id: f.placeId,
      form: f.form,
      visibility: f.visibility,
      created_by: createdBy,
      created_at: at,
    })
    .execute();
  return id;
}

/** Whether the coalition had that challenge (gone already: nothing changes). */
export async function deleteChallenge(
  trx: Transaction<Database>,
  coalitionId: string,
  id: string,
): Promise<boolean> {
  await lockAtlas(trx, coalitionId);
  const r = await ofCoalition(trx, 'challenges', coalitionId)
    .delete()
    .where('id', '=', id)
    .executeTakeFirst();
  return touched(r) > 0;
}
