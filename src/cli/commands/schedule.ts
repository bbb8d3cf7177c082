/**
 * `mosaic schedule mix|networking|cafe|groups`: a thin shell over src/domain/scheduling. Input
 * problems are reported by file, line and column; output is written only once the schedule is
 * complete (stdout, or --output via a temporary file and rename), so nothing is half-written.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  assessSchedule,
  balancedSizes,
  InfeasibleError,
  planCafe,
  planGroups,
  planNetworking,
  solveMix,
  type Participant,
  type Progress,
  type Schedule,
  type SolveOptions,
} from '../../domain/scheduling/index.ts';
import { toCsv } from '../../domain/csv/write.ts';
import { CliError } from '../errors.ts';

type Format = 'json' | 'table' | 'csv';

interface CommonOptions {
  timeLimit: string;
  seed: string;
  format: string;
  output?: string;
}

export function registerSchedule(program: Command): void {
  const schedule = program
    .command('schedule')
    .description(
      'Mix people over rounds with no repeated meetings (networking, world café, groups).',
    );

  common(schedule.command('mix'))
    .description(
      'Anonymous instance: N people numbered 0..N-1 at tables of at most S over W rounds.',
    )
    .requiredOption('--people <n>', 'number of people')
    .requiredOption('--group-size <s>', 'largest table size (tables are as equal as possible)')
    .requiredOption('--rounds <w>', 'number of rounds')
    .action(async (opts: CommonOptions & { people: string; groupSize: string; rounds: string }) => {
      const people = int(opts.people, '--people', 1);
      const problem = {
        people,
        tableSizes: balancedSizes(people, int(opts.groupSize, '--group-size', 1)),
        rounds: int(opts.rounds, '--rounds', 0),
      };
      const result = withProgress((o) => solveMix(problem, o), solveOptions(opts));
      const quality = assessSchedule(problem, result.schedule);
      const label = (p: number): string => String(p);
      emit(opts, {
        json: () => ({
          rounds: result.schedule,
          quality,
          method: result.method,
          seconds: result.elapsedMs / 1000,
        }),
        rows: () => seatingRows(result.schedule, label),
      });
    });

  common(schedule.command('networking'))
    .description(
      'Speed networking: rounds of pairs (a trio when the count is odd), never the same pair twice.',
    )
    .requiredOption('--participants <file>', 'participant CSV (see docs/scheduling.md)')
    .requiredOption('--rounds <r>', 'number of rounds')
    .action(async (opts: CommonOptions & { participants: string; rounds: string }) => {
      const rows = await readParticipants(opts.participants);
      const people = rows.map((r) => r.participant);
      const plan = withProgress(
        (o) => planNetworking(people, int(opts.rounds, '--rounds', 0), o),
        solveOptions(opts),
      );
      const label = (p: number): string => people[p]?.id ?? String(p);
      emit(opts, {
        json: () => ({ rounds: named(plan.result.schedule, label), quality: plan.quality }),
        rows: () => seatingRows(plan.result.schedule, label),
      });
    });

  common(schedule.command('cafe'))
    .description('World café: hosts stay, issues rotate between tables, everyone else mixes.')
    .requiredOption(
      '--participants <file>',
      'participant CSV; host_table marks hosts (see docs/scheduling.md)',
    )
    .requiredOption('--tables <t>', 'number of tables')
    .requiredOption('--issues <list>', 'number of issues, or their names separated by commas')
    .requiredOption('--rounds <r>', 'number of rounds')
    .action(
      async (
        opts: CommonOptions & {
          participants: string;
          tables: string;
          issues: string;
          rounds: string;
        },
      ) => {
        const tables = int(opts.tables, '--tables', 1);
        const issueNames = /^\d+$/.test(opts.issues.trim())
          ? Array.from({ length: int(opts.issues, '--issues', 1) }, (_, i) => `issue ${i + 1}`)
          : opts.issues
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
        if (issueNames.length === 0)
          throw new CliError('--issues needs a number or a list of names');
        const rows = await readParticipants(opts.participants);
        const hosts = rows.flatMap((r, person) => {
          if (r.hostTable === null) return [];
          if (r.hostTable < 1 || r.hostTable > tables)
            throw new CliError(
              `${opts.participants}: line ${r.line}, column host_table: table ${r.hostTable} does not exist (1..${tables})`,
            );
          return [{ person, table: r.hostTable - 1 }];
        });
        const people = rows.map((r) => r.participant);
        const plan = withProgress(
          (o) =>
            planCafe(
              {
                participants: people,
                tables,
                issues: issueNames.length,
                rounds: int(opts.rounds, '--rounds', 0),
                hosts,
              },
              o,
            ),
          solveOptions(opts),
        );
        const label = (p: number): string => people[p]?.id ?? String(p);
        emit(opts, {
          json: () => ({
            rounds: plan.result.schedule.map((round, r) =>
              round.map((g, t) => ({
                table: t + 1,
                issue: issueNames[plan.issues[r]?.[t] ?? 0],
                people: g.map(label),
              })),
            ),
            quality: plan.quality,
          }),
          rows: () =>
            seatingRows(plan.result.schedule, label).map((row) => {
              const issue =
                issueNames[plan.issues[Number(row[0]) - 1]?.[Number(row[1]) - 1] ?? 0] ?? '';
              return [...row.slice(0, 2), issue, ...row.slice(2)];
            }),
          header: ['round', 'table', 'issue', 'people'],
        });
      },
    );

  common(schedule.command('groups'))
    .description(
      'Expertise groups from ranked choices (choice1..choice3), optimally assigned, sizes balanced.',
    )
    .requiredOption('--participants <file>', 'participant CSV with choice1, choice2, choice3')
    .option('--groups <n>', 'number of groups', '6')
    .option('--group-names <list>', 'names of the groups, comma separated (choices may use them)')
    .option('--capacities <list>', 'exact seats per group, comma separated')
    .action(
      async (
        opts: CommonOptions & {
          participants: string;
          groups: string;
          groupNames?: string;
          capacities?: string;
        },
      ) => {
        const names = opts.groupNames
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const capacities = opts.capacities?.split(',').map((s) => int(s, '--capacities', 0));
        const count = capacities?.length ?? names?.length ?? int(opts.groups, '--groups', 1);
        const groupNames = names ?? Array.from({ length: count }, (_, i) => String(i + 1));
        if (groupNames.length !== count)
          throw new CliError('--group-names and --capacities must list the same number of groups');
        const rows = await readParticipants(opts.participants);
        const choices = rows.map((r) =>
          r.choices.map(({ value, column }) => {
            const byName = groupNames.findIndex((n) => n.toLowerCase() === value.toLowerCase());
            if (byName >= 0) return byName;
            throw new CliError(
              `${opts.participants}: line ${r.line}, column ${column}: "${value}" is not a group (${groupNames.join(', ')})`,
            );
          }),
        );
        const plan = planGroups({
          choices,
          groups: count,
          capacities,
          sector: rows.map((r) => r.participant.sector),
        });
        const label = (p: number): string => rows[p]?.participant.id ?? String(p);
        emit(opts, {
          json: () => ({
            groups: plan.members.map((m, g) => ({ group: groupNames[g], people: m.map(label) })),
            satisfaction: plan.satisfaction,
            sameSectorPairs: plan.sameSectorPairs,
          }),
          rows: () =>
            plan.members.map((m, g) => [groupNames[g] ?? String(g + 1), m.map(label).join(' ')]),
          header: ['group', 'people'],
        });
      },
    );
}

function common(cmd: Command): Command {
  return cmd
    .option(
      '--time-limit <sec>',
      'stop searching after this many seconds and return the best found',
      '60',
    )
    .option('--seed <k>', 'random seed: the same seed gives the same schedule', '1')
    .option('--format <format>', 'json | table | csv', 'json')
    .option('--output <file>', 'write to this file instead of standard output');
}

function int(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min)
    throw new CliError(`${name} must be a whole number of at least ${min} (got "${value}")`);
  return n;
}

function solveOptions(opts: CommonOptions): SolveOptions {
  const seconds = Number(opts.timeLimit);
  if (!(seconds > 0))
    throw new CliError(
      `--time-limit must be a positive number of seconds (got "${opts.timeLimit}")`,
    );
  return { seed: int(opts.seed, '--seed', 0), timeLimitMs: seconds * 1000 };
}

/** Runs a solve with a progress bar on a terminal; turns infeasibility into a readable error. */
function withProgress<T>(solve: (o: SolveOptions) => T, options: SolveOptions): T {
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'scheduling [{bar}] {percentage}% | repeats {repeats} | {method}',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(100, 0, { repeats: '?', method: '' });
  try {
    return solve({
      ...options,
      onProgress: (p: Progress) =>
        bar?.update(Math.round(p.fraction * 100), { repeats: p.repeats, method: p.method }),
    });
  } catch (err) {
    if (err instanceof InfeasibleError || err instanceof RangeError)
      throw new CliError(err.message);
    throw err;
  } finally {
    bar?.update(100);
    bar?.stop();
  }
}

