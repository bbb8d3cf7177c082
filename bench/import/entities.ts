/**
 * Organisations, routes and café cards imported from 100,000-line files (issue 14, "Data in and out"), through
 * the API as the web app calls it (app.inject), on a fresh SQLite database (PostgreSQL when
 * MOSAIC_BENCH_DATABASE_URL names a server). Each file is made from the demo coalition's own export
 * (its rows repeated, organisation names numbered so each is new), so the columns, vocabularies and
 * places are the ones a coalition really exports. The baseline, measured in the same run, is the
 * same file cut to 1,000 lines: the two together show how the time grows with the file.
 * Each size: the dry run (read, match, check every line) and the import (the same, then every row
 * in one transaction), each into a coalition of its own. Writes docs/benchmarks.md between the
 * import-entities markers: `npm run bench:import-entities`. Last line: a JSON summary.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { testBackends } from '../../test/support/backends.ts';
import { startApi, type ApiHarness } from '../../test/support/api.ts';
import { secondCoalition } from '../../test/support/coalitions.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const BIG = 100_000;
const SMALL = 1_000;

if (process.env.MOSAIC_BENCH_DATABASE_URL)
  process.env.MOSAIC_TEST_DATABASE_URL = process.env.MOSAIC_BENCH_DATABASE_URL;
else delete process.env.MOSAIC_TEST_DATABASE_URL;

type Row = Record<string, string>;
const rowsOf = (csv: string): Row[] =>
  parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Row[];

/** A CSV of `n` lines made by repeating `rows`; `each` may change a row (e.g. number its name). */
function grown(rows: Row[], columns: string[], n: number, each: (r: Row, i: number) => Row) {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const r = each(rows[i % rows.length]!, i);
    out.push(columns.map((c) => r[c] ?? ''));
  }
  return stringify([columns, ...out]);
}

interface Timing {
  entity: string;
  lines: number;
  mb: number;
  dryMs: number;
  importMs: number;
}

