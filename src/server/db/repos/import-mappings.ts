import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** One remembered choice: in `vocabulary`, the folded `source` spelling means `target`. */
export interface MappingRow {
  vocabulary: string;
  source: string;
  target: string;
}

/** The coalition's remembered choices in the given vocabularies. */
export async function mappingRows(
  db: Kysely<Database>,
  coalitionId: string,
  vocabularies: readonly string[],
): Promise<MappingRow[]> {
  if (vocabularies.length === 0) return [];
  return db
    .selectFrom('import_mappings')
    .select(['vocabulary', 'source', 'target'])
    .where('coalition_id', '=', coalitionId)
    .where('vocabulary', 'in', vocabularies)
    .execute();
}

/**
 * Saves choices (inserting new ones, replacing the target of ones already remembered), in
 * batches of 100 so a wide file stays under the backends' parameter limits. Called inside the
 * import's transaction so a refused import saves nothing.
 */
export async function upsertMappings(
  trx: Kysely<Database>,
  coalitionId: string,
  userId: string | null,
  rows: readonly MappingRow[],
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('import_mappings')
      .values(
        rows.slice(i, i + 100).map((r) => ({
          ...r,
          coalition_id: coalitionId,
          updated_by: userId,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['coalition_id', 'vocabulary', 'source']).doUpdateSet((eb) => ({
          target: eb.ref('excluded.target'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}
