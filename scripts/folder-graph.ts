/**
 * The import graph of `src` between folders, from the TypeScript sources themselves.
 *
 * At every level of the tree, the entries of a folder (its sub-folders, and its files each on its
 * own) must import each other without a cycle that goes through a sub-folder: `server/api` may
 * import `server/live` or the reverse, never both. Cycles among plain files of one folder are a
 * file-level matter and are not looked at here.
 *
 *   node --import tsx scripts/folder-graph.ts           prints the src/server table
 *   node --import tsx scripts/folder-graph.ts --write   writes it into docs/architecture.md
 *
 * test/architecture/folders.test.ts fails on a folder cycle and when the table in
 * docs/architecture.md is not the one the sources give.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|tsx|js|mjs)$/;

/** One import between two source files, paths relative to the repository, with `/`. */
export interface FileImport {
  from: string;
  to: string;
}

const posix = (p: string) => p.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined; // a package, not our code
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** Every relative import (static, type-only, dynamic, re-export) between files under `dir`. */
export function fileImports(dir = join(ROOT, 'src')): FileImport[] {
  const edges: FileImport[] = [];
  for (const file of sourceFiles(dir)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      const target = resolveImport(file, ref.fileName);
      if (target && target.startsWith(dir + sep))
        edges.push({ from: posix(relative(ROOT, file)), to: posix(relative(ROOT, target)) });
    }
  }
  return edges;
}

/** The entry of `folder` (a sub-folder, or a file directly in it) that `path` lies in. */
function entryOf(folder: string, path: string): string | undefined {
  if (!path.startsWith(`${folder}/`)) return undefined;
  const rest = path.slice(folder.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : `${rest.slice(0, slash)}/`;
}

/**
 * The graph between the entries of `folder`: `api/` → `live/` when a file under api imports a file
 * under live. Sub-folders end in `/`; files directly in the folder are their own entries. Each
 * edge keeps one import that makes it, to say where a cycle comes from.
 */
export function entryGraph(
  edges: FileImport[],
  folder: string,
): Map<string, Map<string, FileImport>> {
  const graph = new Map<string, Map<string, FileImport>>();
  for (const e of edges) {
    const a = entryOf(folder, e.from);
    const b = entryOf(folder, e.to);
    if (!a || !b || a === b) continue;
    let out = graph.get(a);
    if (!out) graph.set(a, (out = new Map()));
    if (!out.has(b)) out.set(b, e);
  }
  return graph;
}

/** Strongly connected components with more than one entry (Tarjan). */
export function cycles(graph: Map<string, Map<string, unknown>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const nodes = new Set<string>();
  for (const [a, out] of graph) {
    nodes.add(a);
    for (const b of out.keys()) nodes.add(b);
  }
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!idx.has(v)) visit(v);
  return found;
}

export interface FolderCycle {
  /** The folder whose entries import each other in a circle. */
  folder: string;
  entries: string[];
  /** One import for each edge between the entries of the cycle. */
  because: FileImport[];
}

/** Every folder-level cycle in `src`, at every level of the tree. */
export function folderCycles(edges = fileImports()): FolderCycle[] {
  const folders = new Set<string>();
  for (const e of edges)
    for (const path of [e.from, e.to]) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
  const out: FolderCycle[] = [];
  for (const folder of [...folders].sort()) {
    const graph = entryGraph(edges, folder);
    for (const scc of cycles(graph)) {
      if (!scc.some((entry) => entry.endsWith('/'))) continue; // files of one folder only
      const because = scc.flatMap((a) =>
        [...(graph.get(a) ?? [])].filter(([b]) => scc.includes(b)).map(([, e]) => e),
      );
      out.push({ folder, entries: scc, because });
    }
  }
  return out;
}

export const TABLE_START = '<!-- folder-graph:start (npm run docs:folders writes this) -->';
export const TABLE_END = '<!-- folder-graph:end -->';

/** The table of docs/architecture.md: which folder of src/server imports which. */
export function serverTable(edges = fileImports()): string {
  const graph = entryGraph(edges, 'src/server');
  const folders = [
    ...new Set(edges.map((e) => entryOf('src/server', e.from)).filter((x) => x?.endsWith('/'))),
  ].sort() as string[];
  const rows = folders.map((f) => {
    const targets = [...(graph.get(f)?.keys() ?? [])].sort();
    return `- \`${f}\` → ${targets.map((t) => `\`${t}\``).join(', ') || 'nothing'}`;
  });
  return [TABLE_START, '', ...rows, '', TABLE_END].join('\n');
}

export const ARCHITECTURE = join(ROOT, 'docs', 'architecture.md');

/** The table as docs/architecture.md has it now, or undefined when the markers are missing. */
export function documentedTable(text = readFileSync(ARCHITECTURE, 'utf8')): string | undefined {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  return start < 0 || end < start ? undefined : text.slice(start, end + TABLE_END.length);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const table = serverTable();
  if (process.argv.includes('--write')) {
    const text = readFileSync(ARCHITECTURE, 'utf8');
    const old = documentedTable(text);
    if (!old) throw new Error(`docs/architecture.md has no ${TABLE_START} … ${TABLE_END} block`);
    writeFileSync(ARCHITECTURE, text.replace(old, table));
    console.log('docs/architecture.md: folder table written');
  } else console.log(table);
  for (const c of folderCycles()) console.error(`cycle in ${c.folder}: ${c.entries.join(' ↔ ')}`);
}
