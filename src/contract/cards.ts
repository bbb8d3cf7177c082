import { z } from 'zod';
import { FORMS_OF_EXPLOITATION, LABOUR_SECTORS, POPULATIONS } from './vocab.ts';
import { text } from './common.ts';
import { CARD_KINDS, CARD_LEVELS, ILO_INDICATORS, MAX_CARD_LENGTH } from './constants.ts';

/**
 * World-café sheets: one per issue per event. A card is a short text with a kind and a level;
 * every change makes a new version, and old versions (including the loser of a concurrent edit)
 * stay in the card's history. See docs/sync-spec.md for the rules and their IDs.
 */
export { CARD_KINDS, CARD_LEVELS };
export const CardKind = z.enum(CARD_KINDS);
export const CardLevel = z.enum(CARD_LEVELS);
export { MAX_CARD_LENGTH };

export { ILO_INDICATORS };

export const CardTags = z
  .object({
    forms: z.array(z.enum(FORMS_OF_EXPLOITATION)).max(FORMS_OF_EXPLOITATION.length).default([]),
    sectors: z.array(z.enum(LABOUR_SECTORS)).max(LABOUR_SECTORS.length).default([]),
    populations: z.array(z.enum(POPULATIONS)).max(POPULATIONS.length).default([]),
    ilo: z.array(z.enum(ILO_INDICATORS)).max(ILO_INDICATORS.length).default([]),
  })
  .strict();
export type CardTags = z.infer<typeof CardTags>;

/** Card ids are made by the client (a UUID), so an add retried after a dropped connection is one card. */
export const CardId = z.string().uuid('must be a card id (UUID)');
export const CardText = text(MAX_CARD_LENGTH, 1);

export const Card = z.object({
  id: z.string(),
  issueKey: z.string(),
  kind: CardKind,
  level: CardLevel,
  text: z.string(),
  tags: CardTags,
  /** Provenance: the table and round that added it ("added in round 3 by Table 2"). */
  tableId: z.string().nullable(),
  round: z.number().int().nullable(),
  /** Who wrote it: only facilitators and coordinators ever receive this; null for everyone else. */
  participantId: z.string().nullable(),
  version: z.number().int(),
  deleted: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Card = z.infer<typeof Card>;

export const CardVersion = z.object({
  version: z.number().int(),
  text: z.string(),
  kind: CardKind,
  level: CardLevel,
  deleted: z.boolean(),
  tags: CardTags,
  /** Why this version exists: an edit, a delete or restore, or an edit that lost a race. */
  reason: z.enum(['add', 'edit', 'delete', 'restore', 'superseded']),
  at: z.number(),
});
export type CardVersion = z.infer<typeof CardVersion>;

export const HandoverNote = z.object({
  issueKey: z.string(),
  text: z.string(),
  tableId: z.string().nullable(),
  round: z.number().int().nullable(),
  at: z.number(),
});
export type HandoverNote = z.infer<typeof HandoverNote>;

export const CardIntents = [
  z.object({
    type: z.literal('addCard'),
    cardId: CardId,
    issueKey: z.string().min(1).max(64),
    text: CardText,
    kind: CardKind,
    level: CardLevel,
    tags: CardTags.optional(),
  }),
  z.object({
    type: z.literal('editCard'),
    cardId: CardId,
    /** The version the author edited; a different current version means a concurrent edit. */
    baseVersion: z.number().int().min(1),
    text: CardText.optional(),
    kind: CardKind.optional(),
    level: CardLevel.optional(),
    tags: CardTags.optional(),
  }),
  z.object({ type: z.literal('deleteCard'), cardId: CardId }),
  z.object({ type: z.literal('restoreCard'), cardId: CardId }),
  z.object({ type: z.literal('handover'), issueKey: z.string().min(1).max(64), text: text(500) }),
] as const;
