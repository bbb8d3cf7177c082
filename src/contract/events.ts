import { z } from 'zod';
import { FORMS_OF_EXPLOITATION, LABOUR_SECTORS, POPULATIONS } from './vocab.ts';
import { ErrorBody, coded, format, isoDate, line } from './common.ts';
import { MAX_PARTICIPANT_NAME_LENGTH, PARTICIPANT_SECTORS } from './constants.ts';
import { ImportAnalysis } from './imports.ts';

/**
 * A convening: set up by a facilitator, joined by participants' phones with a short code, run as
 * sessions of rounds (speed networking, world café, expertise groups).
 */

/**
 * `mapping`: participants add routes from their phones (issue 12); `learnings`: they post what
 * they learnt and vote (issue 14). Neither has a seating plan.
 */
export const SESSION_KINDS = ['networking', 'cafe', 'groups', 'mapping', 'learnings'] as const;
export const SessionKind = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof SessionKind>;
/** Whether a session seats people from a plan (mapping and learnings sessions start without one). */
export const seatsPeople = (kind: SessionKind): boolean =>
  kind !== 'mapping' && kind !== 'learnings';

export { PARTICIPANT_SECTORS } from './constants.ts';
export const ParticipantSector = z.enum(PARTICIPANT_SECTORS);

const key = z
  .string()
  .regex(
    format(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/, 'key'),
    'must be a short key of letters, digits, - or _',
  );

export const EventIssue = z
  .object({
    key,
    label: line(120, 1),
    forms: z.array(z.enum(FORMS_OF_EXPLOITATION)).max(FORMS_OF_EXPLOITATION.length).default([]),
    sectors: z.array(z.enum(LABOUR_SECTORS)).max(LABOUR_SECTORS.length).default([]),
    populations: z.array(z.enum(POPULATIONS)).max(POPULATIONS.length).default([]),
  })
  .strict();
export type EventIssue = z.infer<typeof EventIssue>;

export const EventTableInput = z
  .object({
    name: line(60, 1),
    capacity: z.number().int().min(2, 'must be at least 2').max(50, 'must be at most 50'),
  })
  .strict();

export const ExpertiseGroup = z.object({ key, label: line(120, 1) }).strict();
export type ExpertiseGroup = z.infer<typeof ExpertiseGroup>;

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  coded('invalid_time_zone', 'must be an IANA time zone such as Asia/Bangkok'),
);

export const EventCreate = z
  .object({
    name: line(200, 1),
    startsOn: isoDate,
    endsOn: isoDate,
    venue: line(200).default(''),
    timeZone: timeZone.default('Asia/Bangkok'),
    /** Omitted: the conference's own list (the context document's key issues). */
    issues: z.array(EventIssue).min(1).max(30).optional(),
    expertiseGroups: z.array(ExpertiseGroup).min(2).max(20).optional(),
    tables: z.array(EventTableInput).max(100).default([]),
    walkInsAllowed: z.boolean().default(false),
  })
  .strict()
  .refine((e) => e.endsOn >= e.startsOn, {
    path: ['endsOn'],
    ...coded('before_other', 'must not be before startsOn', { other: 'startsOn' }),
  });
export type EventCreate = z.infer<typeof EventCreate>;

export const EventTable = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number(),
  hostParticipantId: z.string().nullable(),
});
export type EventTable = z.infer<typeof EventTable>;

export const Participant = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  sector: ParticipantSector,
  country: z.string().nullable(),
  choices: z.array(z.string()),
  languages: z.array(z.string()),
  /** Only facilitators see emails; participants see names, organisations and sectors. */
  email: z.string().nullable().optional(),
  joined: z.boolean(),
  status: z.enum(['expected', 'present', 'absent']),
});
export type Participant = z.infer<typeof Participant>;

export const ParticipantInput = z
  .object({
    name: line(MAX_PARTICIPANT_NAME_LENGTH, 1),
    organisation: line(200, 1),
    sector: ParticipantSector,
    country: z
      .string()
      .regex(format(/^[A-Z]{2}$/, 'country'), 'must be an ISO 3166-1 alpha-2 code')
      .nullable()
      .default(null),
    choices: z.array(key).max(3, 'must have at most 3 ranked choices').default([]),
    languages: z
      .array(z.string().regex(format(/^[a-z]{2,3}$/, 'language')))
      .max(10)
      .default([]),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email('must be an email address')
      .nullable()
      .default(null),
  })
  .strict();
