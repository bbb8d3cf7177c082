import { describe, expect, it } from 'vitest';
import { fieldIndex, matchColumns, splitHeader } from './columns.ts';
import { decodeText } from './decode.ts';
import { ROSTER_FIELDS } from './roster.ts';
import { readTable } from './table.ts';
import { VocabIndex } from './values.ts';
import { expertiseVocabulary, languageVocabulary, sectorVocabulary } from './vocabularies.ts';
import { DEFAULT_EXPERTISE_GROUPS } from '../taxonomy/issues.ts';

const SECTORS = [
  'ngo',
  'government',
  'lawEnforcement',
  'un',
  'research',
  'survivorLed',
  'faith',
  'business',
  'funder',
  'other',
];

/** Thai in TIS-620 / Windows-874: U+0E01..U+0E5B are bytes 0xA1..0xFB. */
function tis620(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.codePointAt(0)!;
      return c < 0x80 ? c : c - 0x0e01 + 0xa1;
    }),
  );
}

/** GBK bytes of a text, found by decoding every two-byte pair (no encoder ships with Node). */
function gbk(s: string): Uint8Array {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return Uint8Array.from(
    [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)),
  );
}

describe('decoding', () => {
  const text = 'name,organisation\nNguyễn Thị Hoa,Blue Dragon\nสมชาย,มูลนิธิ\n';
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeText(plain)).toMatchObject({ ok: true, text, encoding: 'utf-8', bom: false });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(bom)).toMatchObject({ ok: true, text, encoding: 'utf-8', bom: true });
  });
  it('reads UTF-16 in both byte orders, with a BOM and without one', () => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    expect(decodeText(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(be)).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
    const bare = Buffer.from('name,organisation\nAnn,Org A\n', 'utf16le');
    expect(decodeText(bare)).toMatchObject({
      ok: true,
      text: 'name,organisation\nAnn,Org A\n',
      encoding: 'utf-16le',
    });
  });
  it('reads Windows-1252 and Thai Windows-874 when the bytes say so', () => {
    const western = Uint8Array.from(
      [...'Jos\u00e9 M\u00fcller,Caf\u00e9 ']
        .map((c) => c.charCodeAt(0))
        .concat([0x93, 0x4f, 0x4b, 0x94]),
    );
    expect(decodeText(western)).toMatchObject({
      ok: true,
      text: 'José Müller,Café “OK”',
      encoding: 'windows-1252',
    });
    const thai = 'ชื่อ,องค์กร\nสมชาย ใจดี,มูลนิธิเพื่อสตรี\n';
    expect(decodeText(tis620(thai))).toMatchObject({
      ok: true,
      text: thai,
      encoding: 'windows-874',
    });
  });
  it('refuses what it cannot tell apart, and binary files, rather than garble them', () => {
    expect(decodeText(gbk('姓名,组织\n王秀英,妇女基金会\n'))).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(
      decodeText(Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0xff, 0x00])),
    ).toMatchObject({ ok: false });
  });
  it('reads the encoding it is told to', () => {
    const r = decodeText(gbk('王秀英'), 'windows-1252');
    expect(r.ok && r.encoding).toBe('windows-1252');
  });
});

describe('tables', () => {
  it('keeps the line a record starts on through CRLF, quoted line breaks and empty lines', async () => {
    const r = await readTable(
      { text: 'a,b\r\n\r\n1,"x\r\ny, z"\r\n2,3\r\n,\r\n4,5' },
      { maxRows: 10 },
    );
    expect(r.ok && r.table.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', 'x\ny, z'] },
      { line: 5, cells: ['2', '3'] },
      { line: 7, cells: ['4', '5'] },
    ]);
  });
  it('reads semicolons and tabs (a spreadsheet’s clipboard) as separators', async () => {
    const semi = await readTable({ text: 'name;organisation\nAnn;Org, A' }, { maxRows: 10 });
    expect(semi.ok && semi.table.rows[1]!.cells).toEqual(['Ann', 'Org, A']);
    const tab = await readTable({ text: 'name\torganisation\nAnn\tOrg; A, B' }, { maxRows: 10 });
    expect(tab.ok && tab.table.rows[1]!.cells).toEqual(['Ann', 'Org; A, B']);
  });
  it('names the line of an unclosed quote, and refuses old workbooks and empty files', async () => {
    const r = await readTable({ text: 'a,b\n1,2\n3,"open\n4,5' }, { maxRows: 10 });
    expect(r.ok ? null : r.problem).toMatchObject({ code: 'csv_syntax' });
    const xls = await readTable(
      { bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
      { maxRows: 10 },
    );
    expect(xls.ok ? null : xls.problem.code).toBe('file_xls');
    const empty = await readTable({ text: ' \n\n' }, { maxRows: 10 });
    expect(empty.ok ? null : empty.problem.code).toBe('file_empty');
  });
});

