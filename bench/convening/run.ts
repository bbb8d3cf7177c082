/**
 * Planning a real room, through the API as the console calls it (app.inject) on a fresh SQLite
 * database: the held-in 150-person form export (16 organisations of 9–10) imported, then a
 * three-round world café planned at the tables a venue might have — 6 tables of 25 (keeping
 * colleagues apart can only be a preference there), 10 of 15 and 15 of 10 (kept apart as a hard
 * rule) — and a three-round speed networking of pairs. For each: the time the plan request took,
 * the repeated meetings it reached beside the least possible for that size (a proven lower
 * bound), colleagues seated together and broken hard rules. `--seconds N` is the solver's time
 * limit per plan (default 10, as the console asks). Writes docs/benchmarks.md between the
 * `convening` markers, and prints one JSON line last: `npm run bench:convening -- --json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { EventDetail, ScheduleQuality } from '../../src/contract/events.ts';
import { startApi } from '../../test/support/api.ts';
import { testBackends } from '../../test/support/backends.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--seconds');
const seconds = at >= 0 ? Number(args[at + 1]) : 10;
if (!(seconds >= 0.1 && seconds <= 60)) {
  console.error('--seconds must be a number from 0.1 to 60');
  process.exit(2);
}
delete process.env.MOSAIC_TEST_DATABASE_URL; // the embedded database, as a room runs it

const sqlite = testBackends().find((b) => b.name === 'sqlite')!;
const h = await startApi(sqlite);
const cookie = await h.adminCookie();
const call = async <T>(method: 'POST' | 'PUT', url: string, payload: object): Promise<T> => {
  const res = await h.app.inject({ method, url, headers: { cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

const file = readFileSync(here('../../test/fixtures/roster/form-export.csv'));
const choices = { columns: {}, values: { sector: { 'UN / international': 'un' } } };

interface Case {
  label: string;
  kind: 'cafe' | 'networking';
  tables: number;
  size: number;
  keepApart: 'hard' | 'soft';
}
const CASES: Case[] = [
  { label: 'café, 6 tables of 25', kind: 'cafe', tables: 6, size: 25, keepApart: 'soft' },
  { label: 'café, 10 tables of 15', kind: 'cafe', tables: 10, size: 15, keepApart: 'hard' },
  { label: 'café, 15 tables of 10', kind: 'cafe', tables: 15, size: 10, keepApart: 'hard' },
  { label: 'speed networking, pairs', kind: 'networking', tables: 0, size: 2, keepApart: 'hard' },
];

const rows: string[] = [];
const summary: Record<string, unknown>[] = [];
for (const c of CASES) {
  const ev = await call<{ id: string }>('POST', '/api/events', {
    name: c.label,
    startsOn: '2027-01-01',
    endsOn: '2027-01-02',
  });
  const t0 = performance.now();
  await call('POST', `/api/events/${ev.id}/participants/import`, {
    file: { name: 'form-export.csv', data: file.toString('base64') },
    choices,
    dryRun: false,
  });
  const importMs = performance.now() - t0;
  if (c.tables)
    await call('PUT', `/api/events/${ev.id}/tables`, {
      tables: Array.from({ length: c.tables }, (_, i) => ({
        name: `Table ${i + 1}`,
        capacity: c.size,
      })),
    });
  const withSession = await call<EventDetail>('POST', `/api/events/${ev.id}/sessions`, {
    kind: c.kind,
    title: c.label,
    rounds: 3,
    minutesPerRound: 20,
  });
  const session = withSession.sessions.at(-1)!;
  await call('PUT', `/api/events/${ev.id}/sessions/${session.id}/rules`, {
    ...session.rules,
    keepApart: { ...session.rules.keepApart, mode: c.keepApart },
  });
  const t1 = performance.now();
  const planned = await call<EventDetail>(
    'POST',
    `/api/events/${ev.id}/sessions/${session.id}/plan`,
    { timeLimitSeconds: seconds },
  );
  const planMs = performance.now() - t1;
  const q = planned.sessions.find((s) => s.id === session.id)!.quality as ScheduleQuality;
  const row = {
    case: c.label,
    keepApart: c.keepApart,
    importMs: Math.round(importMs),
    planMs: Math.round(planMs),
    repeats: q.repeatedPairs,
    leastRepeats: q.leastRepeats ?? null,
    together: q.softBreaks?.together ?? 0,
    violations: q.violations,
  };
  summary.push(row);
  rows.push(
    `| ${c.label} | ${c.keepApart === 'hard' ? 'hard rule' : 'preference'} | ${(planMs / 1000).toFixed(2)} s | ${row.repeats} | ${row.leastRepeats ?? '–'} | ${row.together} | ${row.violations} |`,
  );
  console.log(rows.at(-1));
}
await h.close();

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const section = [
  '<!-- convening:start -->',
  '## Planning a 150-person room (`bench/convening`)',
  '',
  `Command: \`npm run bench:convening -- --seconds ${seconds}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${load} at the end.`,
  '',
  `Through the API as the console calls it, on embedded SQLite: the held-in form export (150 people, 16 organisations of 9–10, imported in ${summary.map((s) => s.importMs).join(' / ')} ms), three rounds, solver time limit ${seconds} s. "Least possible" is the proven lower bound on repeated meetings for the size (docs/scheduling.md); "colleagues together" counts pair × round where keep-apart is a preference.`,
  '',
  '| plan | keep colleagues apart | plan request | repeated meetings | least possible | colleagues together | broken hard rules |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows,
  '<!-- convening:end -->',
].join('\n');
const doc = here('../../docs/benchmarks.md');
const current = readFileSync(doc, 'utf8');
const re = /<!-- convening:start -->[\s\S]*<!-- convening:end -->/;
writeFileSync(
  doc,
  re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}\n`,
);
console.log('docs/benchmarks.md updated');
if (args.includes('--json')) console.log(JSON.stringify({ seconds, plans: summary }));
