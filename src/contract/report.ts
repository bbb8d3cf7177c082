import { z } from 'zod';
import { Count } from './atlas.ts';
import { PARTICIPANT_SECTORS } from './constants.ts';

/**
 * The event report (issue 14): one answer per event, in two versions.
 * - `members`: what coalition members may read — organisations by name, every card's text (never
 *   its author), factor tallies per issue, the hand-over notes.
 * - `public`: what may leave the coalition — counts only, each small count withheld by the same
 *   rule as the atlas and the overlap (`primary` in domain/analysis/release.ts): participants are
 *   counted in atoms (sector × country), every other figure is a sum of atoms; no organisation
 *   names, no card texts, no authors.
 * Sections are keyed so that more can plug in (learnings, commitments): a client renders the
 * sections it knows and the server adds a key when a section exists.
 */
export const ReportView = z.enum(['members', 'public']);
export type ReportView = z.infer<typeof ReportView>;

export const ReportQuery = z.object({ view: ReportView.default('members') }).strict();

export const ReportParticipation = z.object({
  /** Participants who came or were expected (not those marked absent). */
  total: Count,
  /** Members only: organisations by name, most participants first. Public: null. */
  organisations: z
    .array(z.object({ name: z.string(), participants: z.number().int().nonnegative() }))
    .nullable(),
  sectors: z.array(z.object({ code: z.enum(PARTICIPANT_SECTORS), n: Count })),
  /** ISO 3166-1 alpha-2, or null: no country given. */
  countries: z.array(z.object({ code: z.string().nullable(), n: Count })),
});
export type ReportParticipation = z.infer<typeof ReportParticipation>;

export const ReportCard = z.object({
  kind: z.string(),
  level: z.string(),
  text: z.string(),
  factor: z.string().nullable(),
});

export const ReportIssue = z.object({
  key: z.string(),
  label: z.string(),
  forms: z.array(z.string()),
  /** Members only (public: null): cards on the sheet, not deleted. */
  cards: z.number().int().nonnegative().nullable(),
  /** Members only: confirmed cards per factor, most first. */
  factors: z.array(
    z.object({ id: z.string(), label: z.string(), kind: z.string(), n: z.number().int() }),
  ),
  /** Members only: the cards themselves, without authors. */
  items: z.array(ReportCard),
  handover: z.string().nullable(),
});
export type ReportIssue = z.infer<typeof ReportIssue>;

export const ReportSheets = z.object({
  issues: z.array(ReportIssue),
  /** Where all sheets download as one CSV (members only; null in the public version). */
  download: z.string().nullable(),
});
export type ReportSheets = z.infer<typeof ReportSheets>;

export const ReportAnswer = z.object({
  view: ReportView,
  /** Counts below k are withheld in the public version. */
  k: z.number().int(),
  generatedAt: z.string(),
  coalition: z.object({ name: z.string(), slug: z.string() }),
  event: z.object({
    id: z.string(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    venue: z.string(),
  }),
  /** Whether the event's overlap is published (the public version shows it only then). */
  overlapPublic: z.boolean(),
  participation: ReportParticipation,
  sheets: ReportSheets,
});
export type ReportAnswer = z.infer<typeof ReportAnswer>;
