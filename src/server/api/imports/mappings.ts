import type { Kysely, Transaction } from 'kysely';
import { fold } from '../../../domain/import/fold.ts';
import type { Database } from '../../db/schema.ts';
import { mappingRows, upsertMappings, type MappingRow } from '../../db/repos/import-mappings.ts';
import { audit } from '../../db/repos/accounts.ts';

/**
 * Mappings a coalition has chosen in earlier imports, and saving the ones an import used. Only
 * a committed import saves: a dry run, or a refused import, changes nothing.
 */
export interface Remembered {
  columns: Map<string, string | null>;
  values: Map<string, Map<string, string>>;
}

export const columnVocabulary = (what: string) => `column:${what}`;

export async function loadMappings(
  db: Kysely<Database>,
  coalitionId: string,
  what: string,
  vocabularies: readonly string[],
): Promise<Remembered> {
  const columnsKey = columnVocabulary(what);
  const rows = await mappingRows(db, coalitionId, [columnsKey, ...vocabularies]);
  const out: Remembered = { columns: new Map(), values: new Map() };
  for (const r of rows) {
    if (r.vocabulary === columnsKey) out.columns.set(r.source, r.target === '' ? null : r.target);
    else {
      let m = out.values.get(r.vocabulary);
      if (!m) out.values.set(r.vocabulary, (m = new Map()));
      m.set(r.source, r.target);
    }
  }
  return out;
}

/** Request choices → the maps the domain reads (keys folded, so any spelling finds them). */
export function choiceMaps(choices: {
  columns: Record<string, string | null>;
  values: Record<string, Record<string, string>>;
}): Remembered {
  const columns = new Map<string, string | null>();
  for (const [h, f] of Object.entries(choices.columns)) {
    columns.set(h, f);
    if (!columns.has(fold(h))) columns.set(fold(h), f);
  }
  const values = new Map<string, Map<string, string>>();
  for (const [vocab, m] of Object.entries(choices.values))
    values.set(vocab, new Map(Object.entries(m).map(([v, k]) => [fold(v), k])));
  return { columns, values };
}

export async function saveMappings(
  trx: Transaction<Database>,
  coalitionId: string,
  userId: string | null,
  what: string,
  chosen: Remembered,
  now: string,
): Promise<void> {
  const rows: MappingRow[] = [];
  const seen = new Set<string>();
  const add = (vocabulary: string, source: string, target: string) => {
    const k = `${vocabulary}\u0000${source}`;
    if (!source || seen.has(k)) return;
    seen.add(k);
    rows.push({ vocabulary, source, target });
  };
  for (const [h, f] of chosen.columns) add(columnVocabulary(what), fold(h), f ?? '');
  for (const [vocab, m] of chosen.values) for (const [v, k] of m) add(vocab, v, k);
  await upsertMappings(trx, coalitionId, userId, rows, now);
}

/**
 * What every committed import records in its transaction: the choices it used, remembered for the
 * coalition, and one audit record (who imported what; not the rows).
 */
export async function recordImport(
  trx: Transaction<Database>,
  actor: { coalitionId: string; userId: string },
  what: string,
  chosen: Remembered,
  now: string,
  recordId: string | null,
): Promise<void> {
  // The command line imports as the coalition's administrator, with no user ('').
  const userId = actor.userId || null;
  await saveMappings(trx, actor.coalitionId, userId, what, chosen, now);
  await audit(
    trx,
    {
      coalitionId: actor.coalitionId,
      userId,
      action: 'import',
      resource: what,
      recordId,
    },
    now,
  );
}
