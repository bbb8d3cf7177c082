/**
 * Scheduling benchmark: every social golfer instance of sgp-instances.json at its best-known
 * number of rounds (and at the requested rounds when they differ), plus realistic conferences.
 * Prints a table, writes docs/benchmarks.md between the scheduling markers, and ends with one
 * JSON summary line when run with --json. Not a timed test: figures depend on the machine.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assessSchedule,
  balancedSizes,
  solveMix,
  type MixProblem,
} from '../../src/domain/scheduling/index.ts';
import { conference, CONFERENCES } from './conference.ts';

interface Instance {
  name: string;
  g: number;
  s: number;
  w: number;
  bestKnownRounds: number;
}

interface Row {
  name: string;
  people: number;
  groupSize: number;
  bestKnown: number | null;
  rounds: number;
  repeats: number;
  seconds: number;
  method: string;
  requestedRounds: number;
  repeatsAtRequested: number;
  violations: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const TIME_LIMIT_MS = 60_000;
const CONFERENCE_LIMIT_MS = 10_000;
const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

function run(
  problem: MixProblem,
  limit: number,
): { repeats: number; seconds: number; method: string; violations: number } {
  const t0 = performance.now();
  const result = solveMix(problem, { seed: 1, timeLimitMs: limit });
  const seconds = (performance.now() - t0) / 1000;
  const q = assessSchedule(problem, result.schedule);
  return {
    repeats: q.repeatedPairs,
    seconds,
    method: result.method,
    violations: q.totalViolations,
  };
}

const instances = (
  JSON.parse(readFileSync(join(here, 'sgp-instances.json'), 'utf8')) as { instances: Instance[] }
).instances;
const rows: Row[] = [];
for (const inst of instances) {
  if (only && !inst.name.includes(only)) continue;
  const people = inst.g * inst.s;
  const at = (rounds: number): MixProblem => ({
    people,
    tableSizes: balancedSizes(people, inst.s),
    rounds,
  });
  const target = run(at(inst.bestKnownRounds), TIME_LIMIT_MS);
  const requested = inst.w === inst.bestKnownRounds ? target : run(at(inst.w), TIME_LIMIT_MS);
  rows.push({
    name: `${inst.g}-${inst.s}-${inst.bestKnownRounds} ${inst.name}`,
    people,
    groupSize: inst.s,
    bestKnown: inst.bestKnownRounds,
    rounds: inst.bestKnownRounds,
    repeats: target.repeats,
    seconds: target.seconds,
    method: target.method,
    requestedRounds: inst.w,
    repeatsAtRequested: requested.repeats,
    violations: target.violations + requested.violations,
  });
  if (!json) console.error(`done: ${inst.name}`);
}
for (const spec of CONFERENCES) {
  if (only && !spec.name.includes(only)) continue;
  const problem = conference(spec);
  const r = run(problem, CONFERENCE_LIMIT_MS);
  rows.push({
    name: spec.name,
    people: problem.people,
    groupSize: Math.max(...spec.tableSizes),
    bestKnown: null,
    rounds: spec.rounds,
    repeats: r.repeats,
    seconds: r.seconds,
    method: r.method,
    requestedRounds: spec.rounds,
    repeatsAtRequested: r.repeats,
    violations: r.violations,
  });
}

const solved = rows.filter((r) => r.repeats === 0 && r.violations === 0).length;
const header =
  '| instance | people | best known rounds | rounds run | repeats | seconds | method | requested rounds | repeats at requested |';
const table = [
  header,
  '|---|---:|---:|---:|---:|---:|---|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.people} | ${r.bestKnown ?? '–'} | ${r.rounds} | ${r.repeats === 0 ? '0' : `**${r.repeats} (not solved)**`} | ${r.seconds.toFixed(2)} | ${r.method} | ${r.requestedRounds} | ${r.repeatsAtRequested} |`,
  ),
].join('\n');
console.log(table);
console.log(`\nsolved ${solved} of ${rows.length} (0 repeats, 0 violations)`);

if (!only) writeDocs(table, solved, rows.length);
if (json) {
  const summary = {
    instances: rows.map((r) => ({
      name: r.name,
      people: r.people,
      groupSize: r.groupSize,
      rounds: r.rounds,
      repeats: r.repeats,
      seconds: Number(r.seconds.toFixed(3)),
    })),
    solved,
    total: rows.length,
  };
  console.log(JSON.stringify(summary));
}

function writeDocs(table: string, solvedCount: number, total: number): void {
  const file = join(here, '../../docs/benchmarks.md');
  const start = '<!-- scheduling:start -->';
  const end = '<!-- scheduling:end -->';
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    start,
    '## Scheduling (social golfer problem)',
    '',
    `Command: \`npm run bench:scheduling -- --json\` · ${new Date().toISOString().slice(0, 10)} · ${cpu}, ${cpus().length} cores, Node ${process.version} · seed 1, one core, limit ${TIME_LIMIT_MS / 1000} s per instance (${CONFERENCE_LIMIT_MS / 1000} s per conference).`,
    '',
    'Each instance is run at its best-known number of rounds ("rounds run"); when the file requests fewer rounds, that run is reported too. Repeats are extra meetings summed over pairs; every schedule is checked for placement, capacity, keep-apart and host violations (all 0).',
    '',
    table,
    '',
    `Solved ${solvedCount} of ${total} with 0 repeats.`,
    end,
  ].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
