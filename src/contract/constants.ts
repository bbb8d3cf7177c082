/**
 * Contract constants without zod, so the phone bundle can import them without carrying the
 * schemas (events.ts and live.ts build theirs at import time and re-export these).
 */

/** Version of the live protocol; a client speaking another gets `reload`. */
export const PROTOCOL_VERSION = 1;

/** Where participants come from: the sectors of PRODUCT.md's room. */
export const PARTICIPANT_SECTORS = [
  'ngo',
  'government',
  'lawEnforcement',
  'un',
  'research',
  'survivorLed',
  'faith',
  'business',
  'funder',
  'other',
] as const;
export type ParticipantSectorCode = (typeof PARTICIPANT_SECTORS)[number];

/** The ILO's eleven indicators of forced labour: one of the tag lists of a world-café card. */
export const ILO_INDICATORS = [
  'abuseOfVulnerability',
  'deception',
  'restrictionOfMovement',
  'isolation',
  'violence',
  'intimidation',
  'retentionOfDocuments',
  'withholdingOfWages',
  'debtBondage',
  'abusiveConditions',
  'excessiveOvertime',
] as const;
export type IloIndicator = (typeof ILO_INDICATORS)[number];

/** The longest card, in characters (code points, as both the phone and the server count). */
export const MAX_CARD_LENGTH = 280;
