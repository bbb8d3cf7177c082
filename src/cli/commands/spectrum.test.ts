import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePattern } from './spectrum.ts';

const dir = mkdtempSync(join(tmpdir(), 'mosaic-spectrum-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (over: Record<string, string>) => ({
  paid: 'full',
  can_leave: 'yes',
  indicators: '',
  recruitment: 'free',
  moved: 'no',
  ...over,
});

describe('parsePattern', () => {
  it('reads every column, case-insensitively, indicators separated by ; with spaces', () => {
    expect(
      parsePattern('f.csv', 2, row({ paid: 'Never', can_leave: 'NO', indicators: ' 7; 6 ;7', recruitment: 'Deceived', moved: 'yes' })),
    ).toEqual({ paid: 'never', canLeave: false, indicators: [7, 6], recruitment: 'deceived', moved: true });
  }); // prettier-ignore

  it.each([
    [{ paid: 'sometimes' }, /line 5, column paid: "sometimes"; expected full \| partly \| never/],
    [{ paid: '' }, /line 5, column paid: empty/],
    [{ can_leave: 'maybe' }, /line 5, column can_leave/],
    [{ indicators: '12' }, /line 5, column indicators: "12" is not an ILO indicator number/],
    [{ indicators: '0' }, /column indicators: "0"/],
    [{ indicators: '3,7' }, /column indicators: "3,7"/],
    [{ indicators: 'ILO7' }, /column indicators: "ILO7"/],
    [
      { recruitment: 'tricked' },
      /column recruitment: "tricked"; expected free \| deceived \| coerced/,
    ],
    [{ moved: '1' }, /column moved: "1"/],
  ])('refuses %j naming the line and column', (over, message) => {
    expect(() => parsePattern('f.csv', 5, row(over))).toThrow(message);
  });
});

describe('mosaic spectrum classify', () => {
  it('prints one element per row with level, reason codes and the rule version; bad input exits non-zero', async () => {
    const good = join(dir, 'p.csv');
    writeFileSync(
      good,
      '\uFEFFnote,paid,can_leave,indicators,recruitment,moved\r\n' +
        '"paid, documents withheld",full,yes,7,free,no\r\n' +
        'never paid,never,no,,free,no\r\n\r\n' +
        '"deceived,\r\nmoved",partly,yes,9;11,deceived,yes\r\n',
    );
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'paid,can_leave,indicators,recruitment,moved\nfull,yes,,free,no\nfull,yes,13,free,no\n',
    );
    const run = (file: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'spectrum', 'classify', '--in', file, '--format', 'json']).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      ); // prettier-ignore
    const [ok, fail] = await Promise.all([run(good), run(bad)]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([
      { line: 2, level: 'serious_exploitation', reasons: ['ilo7_retention_of_documents'], rule: 'ilo-spectrum/1' },
      { line: 3, level: 'forced_labour', reasons: ['cannot_leave', 'never_paid'], rule: 'ilo-spectrum/1' },
      { line: 5, level: 'trafficking', reasons: ['recruitment_deceived', 'moved_by_recruiter', 'ilo9_debt_bondage', 'ilo11_excessive_overtime', 'partly_paid'], rule: 'ilo-spectrum/1' },
    ]); // prettier-ignore
    expect(fail.code).not.toBe(0);
    expect(fail.stdout).toBe('');
    expect(fail.stderr).toMatch(/line 3, column indicators: "13"/);
  });
});
