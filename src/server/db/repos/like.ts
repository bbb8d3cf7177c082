import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/**
 * "Contains this text", case-insensitively, for a user's search: `%` and `_` in what they typed
 * are matched literally. Escaping needs the ESCAPE clause: SQLite has no default escape character
 * (without it `\%` means "a backslash, then anything"); PostgreSQL's default is the same backslash.
 * Every LIKE on user input goes through here.
 */
export function containsText(column: Expression<string | null>, q: string): RawBuilder<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
}
