/**
 * Issue 11, point 5: SQL lives in the repositories (src/server/db/repos) and migrations. This
 * fails when a query-builder call or a `sql` template appears anywhere else in src/server — and
 * when a file listed below as still having some no longer does (take it off the list).
 *
 * Done: every query of src/server is in a repository; STILL_OUTSIDE keeps only the change bus's
 * NOTIFY. The list may only shrink.
 */
import { describe, expect, it } from 'vitest';
import { sqlIn, sqlOutsideRepos } from '../../scripts/sql-outside-repos.ts';

/**
 * File → how many query-builder calls or `sql` templates it still has (at most). Only the change
 * bus's `pg_notify`: the bus's own transport, not a record's query (see the comment there).
 */
const STILL_OUTSIDE: Record<string, number> = {
  'src/server/bus/bus.ts': 1,
};

describe('SQL outside the repositories', () => {
  it('finds builder calls and sql templates, and nothing else', () => {
    const src = [
      "await db.selectFrom('cards').selectAll().execute();",
      "await trx.insertInto('cards').values(row).execute();",
      'await sql`select 1`.execute(db);',
      "const s = 'selectFrom';",
      'const t = html`<p></p>`;',
    ].join('\n');
    expect(sqlIn('x.ts', src).map((s) => [s.line, s.what])).toEqual([
      [1, 'selectFrom'],
      [2, 'insertInto'],
      [3, 'sql`…`'],
    ]);
  });

  it('has none outside src/server/db/repos and migrations beyond the files still listed', () => {
    const byFile = new Map<string, number>();
    for (const s of sqlOutsideRepos()) byFile.set(s.file, (byFile.get(s.file) ?? 0) + 1);
    const over = [...byFile]
      .filter(([f, n]) => n > (STILL_OUTSIDE[f] ?? 0))
      .map(([f, n]) => `${f}: ${n}`);
    expect(over).toEqual([]);
    const gone = Object.keys(STILL_OUTSIDE).filter((f) => !byFile.has(f));
    expect(gone).toEqual([]);
  });
});
