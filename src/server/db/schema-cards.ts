import type { CardKindCode, CardLevelCode } from '../../contract/constants.ts';
import type { CardTags } from '../../contract/cards.ts';
import type { Json } from './json.ts';

/** Why a history entry was written (`superseded`: the losing side of a concurrent edit). */
export type CardChangeReason = 'add' | 'edit' | 'delete' | 'restore' | 'superseded';

/** Tables of the world-café sheets (migration 0004). */
export interface CardTables {
  cards: CardTable;
  card_history: CardHistoryTable;
  handover_notes: HandoverNoteTable;
}

export interface CardTable {
  id: string;
  event_id: string;
  issue_key: string;
  kind: CardKindCode;
  level: CardLevelCode;
  text: string;
  /** Canonical (TAG-1). */
  tags: Json<CardTags>;
  table_id: string | null;
  round: number | null;
  /** Who wrote it (participant or signed-in user): kept for facilitators, never shown publicly. */
  participant_id: string | null;
  user_id: string | null;
  version: number;
  deleted: number;
  created_at: string;
  updated_at: string;
}

export interface CardHistoryTable {
  /** With `card_id`, the card (migration 0006: a card is keyed by its event and id). */
  event_id: string;
  card_id: string;
  /** Order of history entries of one card (a superseded edit gets an entry without a new version). */
  n: number;
  version: number;
  text: string;
  kind: CardKindCode;
  level: CardLevelCode;
  tags: Json<CardTags>;
  deleted: number;
  reason: CardChangeReason;
  by_key: string;
  at: string;
}

export interface HandoverNoteTable {
  event_id: string;
  issue_key: string;
  text: string;
  table_id: string | null;
  round: number | null;
  at: string;
}
