import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'mosaic-factors-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function mosaic(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: process.cwd() },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('mosaic factors suggest', () => {
  it('prints one element per input row, in order, with the line, up to three suggestions and matched words', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      '\uFEFFid,text,kind,level,other\r\n' +
        '1,"borrowed from loan shark, to pay agent",cause,individual,x\r\n\r\n' +
        '2,"bị đánh đập\r\ntrên tàu",consequence,individual,y\r\n' +
        '3,ไม่กล้าไปแจ้งตำรวจ,consequence,,z\r\n',
    );
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'text,kind,level\nok,cause,family\nnot ok,effect,family\n');
    const [ok, fail] = await Promise.all([
      mosaic(['factors', 'suggest', '--in', good, '--format', 'json']),
      mosaic(['factors', 'suggest', '--in', bad, '--format', 'json']),
    ]);
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout) as {
      line: number;
      suggestions: { factor: string; score: number; matched: string[] }[];
    }[];
    expect(out.map((o) => o.line)).toEqual([2, 4, 6]);
    expect(out.map((o) => o.suggestions[0]?.factor)).toEqual([
      'push.debt',
      'harm.physical',
      'harm.mistrust',
    ]);
    for (const o of out) {
      expect(o.suggestions.length).toBeGreaterThan(0);
      expect(o.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of o.suggestions) {
        expect(typeof s.score).toBe('number');
        expect(s.matched.length).toBeGreaterThan(0);
      }
    }
    expect(fail.code).not.toBe(0);
    expect(fail.stdout).toBe('');
    expect(fail.stderr).toMatch(/line 3, column kind: "effect" is not cause or consequence/);
    expect(fail.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('reads files without a level column, and still needs text and kind', async () => {
    const noLevel = join(dir, 'no-level.csv');
    writeFileSync(
      noLevel,
      'kind,text\r\ncause,borrowed from loan shark\r\nconsequence,"beaten, injured"\r\n',
    );
    const noKind = join(dir, 'no-kind.csv');
    writeFileSync(noKind, 'text,level\nborrowed money,family\n');
    const [ok, fail] = await Promise.all([
      mosaic(['factors', 'suggest', '--in', noLevel, '--format', 'json']),
      mosaic(['factors', 'suggest', '--in', noKind, '--format', 'json']),
    ]);
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout) as { line: number; suggestions: { factor: string }[] }[];
    expect(out.map((o) => [o.line, o.suggestions[0]?.factor])).toEqual([
      [2, 'push.debt'],
      [3, 'harm.physical'],
    ]);
    expect(fail.code).not.toBe(0);
    expect(fail.stderr).toMatch(/line 1: the header needs the column "kind"/);
  });

  it('takes kinds in any case or empty, upper-case headers, extra columns and a UTF-16 file; refuses an unknown kind by line', async () => {
    const messy = join(dir, 'messy.csv');
    const text =
      'NOTE,KIND,Text\r\nx,Cause,"owes broker, 40k"\r\n\r\ny,CONSEQUENCE,"beaten\r\ninjured"\r\nz,,flood wiped out farm\r\n';
    writeFileSync(messy, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const unknown = join(dir, 'unknown-kind.csv');
    writeFileSync(unknown, 'text,kind\nflood,cause\n\ndebt,Push\n');
    const [ok, fail] = await Promise.all([
      mosaic(['factors', 'suggest', '--in', messy, '--format', 'JSON']),
      mosaic(['factors', 'suggest', '--in', unknown, '--format', 'json']),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout) as { line: number; suggestions: { factor: string }[] }[];
    expect(out.map((o) => [o.line, o.suggestions[0]?.factor])).toEqual([
      [2, 'push.debt'],
      [4, 'harm.physical'],
      [6, 'push.disaster'],
    ]);
    expect(fail.code).not.toBe(0);
    expect(fail.stdout).toBe('');
    expect(fail.stderr).toMatch(/line 4, column kind: "Push" is not cause or consequence/);
  });
});
