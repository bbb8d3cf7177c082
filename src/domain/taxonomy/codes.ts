/**
 * Mosaic's built-in vocabularies. Codes are the standards' own (IOM HTCDS v2 where one exists) so
 * that exports line up with other systems; see /docs/taxonomies.md and the shared reference.
 * The arrays are `as const` so the contract layer can build enums from them without restating them.
 */

/** HTCDS `org_Type` plus the kinds of organisation a coalition also has in the room. */
export const ORGANISATION_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
  'SchoolOrCollege',
  'InternationalOrganisation',
  'FaithBased',
  'SurvivorLed',
  'AcademicResearch',
  'Funder',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The "4 P" paradigm plus research and policy/advocacy, as the conference asked "what kind of work". */
export const KINDS_OF_WORK = [
  'prevention',
  'protection',
  'prosecution',
  'policy',
  'research',
  'coordination',
] as const;
export type KindOfWork = (typeof KINDS_OF_WORK)[number];

/** HTCDS `spl_Type`. */
export const SUPPORT_SERVICES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export type SupportService = (typeof SUPPORT_SERVICES)[number];

/** HTCDS v2 `TypeOfExploitation`. */
export const FORMS_OF_EXPLOITATION = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type FormOfExploitation = (typeof FORMS_OF_EXPLOITATION)[number];

/** Populations an organisation serves; the conference's issues name several of them. */
export const POPULATIONS = [
  'children',
  'women',
  'men',
  'migrants',
  'refugees',
  'stateless',
  'domesticWorkers',
  'fishers',
  'lgbtqi',
  'indigenous',
  'disabled',
  'survivors',
] as const;
export type Population = (typeof POPULATIONS)[number];

/** Sectors of forced labour (CTDC labour types). */
export const LABOUR_SECTORS = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Fishing',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
] as const;
export type LabourSector = (typeof LABOUR_SECTORS)[number];

/** Who may see a record. Every record carries one; the policy table interprets it. */
export const VISIBILITIES = ['organisation', 'coalition', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A user's role within one coalition (a tenant). */
export const ROLES = ['admin', 'coordinator', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Languages an organisation works in: ISO 639 codes of the region and the common lingua francas.
 * A short closed list keeps the directory filterable; extend it here, not in free text.
 */
export const LANGUAGES = [
  'en',
  'th',
  'km',
  'my',
  'vi',
  'id',
  'ms',
  'tl',
  'zh',
  'hi',
  'bn',
  'ne',
  'lo',
  'ur',
  'ta',
  'si',
  'ar',
  'fr',
  'es',
  'ru',
  'ja',
  'ko',
  'mn',
  'ps',
  'fa',
  'dz',
  'dv',
  'tet',
  'shn',
  'kar',
  'rhg',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether `value` is one of `codes`: narrows a stored or parsed string to the code type. */
export function isCode<T extends string>(codes: readonly T[], value: string): value is T {
  return codes.some((c) => c === value);
}
