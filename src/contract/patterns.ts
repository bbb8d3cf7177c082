import { z } from 'zod';
import {
  ILO_NUMBERS,
  MAX_PATTERN_NOTES,
  PATTERN_PAY,
  PATTERN_RECRUITMENT,
  SPECTRUM_LEVEL_CODES,
} from './constants.ts';
import { FORMS_OF_EXPLOITATION, LABOUR_SECTORS, POPULATIONS } from './vocab.ts';
import { VisibilitySchema, coded, line, text } from './common.ts';
import { Count, NoteWarning } from './atlas.ts';
import { FactorLanguage } from './factors.ts';

/**
 * Experience patterns (issue 13, the spectrum of exploitation): anonymised, never a person — the
 * form, sector and population, which of the ILO's eleven indicators of forced labour are present,
 * whether the person was paid, could leave, how they were recruited and whether a recruiter moved
 * them. Mosaic places each on the spectrum by the rule in docs/spectrum.md and says why.
 */
export { PATTERN_PAY, PATTERN_RECRUITMENT, ILO_NUMBERS, MAX_PATTERN_NOTES, SPECTRUM_LEVEL_CODES };

export const SpectrumLevel = z.enum(SPECTRUM_LEVEL_CODES);
export type SpectrumLevelCode = z.infer<typeof SpectrumLevel>;

export const PatternForm = z.enum(FORMS_OF_EXPLOITATION);
export const PatternSector = z.enum(LABOUR_SECTORS);
export const PatternPopulation = z.enum(POPULATIONS);
export const Pay = z.enum(PATTERN_PAY);
export const Recruitment = z.enum(PATTERN_RECRUITMENT);

/** ILO indicator numbers 1–11, each once. */
export const Indicators = z
  .array(
    z
      .number()
      .int()
      .min(1, 'must be an ILO indicator number, 1 to 11')
      .max(11, 'must be an ILO indicator number, 1 to 11'),
  )
  .max(ILO_NUMBERS.length)
  .refine((xs) => new Set(xs).size === xs.length, coded('duplicate', 'must not repeat an entry'));

/** One line: a NUL is refused naming the field (PostgreSQL refuses it in text: a 500 otherwise). */
export const IssueKey = line(64, 1);

/** The facts of a pattern, as a form, a phone or a CSV line gives them. */
export const patternFields = {
  form: PatternForm,
  sector: PatternSector.nullable(),
  population: PatternPopulation.nullable(),
  indicators: Indicators,
  paid: Pay,
  canLeave: z.boolean(),
  recruitment: Recruitment,
  moved: z.boolean().describe('Moved from home by a recruiter, broker or employer'),
  notes: text(MAX_PATTERN_NOTES),
};

export const PatternCreate = z
  .object({
    ...patternFields,
    sector: patternFields.sector.default(null),
    population: patternFields.population.default(null),
    indicators: patternFields.indicators.default([]),
    notes: patternFields.notes.default(''),
    visibility: VisibilitySchema.default('coalition'),
    /** The owning organisation. Members always enter as their own; coordinators may choose. */
    organisationId: z.string().uuid().nullable().optional(),
    /** Where it was told: an event of the coalition and, optionally, one of its issues. */
    eventId: z.string().uuid().nullable().default(null),
    issueKey: IssueKey.nullable().default(null),
  })
  .strict();
export type PatternCreate = z.infer<typeof PatternCreate>;
export type PatternDraft = z.input<typeof PatternCreate>;

export const PatternParams = z.object({ id: z.string().uuid() });

