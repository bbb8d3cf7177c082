/**
 * Roster import speed, through the API as the web app calls it (app.inject: no socket), on a fresh
 * SQLite database (and PostgreSQL when MOSAIC_BENCH_DATABASE_URL names a server): the held-in
 * 150-row form export (CSV and .xlsx), and 5,000 rows made from it. Each size is run as a dry run
 * (read, match, check) and as the import itself (the same, then one transaction). Writes
 * docs/benchmarks.md between the import markers: `npm run bench:import`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { testBackends } from '../../test/support/backends.ts';
import { startApi, type ApiHarness } from '../../test/support/api.ts';
import { HEADERS, makePeople, rowsOf, formCsv } from '../../test/fixtures/roster/roster.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const REPEAT = 5;

if (process.env.MOSAIC_BENCH_DATABASE_URL)
  process.env.MOSAIC_TEST_DATABASE_URL = process.env.MOSAIC_BENCH_DATABASE_URL;
else delete process.env.MOSAIC_TEST_DATABASE_URL;

const people = makePeople();
const csv150 = readFileSync(here('../../test/fixtures/roster/form-export.csv'));
const xlsx150 = readFileSync(here('../../test/fixtures/roster/form-export.xlsx'));
// 5,000 rows: the 150 people again and again, names numbered so each row is its own person
const many = Array.from({ length: 5000 }, (_, i) => {
  const p = people[i % people.length]!;
  return {
    ...p,
    name: `${p.name} ${Math.floor(i / people.length) + 1}`,
    email: `p${i}@example.org`,
  };
});
const csv5000 = formCsv(many);
const xlsx5000 = await writeXlsxFile(
  [HEADERS, ...rowsOf(many)].map((r) => r.map((value) => ({ value }))),
).toBuffer();

const choices = { columns: {}, values: { sector: { 'UN / international': 'un' } } };

async function time(h: ApiHarness, cookie: string, bytes: Buffer, name: string, dryRun: boolean) {
  const ms: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const ev = (
      await h.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie },
        payload: { name: `bench ${i}`, startsOn: '2027-01-01', endsOn: '2027-01-02' },
      })
    ).json() as { id: string };
    const t0 = performance.now();
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/events/${ev.id}/participants/import`,
      headers: { cookie },
      payload: { file: { name, data: bytes.toString('base64') }, choices, dryRun },
    });
    ms.push(performance.now() - t0);
    if (res.statusCode !== 200)
      throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, min: ms[0]! };
}

const lines: string[] = [];
for (const backend of testBackends()) {
  const h = await startApi(backend);
  const cookie = await h.adminCookie();
  // warm-up: the first call builds the vocabularies (countries, languages) once per process
  await time(h, cookie, csv150, 'warm.csv', true);
  for (const [label, bytes, name, rows] of [
    ['CSV (UTF-8, BOM, CRLF)', csv150, 'form-export.csv', 150],
    ['.xlsx', xlsx150, 'form-export.xlsx', 150],
    ['CSV (UTF-8, BOM, CRLF)', csv5000, 'roster-5000.csv', 5000],
    ['.xlsx', xlsx5000, 'roster-5000.xlsx', 5000],
  ] as const) {
    const dry = await time(h, cookie, bytes, name, true);
    const real = await time(h, cookie, bytes, name, false);
    const kb = (bytes.length / 1024).toFixed(0);
    lines.push(
      `| ${backend.name} | ${rows} | ${label} | ${kb} KB | ${dry.median.toFixed(0)} ms | ${real.median.toFixed(0)} ms |`,
    );
    console.log(lines.at(-1));
  }
  await h.close();
}

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const section = [
  '<!-- import:start -->',
  '## Roster import (`bench/import`)',
  '',
  `Command: \`npm run bench:import\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${load}.`,
  '',
  `Through the API as the web app calls it (\`app.inject\`, base64 file in JSON), median of ${REPEAT} runs, each into a new event. The 150-row file is the held-in form export (\`test/fixtures/roster/\`); 5,000 rows repeat its people with numbered names. "Dry run": decode, parse, match columns and values, check every row. "Import": the same, then every row in one transaction and the mappings saved.`,
  '',
  '| database | rows | file | size | dry run | import |',
  '|---|---:|---|---:|---:|---:|',
  ...lines,
  '<!-- import:end -->',
].join('\n');
const doc = here('../../docs/benchmarks.md');
const current = readFileSync(doc, 'utf8');
const re = /<!-- import:start -->[\s\S]*<!-- import:end -->/;
writeFileSync(
  doc,
  re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}\n`,
);
console.log('docs/benchmarks.md updated');
