/**
 * Every rule of docs/sync-spec.md is checked by at least one test named after it: a rule whose ID
 * appears in no test's name fails here, so a rule cannot be added (or a test renamed) silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The rule IDs in the spec's table: the first cell of each row (`| SYNC-5  | …`). */
export function ruleIds(spec: string): string[] {
  return [...spec.matchAll(/^\|\s*([A-Z]+-\d+)\s*\|/gm)].map((m) => m[1]!);
}

/** The names of tests and suites in a test file: the string given to it/test/describe. */
export function testNames(source: string): string[] {
  const call =
    /\b(?:it|test|describe)(?:\.\w+(?:\((?:[^()]|\([^()]*\))*\))?)*\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*)\1/g;
  return [...source.matchAll(call)].map((m) => m[2]!);
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('docs/sync-spec.md is covered by named tests', () => {
  const ids = ruleIds(fs.readFileSync(path.join(root, 'docs/sync-spec.md'), 'utf8'));
  const names = [...testFiles(path.join(root, 'src')), ...testFiles(path.join(root, 'test'))]
    .filter((f) => f !== import.meta.filename)
    .flatMap((f) => testNames(fs.readFileSync(f, 'utf8')));

  it('reads the rule IDs from the spec, and test names from the sources', () => {
    expect(ids).toContain('SYNC-1');
    expect(ids.filter((id) => id.startsWith('SYNC-')).length).toBeGreaterThanOrEqual(11);
    expect(
      testNames(
        "it('SYNC-3: one card', () => {}); it.runIf(x)(`SYNC-11: ${n} seeds`, f); describe.each(all())('HOST-1 on $name', f)",
      ),
    ).toEqual(['SYNC-3: one card', 'SYNC-11: ${n} seeds', 'HOST-1 on $name']);
  });

  it.each(ids)('some test is named after %s', (id) => {
    // SYNC-1 must not be satisfied by a test named after SYNC-10
    const named = new RegExp(`\\b${id}(?!\\d)`);
    expect(
      names.filter((n) => named.test(n)),
      `no test name contains ${id}`,
    ).not.toEqual([]);
  });
});
