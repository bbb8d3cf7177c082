import type {
  PlannedRound,
  PlanRefusal,
  ScheduleQuality,
  SessionRules,
} from '../../contract/events.ts';
import {
  assessSchedule,
  checkHardRules,
  describeInfeasibility,
  InfeasibleError,
  planCafe,
  planGroups,
  planNetworking,
  repeatLowerBound,
  replan,
  networkingSizes,
  ruleProblem,
  splitEvenly,
  type MixProblem,
  type Participant as Person,
  type Schedule,
  type SolveOptions,
} from '../../domain/scheduling/index.ts';
import type { EventTableTable } from '../db/schema.ts';
import type { ParticipantRecord } from '../db/repos/events.ts';
import type { EventIssue, ExpertiseGroup, SwapWarning } from '../../contract/events.ts';
import { displayName, nameQualifiers } from '../../core/names.ts';

/**
 * The bridge between stored events and the scheduling engine: participants become dense indices,
 * schedules come back as rounds of groups that name tables, issues and participant ids. The server
 * runs `generatePlan` and `replanRemaining` in a worker thread (./jobs.ts), never on the event loop:
 * inputs and results must stay structured-cloneable (plain data, Sets, no functions).
 */

export interface PlanningInput {
  kind: 'networking' | 'cafe' | 'groups';
  rounds: number;
  participants: ParticipantRecord[];
  tables: EventTableTable[];
  issues: EventIssue[];
  expertiseGroups: ExpertiseGroup[];
  /** The session's seating rules (hard or soft, with weights). */
  rules: SessionRules;
  seed: number;
  timeLimitMs: number;
}

export interface PlanningResult {
  plan: PlannedRound[];
  quality: ScheduleQuality;
}

/** The input cannot be planned; `reason` says why in codes and what would make it plannable. */
export class PlanningError extends Error {
  constructor(
    message: string,
    readonly reason?: PlanRefusal['reason'],
  ) {
    super(message);
  }
}

/** The domain's refusal as the planning layer's, keeping the explanation. */
function planningError(err: InfeasibleError | RangeError): PlanningError {
  return new PlanningError(err.message, err instanceof InfeasibleError ? err.detail : undefined);
}

/** What the worker hooks into a run: the solver's progress reports. */
export type PlanningHooks = Pick<SolveOptions, 'onProgress'>;

const people = (ps: ParticipantRecord[]): Person[] =>
  ps.map((p) => ({ id: p.id, organisation: p.organisation, sector: p.sector, country: p.country }));

function qualityOf(
  problem: MixProblem,
  schedule: Schedule,
  choices: ScheduleQuality['choices'] = null,
  /** People left out on purpose in every round (absent at a re-plan): not placement violations. */
  absentees = 0,
  /** Who sits in the new rounds (a re-plan); default everyone. */
  present?: readonly number[],
): ScheduleQuality {
  const q = assessSchedule(problem, schedule);
  const v = q.violations;
  const placement = Math.max(0, v.placement - absentees * schedule.length);
  return {
    repeatedPairs: q.repeatedPairs,
    leastRepeats:
      choices === null
        ? repeatLowerBound({
            people: problem.people,
            tableSizes: problem.tableSizes,
            rounds: schedule.length,
            history: problem.history,
            present,
          })
        : null,
    softBreaks: q.softBreaks,
    maxMeetings: q.maxMeetings,
    crossSectorShare: q.crossSectorShare ?? 0,
    violations: placement + v.capacity + v.keepApart + v.fixed,
    choices,
  };
}