export type ParticipantInput = z.infer<typeof ParticipantInput>;

/** One group of one round: who sits together, and where. */
export const PlannedGroup = z.object({
  /** The table for café and groups; networking pairs get a numbered spot instead. */
  tableId: z.string().nullable(),
  spot: z.number().int(),
  issueKey: z.string().nullable(),
  groupKey: z.string().nullable(),
  participantIds: z.array(z.string()),
});
export type PlannedGroup = z.infer<typeof PlannedGroup>;
export const PlannedRound = z.object({ groups: z.array(PlannedGroup) });
export type PlannedRound = z.infer<typeof PlannedRound>;

/**
 * Seating rules of a session. Hard: the plan never breaks it. Soft: a preference whose weight
 * (1-10) says how much a break counts against meeting new people (see docs/scheduling.md).
 */
export const RULE_NAMES = ['keepApart', 'crossSector', 'hosts'] as const;
export type RuleName = (typeof RULE_NAMES)[number];
export const RuleSetting = z
  .object({
    mode: z.enum(['hard', 'soft']),
    weight: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10'),
  })
  .strict();
export type RuleSetting = z.infer<typeof RuleSetting>;
export const SessionRules = z
  .object({ keepApart: RuleSetting, crossSector: RuleSetting, hosts: RuleSetting })
  .strict();
export type SessionRules = z.infer<typeof SessionRules>;
/** What a session plans with until someone changes it (the engine's own defaults). */
export const DEFAULT_SESSION_RULES: SessionRules = {
  keepApart: { mode: 'hard', weight: 5 },
  crossSector: { mode: 'soft', weight: 1 },
  hosts: { mode: 'hard', weight: 5 },
};

export const ScheduleQuality = z.object({
  repeatedPairs: z.number(),
  /**
   * No plan of this size (people, tables, rounds, rounds already held) can have fewer repeated
   * meetings: a proven lower bound, not an estimate. Absent on plans stored before it existed.
   */
  leastRepeats: z.number().nullable().optional(),
  /** Soft rules not met: colleagues seated together (pair × round), rounds hosts spent away. */
  softBreaks: z.object({ together: z.number(), away: z.number() }).optional(),
  maxMeetings: z.number(),
  crossSectorShare: z.number(),
  violations: z.number(),
  choices: z
    .object({ first: z.number(), second: z.number(), third: z.number(), none: z.number() })
    .nullable(),
});
export type ScheduleQuality = z.infer<typeof ScheduleQuality>;

export const EventSession = z.object({
  id: z.string(),
  kind: SessionKind,
  title: z.string(),
  rounds: z.number(),
  minutesPerRound: z.number(),
  plan: z.array(PlannedRound).nullable(),
  quality: ScheduleQuality.nullable(),
  rules: SessionRules,
});
export type EventSession = z.infer<typeof EventSession>;

export const EventSessionInput = z
  .object({
    kind: SessionKind,
    title: line(120, 1),
    rounds: z.number().int().min(1).max(30),
    minutesPerRound: z.number().min(1).max(120),
    rules: SessionRules.optional(),
  })
  .strict();

export const EventDetail = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  timeZone: z.string(),
  joinCode: z.string(),
  walkInsAllowed: z.boolean(),
  issues: z.array(EventIssue),
  expertiseGroups: z.array(ExpertiseGroup),
  tables: z.array(EventTable),
  sessions: z.array(EventSession),
  participantCount: z.number(),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const EventSummary = EventDetail.pick({
  id: true,
  name: true,
  startsOn: true,
  endsOn: true,
  venue: true,
  participantCount: true,
});
export const EventList = z.object({ items: z.array(EventSummary) });

export const EventParams = z.object({ eventId: z.string().uuid('must be an event id') });

