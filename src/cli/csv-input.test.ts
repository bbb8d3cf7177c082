import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './csv-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'mosaic-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return path;
}
const need = ['text', 'kind', 'level'];

describe('readCsv', () => {
  it('accepts a BOM, CRLF, quoted commas and line breaks, blank lines and other columns', async () => {
    const rows = await readCsv(
      file(
        '\uFEFFid, Text ,KIND,level,note\r\n' +
          '1,"debt, to broker",cause,individual,x\r\n' +
          '\r\n' +
          '2,"two\r\nlines",consequence,family,"say ""hi"""\r\n' +
          '3,last,cause,community,\r\n',
      ),
      need,
    );
    expect(rows).toEqual([
      { line: 2, values: { id: '1', text: 'debt, to broker', kind: 'cause', level: 'individual', note: 'x' } },
      { line: 4, values: { id: '2', text: 'two\r\nlines', kind: 'consequence', level: 'family', note: 'say "hi"' } },
      { line: 6, values: { id: '3', text: 'last', kind: 'cause', level: 'community', note: '' } },
    ]); // prettier-ignore
  });

  it('numbers lines the same with LF, CRLF and lone CR line ends', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const rows = await readCsv(
        file(['text,kind,level', '"a', 'b",cause,family', '', 'c,cause,family', ''].join(eol)),
        need,
      );
      expect(
        rows.map((r) => r.line),
        JSON.stringify(eol),
      ).toEqual([2, 5]);
    }
  });

  it('names the line of a record with too few fields and the column it lacks', async () => {
    await expect(readCsv(file('text,kind,level\na,cause,family\nb,cause\n'), need)).rejects.toThrow(
      /line 3, column level: missing/,
    );
  });

  it('names the line of a broken quote, even after a multi-line field', async () => {
    await expect(
      readCsv(file('text,kind,level\r\n"x\r\ny",cause,family\r\nb"c,cause,family\r\n'), need),
    ).rejects.toThrow(/: line 4: a " inside a field/);
    await expect(
      readCsv(file('text,kind,level\na,cause,family\n"open,cause,family\n'), need),
    ).rejects.toThrow(/: line 3: a quoted field is never closed/);
  });

  it('names the missing header columns, an empty file and bytes that are not UTF-8', async () => {
    await expect(readCsv(file('text,kind\na,cause\n'), need)).rejects.toThrow(
      /line 1: the header needs the column "level"/,
    );
    await expect(readCsv(file(''), need)).rejects.toThrow(/empty file/);
    await expect(
      readCsv(
        // 0x81 0x8d: not UTF-8, unassigned in Windows-1252 and not Thai: no encoding fits
        file(
          Buffer.from([
            ...Buffer.from('text,kind,level\nok,cause,family\n'),
            0x81,
            0x8d,
            0x2c,
            0x0a,
          ]),
        ),
        need,
      ),
    ).rejects.toThrow(/line 3: not UTF-8 text, nor another encoding/);
    await expect(
      readCsv(file('text,kind,level\nok,cause,family\nb\u0000d,cause,\n'), need),
    ).rejects.toThrow(/line 3: a NUL byte/);
    await expect(readCsv(join(dir, 'none.csv'), need)).rejects.toThrow(
      /cannot read .*no such file/,
    );
  });

  it('reads UTF-16 (either byte order, with a BOM) and Windows-1252 files, numbering lines alike', async () => {
    const text = 'text,kind,level\r\n"หนี้\r\nนายหน้า",cause,family\r\n\r\ncafé débt,cause,\r\n';
    const expected = [
      { line: 2, values: { text: 'หนี้\r\nนายหน้า', kind: 'cause', level: 'family' } },
      { line: 5, values: { text: 'café débt', kind: 'cause', level: '' } },
    ];
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(await readCsv(file(le), need)).toEqual(expected);
    expect(await readCsv(file(be), need)).toEqual(expected);
    const western = 'text,kind,level\n“cafe” débt,consequence,family\n';
    const cp1252 = Buffer.from(western.replace('“', '\x93').replace('”', '\x94'), 'latin1');
    expect(await readCsv(file(cp1252), need)).toEqual([
      { line: 2, values: { text: '“cafe” débt', kind: 'consequence', level: 'family' } },
    ]); // prettier-ignore
  });
});