export function generatePlan(input: PlanningInput, hooks: PlanningHooks = {}): PlanningResult {
  const ps = input.participants;
  const ids = ps.map((p) => p.id);
  const opts = { seed: input.seed, timeLimitMs: input.timeLimitMs, ...hooks };
  try {
    if (input.kind === 'networking') {
      if (ps.length < 2)
        throw new PlanningError('speed networking needs at least 2 present participants');
      const r = planNetworking(people(ps), input.rounds, opts, input.rules);
      return {
        plan: r.result.schedule.map((round) => ({
          groups: round.map((g, spot) => ({
            tableId: null,
            spot: spot + 1,
            issueKey: null,
            groupKey: null,
            participantIds: g.map((i) => ids[i]!),
          })),
        })),
        quality: qualityOf(r.problem, r.result.schedule),
      };
    }
    if (input.kind === 'cafe') {
      if (input.tables.length < 1)
        throw new PlanningError('the world café needs tables: add them in the event set-up');
      const capacity = input.tables.reduce((n, t) => n + t.capacity, 0);
      if (capacity < ps.length)
        throw new PlanningError(
          `the tables seat ${capacity} but ${ps.length} participants are present`,
        );
      const index = new Map(ids.map((id, i) => [id, i]));
      const hosts = input.tables.flatMap((t, table) => {
        const person = t.host_participant_id ? index.get(t.host_participant_id) : undefined;
        return person === undefined ? [] : [{ person, table }];
      });
      const r = planCafe(
        {
          participants: people(ps),
          tables: input.tables.length,
          issues: input.issues.length,
          rounds: input.rounds,
          hosts,
          rules: input.rules,
        },
        opts,
      );
      return {
        plan: r.result.schedule.map((round, ri) => ({
          groups: round.map((g, t) => ({
            tableId: input.tables[t]!.id,
            spot: t + 1,
            issueKey: input.issues[r.issues[ri]![t]!]?.key ?? null,
            groupKey: null,
            participantIds: g.map((i) => ids[i]!),
          })),
        })),
        quality: qualityOf(r.problem, r.result.schedule),
      };
    }
    const groupKeys = input.expertiseGroups.map((g) => g.key);
    const choices = ps.map((p) => p.choices.map((k) => groupKeys.indexOf(k)).filter((i) => i >= 0));
    const r = planGroups({ choices, groups: groupKeys.length, sector: ps.map((p) => p.sector) });
    const schedule: Schedule = [r.members];
    const problem: MixProblem = {
      people: ps.length,
      tableSizes: r.members.map((m) => m.length),
      rounds: 1,
    };
    return {
      plan: [
        {
          groups: r.members.map((m, gi) => ({
            tableId: input.tables[gi]?.id ?? null,
            spot: gi + 1,
            issueKey: null,
            groupKey: groupKeys[gi] ?? null,
            participantIds: m.map((i) => ids[i]!),
          })),
        },
      ],
      quality: qualityOf(problem, schedule, {
        first: r.satisfaction.first,
        second: r.satisfaction.second,
        third: r.satisfaction.third,
        none: r.satisfaction.unranked,
      }),
    };
  } catch (err) {
    if (err instanceof InfeasibleError || err instanceof RangeError) throw planningError(err);
    throw err;
  }
}

export type SessionReplanInput = PlanningInput & {
  plan: PlannedRound[];
  heldThrough: number;
  presentIds: Set<string>;
};

/**
 * Re-plans the rounds after `heldThrough` for the people present now. Rounds up to and including
 * `heldThrough` are returned unchanged (they happened); past meetings count as repeats.
 */
export function replanRemaining(
  input: SessionReplanInput,
  hooks: PlanningHooks = {},
): PlanningResult {
  const all = input.participants;
  const ids = all.map((p) => p.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const held: Schedule = input.plan
    .slice(0, input.heldThrough + 1)
    .map((r) =>
      r.groups.map((g) =>
        g.participantIds.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])),
      ),
    );
  const present = all.filter((p) => input.presentIds.has(p.id)).map((p) => index.get(p.id)!);
  const remainingRounds = input.rounds - (input.heldThrough + 1);
  if (remainingRounds <= 0) throw new PlanningError('no rounds are left to re-plan');
  if (present.length < 2) throw new PlanningError('fewer than 2 participants are present');
  if (input.kind === 'groups')
    throw new PlanningError('expertise groups have one round: generate them again instead');
  const isCafe = input.kind === 'cafe';
  const tableSizes = isCafe
    ? splitEvenly(present.length, input.tables.length)
    : networkingSizes(present.length);
  const hosts = isCafe
    ? input.tables.flatMap((t, table) => {
        const person = t.host_participant_id ? index.get(t.host_participant_id) : undefined;
        return person !== undefined && input.presentIds.has(t.host_participant_id!)
          ? [{ person, table }]
          : [];
      })
    : [];
  const everyone = people(all);
  const ruled = ruleProblem({ participants: everyone, hosts, rules: input.rules });
  const fixed = ruled.fixed ?? [];
  try {
    // The rules are checked for who is present now, in the numbering of the present.
    const local = new Map(present.map((p, i) => [p, i]));
    const infeasible = checkHardRules({
      participants: present.map((p) => everyone[p]!),
      hosts: hosts.flatMap((h) =>
        local.has(h.person) ? [{ person: local.get(h.person)!, table: h.table }] : [],
      ),
      rules: input.rules,
      sizes: tableSizes,
      pairs: !isCafe,
    });
    if (infeasible) throw new PlanningError(describeInfeasibility(infeasible), infeasible);
    const r = replan(
      {
        people: all.length,
        held,
        present,
        remainingRounds,
        tableSizes,
        ...ruled,
      },
      { seed: input.seed, timeLimitMs: input.timeLimitMs, ...hooks },
    );
    const keptRounds = input.plan.slice(0, input.heldThrough + 1);
    const newRounds: PlannedRound[] = r.newRounds.map((round, k) => {
      const issues = isCafe
        ? cafeIssues(input.plan[input.heldThrough + 1 + k], input.tables, input.issues)
        : [];
      return {
        groups: round.map((g, t) => ({
          tableId: isCafe ? input.tables[t]!.id : null,
          spot: t + 1,
          issueKey: issues[t] ?? null,
          groupKey: null,
          participantIds: g.map((i) => ids[i]!),
        })),
      };
    });
    const problem: MixProblem = {
      people: all.length,
      tableSizes,
      rounds: remainingRounds,
      keepApart: ruled.keepApart,
      avoid: ruled.avoid,
      fixed,
      prefer: ruled.prefer,
      history: held,
    };
    return {
      plan: [...keptRounds, ...newRounds],
      quality: qualityOf(problem, r.newRounds, null, all.length - present.length, present),
    };
  } catch (err) {
    if (err instanceof InfeasibleError || err instanceof RangeError) throw planningError(err);
    throw err;
  }
}

