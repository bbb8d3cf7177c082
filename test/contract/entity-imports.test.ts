/**
 * Issue 14, "data in and out" (the import half): organisations, routes and cards imported through
 * the one column/value-mapping engine, on both backends. A file Mosaic exported (plain CSV and CSV
 * with HXL) imports into an empty coalition and exports again the same; bad files (wrong encoding,
 * missing columns, unknown codes, too many lines, too large, formulas) answer clearly and change
 * nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityImportResult, ImportFailure } from '../../src/contract/imports.ts';
import { testBackends } from '../support/backends.ts';
import { cookieOf, startApi, TEST_PASSWORD, type ApiHarness } from '../support/api.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { insertMembership, insertUser } from '../../src/server/db/repos/accounts.ts';
import { migrateToLatest, openDb } from '../../src/server/db/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { secondCoalition } from '../support/coalitions.ts';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import th from '../../src/web/i18n/th.json' with { type: 'json' };
import { TAXONOMY_LABEL_PATHS, TAXONOMY_LABELS } from '../../src/domain/import/labels.ts';
import { taxonomyVocabulary } from '../../src/domain/import/vocabularies.ts';
import { VocabIndex } from '../../src/domain/import/values.ts';
import { randomUUID } from 'node:crypto';
import type { EventDetail } from '../../src/contract/events.ts';
import { DEFAULT_FACTORS } from '../../src/domain/factors/vocabulary.ts';
import { insertCards } from '../../src/server/db/repos/cards.ts';

type Row = Record<string, string>;

/** CSV text → rows keyed by header (the HXL row, when there is one, left out). */
function rowsOf(body: string): Row[] {
  const lines = parse(body.replace(/^\uFEFF/, '')) as string[][];
  const [header, ...rest] = lines;
  const data = rest[0]?.every((c) => c === '' || c.startsWith('#')) ? rest.slice(1) : rest;
  return data.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

/** What must survive a round trip: every column but the ones a new record gets anew. */
const comparable = (rows: Row[], drop: readonly string[], sortBy: (r: Row) => string) =>
  rows
    .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k))))
    .sort((a, b) => sortBy(a).localeCompare(sortBy(b)));

const TABLES = [
  'organisations',
  'organisation_facets',
  'routes',
  'cards',
  'import_mappings',
  'audit_log',
] as const;

describe('the vocabularies imports match values against', () => {
  it('carry the interface’s labels (English and Thai), and every label finds its own code', () => {
    const at = (d: object, path: string): Record<string, string> =>
      path.split('.').reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, {
        ...d,
      }) as Record<string, string>;
    for (const [id, path] of Object.entries(TAXONOMY_LABEL_PATHS)) {
      const [enLabels, thLabels] = [at(en, path), at(th, path)];
      const codes = Object.keys(enLabels);
      expect(Object.keys(TAXONOMY_LABELS[id]!), id).toEqual(codes);
      const idx = new VocabIndex(taxonomyVocabulary(id, codes));
      for (const code of codes) {
        expect(TAXONOMY_LABELS[id]![code], `${id}.${code}`).toEqual([
          enLabels[code],
          thLabels[code],
        ]);
        for (const label of [enLabels[code]!, thLabels[code]!, code])
          expect(idx.match(label).key, `${id}: ${label}`).toBe(code);
      }
    }
  });
});

