import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { tableCsv, tableJson, type ExportColumn } from './table.ts';

const columns: ExportColumn[] = [
  { key: 'name', hxl: '#org+name' },
  { key: 'countries', hxl: '#country+code' },
  { key: 'public', header: 'is public', hxl: '#meta+public' },
  { key: 'n', hxl: '#meta+count' },
];
const rows = [
  { name: '@org, "quoted"', countries: ['TH', 'MM'], public: true, n: -2 },
  { name: 'มูลนิธิ', countries: [], public: false, n: null },
];

describe('an export table', () => {
  it('is plain CSV, or CSV with the HXL row second, lists joined by "; "', () => {
    expect(parse(tableCsv(columns, rows, { hxl: false }))).toEqual([
      ['name', 'countries', 'is public', 'n'],
      [`'@org, "quoted"`, 'TH; MM', 'yes', '-2'],
      ['มูลนิธิ', '', 'no', ''],
    ]);
    const tagged = parse(tableCsv(columns, rows, { hxl: true })) as string[][];
    expect(tagged[1]).toEqual(['#org+name', '#country+code', '#meta+public', '#meta+count']);
    expect(tagged).toHaveLength(4);
  });

  it('is JSON objects keyed and ordered by the columns, lists as arrays', () => {
    const json = tableJson(columns, [{ n: 1, extra: 'dropped', name: 'x' }]);
    expect(json).toEqual([{ name: 'x', countries: null, public: null, n: 1 }]);
    expect(Object.keys(json[0]!)).toEqual(['name', 'countries', 'public', 'n']);
    expect(tableJson(columns, rows)[0]!.countries).toEqual(['TH', 'MM']);
  });
});