/**
 * The issue of each table in a re-planned café round: what the old plan had at that table (by id,
 * so a table added or removed does not shift the others' issues); a table the old plan did not
 * have (added since) gets the issue fewest tables discuss in that round.
 */
function cafeIssues(
  template: PlannedRound | undefined,
  tables: readonly EventTableTable[],
  issues: readonly EventIssue[],
): (string | null)[] {
  const was = new Map(template?.groups.map((g) => [g.tableId, g.issueKey]) ?? []);
  const out = tables.map((t) => was.get(t.id) ?? null);
  const uses = new Map(issues.map((i) => [i.key, 0]));
  for (const k of out) if (k !== null && uses.has(k)) uses.set(k, uses.get(k)! + 1);
  return out.map((k) => {
    if (k !== null || !issues.length) return k;
    const least = issues.reduce((a, b) => (uses.get(b.key)! < uses.get(a.key)! ? b : a));
    uses.set(least.key, uses.get(least.key)! + 1);
    return least.key;
  });
}

/**
 * Swaps two people within one round and says what the swap breaks: new repeated meetings,
 * colleagues seated together, a host moved off their table. The caller decides whether to apply.
 * Breaking a soft rule is warned about but is not a violation.
 */
export function swapInPlan(
  plan: PlannedRound[],
  round: number,
  a: string,
  b: string,
  participants: ParticipantRecord[],
  tables: EventTableTable[],
  rules: SessionRules,
): { plan: PlannedRound[]; warnings: SwapWarning[]; newRepeats: number; newViolations: number } {
  const target = plan[round];
  if (!target) throw new PlanningError(`round ${round + 1} does not exist`);
  const ga = target.groups.findIndex((g) => g.participantIds.includes(a));
  const gb = target.groups.findIndex((g) => g.participantIds.includes(b));
  if (ga < 0 || gb < 0) throw new PlanningError('both people must be placed in that round');
  if (ga === gb) throw new PlanningError('they are already in the same group');
  const next = plan.map((r, ri) =>
    ri !== round
      ? r
      : {
          groups: r.groups.map((g, gi) => ({
            ...g,
            participantIds: g.participantIds.map((id) =>
              gi === ga && id === a ? b : gi === gb && id === b ? a : id,
            ),
          })),
        },
  );
  const byId = new Map(participants.map((p) => [p.id, p]));
  // Named as the console names them: a name two people share comes with its organisation.
  const qualifiers = nameQualifiers(participants);
  const name = (id: string) => {
    const p = byId.get(id);
    return p ? displayName(p, qualifiers) : id;
  };
  const metElsewhere = (x: string, y: string) =>
    next.some(
      (r, ri) =>
        ri !== round &&
        r.groups.some((g) => g.participantIds.includes(x) && g.participantIds.includes(y)),
    );
  const warnings: SwapWarning[] = [];
  let newRepeats = 0;
  let newViolations = 0;
  for (const [who, gi] of [
    [a, gb],
    [b, ga],
  ] as const) {
    for (const other of next[round]!.groups[gi]!.participantIds) {
      if (other === who) continue;
      if (metElsewhere(who, other)) {
        newRepeats++;
        warnings.push({
          code: 'met_before',
          people: [who, other],
          table: null,
          message: `${name(who)} and ${name(other)} meet in another round too`,
        });
      }
      const po = byId.get(other)?.organisation.trim().toLowerCase();
      if (po && po === byId.get(who)?.organisation.trim().toLowerCase()) {
        if (rules.keepApart.mode === 'hard') newViolations++;
        warnings.push({
          code: 'same_organisation',
          people: [who, other],
          table: null,
          message: `${name(who)} and ${name(other)} are from the same organisation`,
        });
      }
    }
    const hosted = tables.find((t) => t.host_participant_id === who);
    if (hosted) {
      if (rules.hosts.mode === 'hard') newViolations++;
      warnings.push({
        code: 'host_leaves',
        people: [who],
        table: hosted.name,
        message: `${name(who)} hosts ${hosted.name} and would leave it`,
      });
    }
  }
  return { plan: next, warnings, newRepeats, newViolations };
}
