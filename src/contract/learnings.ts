import { z } from 'zod';
import { line, text } from './common.ts';
import { MAX_LEARNING_LENGTH } from './constants.ts';
import { EventParams } from './events.ts';
import { VISIBILITIES } from './vocab.ts';

/**
 * The learnings wall (issue 14): during a `learnings` session participants post what they learnt
 * and vote for others' posts; facilitators hide, pin, merge duplicates and group posts into
 * themes. Rules with IDs (LEARN-n) are in docs/sync-spec.md.
 */
export { MAX_LEARNING_LENGTH };

/** Post ids are made by the phone (a UUID), so a post retried after a dropped ack is one post. */
export const LearningId = z.string().uuid('must be a learning id (UUID)');
export const LearningText = text(MAX_LEARNING_LENGTH, 1);

/**
 * A post as the room shows it. Who posted it is never sent to anyone (anonymous to everyone);
 * `organisation` is the poster's organisation only when they chose to show it.
 */
export const Learning = z.object({
  id: z.string(),
  /** The learnings session it was posted in (null once that session was removed). */
  sessionId: z.string().nullable(),
  text: z.string(),
  organisation: z.string().nullable(),
  /** People who voted for this post or for a post merged into it, each counted once (LEARN-3). */
  votes: z.number().int(),
  hidden: z.boolean(),
  pinned: z.boolean(),
  /** Merged into this post (a duplicate): its votes count there; the wall does not show it. */
  mergedInto: z.string().nullable(),
  themeId: z.string().nullable(),
  createdAt: z.number(),
});
export type Learning = z.infer<typeof Learning>;

export const LearningTheme = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.number(),
});
export type LearningTheme = z.infer<typeof LearningTheme>;

export const LearningIntents = [
  z.object({
    type: z.literal('postLearning'),
    learningId: LearningId,
    sessionId: z.string().uuid('must be a session id'),
    text: LearningText,
    /** Show the poster's organisation beside the post; false: anonymous to everyone. */
    showOrg: z.boolean(),
  }),
  /** One vote per participant per post (LEARN-2): `up` sets it, `up: false` withdraws it. */
  z.object({ type: z.literal('voteLearning'), learningId: LearningId, up: z.boolean() }),
  z.object({ type: z.literal('hideLearning'), learningId: LearningId, hidden: z.boolean() }),
  z.object({ type: z.literal('pinLearning'), learningId: LearningId, pinned: z.boolean() }),
  /** `learningId` is the duplicate; it joins `intoId` with its votes (LEARN-3). */
  z.object({ type: z.literal('mergeLearnings'), learningId: LearningId, intoId: LearningId }),
  z.object({
    type: z.literal('themeLearning'),
    learningId: LearningId,
    themeId: z.string().uuid('must be a theme id').nullable(),
  }),
  /** A new theme; its id is made by the console, so a retry is one theme. */
  z.object({
    type: z.literal('addLearningTheme'),
    themeId: z.string().uuid('must be a theme id'),
    label: line(120, 1),
  }),
] as const;

/** The wall over HTTP (report, exports, the console's first load): what the caller may read. */
export const LearningsList = z.object({
  learnings: z.array(
    Learning.extend({
      visibility: z.enum(VISIBILITIES),
      /** The poster's organisation's id where they chose to show it; null when anonymous. */
      owningOrganisationId: z.string().nullable(),
    }),
  ),
  themes: z.array(LearningTheme),
});
export type LearningsList = z.infer<typeof LearningsList>;

/** Themes suggested for posts without one, by the café factors' suggester (src/domain/factors). */
export const ThemeSuggestions = z.object({
  suggestions: z.array(
    z.object({
      learningId: z.string(),
      /** Existing themes that share words with the post, best first. */
      themes: z.array(
        z.object({ themeId: z.string(), score: z.number(), matched: z.array(z.string()) }),
      ),
      /** The coalition's factors the post names: a label for a new theme. */
      factors: z.array(z.object({ factorId: z.string(), label: z.string(), score: z.number() })),
    }),
  ),
});
export type ThemeSuggestions = z.infer<typeof ThemeSuggestions>;

export const LearningsParams = EventParams;
