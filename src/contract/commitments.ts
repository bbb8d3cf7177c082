import { z } from 'zod';
import {
  COMMITMENT_LINK_KINDS,
  COMMITMENT_STATUSES,
  FOLLOW_UP_DAYS,
  MAX_COMMITMENT_NOTE,
  MAIL_LANGUAGES,
} from './constants.ts';
import { VisibilitySchema, isoDate, line, text } from './common.ts';

/**
 * Commitments and roadmaps (issue 14): what an expertise group says it will do next, who owns it,
 * by when, and how it is going. A card, a learning or an atlas gap can become one (promote); the
 * links say what it answers, and the timeline traces it from the source to each status update.
 */
export { COMMITMENT_LINK_KINDS, COMMITMENT_STATUSES, FOLLOW_UP_DAYS, MAX_COMMITMENT_NOTE };

export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;
export const CommitmentLinkKind = z.enum(COMMITMENT_LINK_KINDS);
export type CommitmentLinkKind = z.infer<typeof CommitmentLinkKind>;

/**
 * What a commitment links to: a card or learning by id (of the commitment's event, or `eventId`),
 * a factor by id, an issue by key (of the event), a gap as `<placeId>|<form>` (the atlas's gap
 * list names it so), with its words (`label`) for gaps, whose summary the atlas computes.
 */
export const CommitmentLinkInput = z
  .object({
    kind: CommitmentLinkKind,
    // One line: a NUL or other control character is refused naming the field (PostgreSQL refuses
    // them in text, which would otherwise be a 500).
    ref: line(200, 1),
    eventId: z.string().uuid().nullable().optional(),
    label: line(300).optional(),
  })
  .strict();
export type CommitmentLinkInput = z.infer<typeof CommitmentLinkInput>;

export const CommitmentCreate = z
  .object({
    title: line(200, 1),
    description: text(2000).default(''),
    eventId: z.string().uuid().nullable().default(null),
    /** One of the event's expertise groups. */
    groupKey: line(64, 1).nullable().default(null),
    ownerOrganisationId: z.string().uuid(),
    secondOrganisationId: z.string().uuid().nullable().default(null),
    targetDate: isoDate,
    status: CommitmentStatus.default('planned'),
    visibility: VisibilitySchema.default('coalition'),
    /** The first is where it came from (promote); the rest what it answers. */
    links: z.array(CommitmentLinkInput).max(20).default([]),
  })
  .strict();
export type CommitmentCreate = z.infer<typeof CommitmentCreate>;
export type CommitmentDraft = z.input<typeof CommitmentCreate>;

export const CommitmentPatch = z
  .object({
    title: line(200, 1),
    description: text(2000),
    groupKey: line(64, 1).nullable(),
    ownerOrganisationId: z.string().uuid(),
    secondOrganisationId: z.string().uuid().nullable(),
    targetDate: isoDate,
    visibility: VisibilitySchema,
  })
  .partial()
  .strict();
export type CommitmentPatch = z.infer<typeof CommitmentPatch>;

export const CommitmentUpdateInput = z
  .object({
    status: CommitmentStatus,
    note: text(MAX_COMMITMENT_NOTE).default(''),
  })
  .strict();
export type CommitmentUpdateInput = z.input<typeof CommitmentUpdateInput>;

export const CommitmentParams = z.object({ id: z.string().uuid() });

export const CommitmentQuery = z.object({
  eventId: z.string().uuid().optional(),
  groupKey: line(64, 1).optional(),
  organisationId: z.string().uuid().optional(),
  status: CommitmentStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CommitmentQuery = z.infer<typeof CommitmentQuery>;

const OrgRef = z.object({ id: z.string(), name: z.string() });

export const CommitmentLink = z.object({
  kind: CommitmentLinkKind,
  ref: z.string(),
  eventId: z.string().nullable(),
  label: z.string(),
  source: z.boolean(),
});
export type CommitmentLink = z.infer<typeof CommitmentLink>;

export const CommitmentUpdate = z.object({
  id: z.string(),
  status: CommitmentStatus,
  note: z.string(),
  by: z.string(),
  at: z.string(),
});
export type CommitmentUpdate = z.infer<typeof CommitmentUpdate>;

/** How a commitment stands on a day: due (target passed, not done or dropped), days since progress. */
export const CommitmentState = z.object({
  due: z.boolean(),
  overdue: z.boolean(),
  daysSinceUpdate: z.number().int(),
  /** 30, 60 or 90 once that many days passed without a status update (open ones only); else null. */
  stale: z.union([z.literal(30), z.literal(60), z.literal(90)]).nullable(),
});

export const Commitment = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  eventId: z.string().nullable(),
  groupKey: z.string().nullable(),
  groupLabel: z.string().nullable(),
  owner: OrgRef,
  second: OrgRef.nullable(),
  targetDate: z.string(),
  status: CommitmentStatus,
  visibility: VisibilitySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  progressAt: z.string(),
  state: CommitmentState,
  links: z.array(CommitmentLink),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentList = z.object({
  items: z.array(Commitment),
  total: z.number().int().nonnegative(),
});
export type CommitmentList = z.infer<typeof CommitmentList>;

/** One step of a commitment's story, oldest first. */
export const TimelineStep = z.object({
  kind: z.enum(['source', 'theme', 'commitment', 'update', 'link']),
  /** card | learning | gap | factor | issue for sources, themes and links; the status for updates. */
  what: z.string(),
  text: z.string(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type TimelineStep = z.infer<typeof TimelineStep>;

export const CommitmentDetail = Commitment.extend({
  updates: z.array(CommitmentUpdate),
  timeline: z.array(TimelineStep),
});
export type CommitmentDetail = z.infer<typeof CommitmentDetail>;

const Counts = z.object({
  total: z.number().int(),
  planned: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  overdue: z.number().int(),
  /** Open and not updated for 90 days or more. */
  stale90: z.number().int(),
});
export type ProgressCounts = z.infer<typeof Counts>;

/** Progress across groups and events (the coalition page), and per owner organisation. */
export const Progress = z.object({
  today: z.string(),
  all: Counts,
  byGroup: z.array(
    Counts.extend({
      eventId: z.string().nullable(),
      eventName: z.string().nullable(),
      groupKey: z.string().nullable(),
      groupLabel: z.string().nullable(),
    }),
  ),
  byOrganisation: z.array(Counts.extend({ organisation: OrgRef })),
});
export type Progress = z.infer<typeof Progress>;

export const FollowUpItem = Commitment.extend({
  reasons: z.array(z.enum(['due', 'overdue', 'stale30', 'stale60', 'stale90'])),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;
export const FollowUpList = z.object({ today: z.string(), items: z.array(FollowUpItem) });
export type FollowUpList = z.infer<typeof FollowUpList>;

export const DigestRequest = z.object({ dryRun: z.boolean().default(true) }).strict();
/** One email per owner organisation with something to follow up. */
export const DigestMail = z.object({
  organisation: OrgRef,
  to: z.array(z.string()),
  /** The recipients' language (the one they chose in the app, else the coalition's). */
  language: z.enum(MAIL_LANGUAGES),
  subject: z.string(),
  text: z.string(),
  commitments: z.number().int(),
});
export type DigestMail = z.infer<typeof DigestMail>;
export const DigestResult = z.object({
  dryRun: z.boolean(),
  smtp: z.boolean(),
  sent: z.number().int(),
  mails: z.array(DigestMail),
  /** Organisations with something to follow up and no contact address. */
  noContact: z.array(OrgRef),
});
export type DigestResult = z.infer<typeof DigestResult>;
