import { z } from 'zod';
import { Count } from './atlas.ts';
import { COMMITMENT_STATUSES, PARTICIPANT_SECTORS, SPECTRUM_LEVEL_CODES } from './constants.ts';
import { FactorLanguage } from './factors.ts';

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

/**
 * `lang`: the language the vocabulary's words are written in (factor labels, default issue and
 * group names), falling back to English where a word has no translation; omitted: the coalition's.
 */
const ReportLang = FactorLanguage.optional().describe(
  "Language of the factor, issue and group names (default: the coalition's language)",
);

export const ReportQuery = z
  .object({ view: ReportView.default('members'), lang: ReportLang })
  .strict();

export const PublishedReportQuery = z.object({ lang: ReportLang }).strict();

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

/**
 * The event's experience patterns on the spectrum, per form. Members: the patterns the reader may
 * read, exact. Public: the patterns shared with the coalition counted in atoms (form × level), each
 * withheld below k; a form's total is the sum of its atoms (a range when a part is withheld).
 */
export const ReportSpectrumRow = z.object({
  form: z.string(),
  total: Count,
  /** Every level of the spectrum, lowest first. */
  counts: z.array(z.object({ level: z.enum(SPECTRUM_LEVEL_CODES), n: Count })),
});
export type ReportSpectrumRow = z.infer<typeof ReportSpectrumRow>;

export const ReportSpectrum = z.object({
  total: Count,
  byForm: z.array(ReportSpectrumRow),
});
export type ReportSpectrum = z.infer<typeof ReportSpectrum>;

/**
 * One post of the learnings wall. Never who wrote it; the organisation only where the poster chose
 * to show it, and only in the members' version. Hidden posts are never in a report; posts merged
 * into another count for it (its votes include theirs, each voter once).
 */
export const ReportLearning = z.object({
  text: z.string(),
  votes: Count,
  organisation: z.string().nullable(),
  pinned: z.boolean(),
});
export type ReportLearning = z.infer<typeof ReportLearning>;

export const ReportLearningTheme = z.object({
  /** null: posts not grouped under a theme. */
  label: z.string().nullable(),
  posts: Count,
  votes: Count,
  /** Members: every visible post; public: the public posts only. Most voted first. */
  items: z.array(ReportLearning),
});
export type ReportLearningTheme = z.infer<typeof ReportLearningTheme>;

export const ReportLearnings = z.object({
  posts: Count,
  votes: Count,
  themes: z.array(ReportLearningTheme),
});
export type ReportLearnings = z.infer<typeof ReportLearnings>;

/**
 * Roadmaps: the event's commitments per expertise group. Members: those the reader may read, with
 * owner organisation(s). Public: commitments whose visibility is public only, without organisations.
 */
export const ReportCommitment = z.object({
  title: z.string(),
  /** Owner first, then the second organisation; null in the public version. */
  owners: z.array(z.string()).nullable(),
  targetDate: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  /** Target date passed and neither done nor dropped. */
  overdue: z.boolean(),
});
export type ReportCommitment = z.infer<typeof ReportCommitment>;

export const ReportRoadmap = z.object({
  /** The expertise group's key and name; null: commitments of no group. */
  key: z.string().nullable(),
  label: z.string().nullable(),
  items: z.array(ReportCommitment),
});
export type ReportRoadmap = z.infer<typeof ReportRoadmap>;

/**
 * Whether the event's public version is published: anonymous readers read it at `publicUrl` (the
 * page) and `/api/reports/:eventId` (its data) while it is; 404 otherwise.
 */
export const ReportPublication = z.object({
  published: z.boolean(),
  /** When it was last published. */
  publishedAt: z.string().nullable(),
  /** The public page's address (a path on this Mosaic). */
  publicUrl: z.string(),
  /** Whether the reader may publish or unpublish it (coordinators and admins). */
  canPublish: z.boolean(),
});
export type ReportPublication = z.infer<typeof ReportPublication>;

export const ReportPublishBody = z.object({ published: z.boolean() }).strict();
export type ReportPublishBody = z.infer<typeof ReportPublishBody>;

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
  spectrum: ReportSpectrum,
  learnings: ReportLearnings,
  roadmaps: z.array(ReportRoadmap),
  publication: ReportPublication,
  /** The language the vocabulary's words are in (the one asked for, else the coalition's). */
  language: FactorLanguage,
  /**
   * Factor id → label and issue key → name in `language`, for figures the page draws from other
   * answers (the overlap heatmaps), so that every factor and issue reads the same in the report.
   */
  labels: z.object({
    factors: z.record(z.string(), z.string()),
    issues: z.record(z.string(), z.string()),
  }),
});
export type ReportAnswer = z.infer<typeof ReportAnswer>;
