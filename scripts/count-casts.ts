/**
 * Type assertions (`x as T`, `<T>x`) in the server's sources, tests left out; `as const` does not
 * count (it asserts nothing about a value's type). Issue 11: enum and JSON columns are declared
 * with their types and parsed once in the repositories, so callers need no casts.
 *
 *   node --import tsx scripts/count-casts.ts            prints the count and each cast
 *   npm run -s count:casts
 *
 * test/architecture/casts.test.ts fails when the count rises above the figure it names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One type assertion: where it is and what it asserts. */
export interface Cast {
  file: string;
  line: number;
  text: string;
  /** A comment on its line or in the four lines above says why it is there. */
  explained: boolean;
}

function serverFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...serverFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

const isConst = (type: ts.TypeNode) =>
  ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'const';

/** The type assertions in one source text (`as const` left out). */
export function castsIn(file: string, source: string): Cast[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: Cast[] = [];
  const lines = source.split('\n');
  const commented = (line: number) =>
    lines.slice(Math.max(0, line - 4), line + 1).some((l) => /\/\/|\*\//.test(l));
  const visit = (node: ts.Node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConst(node.type)) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      out.push({
        file,
        line: line + 1,
        text: `as ${node.type.getText(sf)}`,
        explained: commented(line),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every type assertion in src/server outside tests. */
export function serverCasts(): Cast[] {
  return serverFiles(join(ROOT, 'src/server')).flatMap((path) =>
    castsIn(relative(ROOT, path).split(sep).join('/'), readFileSync(path, 'utf8')),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const casts = serverCasts();
  for (const c of casts)
    console.log(`${c.file}:${c.line}  ${c.text}${c.explained ? '' : '  (no comment says why)'}`);
  console.log(`${casts.length} type assertions in src/server (tests and \`as const\` left out)`);
}