describe.each(testBackends())('entity imports on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let empty: Awaited<ReturnType<typeof secondCoalition>>;
  let emptyAdmin: string;

  const get = (url: string, cookie: string) =>
    h.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (entity: string, payload: object, cookie: string, query = '') =>
    h.app.inject({
      method: 'POST',
      url: `/api/imports/${entity}${query}`,
      headers: { cookie },
      payload,
    });
  /** Row counts of every table an import could touch: a refused import leaves them all. */
  const snapshot = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) {
      const r = await h.store.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  };
  const refused = async (
    entity: string,
    payload: object,
    cookie: string,
    status = 422,
  ): Promise<ImportFailure> => {
    const before = await snapshot();
    const r = await post(entity, { ...payload, dryRun: false }, cookie);
    expect(r.statusCode, r.body).toBe(status);
    expect(await snapshot()).toEqual(before);
    return r.json<ImportFailure>();
  };

  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    empty = await secondCoalition(h);
    emptyAdmin = await empty.userWith('admin');
  });
  afterAll(async () => h?.close());

  describe('organisations', () => {
    const drop = ['id', 'created_at', 'updated_at'];
    it('an export (plain CSV and CSV+HXL) imports into an empty coalition and exports the same', async () => {
      const source = rowsOf((await get('/api/exports/organisations?format=csv', admin)).body);
      expect(source.length).toBeGreaterThan(5);
      const hxl = (await get('/api/exports/organisations?format=hxl', admin)).body;
      // the HXL file alone, headers blanked: the hashtags must carry the columns
      const tagsOnly = hxl.replace(/^\uFEFF?[^\n]*\n/, '');
      for (const [i, file] of [hxl, tagsOnly].entries()) {
        const fresh = await secondCoalition(h);
        const cookie = await fresh.userWith('coordinator');
        const dry = await post('organisations', { csv: file }, cookie);
        expect(dry.statusCode, dry.body).toBe(200);
        const d = dry.json<EntityImportResult>();
        expect(d.dryRun).toBe(true);
        expect(d.count).toBe(source.length);
        expect(d.analysis.hxl).toBe(true);
        const nothing = rowsOf((await get('/api/exports/organisations?format=csv', cookie)).body);
        expect(nothing).toEqual([]);
        const done = await post('organisations', { csv: file, dryRun: false }, cookie);
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json<EntityImportResult>().count).toBe(source.length);
        const again = rowsOf((await get('/api/exports/organisations?format=csv', cookie)).body);
        expect(
          comparable(again, drop, (r) => r.name!),
          `file ${i}`,
        ).toEqual(comparable(source, drop, (r) => r.name!));
      }
      const plain = (await get('/api/exports/organisations?format=csv', admin)).body;
      const done = await post('organisations', { csv: plain, dryRun: false }, emptyAdmin);
      expect(done.statusCode, done.body).toBe(200);
      const again = rowsOf((await get('/api/exports/organisations?format=csv', emptyAdmin)).body);
      expect(comparable(again, drop, (r) => r.name!)).toEqual(
        comparable(source, drop, (r) => r.name!),
      );
    });

    it('labels, synonyms and Thai words match their codes; what does not is asked once per value', async () => {
      const csv = [
        'Organisation,Type of organisation,Countries,Kind of work,Visibility',
        'Alpha aid,Law enforcement,Thailand; Myanmar,Prevention,Public',
        'Beta aid,หน่วยงานบังคับใช้กฎหมาย,ประเทศไทย,research,coalition',
        'Gamma aid,Shadow agency,TH,Prevention,coalition',
        'Delta aid,Shadow agency,XX,Prevention,coalition',
      ].join('\n');
      const f = await refused('organisations', { csv }, emptyAdmin);
      expect(f.analysis?.unmatched.map((u) => [u.vocabulary, u.value, u.count])).toEqual([
        ['orgType', 'Shadow agency', 2],
        ['country', 'XX', 1],
      ]);
      expect(f.message).toMatch(/2 values need a choice \(1 orgType, 1 country\)/);
      const choices = { values: { orgType: { 'shadow agency': 'NGO' }, country: { XX: '' } } };
      const dry = await post('organisations', { csv, choices }, emptyAdmin);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json<EntityImportResult>().count).toBe(4);
      const done = await post('organisations', { csv, choices, dryRun: false }, emptyAdmin);
      expect(done.statusCode, done.body).toBe(200);
      const rows = rowsOf((await get('/api/exports/organisations?format=csv', emptyAdmin)).body);
      const by = new Map(rows.map((r) => [r.name, r]));
      expect(by.get('Alpha aid')).toMatchObject({
        type: 'LawEnforcement',
        countries: 'TH; MM',
        kinds_of_work: 'prevention',
        visibility: 'public',
      });
      expect(by.get('Beta aid')).toMatchObject({ type: 'LawEnforcement', countries: 'TH' });
      expect(by.get('Delta aid')).toMatchObject({ type: 'NGO', countries: '' });
      // the choices are remembered for the coalition: the same file asks nothing next time
      const next = csv.replace(/aid/g, 'help');
      expect((await post('organisations', { csv: next }, emptyAdmin)).statusCode).toBe(200);
    });

    it('bad lines are listed with line, column and reason; nothing is stored', async () => {
      const csv = [
        'name,type,countries,provinces,website',
        ',NGO,TH,,',
        `${'x'.repeat(201)},NGO,TH,,`,
        'Fine,NGO,TH,TH-99,',
        'Fine,NGO,TH,,',
        'Cut,NGO',
        'Site,NGO,TH,,not a site',
      ].join('\n');
      const f = await refused('organisations', { csv }, emptyAdmin);
      const seen = f.problems.map((p) => [p.line, p.column, p.code]);
      expect(seen).toEqual([
        [2, 'name', 'value_required'],
        [3, 'name', 'value_too_long'],
        [4, 'provinces', 'value_unknown'],
        [5, 'name', 'value_duplicate'],
        [6, null, 'row_short'],
        [7, 'website', 'value_invalid'],
      ]);
      expect(f.message).toMatch(/^6 problems on 6 lines; first: line 2, column "name"/);
    });

    it('a missing required column, a member, and another coalition’s records are refused', async () => {
      const f = await refused('organisations', { csv: 'name,countries\nA,TH' }, emptyAdmin);
      expect(f.problems.map((p) => [p.code, p.field])).toEqual([['column_missing', 'type']]);
      const member = await h.userWith('member');
      const r = await refused('organisations', { csv: 'name,type\nA,NGO' }, member, 403);
      expect(r).toMatchObject({ error: 'forbidden' });
      await refused('organisations', { csv: 'name,type\nA,NGO' }, '', 401);
    });

    it('Latin-1 and UTF-16 (LE and BE, with BOM) decode; an undecidable file is refused', async () => {
      const text = 'name,type,description\nCafé São Tomé,NGO,Ação – “quoted”\n';
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const be = Buffer.from(le);
      be.swap16();
      const latin1 = Buffer.from(text.replace(/[–“”]/g, '-'), 'latin1');
      for (const [i, bytes] of [le, be, latin1].entries()) {
        const r = await post(
          'organisations',
          { file: { name: 'o.csv', data: bytes.toString('base64') } },
          emptyAdmin,
        );
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json<EntityImportResult>().analysis.encoding).toBe(
          ['utf-16le', 'utf-16be', 'windows-1252'][i],
        );
      }
      const bad = Buffer.from([...Buffer.from('name,type\n'), 0x81, 0x8d, 0x8f, 0x90, 0x9d]);
      const f = await refused(
        'organisations',
        { file: { name: 'o.csv', data: bad.toString('base64') } },
        emptyAdmin,
      );
      expect(f).toMatchObject({ error: 'file_unreadable' });
      expect(f.problems[0]?.code).toMatch(/^file_(encoding|binary)$/);
    });

    it('a formula is stored as text, never run, and comes back as the same text', async () => {
      const formula = '=HYPERLINK("https://example.test/?"&A1,"open")';
      const csv = `name,type,description\nFormula org,NGO,"${formula.replace(/"/g, '""')}"\n`;
      const fresh = await secondCoalition(h);
      const cookie = await fresh.userWith('admin');
      expect((await post('organisations', { csv, dryRun: false }, cookie)).statusCode).toBe(200);
      const json = await get('/api/exports/organisations?format=json', cookie);
      const items = json.json<{ items: { description: string }[] }>().items;
      expect(items.map((o) => o.description)).toEqual([formula]);
      // the CSV export neutralises it; importing that file back gives the same text again
      const out = (await get('/api/exports/organisations?format=csv', cookie)).body;
      expect(rowsOf(out)[0]!.description).toBe(`'${formula}`);
      const other = await secondCoalition(h);
      const cookie2 = await other.userWith('admin');
      expect((await post('organisations', { csv: out, dryRun: false }, cookie2)).statusCode).toBe(
        200,
      );
      const back = (await get('/api/exports/organisations?format=json', cookie2)).json<{
        items: { description: string }[];
      }>();
      expect(back.items.map((o) => o.description)).toEqual([formula]);
    });

    it('reports its progress under the id it was started with, to that person only', async () => {
      const fresh = await secondCoalition(h);
      const cookie = await fresh.userWith('coordinator');
      const lines = ['name,type'];
      for (let i = 0; i < 5_000; i++) lines.push(`Progress org ${i},NGO`);
      const id = randomUUID();
      const seen: string[] = [];
      let finished = false;
      const running = post(
        'organisations',
        { csv: lines.join('\n'), dryRun: false },
        cookie,
        `?progress=${id}`,
      ).finally(() => (finished = true));
      while (!finished) {
        const r = await get(`/api/imports/progress/${id}`, cookie);
        if (r.statusCode === 200 && r.json<{ phase: string }>().phase !== 'waiting') {
          const p = r.json<{ phase: string; done: number; total: number }>();
          seen.push(`${p.phase} ${p.done}/${p.total}`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect((await running).statusCode).toBe(200);
      // the lines checked, in steps, while the import ran
      const steps = [...new Set(seen)];
      expect(
        steps.some((x) => /^checking [1-4]000\/5000$/.test(x)),
        steps.join(', '),
      ).toBe(true);
      // PostgreSQL answers the poll while the rows are stored (SQLite's one connection is the
      // import's until it commits): there the stored count moves batch by batch too
      if (backend.name === 'postgres')
        expect(
          steps.filter((x) => /^storing [1-9]/.test(x)).length,
          steps.join(', '),
        ).toBeGreaterThan(2);
      const end = await get(`/api/imports/progress/${id}`, cookie);
      expect(end.json()).toEqual({ phase: 'done', done: 5000, total: 5000 });
      // someone else, or an id never used, learns nothing
      const waiting = { phase: 'waiting', done: 0, total: 0 };
      expect((await get(`/api/imports/progress/${id}`, admin)).json()).toEqual(waiting);
      expect((await get(`/api/imports/progress/${randomUUID()}`, cookie)).json()).toEqual(waiting);
    });

    it('100,001 lines are refused with the limit; a 50 MB body is answered 413 quickly', async () => {
      const lines = ['name,type'];
      for (let i = 0; i <= 100_000; i++) lines.push(`Org ${i},NGO`);
      const f = await refused('organisations', { csv: lines.join('\n') }, emptyAdmin);
      expect(f.problems[0]).toMatchObject({ code: 'too_many_rows', params: { max: 100_000 } });
      const big = Buffer.alloc(50 * 1024 * 1024, 'a').toString('base64');
      const started = Date.now();
      const r = await refused(
        'organisations',
        { file: { name: 'big.csv', data: big } },
        emptyAdmin,
        413,
      );
      expect(r).toMatchObject({ error: 'payload_too_large' });
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });

  describe('routes', () => {
    const drop = ['id', 'created_at', 'updated_at'];
    const key = (r: Row) => Object.values(r).join('|');
    it('an export imports into an empty coalition (after its organisations) and exports the same', async () => {
      const source = rowsOf((await get('/api/exports/routes?format=csv', admin)).body);
      expect(source.length).toBeGreaterThan(5);
      expect(source.some((r) => r.transits && r.organisation)).toBe(true);
      for (const format of ['csv', 'hxl']) {
        const fresh = await secondCoalition(h);
        const cookie = await fresh.userWith('coordinator');
        const orgs = (await get('/api/exports/organisations?format=csv', admin)).body;
        const routes = (await get(`/api/exports/routes?format=${format}`, admin)).body;
        // before the organisations exist, the reporting organisations are unknown: nothing stored
        const early = await post('routes', { csv: routes, dryRun: false }, cookie);
        expect(early.statusCode).toBe(422);
        expect(early.json<ImportFailure>().problems[0]).toMatchObject({
          code: 'value_unknown',
          column: 'organisation',
        });
        expect(rowsOf((await get('/api/exports/routes?format=csv', cookie)).body)).toEqual([]);
        expect((await post('organisations', { csv: orgs, dryRun: false }, cookie)).statusCode).toBe(
          200,
        );
        const done = await post('routes', { csv: routes, dryRun: false }, cookie);
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json<EntityImportResult>()).toMatchObject({ count: source.length });
        const again = rowsOf((await get('/api/exports/routes?format=csv', cookie)).body);
        expect(comparable(again, drop, key), format).toEqual(comparable(source, drop, key));
      }
    });

    it('a member imports routes as their own organisation only; a named other one is refused', async () => {
      const fresh = await secondCoalition(h);
      const coordinator = await fresh.userWith('coordinator');
      const orgs = 'name,type\nOwn org,NGO\nOther org,NGO\n';
      expect(
        (await post('organisations', { csv: orgs, dryRun: false }, coordinator)).statusCode,
      ).toBe(200);
      const ids = new Map(
        (await get('/api/exports/organisations?format=json', coordinator))
          .json<{ items: { id: string; name: string }[] }>()
          .items.map((o) => [o.name, o.id]),
      );
      const at = h.clock.now.toISOString();
      const email = `member-${Math.random().toString(36).slice(2)}@own.mosaic.test`;
      const passwordHash = await hashPassword(TEST_PASSWORD);
      await h.store.db.transaction().execute(async (trx) => {
        const userId = await insertUser(
          trx,
          { email, displayName: 'Own member', passwordHash },
          at,
        );
        await insertMembership(
          trx,
          {
            userId,
            coalitionId: fresh.coalitionId,
            role: 'member',
            organisationId: ids.get('Own org')!,
          },
          at,
        );
      });
      const cookie = cookieOf(await h.login(email, TEST_PASSWORD));
      const head = 'source,destination,forms,confidence,basis,organisation\n';
      const other = `${head}TH,MM,ForcedLabour,likely,casework,Other org\n`;
      const f = await refused('routes', { csv: other }, cookie);
      expect(f.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [2, 'organisation', 'not_allowed'],
      ]);
      const own = `${head}TH,MM,ForcedLabour,likely,casework,\nTH,LA,Forced labour,likely,Casework,Own org\n`;
      const done = await post('routes', { csv: own, dryRun: false }, cookie);
      expect(done.statusCode, done.body).toBe(200);
      const rows = rowsOf((await get('/api/exports/routes?format=csv', coordinator)).body);
      expect(rows.map((r) => r.organisation)).toEqual(['Own org', 'Own org']);
    });
  });

  describe('cards', () => {
    const formula = '=HYPERLINK("https://example.test/?"&A1,"open")';
    const drop = ['event_id', 'id', 'created_at'];
    const key = (r: Row) => Object.values(r).join('|');
    const factorOf = (kind: string) => DEFAULT_FACTORS.find((f) => f.kind === kind)!;
    let eventId: string;
    let detail: EventDetail;

    beforeAll(async () => {
      const items = (await get('/api/exports/cards?format=json', admin)).json<{
        items: { event_id: string; id: string; kind: string }[];
      }>().items;
      eventId = items[0]!.event_id;
      detail = (await get(`/api/events/${eventId}`, admin)).json<EventDetail>();
      // a card with every tag, a table, a round and a formula; factors on two cards
      const id = randomUUID();
      const at = h.clock.now.toISOString();
      await h.store.db.transaction().execute((trx) =>
        insertCards(
          trx,
          [
            {
              id,
              eventId,
              issueKey: detail.issues[0]!.key,
              kind: 'consequence',
              level: 'family',
              text: formula,
              tags: {
                forms: ['ForcedLabour'],
                sectors: ['Fishing'],
                populations: ['migrants', 'men'],
                ilo: ['debtBondage'],
              },
              tableId: detail.tables[0]!.id,
              round: 1,
              participantId: null,
              userId: null,
              version: 1,
              deleted: false,
              createdAt: at,
              updatedAt: at,
            },
          ],
          'test',
        ),
      );
      const cause = items.find((c) => c.kind === 'cause' && c.event_id === eventId)!;
      for (const [card, factor] of [
        [id, factorOf('consequence').id],
        [cause.id, factorOf('cause').id],
      ] as const) {
        const r = await h.app.inject({
          method: 'PUT',
          url: `/api/events/${eventId}/cards/${card}/factor`,
          headers: { cookie: admin },
          payload: { factor },
        });
        expect(r.statusCode, r.body).toBe(200);
      }
    });

    /** An event in another coalition with the demo event's issues and tables. */
    const eventIn = async (cookie: string) => {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie },
        payload: {
          name: 'Imported café',
          startsOn: '2026-12-01',
          endsOn: '2026-12-02',
          issues: detail.issues,
          tables: detail.tables.map((t) => ({ name: t.name, capacity: t.capacity })),
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };

    it('an export (plain CSV and CSV+HXL) imports into an empty coalition’s event and exports the same', async () => {
      const source = rowsOf(
        (await get(`/api/exports/cards?format=csv&event=${eventId}`, admin)).body,
      );
      expect(source.length).toBeGreaterThan(10);
      expect(source.filter((r) => r.factor).length).toBe(2);
      expect(source.find((r) => r.text === `'${formula}`)).toMatchObject({
        forms: 'ForcedLabour',
        ilo_indicators: 'debtBondage',
        round: '2',
      });
      for (const format of ['csv', 'hxl']) {
        const fresh = await secondCoalition(h);
        const cookie = await fresh.userWith('coordinator');
        const target = await eventIn(cookie);
        const file = (await get(`/api/exports/cards?format=${format}&event=${eventId}`, admin))
          .body;
        // the file's event is another coalition's: without a target event nothing is stored
        const lost = await post('cards', { csv: file, dryRun: false }, cookie);
        expect(lost.statusCode).toBe(422);
        expect(lost.json<ImportFailure>().problems[0]).toMatchObject({
          code: 'value_unknown',
          column: 'event_id',
        });
        const dry = await post('cards', { csv: file }, cookie, `?event=${target}`);
        expect(dry.statusCode, dry.body).toBe(200);
        expect(dry.json<EntityImportResult>().count).toBe(source.length);
        expect(rowsOf((await get(`/api/exports/cards?format=csv`, cookie)).body)).toEqual([]);
        const done = await post('cards', { csv: file, dryRun: false }, cookie, `?event=${target}`);
        expect(done.statusCode, done.body).toBe(200);
        const again = rowsOf((await get(`/api/exports/cards?format=csv`, cookie)).body);
        expect(comparable(again, drop, key), format).toEqual(comparable(source, drop, key));
        expect(again.every((r) => r.event_id === target)).toBe(true);
        const json = (await get('/api/exports/cards?format=json', cookie)).json<{
          items: { text: string }[];
        }>();
        expect(json.items.filter((c) => c.text === formula)).toHaveLength(1);
      }
    });

    it('labels in any language, the event by name; unknown values asked once; bad lines listed', async () => {
      const fresh = await secondCoalition(h);
      const cookie = await fresh.userWith('admin');
      const target = await eventIn(cookie);
      const issue = detail.issues[1]!;
      const cause = factorOf('cause');
      const thai = cause.labels?.th ?? cause.label;
      const csv = [
        'Event,Sheet,ประเภท,Level,Card text,Factor,Table name,Round number',
        `Imported café,${issue.key},สาเหตุ / ปัจจัยผลักดัน,Family,One,${cause.label},,`,
        `imported CAFÉ,${issue.key},push factor,ครอบครัว,Two,${thai},,`,
        `Imported café,${issue.key},Consequence,Family,Three,Mystery factor,,`,
        `Imported café,${issue.key},Consequence,Family,Four,mystery factor,,`,
      ].join('\n');
      const f = await refused('cards', { csv }, cookie);
      expect(f.analysis?.unmatched.map((u) => [u.vocabulary, u.value, u.count])).toEqual([
        ['factor', 'Mystery factor', 2],
      ]);
      const choices = { values: { factor: { 'mystery factor': '' } } };
      const done = await post('cards', { csv, choices, dryRun: false }, cookie);
      expect(done.statusCode, done.body).toBe(200);
      const rows = rowsOf((await get('/api/exports/cards?format=csv', cookie)).body);
      expect(
        rows.map((r) => [r.event_id, r.issue, r.kind, r.level, r.text, r.factor]).sort(),
      ).toEqual(
        [
          [target, issue.key, 'cause', 'family', 'One', cause.id],
          [target, issue.key, 'cause', 'family', 'Two', cause.id],
          [target, issue.key, 'consequence', 'family', 'Four', ''],
          [target, issue.key, 'consequence', 'family', 'Three', ''],
        ].sort(),
      );

      const bad = [
        'event,issue,kind,level,text,factor,table,round',
        `Imported café,${issue.key},cause,family,,,,`,
        `Imported café,${issue.key},consequence,family,Wrong kind,${cause.id},,`,
        `Imported café,${issue.key},cause,family,No such table,,Nowhere,`,
        `Imported café,${issue.key},cause,family,Odd round,,,first`,
        `Imported café,notAnIssue,cause,family,Odd issue,,,`,
        `Imported café,${issue.key},cause,family,${'x'.repeat(281)},,,`,
      ].join('\n');
      const g = await refused('cards', { csv: bad }, cookie);
      expect(g.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [2, 'text', 'value_required'],
        [3, 'factor', 'value_invalid'],
        [4, 'table', 'value_unknown'],
        [5, 'round', 'value_invalid'],
        [7, 'text', 'value_too_long'],
      ]);
      expect(g.analysis?.unmatched.map((u) => [u.vocabulary, u.value])).toEqual([
        ['issue', 'notAnIssue'],
      ]);
    });

    it('a member may not import cards; another coalition’s event is not found; nothing stored', async () => {
      const member = await h.userWith('member');
      await refused('cards', { csv: 'issue,kind,level,text\nx,cause,family,A' }, member, 403);
      const fresh = await secondCoalition(h);
      const other = await fresh.userWith('admin');
      const before = await snapshot();
      const r = await post(
        'cards',
        { csv: `issue,kind,level,text\n${detail.issues[0]!.key},cause,family,A`, dryRun: false },
        other,
        `?event=${eventId}`,
      );
      expect(r.statusCode, r.body).toBe(404);
      expect(await snapshot()).toEqual(before);
    });
  });
});

