import { z } from 'zod';

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
