import { z } from 'zod';
import { line, text } from './common.ts';

/**
 * Factors and their assignment to café cards (issue 13): the review list with suggestions, and a
 * person's assignment, which is versioned (who, when) and undoable.
 */
export const FactorSuggestion = z.object({
  factor: z.string(),
  score: z.number(),
  matched: z.array(z.string()).describe("The card's words that matched the factor"),
});

export const ReviewFactor = z.object({
  id: z.string(),
  kind: z.enum(['cause', 'consequence']),
  label: z.string(),
  /** Per language, `en` always present. */
  labels: z.record(z.string(), z.string()),
  status: z.enum(['active', 'retired', 'merged']),
  mergedInto: z.string().nullable(),
});

export const FactorAssignment = z.object({
  n: z.number().int().describe('Version of the card’s factor (1, 2, …)'),
  factor: z.string().nullable(),
  byUser: z.string().nullable(),
  at: z.string(),
  undoOf: z.number().int().nullable(),
});
export type FactorAssignment = z.infer<typeof FactorAssignment>;

export const ReviewCard = z.object({
  id: z.string(),
  issueKey: z.string(),
  kind: z.enum(['cause', 'consequence']),
  level: z.string(),
  text: z.string(),
  assignment: FactorAssignment.nullable(),
  suggestions: z.array(FactorSuggestion).max(3),
});

export const FactorReview = z.object({
  factors: z.array(ReviewFactor),
  cards: z.array(ReviewCard),
});
export type FactorReview = z.infer<typeof FactorReview>;

export const AssignFactorBody = z
  .object({ factor: z.string().min(1).max(100).nullable().describe('null: no factor') })
  .strict();

export const AssignmentHistory = z.object({ items: z.array(FactorAssignment) });

/* ---- The coalition's vocabulary (GET/POST /api/factors, PATCH/merge/split/retire/restore) ---- */

/** The languages a factor's words are kept in (src/domain/factors/vocabulary.ts FACTOR_LANGUAGES). */
export const FactorLanguage = z.enum(['en', 'th', 'vi', 'id', 'tl', 'zh', 'km', 'my']);
export type FactorLanguage = z.infer<typeof FactorLanguage>;

const FactorId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,79}$/,
    'lower-case letters, digits, "_", "." and "-" only, at most 80 (e.g. push.karaoke)',
  );
// line()/text(): no NUL or other control characters (PostgreSQL refuses NUL; the probes found a
// NUL label stored on SQLite), no line breaks or bidi controls in labels and keywords.
const Phrase = line(120, 1);
const Label = line(120, 1);
const Description = text(500);

/** Per language; a language left out is left as it was (PATCH) or empty (POST). */
const PerLanguage = <T extends z.ZodType>(v: T) =>
  z
    .object({
      en: v.optional(),
      th: v.optional(),
      vi: v.optional(),
      id: v.optional(),
      tl: v.optional(),
      zh: v.optional(),
      km: v.optional(),
      my: v.optional(),
    })
    .strict();

export const VocabularyFactor = z.object({
  id: z.string(),
  kind: z.enum(['cause', 'consequence']),
  status: z.enum(['active', 'retired', 'merged']),
  mergedInto: z.string().nullable(),
  /** `en` always present. */
  labels: z.record(z.string(), z.string()),
  descriptions: z.record(z.string(), z.string()),
  keywords: z.record(z.string(), z.array(z.string())),
  codes: z.array(z.string()),
  position: z.number().int(),
  /** Cards of the coalition whose confirmed factor this is now. */
  cards: z.number().int(),
  default: z.boolean().describe('One of the default vocabulary’s factors (its id is kept)'),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type VocabularyFactor = z.infer<typeof VocabularyFactor>;

export const Vocabulary = z.object({
  languages: z.array(FactorLanguage),
  factors: z.array(VocabularyFactor),
  can: z.object({ create: z.boolean(), update: z.boolean(), retire: z.boolean() }),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const FactorParams = z.object({ factorId: FactorId });

export const NewFactorBody = z
  .object({
    id: FactorId.optional().describe('Made from the kind and the English label when left out'),
    kind: z.enum(['cause', 'consequence']),
    labels: PerLanguage(Label).refine((l) => l.en !== undefined, {
      message: 'an English label is needed',
      path: ['en'],
    }),
    descriptions: PerLanguage(Description).optional(),
    keywords: PerLanguage(z.array(Phrase).max(200)).optional(),
    /** A card the factor is made from: it is assigned to the new factor in the same change. */
    fromCard: z
      .object({ eventId: z.string().uuid(), cardId: z.string().uuid() })
      .strict()
      .optional(),
  })
  .strict();
export type NewFactorBody = z.infer<typeof NewFactorBody>;

export const EditFactorBody = z
  .object({
    labels: PerLanguage(line(120)).optional().describe('"" removes a language (not en)'),
    descriptions: PerLanguage(Description).optional(),
    keywords: PerLanguage(z.array(Phrase).max(200))
      .optional()
      .describe('Replaces that language’s list'),
    codes: z.array(line(60, 1)).max(20).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .refine((b) => b.labels?.en !== '', {
    message: 'the English label must not be empty',
    path: ['labels', 'en'],
  });

export const MergeFactorBody = z
  .object({ into: FactorId.describe('The factor that takes the cards and the words') })
  .strict();

export const MergeResult = z.object({ moved: z.number().int(), into: VocabularyFactor });

export const SplitFactorBody = z
  .object({
    parts: z
      .array(
        z
          .object({
            id: FactorId.optional(),
            labels: PerLanguage(Label).refine((l) => l.en !== undefined, {
              message: 'an English label is needed',
              path: ['en'],
            }),
            descriptions: PerLanguage(Description).optional(),
            keywords: PerLanguage(z.array(Phrase).max(200)).optional(),
            cards: z
              .array(z.object({ eventId: z.string().uuid(), cardId: z.string().uuid() }).strict())
              .max(5000)
              .describe('Cards of the factor that move to this part'),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    retire: z
      .boolean()
      .optional()
      .describe('Retire the factor split (its remaining cards keep it)'),
  })
  .strict();

export const SplitResult = z.object({
  moved: z.number().int(),
  factors: z.array(VocabularyFactor),
});