describe('`mosaic import`', () => {
  it('checks with --dry-run, maps values from --mapping, imports all or nothing, exits 1 on a problem (no store)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-import-'));
    try {
      const { db } = openDb({ dataDir: dir });
      await migrateToLatest(db);
      await seedDemo(db, new Date('2026-11-28T09:00:00Z'));
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('organisations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const run = (...args: string[]) =>
        promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', 'import', ...args],
          {
            cwd: path.resolve(import.meta.dirname, '../..'),
            env: { ...process.env, MOSAIC_DATA: dir, DATABASE_URL: '' },
          },
        ).then(
          (r) => ({ code: 0, ...r }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
      const file = path.join(dir, 'orgs.csv');
      fs.writeFileSync(
        file,
        'Organisation,Type\nCLI one,Law enforcement\nCLI two,Shadow agency\nCLI three,Shadow agency\n',
      );
      const bad = await run('organisations', file, '--dry-run');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(
        '"Shadow agency" (orgType) in 2 rows, column Type, first on line 3',
      );
      const mapping = path.join(dir, 'mapping.json');
      fs.writeFileSync(
        mapping,
        JSON.stringify({ values: { orgType: { 'Shadow agency': 'NGO' } } }),
      );
      const dry = await run('organisations', file, '--dry-run', '--mapping', mapping);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/^3 organisations ready to import .*nothing stored/);
      expect(await count()).toBe(before);
      const done = await run('organisations', file, '--mapping', mapping);
      expect(done.code, done.stderr).toBe(0);
      expect(await count()).toBe(before + 3);
      await db.destroy();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