interface ParticipantRow {
  line: number;
  participant: Participant;
  hostTable: number | null;
  choices: { value: string; column: string }[];
}

async function readParticipants(file: string): Promise<ParticipantRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  let records: { info: { lines: number }; record: Record<string, string> }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as typeof records;
  } catch (err) {
    const e = err as { lines?: number; column?: number | string; message?: string };
    const where = e.lines
      ? `line ${e.lines}${e.column !== undefined ? `, column ${e.column}` : ''}: `
      : '';
    throw new CliError(
      `${file}: ${where}${(e.message ?? String(err)).replace(/^Invalid Record Length: /, '')}`,
    );
  }
  if (records.length === 0)
    throw new CliError(`${file}: no participants (a header line and one line per person)`);
  const header = Object.keys(records[0]?.record ?? {});
  if (!header.includes('id'))
    throw new CliError(`${file}: line 1: the header needs an "id" column`);
  const seen = new Map<string, number>();
  return records.map(({ info, record }) => {
    const line = info.lines;
    const id = record.id ?? '';
    if (!id) throw new CliError(`${file}: line ${line}, column id: empty id`);
    const previous = seen.get(id);
    if (previous)
      throw new CliError(
        `${file}: line ${line}, column id: "${id}" already used on line ${previous}`,
      );
    seen.set(id, line);
    const host = record.host_table ?? '';
    if (host && !/^\d+$/.test(host))
      throw new CliError(
        `${file}: line ${line}, column host_table: "${host}" is not a table number`,
      );
    return {
      line,
      participant: {
        id,
        organisation: record.organisation || record.organization || null,
        sector: record.sector || null,
        country: record.country || null,
      },
      hostTable: host ? Number(host) : null,
      choices: ['choice1', 'choice2', 'choice3'].flatMap((column) => {
        const value = record[column];
        return value ? [{ value, column }] : [];
      }),
    };
  });
}