export const EventUpdate = z
  .object({
    name: line(200, 1),
    startsOn: isoDate,
    endsOn: isoDate,
    venue: line(200),
    timeZone,
    walkInsAllowed: z.boolean(),
    issues: z.array(EventIssue).min(1).max(30),
    expertiseGroups: z.array(ExpertiseGroup).min(2).max(20),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, coded('no_change', 'must change at least one field'));
export type EventUpdate = z.infer<typeof EventUpdate>;

/**
 * A table as the tables form saves it: with the id of the table it edits (its seating stays), or
 * without one for a new table. A list without any id is matched to the tables in order.
 */
export const TableEdit = EventTableInput.extend({
  id: z.string().uuid('must be a table id').optional(),
}).strict();
export const TablesReplace = z.object({ tables: z.array(TableEdit).max(100) }).strict();
export const ParticipantParams = EventParams.extend({
  participantId: z.string().uuid('must be a participant id'),
});
export const HostAssign = z
  .object({ participantId: z.string().uuid('must be a participant id').nullable() })
  .strict();
export const TableParams = EventParams.extend({ tableId: z.string().uuid('must be a table id') });
export const SessionParams = EventParams.extend({
  sessionId: z.string().uuid('must be a session id'),
});

export const ParticipantList = z.object({ items: z.array(Participant) });

export const ParticipantImportResult = z.object({
  ok: z.literal(true),
  dryRun: z.boolean(),
  count: z.number(),
  preview: z.array(ParticipantInput),
  analysis: ImportAnalysis,
});

export const PlanRequest = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1),
    timeLimitSeconds: z.number().min(0.1).max(60).default(10),
  })
  .strict();

/** One change that makes a session's hard rules possible to meet. */
export const PlanFix = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tables'), tables: z.number().int() }),
  z.object({ kind: z.literal('soften'), rule: z.enum(RULE_NAMES) }),
]);
export type PlanFix = z.infer<typeof PlanFix>;
export const INFEASIBLE_CODES = [
  'keepApartTables',
  'keepApartPairs',
  'crossSectorTables',
  'crossSectorPairs',
  'rulesConflict',
] as const;
/**
 * 422 from generating a plan: `message` in English; `reason` (when the hard rules cannot hold)
 * as a stable code with numbers for the UI to word, and the smallest changes that would work.
 */
export const PlanRefusal = ErrorBody.extend({
  reason: z
    .object({
      code: z.enum(INFEASIBLE_CODES),
      params: z.record(z.string(), z.number()),
      fixes: z.array(PlanFix),
    })
    .optional(),
});
export type PlanRefusal = z.infer<typeof PlanRefusal>;

/** The plan being computed for a session, if any (GET .../plan): what the console shows meanwhile. */
export const PlanProgress = z.object({
  running: z.boolean(),
  kind: z.enum(['generate', 'replan']).nullable(),
  elapsedMs: z.number(),
  /** Share of the solver's time budget used, 0..1. */
  fraction: z.number(),
  /** Repeated meetings in the best plan so far; null until the solver first reports. */
  repeats: z.number().nullable(),
});
export type PlanProgress = z.infer<typeof PlanProgress>;
export const PlanCancelled = z.object({ cancelled: z.boolean() });

export const SwapRequest = z
  .object({
    round: z.number().int().min(0),
    a: z.string(),
    b: z.string(),
    confirm: z.boolean().default(false),
  })
  .strict();
/** What a swap would break: screens word it from the code, naming people as they name them. */
export const SWAP_WARNING_CODES = ['met_before', 'same_organisation', 'host_leaves'] as const;
export const SwapWarning = z.object({
  code: z.enum(SWAP_WARNING_CODES),
  /** Participant ids: the person moved, then whom they would meet again or sit with (not for host_leaves). */
  people: z.array(z.string()),
  /** The table a host would leave (host_leaves); null otherwise. */
  table: z.string().nullable(),
  /** In English, people named as the console names them (a shared name with its organisation). */
  message: z.string(),
});
export type SwapWarning = z.infer<typeof SwapWarning>;
export const SwapResult = z.object({ event: EventDetail, warnings: z.array(SwapWarning) });
export const SwapWarnings = z.object({
  error: z.literal('swap_warnings'),
  message: z.string(),
  warnings: z.array(SwapWarning),
});

export const JoinInfo = z.object({
  eventId: z.string(),
  name: z.string(),
  venue: z.string(),
  walkInsAllowed: z.boolean(),
  roster: z.array(
    z.object({ id: z.string(), name: z.string(), organisation: z.string(), joined: z.boolean() }),
  ),
});
export const JoinCodeParams = z.object({ code: z.string().min(4).max(20) });
export const ClaimRequest = z
  .object({ participantId: z.string().uuid('must be a participant id') })
  .strict();
export const RejoinRequest = z.object({ personalCode: z.string().min(6).max(20) }).strict();
export const JoinTicket = z.object({
  eventId: z.string(),
  participantId: z.string(),
  token: z.string(),
  personalCode: z.string(),
});
export type JoinTicket = z.infer<typeof JoinTicket>;
export const RegisterRequest = ParticipantInput.omit({ email: true });
