import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../../src/server/app.ts';
import { migrateToLatest, openDb } from '../../src/server/db/index.ts';
import { seedDemo, DEMO_LOGIN } from '../../src/server/seed/demo.ts';
import { searchPlaces } from '../../src/domain/geo/index.ts';
import { benchPlaces, loadRoutes } from './generate.ts';
import { flowCounts, placeCounts } from '../../src/server/db/repos/atlas-queries.ts';

/**
 * bench/atlas: N routes (default 1,000,000) over 5,000 places on embedded SQLite. Measures the
 * flows and gaps endpoints (through Fastify's inject: routing, validation, policy, query,
 * analysis, serialisation), the same aggregate SQL run directly on the database, and gazetteer
 * search. `--json` prints one summary line last.
 *   npm run bench:atlas -- --json [--routes 1000000] [--runs 50]
 */
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const json = args.includes('--json');
const ROUTES = arg('routes', 1_000_000);
const PLACES = arg('places', 5_000);
const RUNS = arg('runs', 50);
const log = (s: string) => {
  if (!json) console.log(s);
  else process.stderr.write(`${s}\n`);
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-atlas-'));
  const file = path.join(dir, 'mosaic.sqlite');
  try {
    const { db } = openDb({ dataDir: dir });
    await migrateToLatest(db);
    await seedDemo(db, new Date('2026-11-28T09:00:00Z'));
    const coalition = await db
      .selectFrom('coalitions')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const orgIds = (
      await db
        .selectFrom('organisations')
        .select('id')
        .where('coalition_id', '=', coalition.id)
        .execute()
    ).map((o) => o.id);
    const places = benchPlaces(PLACES);
    log(`loading ${ROUTES.toLocaleString('en')} routes over ${places.length} places…`);
    const t0 = performance.now();
    loadRoutes(file, coalition.id, orgIds, places, ROUTES, (done) => {
      if (done % 200_000 === 0 || done === ROUTES)
        log(`  ${done.toLocaleString('en')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    });
    const loadSeconds = (performance.now() - t0) / 1000;
    // Two servers on the same database: as deployed (answers cached until the next route write)
    // and with the cache off (what the first read after every write costs).
    const app = await buildApp({ db, backend: 'sqlite', loginAttemptsPerMinute: 10_000 });
    const uncachedApp = await buildApp({
      db,
      backend: 'sqlite',
      loginAttemptsPerMinute: 10_000,
      atlasCacheSize: 0,
    });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO_LOGIN });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const callOn = (a: typeof app, url: string) => async () => {
      const r = await a.inject({ method: 'GET', url, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    };
    const call = (url: string) => callOn(app, url);
    const uncached = (url: string) => callOn(uncachedApp, url);
    const audience = {
      coalitionId: coalition.id,
      scopes: ['coalitionAll' as const],
      readerCoalitionId: coalition.id,
      organisationId: null,
    };
    const repoFlows = await time(() => flowCounts(db, audience, 'country', {}), RUNS);
    const repoGaps = await time(() => placeCounts(db, audience, 'province', {}), RUNS);
    const flows = await time(call('/api/atlas/flows?level=country'), RUNS);
    const flowsForm = await time(call('/api/atlas/flows?level=province&form=ForcedLabour'), RUNS);
    const flowsFormTop = await time(
      call('/api/atlas/flows?level=province&form=ForcedLabour&top=20'),
      RUNS,
    );
    const gaps = await time(call('/api/atlas/gaps?level=province'), RUNS);
    const publicFlows = await time(call('/api/atlas/flows?level=country&view=public'), RUNS);
    // Every public answer (anonymous visitors and `view=public`): derived from the public release.
    const publicFlowsForm = await time(
      call('/api/atlas/flows?level=country&view=public&form=ForcedLabour'),
      RUNS,
    );
    const publicGaps = await time(call('/api/atlas/gaps?view=public'), RUNS);
    const publicMap = await time(call('/api/atlas/map?view=public'), Math.min(RUNS, 20));
    const publicGapsCold = await time(uncached('/api/atlas/gaps?view=public'), Math.min(RUNS, 20));
    const publicMapCold = await time(uncached('/api/atlas/map?view=public'), Math.min(RUNS, 5));
    const flowsCold = await time(uncached('/api/atlas/flows?level=country'), RUNS);
    const gapsCold = await time(uncached('/api/atlas/gaps?level=province'), RUNS);
    const flowsFormTopCold = await time(
      uncached('/api/atlas/flows?level=province&form=ForcedLabour&top=20'),
      Math.min(RUNS, 10),
    );
    const flowsFormCold = await time(
      uncached('/api/atlas/flows?level=province&form=ForcedLabour'),
      Math.min(RUNS, 10),
    );
    const publicFlowsCold = await time(
      uncached('/api/atlas/flows?level=country&view=public'),
      RUNS,
    );

    // The same aggregate SQL the endpoints run (admin audience = whole coalition), straight on SQLite.
    const raw = new SQLite(file, { readonly: true });
    const rawFlows = raw.prepare(
      `SELECT origin, destination, n FROM atlas_flow_counts
       WHERE coalition_id = ? AND level = 'country' AND visibility = '*' AND organisation_id = ''
         AND form = '*' AND n > 0`,
    );
    const rawGaps = raw.prepare(
      `SELECT place_id, form, source, transit, destination FROM atlas_place_counts
       WHERE coalition_id = ? AND level = 'province' AND visibility = '*' AND organisation_id = ''
         AND form != '*' AND (source > 0 OR transit > 0 OR destination > 0)`,
    );
    // For scale: the same flows counted from the routes themselves, without the summary table.
    const naive = raw.prepare(
      `SELECT s.country AS origin, d.country AS destination, count(*) AS n FROM routes r
       JOIN route_stops s ON s.route_id = r.id AND s.role = 'source'
       JOIN route_stops d ON d.route_id = r.id AND d.role = 'destination'
       WHERE r.coalition_id = ? GROUP BY 1, 2`,
    );
    const rawF = await time(() => rawFlows.all(coalition.id), RUNS);
    const rawG = await time(() => rawGaps.all(coalition.id), RUNS);
    const naiveF = await time(() => naive.all(coalition.id), 3);
    raw.close();

    // Gazetteer: what people type, letter by letter, for 300 places of the region.
    searchPlaces('warm-up');
    const queries: string[] = [];
    for (const p of places.filter((_, i) => i % 17 === 0).slice(0, 300))
      for (let n = 1; n <= Math.min(p.name.length, 10); n++) queries.push(p.name.slice(0, n));
    const searchTimes: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      searchPlaces(q, { limit: 10 });
      searchTimes.push(performance.now() - t);
    }
    await app.close();
    await uncachedApp.close();
    await db.destroy();

    const summary = {
      routes: ROUTES,
      flows_p50_ms: round(pct(flows, 0.5)),
      gaps_p50_ms: round(pct(gaps, 0.5)),
      raw_sql_p50_ms: round(pct(rawF, 0.5)),
      search_p99_ms: round(pct(searchTimes, 0.99)),
    };
    const detail = {
      places: places.length,
      load_seconds: round(loadSeconds),
      flows_p95_ms: round(pct(flows, 0.95)),
      repo_flows_p50_ms: round(pct(repoFlows, 0.5)),
      repo_gaps_p50_ms: round(pct(repoGaps, 0.5)),
      flows_province_form_p50_ms: round(pct(flowsForm, 0.5)),
      flows_public_p50_ms: round(pct(publicFlows, 0.5)),
      flows_public_form_p50_ms: round(pct(publicFlowsForm, 0.5)),
      gaps_public_p50_ms: round(pct(publicGaps, 0.5)),
      map_public_p50_ms: round(pct(publicMap, 0.5)),
      uncached_gaps_public_p50_ms: round(pct(publicGapsCold, 0.5)),
      uncached_map_public_p50_ms: round(pct(publicMapCold, 0.5)),
      flows_province_form_top20_p50_ms: round(pct(flowsFormTop, 0.5)),
      gaps_p95_ms: round(pct(gaps, 0.95)),
      uncached_flows_p50_ms: round(pct(flowsCold, 0.5)),
      uncached_gaps_p50_ms: round(pct(gapsCold, 0.5)),
      uncached_flows_province_form_p50_ms: round(pct(flowsFormCold, 0.5)),
      uncached_flows_public_p50_ms: round(pct(publicFlowsCold, 0.5)),
      uncached_flows_province_form_top20_p50_ms: round(pct(flowsFormTopCold, 0.5)),
      uncached_flows_vs_raw: round(pct(flowsCold, 0.5) / pct(rawF, 0.5)),
      uncached_gaps_vs_raw: round(pct(gapsCold, 0.5) / pct(rawG, 0.5)),
      raw_gaps_sql_p50_ms: round(pct(rawG, 0.5)),
      naive_flows_sql_p50_ms: round(pct(naiveF, 0.5)),
      flows_vs_raw: round(pct(flows, 0.5) / pct(rawF, 0.5)),
      gaps_vs_raw: round(pct(gaps, 0.5) / pct(rawG, 0.5)),
      search_p50_ms: round(pct(searchTimes, 0.5)),
      search_queries: queries.length,
      runs: RUNS,
      load_average_1m_at_end: round(os.loadavg()[0]!),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? '',
    };
    log(JSON.stringify(detail, null, 2));
    if (json) console.log(JSON.stringify(summary));
    else console.log(summary);
  } finally {
    if (!args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept ${file}`);
  }
}

await main();