export const PatternQuery = z.object({
  eventId: z.string().uuid().optional(),
  issueKey: IssueKey.optional(),
  form: PatternForm.optional(),
  level: SpectrumLevel.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PatternQuery = z.infer<typeof PatternQuery>;

export const Pattern = z.object({
  id: z.string(),
  form: PatternForm,
  sector: PatternSector.nullable(),
  population: PatternPopulation.nullable(),
  indicators: z.array(z.number().int()),
  paid: Pay,
  canLeave: z.boolean(),
  recruitment: Recruitment,
  moved: z.boolean(),
  notes: z.string(),
  visibility: VisibilitySchema,
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  eventId: z.string().nullable(),
  issueKey: z.string().nullable(),
  /** How it was entered. */
  source: z.enum(['form', 'phone', 'import']),
  createdAt: z.string(),
  /** Where the rule places it, and why (reason codes, most decisive first; docs/spectrum.md). */
  level: SpectrumLevel,
  reasons: z.array(z.string()),
  rule: z.string(),
  can: z.object({ delete: z.boolean() }),
  /** What in the notes looks like it could identify a person (a name, a phone number). */
  warnings: z.array(NoteWarning),
});
export type Pattern = z.infer<typeof Pattern>;

export const PatternList = z.object({
  items: z.array(Pattern),
  total: z.number().int().nonnegative(),
});
export type PatternList = z.infer<typeof PatternList>;

export const DistributionQuery = z.object({ eventId: z.string().uuid().optional() });

/** How many patterns sit at each level, for one form or one issue. */
export const DistributionRow = z.object({
  key: z.string(),
  /** English label for issues (forms and levels are translated by code). */
  label: z.string().nullable(),
  total: z.number().int().nonnegative(),
  counts: z.record(SpectrumLevel, z.number().int().nonnegative()),
});
export type DistributionRow = z.infer<typeof DistributionRow>;

export const Distribution = z.object({
  rule: z.string(),
  levels: z.array(SpectrumLevel),
  total: z.number().int().nonnegative(),
  byForm: z.array(DistributionRow),
  byIssue: z.array(DistributionRow),
});
export type Distribution = z.infer<typeof Distribution>;

export const PublicDistributionQuery = z
  .object({
    coalition: text(100, 1).optional(),
    lang: FactorLanguage.optional().describe('Language of the issue names (default English)'),
  })
  .strict();

/** A form's or an issue's public figures: each a published count (null: withheld, 1..k−1). */
export const PublicDistributionRow = z.object({
  key: z.string(),
  label: z.string().nullable(),
  total: Count,
  counts: z.record(SpectrumLevel, Count),
});
export type PublicDistributionRow = z.infer<typeof PublicDistributionRow>;

/**
 * The public distribution: only patterns the coalition made public; counts from 1 to k−1
 * withheld by the atlas's rule, every other figure a sum of published atoms (docs/spectrum.md).
 */
export const PublicDistribution = z.object({
  rule: z.string(),
  levels: z.array(SpectrumLevel),
  k: z.number().int().positive(),
  total: Count,
  byForm: z.array(PublicDistributionRow),
  byIssue: z.array(PublicDistributionRow),
});
export type PublicDistribution = z.infer<typeof PublicDistribution>;

export const PatternImportRequest = z
  .object({
    csv: z.string().max(2_000_000),
    dryRun: z.boolean().default(false),
    visibility: VisibilitySchema.default('coalition'),
    eventId: z.string().uuid().nullable().default(null),
  })
  .strict();

export const PatternImportProblem = z.object({
  code: z.string(),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type PatternImportProblem = z.infer<typeof PatternImportProblem>;

export const PatternImportResult = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  /** Data lines read (the header not counted). */
  lines: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  errors: z.array(PatternImportProblem),
  /** Notes that look like a name or a phone number: imported all the same, pointed out. */
  warnings: z.array(PatternImportProblem),
});
export type PatternImportResult = z.infer<typeof PatternImportResult>;

/**
 * The live intent a phone sends during the café: one pattern, with an id the phone made (a retry
 * with a new intent id is still one pattern). Visibility: the coalition's.
 */
export const PatternIntents = [
  z.object({
    type: z.literal('addPattern'),
    patternId: z.string().uuid(),
    issueKey: IssueKey.nullable(),
    ...patternFields,
  }),
] as const;