function named(schedule: Schedule, label: (p: number) => string): string[][][] {
  return schedule.map((round) => round.map((g) => g.map(label)));
}

function seatingRows(schedule: Schedule, label: (p: number) => string): string[][] {
  return schedule.flatMap((round, r) =>
    round.map((g, t) => [String(r + 1), String(t + 1), g.map(label).join(' ')]),
  );
}

function emit(
  opts: CommonOptions,
  out: { json: () => unknown; rows: () => string[][]; header?: string[] },
): void {
  const format = opts.format as Format;
  if (!['json', 'table', 'csv'].includes(format))
    throw new CliError(`--format must be json, table or csv (got "${opts.format}")`);
  const header = out.header ?? ['round', 'table', 'people'];
  let text: string;
  if (format === 'json') text = `${JSON.stringify(out.json())}\n`;
  else if (format === 'csv') text = toCsv([header, ...out.rows()]);
  else {
    const rows = [header, ...out.rows()];
    const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    text =
      rows
        .map((r) =>
          r
            .map((cell, c) => cell.padEnd(widths[c] ?? 0))
            .join('  ')
            .trimEnd(),
        )
        .join('\n') + '\n';
  }
  if (!opts.output) {
    process.stdout.write(text);
    return;
  }
  const tmp = `${opts.output}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, opts.output);
}
