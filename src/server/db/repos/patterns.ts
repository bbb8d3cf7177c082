import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Scope } from '../scopes.ts';
import type { Database } from '../schema.ts';
import type { ExperiencePatternTable } from '../schema-patterns.ts';
import { ofCoalition, touched } from './scoped.ts';

type DbOrTx = Kysely<Database>;

export type PatternRecord = ExperiencePatternTable & {
  organisation_name: string | null;
  organisation_visibility: ExperiencePatternTable['visibility'] | null;
};

/** Who reads: the reader's coalition, organisation and the policy's read scopes for patterns. */
export interface PatternAudience {
  coalitionId: string;
  organisationId: string | null;
  scopes: Scope[];
}

export interface PatternFilter {
  eventId?: string | undefined;
  issueKey?: string | undefined;
  form?: ExperiencePatternTable['form'] | undefined;
}

type Eb = ExpressionBuilder<Database, 'experience_patterns'>;

/** The policy scopes as a WHERE clause (auth/policy.ts `readScopes`): a list never shows more. */
function audienceFilter(eb: Eb, a: PatternAudience): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  for (const scope of a.scopes) {
    if (scope === 'public') ors.push(eb('experience_patterns.visibility', '=', 'public'));
    else if (scope === 'coalitionAll') ors.push(eb.lit(true));
    else if (scope === 'coalitionShared')
      ors.push(eb('experience_patterns.visibility', '!=', 'organisation'));
    else if (scope === 'ownOrganisation' && a.organisationId !== null)
      ors.push(eb('experience_patterns.organisation_id', '=', a.organisationId));
  }
  return eb.and([
    eb('experience_patterns.coalition_id', '=', a.coalitionId),
    ors.length ? eb.or(ors) : eb.lit(false),
  ]);
}

function filterOf(eb: Eb, f: PatternFilter): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [];
  if (f.eventId) conds.push(eb('experience_patterns.event_id', '=', f.eventId));
  if (f.issueKey) conds.push(eb('experience_patterns.issue_key', '=', f.issueKey));
  if (f.form) conds.push(eb('experience_patterns.form', '=', f.form));
  return eb.and(conds);
}

function base(db: DbOrTx) {
  return db
    .selectFrom('experience_patterns')
    .leftJoin('organisations', 'organisations.id', 'experience_patterns.organisation_id')
    .selectAll('experience_patterns')
    .select([
      'organisations.name as organisation_name',
      'organisations.visibility as organisation_visibility',
    ]);
}

/** Patterns the audience may read, newest first (every one: the caller pages after classifying). */
export function listPatterns(
  db: DbOrTx,
  a: PatternAudience,
  f: PatternFilter,
): Promise<PatternRecord[]> {
  return base(db)
    .where((eb) => eb.and([audienceFilter(eb, a), filterOf(eb, f)]))
    .orderBy('experience_patterns.created_at', 'desc')
    .orderBy('experience_patterns.id')
    .execute();
}

/** One pattern by id, whatever its coalition (the caller decides with `can`). */
export function findPattern(db: DbOrTx, id: string): Promise<PatternRecord | undefined> {
  return base(db).where('experience_patterns.id', '=', id).executeTakeFirst();
}

export async function insertPatterns(trx: DbOrTx, rows: ExperiencePatternTable[]): Promise<void> {
  if (rows.length === 0) return;
  // SQLite binds at most 32,766 variables per statement; 21 columns a row.
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('experience_patterns')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Removes a pattern of the coalition; 0 when there is none with that id there. */
export async function deletePattern(trx: DbOrTx, coalitionId: string, id: string): Promise<number> {
  return touched(
    await ofCoalition(trx, 'experience_patterns', coalitionId)
      .delete()
      .where('id', '=', id)
      .executeTakeFirst(),
  );
}
