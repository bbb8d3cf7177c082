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

/** The languages Mosaic writes its emails in (the web app's languages). */
export const MAIL_LANGUAGES = ['en', 'th'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** The longest learning on the wall, in code points like a card (issue 14). */
export const MAX_LEARNING_LENGTH = 280;

/** The longest card, in characters (code points, as both the phone and the server count). */
export const MAX_CARD_LENGTH = 280;

/**
 * The longest participant name, in characters: what the server takes for a person added by a
 * facilitator or registering as a walk-in, what the phone's walk-in form lets them type, and what
 * a roster import takes (src/domain/import/roster.ts MAX_NAME must equal it: the domain may not
 * import the contract, and a test holds the two together).
 */
export const MAX_PARTICIPANT_NAME_LENGTH = 200;

/**
 * What is wrong with one field of a refused request: the stable code the server sends in
 * `fields[].code` (with `params`), which clients translate. `message` beside it is English for
 * API and CLI users; a client never parses it. Adding a code is additive; renaming one breaks
 * every client that translates it.
 */
export const FIELD_ERROR_CODES = [
  /** Missing, or empty after trimming. */
  'required',
  /** Text shorter than `minimum` / longer than `maximum` characters. */
  'too_short',
  'too_long',
  /** A number below `minimum` / above `maximum`. */
  'too_small',
  'too_big',
  /** A list with fewer than `minimum` / more than `maximum` entries. */
  'too_few',
  'too_many',
  /** Not a whole number. */
  'not_integer',
  /** The wrong kind of value (`expected`: string, number, boolean, array, object…). */
  'invalid_type',
  /** Not one of the allowed choices (`options` lists them when there are few). */
  'invalid_option',
  /** Not in the expected form (`format`: email, url, uuid, date, key, token, …). */
  'invalid_format',
  /** A date as YYYY-MM-DD that does not exist (2026-02-31). */
  'date_not_exists',
  /** Not an IANA time zone such as Asia/Bangkok. */
  'invalid_time_zone',
  /** A field the endpoint does not know. */
  'unknown_field',
  /** The same entry twice (`value` when known). */
  'duplicate',
  /** Must not come before the field `other` (end date before start date, year to before year from). */
  'before_other',
  /** Must differ from the field `other` (destination same as source). */
  'same_as_other',
  /** A change that names no field. */
  'no_change',
  'control_characters',
  'bidi_override',
  'bidi_control',
  'multi_line',
  'unpaired_surrogate',
  /** `value` is not an ISO 3166-1 country / a known ISO 3166-2 province / a known place. */
  'unknown_country',
  'unknown_province',
  /** Province `value` is in `country`, which is not among the chosen countries. */
  'province_outside',
  'unknown_place',
  /** Not one of this event's expertise groups (`options`). */
  'unknown_group',
  /** Not a participant of this event. */
  'unknown_participant',
  /** Not a table of this event. */
  'unknown_table',
  /** Not an organisation of this coalition. */
  'unknown_organisation',
  /** Members report routes as their own organisation. */
  'own_organisation_only',
  /**
   * Route notes that look like personal data (`kind`: phone, name or email; `value`: the excerpt;
   * `confirmable`: whether the caller may confirm them as they are). Edit them, or a coordinator
   * confirms.
   */
  'personal_data',
  /** Only a coordinator or admin may confirm notes that look like personal data. */
  'coordinators_only',
  /** A password or code that is not the right one (not the current code, not the account's password). */
  'incorrect',
  /** This email belongs to a member of the coalition already. */
  'already_member',
  /** Anything without a more precise code; `message` says what. */
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** What a world-café card says about its issue, and at which level. */
export const CARD_KINDS = ['cause', 'consequence'] as const;
export const CARD_LEVELS = ['individual', 'family', 'community', 'structural'] as const;
export type CardKindCode = (typeof CARD_KINDS)[number];
export type CardLevelCode = (typeof CARD_LEVELS)[number];

/** Text encodings an import reads (detected, or chosen by the person when detection cannot tell). */
export const IMPORT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-874',
] as const;

/**
 * Experience patterns (the spectrum of exploitation, docs/spectrum.md): how the person was paid
 * and recruited, worst last. The same lists as the rule's (domain/analysis/spectrum.ts, checked
 * equal by a test), here without zod so the phone can offer them.
 */
export const PATTERN_PAY = ['full', 'partly', 'never'] as const;
export const PATTERN_RECRUITMENT = ['free', 'deceived', 'coerced'] as const;
/** The ILO indicators of forced labour by number, 1 to 11 (ILO_INDICATORS[n - 1]). */
export const ILO_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
/** The spectrum of exploitation, lowest level first (the rule's SPECTRUM_LEVELS, checked equal). */
export const SPECTRUM_LEVEL_CODES = [
  'decent_work',
  'labour_rights_violation',
  'serious_exploitation',
  'forced_labour',
  'trafficking',
] as const;
/** The longest note on a pattern, in characters. */
export const MAX_PATTERN_NOTES = 1000;

/** Issue 14: where a commitment stands, and what it may link to (zod-free: the web imports these). */
export const COMMITMENT_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type CommitmentStatusCode = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_LINK_KINDS = ['card', 'learning', 'gap', 'factor', 'issue'] as const;
export type CommitmentLinkKindCode = (typeof COMMITMENT_LINK_KINDS)[number];
/** Days without a status update after which a commitment shows on the follow-up list. */
export const FOLLOW_UP_DAYS = [30, 60, 90] as const;
export const MAX_COMMITMENT_NOTE = 1000;