describe('headers', () => {
  const idx = fieldIndex(ROSTER_FIELDS);
  const fieldsOf = (headers: string[], hxl?: string[]) =>
    matchColumns(
      splitHeader([{ line: 1, cells: headers }, ...(hxl ? [{ line: 2, cells: hxl }] : [])]),
      idx,
    ).map((c) => c.field);

  it.each([
    ['Name', 'name'],
    ['FULL NAME', 'name'],
    ['Your name (as on your badge)', 'name'],
    ['org', 'organisation'],
    ['Organization', 'organisation'],
    ['Agency', 'organisation'],
    ['Organisation / Agency', 'organisation'],
    ['Name of your organisation', 'organisation'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['expertise 1', 'choice1'],
    ['expertise_2', 'choice2'],
    ['choice3', 'choice3'],
    ['First choice', 'choice1'],
    ['Expertise group (second choice)', 'choice2'],
    ['Which sector best describes your work?', 'sector'],
    ['Type of organisation', 'sector'],
    ['Country of work', 'country'],
    ['Languages spoken', 'languages'],
    ['Areas of expertise', 'choices'],
    ['First name', 'givenName'],
    ['Surname', 'familyName'],
    ['ชื่อ-นามสกุล', 'name'],
    ['Timestamp', null],
    ['Dietary requirements', null],
  ])('"%s" → %s', (header, field) => {
    expect(fieldsOf([header])).toEqual([field]);
  });

  it('reads HXL hashtags in a second row, or as the headers themselves', () => {
    expect(
      fieldsOf(['Who', 'Where from', 'Kind'], ['#contact+name', '#org +name', '#org+type']),
    ).toEqual(['name', 'organisation', 'sector']);
    const split = splitHeader([
      { line: 1, cells: ['#contact+name', '#contact+email', '#meta+expertise+choice1'] },
      { line: 2, cells: ['Ann', 'ann@example.org', 'forcedMarriage'] },
    ]);
    expect(split.data).toHaveLength(1);
    expect(matchColumns(split, idx).map((c) => c.field)).toEqual(['name', 'email', 'choice1']);
  });

  it('gives a field to one column only: the stronger match keeps it, the other is ignored with a reason', () => {
    const cols = matchColumns(
      splitHeader([{ line: 1, cells: ['E-mail', 'Email address', 'Name'] }]),
      idx,
    );
    expect(cols.map((c) => [c.field, c.ignored, c.wanted])).toEqual([
      ['email', null, null],
      [null, 'duplicate', 'email'],
      ['name', null, null],
    ]);
  });

  it('follows what the person chose, and what the coalition chose before', () => {
    const split = splitHeader([{ line: 1, cells: ['Affiliated body', 'Name', 'Remarks'] }]);
    const saved = new Map<string, string | null>([['affiliated body', 'organisation']]);
    const chosen = new Map<string, string | null>([['Name', null]]);
    expect(matchColumns(split, idx, { saved, chosen }).map((c) => [c.field, c.how])).toEqual([
      ['organisation', 'saved'],
      [null, 'chosen'],
      [null, null],
    ]);
  });
});

describe('values', () => {
  const sectors = new VocabIndex(sectorVocabulary(SECTORS));
  const groups = new VocabIndex(expertiseVocabulary(DEFAULT_EXPERTISE_GROUPS));
  const languages = new VocabIndex(languageVocabulary());
  it.each([
    'Law enforcement',
    'law-enforcement',
    'LAW_ENFORCEMENT',
    'lawEnforcement',
    'police',
    'Police',
    'หน่วยบังคับใช้กฎหมาย',
  ])('"%s" is the law-enforcement sector', (v) => {
    expect(sectors.match(v).key).toBe('lawEnforcement');
  });
  it('matches by words when one entry fits, never when two do', () => {
    expect(sectors.match('Government (national)').key).toBe('government');
    expect(sectors.match('Faith based').key).toBe('faith');
    expect(sectors.match('Organización no gubernamental (NGO)').key).toBe('ngo');
    expect(sectors.match('NGO and government')).toEqual({
      key: null,
      candidates: ['ngo', 'government'],
    });
    expect(sectors.match('UN / international')).toEqual({ key: null, candidates: [] });
  });
  it('finds the expertise group a value names by label or by an issue it covers', () => {
    expect(groups.match('forced marriage').key).toBe('forcedMarriage');
    expect(groups.match('Forced Marriage').key).toBe('forcedMarriage');
    expect(groups.match('forcedMarriage').key).toBe('forcedMarriage');
    expect(groups.match('Fishing').key).toBe('forcedLabour');
    expect(groups.match('Migrants').key).toBe('migrantsRefugees');
    expect(groups.match('astrology').key).toBe(null);
  });
  it('knows languages by English, Thai and own names', () => {
    for (const [v, k] of [
      ['Thai', 'th'],
      ['ภาษาไทย', 'th'],
      ['ไทย', 'th'],
      ['Khmer', 'km'],
      ['Burmese', 'my'],
      ['Tiếng Việt', 'vi'],
      ['tieng viet', 'vi'],
    ])
      expect(languages.match(v!).key, v).toBe(k);
  });
  it('takes what was chosen (or left out) before anything else', () => {
    expect(sectors.match('UN / international', new Map([['un international', 'un']])).key).toBe(
      'un',
    );
    expect(sectors.match('Police', new Map([['police', 'government']])).key).toBe('government');
    expect(sectors.match('Other stuff', new Map([['other stuff', '']]))).toEqual({
      key: '',
      how: 'chosen',
    });
  });
});
