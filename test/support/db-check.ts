import { sql } from 'kysely';
import { openDb } from '../../src/server/db/index.ts';
import type { DbTarget } from './server-process.ts';
import type { Acked } from './write-stream.ts';

/**
 * What must hold of a Mosaic database after a crash or a restore, as a list of problems (empty when
 * sound): SQLite's own integrity and foreign-key checks; every acknowledged write present; the atlas
 * summary tables equal to fresh counts of the routes (they are kept in step inside each route write's
 * transaction, so a torn write would show here first).
 */
export async function checkDatabase(target: DbTarget, acked: Acked): Promise<string[]> {
  const { db, backend } = openDb(
    'databaseUrl' in target ? { ...target, dataDir: '' } : { dataDir: target.dataDir },
  );
  const problems: string[] = [];
  try {
    if (backend === 'sqlite') {
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
      const verdict = integrity.rows.map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`);
      const fk = await sql`PRAGMA foreign_key_check`.execute(db);
      if (fk.rows.length) problems.push(`foreign_key_check: ${fk.rows.length} rows`);
    }
    const missing = async (table: 'organisations' | 'routes', ids: string[]) => {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom(table)
          .select('id')
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) found.add(r.id);
      }
      return ids.filter((id) => !found.has(id));
    };
    for (const table of ['organisations', 'routes'] as const) {
      const lost = await missing(table, acked[table]);
      if (lost.length) problems.push(`${lost.length} acknowledged ${table} missing: ${lost[0]}…`);
    }
    const intents = new Set<string>();
    for (let i = 0; i < acked.intents.length; i += 500) {
      const rows = await db
        .selectFrom('live_intents')
        .select('intent_id')
        .where('intent_id', 'in', acked.intents.slice(i, i + 500))
        .execute();
      for (const r of rows) intents.add(r.intent_id);
    }
    const lostIntents = acked.intents.filter((id) => !intents.has(id));
    if (lostIntents.length)
      problems.push(`${lostIntents.length} acknowledged live intents missing: ${lostIntents[0]}…`);
    // Fresh counts of routes per coalition and visibility against the country-level summary rows
    // of all forms ('*'): each route adds exactly 1 to its own bucket and to the '*' bucket.
    const fresh = await db
      .selectFrom('routes')
      .select(['coalition_id', 'visibility', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['coalition_id', 'visibility'])
      .execute();
    const summed = await db
      .selectFrom('atlas_flow_counts')
      .select(['coalition_id', 'visibility', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('level', '=', 'country')
      .where('form', '=', '*')
      .groupBy(['coalition_id', 'visibility'])
      .execute();
    const key = (c: string, v: string) => `${c}|${v}`;
    const expected = new Map<string, number>();
    for (const r of fresh) {
      expected.set(key(r.coalition_id, r.visibility), Number(r.n));
      const all = key(r.coalition_id, '*');
      expected.set(all, (expected.get(all) ?? 0) + Number(r.n));
    }
    const actual = new Map(summed.map((r) => [key(r.coalition_id, r.visibility), Number(r.n)]));
    for (const k of new Set([...expected.keys(), ...actual.keys()]))
      if ((expected.get(k) ?? 0) !== (actual.get(k) ?? 0))
        problems.push(
          `atlas summary ${k}: ${actual.get(k) ?? 0} counted, ${expected.get(k) ?? 0} routes`,
        );
  } finally {
    await db.destroy();
  }
  return problems;
}
