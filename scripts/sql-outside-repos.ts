/**
 * Query-builder calls (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, `replaceInto`,
 * `mergeInto`) and `sql` tagged templates in src/server outside the repositories
 * (src/server/db/repos) and migrations (src/server/db/migrations), tests left out. Issue 11,
 * point 5: SQL lives in the repositories.
 *
 *   node --import tsx scripts/sql-outside-repos.ts     prints each one
 *
 * test/architecture/sql-in-repos.test.ts fails on one in a file not yet listed there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILDERS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);
const ALLOWED = ['src/server/db/repos/', 'src/server/db/migrations/'];

export interface SqlSite {
  file: string;
  line: number;
  what: string;
}

/** The query-builder calls and `sql` templates in one source text. */
export function sqlIn(file: string, source: string): SqlSite[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: SqlSite[] = [];
  const at = (node: ts.Node, what: string) =>
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      BUILDERS.has(node.expression.name.text)
    )
      at(node, node.expression.name.text);
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag;
      const name = ts.isIdentifier(tag)
        ? tag.text
        : ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression)
          ? tag.expression.text
          : '';
      if (name === 'sql') at(node, 'sql`…`');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Every query-builder call or `sql` template of src/server outside repositories and migrations. */
export function sqlOutsideRepos(): SqlSite[] {
  return files(join(ROOT, 'src/server'))
    .map((p) => relative(ROOT, p).split(sep).join('/'))
    .filter((f) => !ALLOWED.some((a) => f.startsWith(a)))
    .flatMap((f) => sqlIn(f, readFileSync(join(ROOT, f), 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sites = sqlOutsideRepos();
  for (const s of sites) console.log(`${s.file}:${s.line}  ${s.what}`);
  console.log(`${sites.length} query builder calls or sql templates outside src/server/db/repos`);
}
