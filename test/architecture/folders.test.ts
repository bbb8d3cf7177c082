/**
 * Issue 11, point 5: no import cycle between folders, anywhere in src (api ↔ live was one), and
 * docs/architecture.md says which folder of src/server imports which, as the sources do.
 */
import { describe, expect, it } from 'vitest';
import {
  cycles,
  documentedTable,
  entryGraph,
  fileImports,
  folderCycles,
  serverTable,
  type FileImport,
} from '../../scripts/folder-graph.ts';

const edges = fileImports();

describe('imports between folders of src', () => {
  it('reads the imports of the sources (sanity: known edges are found)', () => {
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    expect(has('src/server/app.ts', 'src/server/live/hub.ts')).toBe(true);
    // `import type` counts too: a type-only import still ties one folder to the other.
    expect(has('src/server/live/hub.ts', 'src/server/bus/bus.ts')).toBe(true);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('finds a cycle between folders, and ignores one among the files of one folder', () => {
    const fake: FileImport[] = [
      { from: 'src/x/api/a.ts', to: 'src/x/live/b.ts' },
      { from: 'src/x/live/c.ts', to: 'src/x/api/d.ts' },
      { from: 'src/y/one.ts', to: 'src/y/two.ts' },
      { from: 'src/y/two.ts', to: 'src/y/one.ts' },
      // a cycle through a file at the folder's root is still a folder cycle
      { from: 'src/z/app.ts', to: 'src/z/api/r.ts' },
      { from: 'src/z/api/r.ts', to: 'src/z/app.ts' },
    ];
    const found = folderCycles(fake);
    expect(found.map((c) => [c.folder, c.entries])).toEqual([
      ['src/x', ['api/', 'live/']],
      ['src/z', ['api/', 'app.ts']],
    ]);
    expect(found[0]!.because).toHaveLength(2);
    expect(cycles(entryGraph(fake, 'src/y'))).toEqual([['one.ts', 'two.ts']]);
  });

  it('has no cycle between folders at any level of src', () => {
    const found = folderCycles(edges).map(
      (c) =>
        `${c.folder}: ${c.entries.join(' ↔ ')} (${c.because.map((e) => `${e.from} → ${e.to}`).join('; ')})`,
    );
    expect(found).toEqual([]);
  });

  it('api imports nothing of live: what both use (card presentation: events/present.ts) is neutral', () => {
    const apiToLive = edges
      .filter((e) => e.from.startsWith('src/server/api/') && e.to.startsWith('src/server/live/'))
      .map((e) => `${e.from} → ${e.to}`);
    expect(apiToLive).toEqual([]);
  });

  it('docs/architecture.md lists the folders of src/server and what each imports, as the sources do', () => {
    // When this fails after a change of imports: npm run docs:folders, and read the diff.
    expect(documentedTable()).toBe(serverTable(edges));
  });
});
