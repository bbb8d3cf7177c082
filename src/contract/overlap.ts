import { z } from 'zod';
import { Count } from './atlas.ts';
import { isoDate, line } from './common.ts';
import { CARD_LEVELS } from './constants.ts';

/**
 * The overlap of push factors and consequences across issues and forms of exploitation (issue
 * 13): confirmed card counts only. Counts are `Count`s as in the atlas: exact in coalition views;
 * in the public view exact from k up, `null` when withheld (1..k−1), a range for a figure that
 * adds withheld parts (docs/overlap.md).
 */

export const OverlapKind = z.enum(['cause', 'consequence']);
export type OverlapKind = z.infer<typeof OverlapKind>;

export const OverlapColumn = z.object({ key: z.string(), label: z.string(), total: Count });
export const OverlapRow = z.object({
  factor: z.string(),
  label: z.string(),
  total: Count,
  /** column key → count; a column without cards of this factor is absent. */
  cells: z.record(z.string(), Count),
  /** Columns the factor appears in (a withheld cell counts: it is 1 or more). */
  spread: z.number().int(),
});
export const OverlapMatrix = z.object({
  axis: z.enum(['issue', 'form']),
  columns: z.array(OverlapColumn),
  rows: z.array(OverlapRow),
  total: Count,
});
export type OverlapMatrix = z.infer<typeof OverlapMatrix>;

export const OverlapView = z.object({
  byIssue: OverlapMatrix,
  byForm: OverlapMatrix,
  sharedByForms: z.array(
    z.object({
      factor: z.string(),
      label: z.string(),
      forms: z.number().int(),
      of: z.number().int(),
      total: Count,
    }),
  ),
  similarity: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      cosine: z.number().describe("Cosine of the two forms' factor profiles, 0..1"),
      shared: z.number().int(),
    }),
  ),
  network: z.object({
    forms: z.array(z.object({ key: z.string(), label: z.string(), total: Count })),
    factors: z.array(z.object({ id: z.string(), label: z.string(), forms: z.array(z.string()) })),
    links: z.array(z.object({ form: z.string(), factor: z.string(), n: Count })),
  }),
});
export type OverlapView = z.infer<typeof OverlapView>;

export const OverlapAnswer = z.object({
  scope: z.enum(['event', 'coalition']),
  view: z.enum(['coalition', 'public']),
  /** Public view: counts below k are withheld. */
  k: z.number().int().nullable(),
  events: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string() })),
  cause: OverlapView,
  consequence: OverlapView,
  /** Changes whenever any figure may have changed (a page compares it before redrawing). */
  version: z.string(),
});
export type OverlapAnswer = z.infer<typeof OverlapAnswer>;

const level = z.enum(CARD_LEVELS).optional().describe('Only cards at this level');

/** Filters of the coalition view (the public view takes none: see docs/overlap.md). */
export const OverlapQuery = z
  .object({
    // line(): a NUL in the slug was a 500 on PostgreSQL (found by the issue-13 probes)
    coalition: line(100).optional().describe("Coalition slug (default: the reader's)"),
    view: z.enum(['coalition', 'public']).default('coalition'),
    level,
    event: z
      .union([
        z.string().uuid('must be an event id'),
        z.array(z.string().uuid('must be an event id')),
      ])
      .optional()
      .describe('Only these events (repeat the parameter for several)'),
    from: isoDate.optional().describe('Only events starting on or after this date'),
    to: isoDate.optional().describe('Only events starting on or before this date'),
  })
  .strict();
export type OverlapQuery = z.infer<typeof OverlapQuery>;

/** The overlap stream's query: whose coalition (a slug; signed-in readers default to their own). */
export const OverlapStreamQuery = z.object({ coalition: line(100).optional() }).strict();

export const EventOverlapQuery = z.object({ level }).strict();

export const OverlapCardsQuery = z
  .object({
    // line(): a NUL or other control character is refused naming the field (PostgreSQL cannot
    // compare text holding NUL: the fuzz found a 500 on GET /api/overlap/cards?factor=a%00b).
    factor: line(100, 1),
    issue: line(64).optional(),
    form: line(64).optional(),
    event: z.string().uuid('must be an event id').optional(),
    level,
  })
  .strict();

export const OverlapCards = z.object({
  cards: z.array(
    z.object({
      eventId: z.string(),
      id: z.string(),
      issueKey: z.string(),
      level: z.string(),
      text: z.string(),
    }),
  ),
  /** More cards than listed (the list stops at 200). */
  truncated: z.boolean(),
});
export type OverlapCards = z.infer<typeof OverlapCards>;

export const OverlapVisibilityBody = z
  .object({ visibility: z.enum(['coalition', 'public']) })
  .strict();
