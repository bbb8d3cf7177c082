/**
 * Roster import through the API on every backend: the held-in export of a registration form
 * (its own column names, labels not keys, mixed scripts, duplicate names, a BOM, CRLF, quoted
 * commas and line breaks) in four encodings and formats, the one question it raises asked once,
 * the answer remembered for the coalition, row problems grouped with the column as written, and
 * nothing stored until everything is right.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import type { ImportFailure } from '../../src/contract/imports.ts';
import {
  formCsv,
  makePeople,
  unicodeText,
  westernPeople,
  windows1252,
  type Person,
} from '../fixtures/roster/roster.ts';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import th from '../../src/web/i18n/th.json' with { type: 'json' };
import { sectorVocabulary } from '../../src/domain/import/vocabularies.ts';
import { VocabIndex } from '../../src/domain/import/values.ts';
import { PARTICIPANT_SECTORS } from '../../src/contract/constants.ts';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/roster/${f}`, import.meta.url));
const PEOPLE = makePeople();

describe('held-in roster files', () => {
  it('are what make.ts writes from the roster (the xlsx is checked by importing it)', () => {
    expect(fixture('form-export.csv').equals(formCsv(PEOPLE))).toBe(true);
    expect(fixture('form-export-utf16.txt').equals(unicodeText(PEOPLE))).toBe(true);
    expect(fixture('form-export-windows1252.csv').equals(windows1252(westernPeople(PEOPLE)))).toBe(
      true,
    );
    const csv = fixture('form-export.csv');
    expect([csv[0], csv[1], csv[2]]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('\r\n');
    expect(new Set(PEOPLE.map((p) => p.name)).size).toBe(PEOPLE.length - 13);
    expect(Math.max(...PEOPLE.map((p) => p.name.length))).toBe(137);
  });

  it('sector labels of the interface (English and Thai) match their own sector', () => {
    const idx = new VocabIndex(sectorVocabulary(PARTICIPANT_SECTORS));
    for (const labels of [en.join.sector, th.join.sector])
      for (const [key, label] of Object.entries(labels))
        expect(idx.match(label).key, label).toBe(key);
  });
});

describe.each(testBackends())('roster import on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { cookie: admin },
    });
  const newEvent = async (name: string) =>
    (
      await call('POST', '/api/events', { name, startsOn: '2027-02-01', endsOn: '2027-02-02' })
    ).json() as EventDetail;
  const importFile = (eventId: string, name: string, bytes: Buffer, extra: object = {}) =>
    call('POST', `/api/events/${eventId}/participants/import`, {
      file: { name, data: bytes.toString('base64') },
      ...extra,
    });
  const participants = async (eventId: string) =>
    (await call('GET', `/api/events/${eventId}/participants`)).json().items as Participant[];
  const stored = (p: Participant) => ({
    name: p.name,
    organisation: p.organisation,
    sector: p.sector,
    country: p.country,
    choices: p.choices,
    languages: p.languages,
    email: p.email,
  });
  const truth = (p: Person) => ({
    name: p.name,
    organisation: p.organisation,
    sector: p.sector,
    country: p.country,
    choices: p.choices,
    languages: p.languages,
    email: p.email,
  });

  const COLUMNS = {
    Timestamp: null,
    'Email address': 'email',
    'Full name': 'name',
    'Organisation / Agency': 'organisation',
    'Which sector best describes your work?': 'sector',
    'Country where you work': 'country',
    'Languages you can work in': 'languages',
    'First choice': 'choice1',
    'Second choice': 'choice2',
    'Third choice': 'choice3',
    'Anything else we should know?': null,
  };

  it('the form export: matched without touching the file, one question asked once, then imported exactly', async () => {
    const ev = await newEvent('Roster');
    const file = fixture('form-export.csv');
    const first = await importFile(ev.id, 'form-export.csv', file);
    expect(first.statusCode).toBe(422);
    const body = first.json() as ImportFailure;
    const a = body.analysis!;
    expect(a.encoding).toBe('utf-8');
    expect(a.rowCount).toBe(150);
    expect(Object.fromEntries(a.columns.map((c) => [c.header, c.field]))).toEqual(COLUMNS);
    // The only value no vocabulary knows, asked once for all its rows.
    const un = PEOPLE.filter((p) => p.sectorWritten === 'UN / international').length;
    expect(un).toBeGreaterThan(1);
    expect(a.unmatched).toEqual([
      expect.objectContaining({
        vocabulary: 'sector',
        value: 'UN / international',
        count: un,
        columns: ['Which sector best describes your work?'],
      }),
    ]);
    expect(a.options.sector!.map((o) => o.key)).toContain('un');
    expect(body.problems).toEqual([]);
    expect(body.message).toBe('1 value needs a choice (1 sector). Nothing was imported.');
    expect(await participants(ev.id)).toHaveLength(0);

    const choices = { columns: {}, values: { sector: { 'UN / international': 'un' } } };
    const dry = await importFile(ev.id, 'form-export.csv', file, { choices });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, count: 150 });
    expect(await participants(ev.id)).toHaveLength(0);

    const done = await importFile(ev.id, 'form-export.csv', file, { choices, dryRun: false });
    expect(done.statusCode).toBe(200);
    expect((await participants(ev.id)).map(stored)).toEqual(PEOPLE.map(truth));
  });

  // After the first import the coalition's answer is remembered: no question is asked again.
  it.each([
    ['form-export-utf16.txt', PEOPLE, 'utf-16le'],
    ['form-export-windows1252.csv', westernPeople(PEOPLE), 'windows-1252'],
    ['form-export.xlsx', PEOPLE, null],
  ] as const)(
    '%s: read without garbling, the remembered mapping applied, imported exactly',
    async (file, people, encoding) => {
      const ev = await newEvent(`Roster ${file}`);
      const dry = await importFile(ev.id, file, fixture(file));
      expect(dry.statusCode).toBe(200);
      const a = dry.json().analysis;
      expect(a.encoding).toBe(encoding);
      expect(a.unmatched).toEqual([]);
      expect(
        Object.fromEntries(
          a.columns.map((c: { header: string; field: string }) => [c.header, c.field]),
        ),
      ).toEqual(COLUMNS);
      expect(await participants(ev.id)).toHaveLength(0);
      const done = await importFile(ev.id, file, fixture(file), { dryRun: false });
      expect(done.statusCode).toBe(200);
      expect((await participants(ev.id)).map(stored)).toEqual(people.map(truth));
    },
  );

  it('groups row problems by kind with the line, the column as written and the value; ragged rows are errors', async () => {
    const ev = await newEvent('Bad roster');
    const long = 'N'.repeat(201);
    const csv = [
      'Full name,Organisation / Agency,Sector,Email,expertise_1,expertise_2,expertise_3,Areas of expertise',
      'Ann Lee,Org A,NGO,ann@example.org,Forced marriage,,,',
      ',Org B,NGO,,,,,',
      `${long},Org C,Police,,,,,`,
      'Cid,Org D,NGO,not-an-email,,,,',
      'Dee,Org E,NGO',
      'Eve,Org F,NGO,eve@example.org,,,,,surplus',
      'Fay,Org G,NGO,,Sex trafficking,Forced marriage,Domestic workers,Policy and legal',
      'Gus,Org H,pirates,,astrology,,,',
      'Hal,Org I,pirates,,,,,',
      `${'A'.repeat(137)},Org J,NGO,,,,,`,
      ',Org K,NGO,,,,,',
    ].join('\r\n');
    const res = await call('POST', `/api/events/${ev.id}/participants/import`, {
      csv,
      dryRun: false,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as ImportFailure;
    const at = (line: number) => body.problems.filter((p) => p.line === line);
    expect(at(3)).toEqual([
      expect.objectContaining({ code: 'value_required', column: 'Full name', field: 'name' }),
    ]);
    expect(at(4)).toEqual([
      expect.objectContaining({
        code: 'value_too_long',
        column: 'Full name',
        value: long,
        params: { length: 201, max: 200 },
      }),
    ]);
    expect(at(5)).toEqual([
      expect.objectContaining({ code: 'value_invalid', column: 'Email', value: 'not-an-email' }),
    ]);
    expect(at(6)).toEqual([
      expect.objectContaining({ code: 'row_short', params: { found: 3, expected: 8 } }),
    ]);
    expect(at(7)).toEqual([
      expect.objectContaining({ code: 'row_long', params: { found: 9, expected: 8 } }),
    ]);
    expect(at(8)).toEqual([
      expect.objectContaining({
        code: 'too_many_values',
        field: 'choices',
        params: { found: 4, max: 3 },
      }),
    ]);
    // an unknown value is a question, not a row problem; a 137-character name is fine
    expect(at(9)).toEqual([]);
    expect(at(11)).toEqual([]);
    // never an error on a column the file does not have
    expect(
      body.problems.every(
        (p) => p.column === null || p.column.split(/, | \+ /).every((c) => csv.includes(c)),
      ),
    ).toBe(true);
    expect(body.problems.map((p) => p.column)).not.toContain('choices');
    const a = body.analysis!;
    expect(a.groups.map((g) => [g.code, g.column, g.count])).toEqual([
      ['value_required', 'Full name', 2],
      ['value_too_long', 'Full name', 1],
      ['value_invalid', 'Email', 1],
      ['row_short', null, 1],
      ['row_long', null, 1],
      ['too_many_values', 'expertise_1, expertise_2, expertise_3, Areas of expertise', 1],
    ]);
    expect(a.unmatched.map((u) => [u.vocabulary, u.value, u.count])).toEqual([
      ['sector', 'pirates', 2],
      ['expertise', 'astrology', 1],
    ]);
    expect(body.message).toBe(
      '2 values need a choice (1 sector, 1 expertise) and 7 problems on 7 lines; first: line 3, column "Full name": the name is empty. Nothing was imported.',
    );
    expect(await participants(ev.id)).toHaveLength(0);
  });

  it('names a missing required column once, and ignores unknown ones with a notice', async () => {
    const ev = await newEvent('Missing column');
    const res = await call('POST', `/api/events/${ev.id}/participants/import`, {
      csv: 'name,org,shoe size\nAnn,X,42',
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as ImportFailure;
    expect(body.problems.map((p) => [p.code, p.field])).toEqual([['column_missing', 'sector']]);
    expect(body.analysis!.columns.map((c) => [c.header, c.field, c.ignored])).toEqual([
      ['name', 'name', null],
      ['org', 'organisation', null],
      ['shoe size', null, 'unknown'],
    ]);
    // the person says which column it is
    const ok = await call('POST', `/api/events/${ev.id}/participants/import`, {
      csv: 'name,org,kind\nAnn,X,NGO',
      choices: { columns: { kind: 'sector' }, values: {} },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().preview[0]).toMatchObject({ name: 'Ann', organisation: 'X', sector: 'ngo' });
  });

  it('refuses a file it cannot read, or more rows than it takes, and a choice that names nothing', async () => {
    const ev = await newEvent('Unreadable');
    // 'name' and 王秀英 in GBK: every byte is a Thai letter in TIS-620, but it is not Thai spelling
    const gbkLike = Buffer.from([
      0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xcd, 0xf5, 0xd0, 0xe3, 0xd3, 0xa2, 0x0a,
    ]);
    const enc = await importFile(ev.id, 'roster.csv', gbkLike);
    expect(enc.statusCode).toBe(422);
    expect(enc.json()).toMatchObject({
      error: 'file_unreadable',
      problems: [{ code: 'file_encoding' }],
    });
    const xls = await importFile(
      ev.id,
      'roster.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
    expect(xls.json().problems[0].code).toBe('file_xls');
    const many = `name,organisation,sector\n${'Ann,Org,ngo\n'.repeat(5001)}`;
    const big = await call('POST', `/api/events/${ev.id}/participants/import`, { csv: many });
    expect(big.statusCode).toBe(422);
    expect(big.json().problems[0]).toMatchObject({ code: 'too_many_rows', params: { max: 5000 } });
    const bad = await call('POST', `/api/events/${ev.id}/participants/import`, {
      csv: 'name,organisation,sector\nAnn,X,Y',
      choices: { columns: { name: 'shoeSize' }, values: { sector: { Y: 'pirates' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'choices.columns.name',
      'choices.values.sector.y',
    ]);
    expect(await participants(ev.id)).toHaveLength(0);
  });
});