async function post(
  h: ApiHarness,
  cookie: string,
  entity: string,
  csv: string,
  dryRun: boolean,
  query = '',
) {
  const t0 = performance.now();
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/imports/${entity}${query}`,
    headers: { cookie },
    payload: { csv, dryRun },
  });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200)
    throw new Error(
      `${entity} (${dryRun ? 'dry run' : 'import'}): ${res.statusCode} ${res.body.slice(0, 400)}`,
    );
  const count = res.json<{ count: number }>().count;
  return { ms, count };
}

const results: Array<Timing & { backend: string }> = [];
for (const backend of testBackends()) {
  const h = await startApi(backend);
  const admin = await h.adminCookie();
  const exported = async (entity: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/exports/${entity}?format=csv`,
        headers: { cookie: admin },
      })
    ).body;
  const orgCsv = await exported('organisations');
  const orgRows = rowsOf(orgCsv);
  const routeRows = rowsOf(await exported('routes'));
  const cardRows = rowsOf(await exported('cards'));
  const eventId = cardRows[0]!.event_id!;
  const detail = (
    await h.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}`,
      headers: { cookie: admin },
    })
  ).json<{ issues: object[]; tables: { name: string; capacity: number }[] }>();
  const cardColumns = ['issue', 'kind', 'level', 'text', 'factor', 'forms', 'table', 'round'];
  // The columns a coalition needs to fill (the required ones and a few more); a file may have up
  // to MAX_IMPORT_MB, and a wider file of that length is refused by that limit.
  const orgColumns = ['name', 'type', 'countries', 'forms', 'visibility'];
  // the demo's cards are all of one event: only its rows are repeated
  cardRows.splice(0, cardRows.length, ...cardRows.filter((r) => r.event_id === eventId));
  const routeColumns = [
    'source',
    'transits',
    'destination',
    'forms',
    'confidence',
    'basis',
    'organisation',
  ];
  for (const c of [
    ...orgColumns.map((c) => [orgRows, c] as const),
    ...routeColumns.map((c) => [routeRows, c] as const),
    ...cardColumns.map((c) => [cardRows, c] as const),
  ])
    if (!(c[1] in c[0][0]!)) throw new Error(`the export has no column ${c[1]}`);

  for (const lines of [SMALL, BIG]) {
    // organisations: every name numbered, so every line is a new organisation
    const orgs = grown(orgRows, orgColumns, lines, (r, i) => ({
      ...r,
      name: `${r.name} ${i + 1}`,
    }));
    const c1 = await secondCoalition(h);
    const coord1 = await c1.userWith('coordinator');
    const dry = await post(h, coord1, 'organisations', orgs, true);
    const real = await post(h, coord1, 'organisations', orgs, false);
    if (dry.count !== lines || real.count !== lines)
      throw new Error(`organisations: ${lines} lines, ${dry.count} checked, ${real.count} stored`);
    results.push({
      backend: backend.name,
      entity: 'organisations',
      lines,
      mb: Buffer.byteLength(orgs) / 1048576,
      dryMs: dry.ms,
      importMs: real.ms,
    });
    console.log(results.at(-1));

    // routes: the demo's routes again and again, reported by the demo's organisations (imported
    // first into a coalition of their own, as the round trip does)
    const routes = grown(routeRows, routeColumns, lines, (r) => r);
    const c2 = await secondCoalition(h);
    const coord2 = await c2.userWith('coordinator');
    await post(h, coord2, 'organisations', orgCsv, false);
    const rdry = await post(h, coord2, 'routes', routes, true);
    const rreal = await post(h, coord2, 'routes', routes, false);
    if (rdry.count !== lines || rreal.count !== lines)
      throw new Error(`routes: ${lines} lines, ${rdry.count} checked, ${rreal.count} stored`);
    results.push({
      backend: backend.name,
      entity: 'routes',
      lines,
      mb: Buffer.byteLength(routes) / 1048576,
      dryMs: rdry.ms,
      importMs: rreal.ms,
    });
    console.log(results.at(-1));

    // cards: the demo event's cards again and again, into an event with the same issues and
    // tables in a coalition of their own (`?event=`, as the round trip does)
    const cards = grown(cardRows, cardColumns, lines, (r) => r);
    const c3 = await secondCoalition(h);
    const coord3 = await c3.userWith('coordinator');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie: coord3 },
      payload: {
        name: 'Bench café',
        startsOn: '2026-12-01',
        endsOn: '2026-12-02',
        issues: detail.issues,
        tables: detail.tables.map((t) => ({ name: t.name, capacity: t.capacity })),
      },
    });
    if (made.statusCode !== 201) throw new Error(`event: ${made.statusCode} ${made.body}`);
    const target = made.json<{ id: string }>().id;
    const cdry = await post(h, coord3, 'cards', cards, true, `?event=${target}`);
    const creal = await post(h, coord3, 'cards', cards, false, `?event=${target}`);
    if (cdry.count !== lines || creal.count !== lines)
      throw new Error(`cards: ${lines} lines, ${cdry.count} checked, ${creal.count} stored`);
    results.push({
      backend: backend.name,
      entity: 'cards',
      lines,
      mb: Buffer.byteLength(cards) / 1048576,
      dryMs: cdry.ms,
      importMs: creal.ms,
    });
    console.log(results.at(-1));
  }
  await h.close();
}

const perSecond = (t: Timing) => Math.round(t.lines / (t.importMs / 1000));
const table = results.map(
  (r) =>
    `| ${r.backend} | ${r.entity} | ${r.lines.toLocaleString('en')} | ${r.mb.toFixed(1)} MB | ${(r.dryMs / 1000).toFixed(2)} s | ${(r.importMs / 1000).toFixed(2)} s | ${perSecond(r).toLocaleString('en')} |`,
);
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const section = [
  '<!-- import-entities:start -->',
  '## Importing 100,000 lines of organisations, routes and café cards (`bench/import/entities.ts`)',
  '',
  `Command: \`npm run bench:import-entities\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${load} at the end.`,
  '',
  'Through the API as the web app calls it (`POST /api/imports/<entity>`, `app.inject`), one run each. The files are the demo coalition\'s own CSV exports, their rows repeated (organisation names numbered so every line is a new organisation; only the columns a coalition must fill and a few more; a file may have up to 24 MB, `MAX_IMPORT_MB`, and a larger one is refused with a clear error). Baseline in the same run: the same files cut to 1,000 lines. "Dry run": decode, parse, match columns and values, check every line. "Import": the same, then every row in one transaction. Each import goes into a new, empty coalition.',
  '',
  '| database | entity | lines | file | dry run | import | lines/s (import) |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...table,
  '<!-- import-entities:end -->',
].join('\n');
const doc = here('../../docs/benchmarks.md');
const current = readFileSync(doc, 'utf8');
const re = /<!-- import-entities:start -->[\s\S]*<!-- import-entities:end -->/;
writeFileSync(
  doc,
  re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}\n`,
);
console.log('docs/benchmarks.md updated');
const big = results.filter((r) => r.lines === BIG && r.backend === 'sqlite');
console.log(
  JSON.stringify(
    Object.fromEntries(
      big.flatMap((r) => [
        [`${r.entity}_dry_ms`, Math.round(r.dryMs)],
        [`${r.entity}_import_ms`, Math.round(r.importMs)],
      ]),
    ),
  ),
);
