import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { cookieOf, DEMO, startApi, type ApiHarness } from '../support/api.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Count, FlowMatrix, GapList, Route, AtlasMap } from '../../src/contract/atlas.ts';
import type { PlaceSearchResponse } from '../../src/contract/gazetteer.ts';

import type { ImportFailure } from '../../src/contract/imports.ts';
const MAE_SOT = 'city:1152188';
const MYAWADI = 'city:1308052';
const BANGKOK = 'city:1609350';
const YANGON = 'city:1298824';

describe.each(testBackends())('atlas on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let orgA: string;
  let orgB: string;
  let memberA: string;
  let memberB: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    const orgs = await h.store.db
      .selectFrom('organisations')
      .select('id')
      .where('coalition_id', '=', h.coalitionId)
      .orderBy('name')
      .execute();
    orgA = orgs[0]!.id;
    orgB = orgs[1]!.id;
    memberA = await h.userWith('member', orgA);
    memberB = await h.userWith('member', orgB);
  });
  afterAll(async () => h?.close());

  const get = (url: string, cookie?: string) =>
    h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const send = (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload: unknown,
    cookie: string,
  ) => h.app.inject({ method, url, payload: payload as object, headers: { cookie } });
  const route = (over: Record<string, unknown> = {}) => ({
    source: YANGON,
    transits: [{ place: MYAWADI }, { place: MAE_SOT, borderCrossing: true }],
    destination: BANGKOK,
    forms: ['ForcedLabour'],
    sectors: ['Construction'],
    confidence: 'likely',
    basis: 'casework',
    visibility: 'coalition',
    ...over,
  });
  /** Coalition views publish exact counts only. */
  const exact = (n: Count | undefined): number => {
    if (n === undefined || n === null) return 0;
    if (typeof n !== 'number') throw new Error(`a range in a coalition view: ${JSON.stringify(n)}`);
    return n;
  };
  const cell = (m: FlowMatrix, o: string, d: string) =>
    exact(m.cells.find((c) => c.origin === o && c.destination === d)?.n);

  it('searches the gazetteer by local names, without diacritics', async () => {
    const res = await get('/api/gazetteer/search?q=sai%20gon&limit=3');
    expect(res.statusCode).toBe(200);
    const body = res.json() as PlaceSearchResponse;
    expect(body.items[0]!.place).toMatchObject({ id: 'city:1566083', countryCode: 'VN' });
    expect(body.items[0]!.matched).toBe('Sài Gòn');
    expect((await get('/api/gazetteer/search?q=')).statusCode).toBe(400);
    expect((await get(`/api/gazetteer/places/${MAE_SOT}`)).json()).toMatchObject({
      name: 'Mae Sot',
      provinceCode: 'TH-63',
    });
    expect((await get('/api/gazetteer/point?lat=16.7&lon=98.55')).json()).toMatchObject({
      kind: 'point',
      id: 'pt:16.7,98.55',
    });
  });

  it('adds a route from a member, owned by their organisation, and counts it at once', async () => {
    const before = (await get('/api/atlas/flows', admin)).json() as FlowMatrix;
    const res = await send(
      'POST',
      '/api/atlas/routes',
      route({ notes: 'Recruited through brokers at the bus station' }),
      memberA,
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Route;
    expect(r.organisation?.id).toBe(orgA);
    expect(r.stops.map((s) => [s.role, s.place.id, s.borderCrossing])).toEqual([
      ['source', YANGON, false],
      ['transit', MYAWADI, false],
      ['transit', MAE_SOT, true],
      ['destination', BANGKOK, false],
    ]);
    expect(r.warnings).toEqual([]);
    const after = (await get('/api/atlas/flows', admin)).json() as FlowMatrix;
    expect(cell(after, 'MM', 'TH')).toBe(cell(before, 'MM', 'TH') + 1);
    const prov = (
      await get('/api/atlas/flows?level=province&form=ForcedLabour', admin)
    ).json() as FlowMatrix;
    expect(cell(prov, 'MM-06', 'TH-10')).toBeGreaterThanOrEqual(1);
  });

  it('answers bad input with 400 naming the field', async () => {
    const bad = await send(
      'POST',
      '/api/atlas/routes',
      route({ transits: [{ place: 'city:999999999' }], yearFrom: 2022, yearTo: 2020 }),
      memberA,
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['transits.0.place', 'yearTo']);
    const shape = await send(
      'POST',
      '/api/atlas/routes',
      route({ forms: [], source: 'Bangkok' }),
      memberA,
    );
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['forms', 'source']);
    const other = await send('POST', '/api/atlas/routes', route({ organisationId: orgB }), memberA);
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0].field).toBe('organisationId');
  });

  it('applies the policy: organisation-only routes, viewers, anonymous callers', async () => {
    const own = (
      await send('POST', '/api/atlas/routes', route({ visibility: 'organisation' }), memberA)
    ).json() as Route;
    expect((await get(`/api/atlas/routes/${own.id}`, memberA)).statusCode).toBe(200);
    expect((await get(`/api/atlas/routes/${own.id}`, memberB)).statusCode).toBe(404);
    expect((await get(`/api/atlas/routes/${own.id}`, admin)).statusCode).toBe(200);
    expect(
      (await send('PATCH', `/api/atlas/routes/${own.id}`, { notes: 'x' }, memberB)).statusCode,
    ).toBe(404);
    const viewer = await h.userWith('viewer');
    expect((await send('POST', '/api/atlas/routes', route(), viewer)).statusCode).toBe(403);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/atlas/routes', payload: route() }))
        .statusCode,
    ).toBe(401);
    expect((await get(`/api/atlas/routes/${own.id}`)).statusCode).toBe(404);
  });

  it('keeps the summary tables equal to counting the routes, through updates and deletes', async () => {
    const created = (
      await send(
        'POST',
        '/api/atlas/routes',
        route({ forms: ['SexualExploitation', 'ForcedLabour'] }),
        memberB,
      )
    ).json() as Route;
    await send(
      'PATCH',
      `/api/atlas/routes/${created.id}`,
      { destination: 'city:1735161', visibility: 'public' },
      memberB,
    );
    const del = (await send('POST', '/api/atlas/routes', route(), memberB)).json() as Route;
    expect((await send('DELETE', `/api/atlas/routes/${del.id}`, null, memberB)).statusCode).toBe(
      204,
    );
    // A confidence filter that keeps every route forces the counting path; both must agree.
    for (const who of [admin, memberA, memberB])
      for (const q of [
        'level=country',
        'level=province&form=ForcedLabour',
        'level=country&form=SexualExploitation',
      ]) {
        const fast = (await get(`/api/atlas/flows?${q}`, who)).json() as FlowMatrix;
        const slow = (
          await get(`/api/atlas/flows?${q}&confidence=confirmed,likely,suspected`, who)
        ).json() as FlowMatrix;
        const norm = (m: FlowMatrix) =>
          m.cells.map((c) => `${c.origin}>${c.destination}:${c.n}`).sort();
        expect(fast.cells.length, q).toBeGreaterThan(0); // else equal would prove nothing
        expect(norm(fast), q).toEqual(norm(slow));
      }
    const gapsFast = (
      await get('/api/atlas/gaps?level=country&limit=200', admin)
    ).json() as GapList;
    const gapsSlow = (
      await get(
        '/api/atlas/gaps?level=country&limit=200&confidence=confirmed,likely,suspected',
        admin,
      )
    ).json() as GapList;
    expect(gapsFast.items.length).toBeGreaterThan(0);
    expect(
      gapsFast.items.map((g) => [g.place.id, g.form, g.source, g.transit, g.destination]),
    ).toEqual(gapsSlow.items.map((g) => [g.place.id, g.form, g.source, g.transit, g.destination]));
  });

  it('gaps of every audience equal counting the routes (several summary buckets summed)', async () => {
    await send('POST', '/api/atlas/routes', route({ visibility: 'organisation' }), memberA);
    await send('POST', '/api/atlas/routes', route({ visibility: 'public' }), memberB);
    for (const who of [admin, memberA, memberB])
      for (const level of ['country', 'province', 'city']) {
        const q = `/api/atlas/gaps?level=${level}&limit=200`;
        const key = (l: GapList) =>
          l.items.map((g) => [g.place.id, g.form, g.source, g.transit, g.destination].join(':'));
        const fast = (await get(q, who)).json() as GapList;
        const slow = (
          await get(`${q}&confidence=confirmed,likely,suspected`, who)
        ).json() as GapList;
        expect(fast.items.length, q).toBeGreaterThan(0);
        expect(key(fast).sort(), q).toEqual(key(slow).sort());
      }
  });

  it('flows `top` keeps the largest origins and destinations; totals still count everything', async () => {
    await send(
      'POST',
      '/api/atlas/routes',
      route({ source: MYAWADI, visibility: 'public' }),
      admin,
    );
    for (const view of ['coalition', 'public']) {
      const whole = (
        await get(`/api/atlas/flows?level=province&view=${view}`, admin)
      ).json() as FlowMatrix;
      const top = (
        await get(`/api/atlas/flows?level=province&view=${view}&top=1`, admin)
      ).json() as FlowMatrix;
      expect(whole.omitted).toEqual({ origins: 0, destinations: 0, cells: 0 });
      expect(whole.origins.length, view).toBeGreaterThan(1); // top=1 then leaves some out
      expect(top.origins).toEqual(whole.origins.slice(0, 1));
      expect(top.destinations).toEqual(whole.destinations.slice(0, 1));
      expect(top.total).toEqual(whole.total);
      expect(top.cells.length + top.omitted.cells).toBe(whole.cells.length);
      expect(top.omitted.origins).toBe(whole.origins.length - 1);
      expect(top.cells.length, view).toBeGreaterThan(0);
      for (const c of top.cells) expect(whole.cells).toContainEqual(c);
      expect(top.originTotals).toEqual({
        [whole.origins[0]!.id]: whole.originTotals[whole.origins[0]!.id],
      });
      const totalsOnly = (
        await get(`/api/atlas/flows?level=province&view=${view}&cells=none`, admin)
      ).json() as FlowMatrix;
      expect(totalsOnly.cells).toEqual([]);
      expect(totalsOnly.omitted.cells).toBe(whole.cells.length);
      expect(totalsOnly.originTotals).toEqual(whole.originTotals);
      expect(totalsOnly.destinationTotals).toEqual(whole.destinationTotals);
    }
    expect((await get('/api/atlas/flows?top=0', admin)).json()).toMatchObject({
      error: expect.anything(),
    });
  });

  it('never serves a cached answer after a route write, whichever server instance made it', async () => {
    // A second server on the same database stands for another process (or the CLI).
    const other = await buildApp({
      db: h.store.db,
      backend: h.store.backend,
      now: () => h.clock.now,
      loginAttemptsPerMinute: 10_000,
    });
    try {
      const otherAdmin = cookieOf(
        await other.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO }),
      );
      const flows = async () =>
        cell((await get('/api/atlas/flows?level=country', admin)).json() as FlowMatrix, 'MM', 'TH');
      const gap = async () =>
        (
          (await get('/api/atlas/gaps?level=country&limit=200', admin)).json() as GapList
        ).items.find((g) => g.place.id === 'TH' && g.form === 'ForcedLabour')?.destination;
      const mapped = async () => ((await get('/api/atlas/map', admin)).json() as AtlasMap).routes;
      const [f0, g0, m0] = [await flows(), exact(await gap()), exact(await mapped())];
      const now = async () => [await flows(), exact(await gap()), exact(await mapped())];
      expect(await now()).toEqual([f0, g0, m0]); // cached
      const added = (
        await other.inject({
          method: 'POST',
          url: '/api/atlas/routes',
          payload: route(),
          headers: { cookie: otherAdmin },
        })
      ).json() as Route;
      expect(await now()).toEqual([f0 + 1, g0 + 1, m0 + 1]);
      await other.inject({
        method: 'DELETE',
        url: `/api/atlas/routes/${added.id}`,
        headers: { cookie: otherAdmin },
      });
      expect(await now()).toEqual([f0, g0, m0]);
    } finally {
      await other.close();
    }
  });

  it('public view: every figure from one release by country; totals are sums of published cells', async () => {
    const m = (await get('/api/atlas/flows')).json() as FlowMatrix;
    expect(m.view).toBe('public');
    expect(m.k).toBe(11);
    const range = (n: Count): [number, number] =>
      n === null ? [1, 10] : typeof n === 'number' ? [n, n] : [n.lo, n.hi];
    // Loops over empty lists would pass whatever the rules: the seeded public data is not empty.
    expect(m.cells.length).toBeGreaterThan(0);
    expect(m.origins.length).toBeGreaterThan(0);
    for (const c of m.cells) {
      const [lo, hi] = range(c.n);
      expect(c.n === null || (lo >= 11 && hi >= lo)).toBe(true);
    }
    // A total carries no more than its cells: exactly the sum of their published ranges.
    const sumOf = (cells: FlowMatrix['cells']) =>
      cells.map((c) => range(c.n)).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    for (const o of m.origins)
      expect(range(m.originTotals[o.id]!)).toEqual(sumOf(m.cells.filter((c) => c.origin === o.id)));
    expect(range(m.total)).toEqual(sumOf(m.cells));
    // Public tables are by country only, whatever is asked.
    expect(((await get('/api/atlas/flows?level=province')).json() as FlowMatrix).level).toBe(
      'country',
    );
    const asMember = (await get('/api/atlas/flows?view=public', admin)).json() as FlowMatrix;
    expect(asMember.cells).toEqual(m.cells);
    const map = (await get('/api/atlas/map')).json() as AtlasMap;
    expect(map.flows.length).toBeGreaterThan(0);
    expect(map.flows.every((f) => range(f.n)[0] >= 11 && f.via.length === 0)).toBe(true);
    expect(map.flows.every((f) => f.source.kind === 'country')).toBe(true);
    expect(range(map.routes)).toEqual(range(m.total));
    const text = JSON.stringify(map) + JSON.stringify((await get('/api/atlas/challenges')).json());
    expect(text).not.toContain('(demo)');
    expect((await get('/api/atlas/routes')).json()).toEqual({ items: [], total: 0 });
    const gaps = (await get('/api/atlas/gaps?level=province')).json() as GapList;
    expect(gaps.items.length).toBeGreaterThan(0);
    for (const g of gaps.items) {
      expect(g.place.kind).toBe('country');
      for (const n of [g.source, g.transit, g.destination])
        expect(n === null || n === 0 || typeof n === 'object' || n >= 11).toBe(true);
    }
  });

  it('ranks gaps in plain words, with the rule and weights that can be changed', async () => {
    const g = (await get('/api/atlas/gaps?level=province&limit=10', admin)).json() as GapList;
    expect(g.items.length).toBeGreaterThan(3);
    expect(g.rule).toContain('need');
    expect(g.items[0]!.summary).toMatch(/route/);
    const scores = g.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const onlyDest = (
      await get('/api/atlas/gaps?level=province&limit=10&wSource=0&wTransit=0', admin)
    ).json() as GapList;
    expect(onlyDest.items.length).toBeGreaterThan(0);
    expect(onlyDest.items.every((i) => exact(i.destination) > 0)).toBe(true);
    expect((await get('/api/atlas/gaps?wSource=-1', admin)).statusCode).toBe(400);
  });

  it('imports CSV (POST /api/imports/routes): dry run lists line and column problems, then all or nothing', async () => {
    const count = async () =>
      ((await get('/api/atlas/routes?limit=1', admin)).json() as { total: number }).total;
    const before = await count();
    const bad = [
      'source,transits,border_crossings,destination,forms,confidence,basis,year_from',
      `"Yangon, MM","Myawadi, MM;Mae Sot, TH","Mae Sot, TH","Bangkok, TH",ForcedLabour,likely,casework,2019`,
      `Qqxyzzy,,,"Bangkok, TH",ForcedLabour,sure,casework,19`,
    ].join('\n');
    const refused = await send('POST', '/api/imports/routes', { csv: bad, dryRun: false }, memberA);
    expect(refused.statusCode).toBe(422);
    const f = refused.json() as ImportFailure;
    expect(f.problems.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'source', 'value_unknown'],
      [3, 'year_from', 'value_invalid'],
    ]);
    expect(f.problems[0]).toMatchObject({ value: 'Qqxyzzy' });
    // a value no vocabulary knows is asked once, with the rows it is in
    expect(f.analysis?.unmatched).toMatchObject([
      { vocabulary: 'confidence', value: 'sure', count: 1, firstLine: 3 },
    ]);
    expect(await count()).toBe(before);
    const good =
      bad.split('\n').slice(0, 2).join('\n') +
      '\n' +
      `${MAE_SOT},,,${BANGKOK},SexualExploitation;ForcedLabour,suspected,hotline,2021\n`;
    const check = await send('POST', '/api/imports/routes', { csv: good, dryRun: true }, memberA);
    expect(check.json()).toMatchObject({ ok: true, dryRun: true, count: 2 });
    expect(await count()).toBe(before);
    const done = await send('POST', '/api/imports/routes', { csv: good, dryRun: false }, memberA);
    expect(done.json()).toMatchObject({ ok: true, dryRun: false, count: 2 });
    expect(await count()).toBe(before + 2);
    const wrongCol = await send('POST', '/api/imports/routes', { csv: 'from,to\nx,y' }, memberA);
    expect((wrongCol.json() as ImportFailure).problems.map((p) => [p.code, p.field])).toEqual([
      ['column_missing', 'forms'],
      ['column_missing', 'confidence'],
      ['column_missing', 'basis'],
    ]);
  });

  it('answers JSON, compressed for clients that accept it', async () => {
    for (const url of ['/api/atlas/map', '/api/atlas/flows?level=province', '/api/atlas/gaps']) {
      const plain = await get(url, admin);
      expect(plain.headers['content-type'], url).toBe('application/json; charset=utf-8');
      for (const [enc, unzip] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        const packed = await h.app.inject({
          method: 'GET',
          url,
          headers: { cookie: admin, 'accept-encoding': enc },
        });
        if (plain.rawPayload.length < 1024) continue; // below the threshold: sent as it is
        expect(packed.headers['content-encoding'], url).toBe(enc);
        expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length);
        expect(JSON.parse(unzip(packed.rawPayload).toString('utf8'))).toEqual(plain.json());
      }
    }
  });

  it('exports flows as GeoJSON', async () => {
    const res = await get('/api/atlas/flows.geojson?level=country', admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('geo+json');
    const fc = res.json() as {
      type: string;
      features: { geometry: { coordinates: number[][] }; properties: { routes: number } }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(5);
    expect(fc.features[0]!.geometry.coordinates).toHaveLength(2);
  });

  it('records challenges; the public sees public ones without the organisation', async () => {
    const res = await send(
      'POST',
      '/api/atlas/challenges',
      {
        text: 'No interpreters for Karen at the border court.',
        place: MAE_SOT,
        form: 'ForcedLabour',
        visibility: 'public',
      },
      memberA,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().organisation.id).toBe(orgA);
    const pub = (await get('/api/atlas/challenges')).json() as {
      items: { text: string; organisation: unknown }[];
    };
    const mine = pub.items.find((c) => c.text.startsWith('No interpreters'))!;
    expect(mine.organisation).toBeNull();
    expect(
      (await send('POST', '/api/atlas/challenges', { text: '', place: 'nowhere' }, memberA))
        .statusCode,
    ).toBe(400);
  });

  it('streams a change event when a route is added (Server-Sent Events)', async () => {
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    try {
      const res = await fetch(`${address}/api/atlas/stream`, {
        headers: { cookie: admin },
        signal: ctrl.signal,
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const chunks: string[] = [];
      const readUntil = async (needle: string) => {
        while (!chunks.join('').includes(needle)) {
          const { value, done } = await reader.read();
          if (done) break;
          chunks.push(new TextDecoder().decode(value));
        }
      };
      await readUntil('event: hello');
      await send('POST', '/api/atlas/routes', route(), memberA);
      await readUntil('event: change');
      expect(chunks.join('')).toMatch(/event: change\ndata: \{"version":\d+\}/);
    } finally {
      ctrl.abort();
    }
  });
});
