/**
 * The built-in vocabularies, re-exported for web and cli. The one allowed reach from contract into
 * domain: `domain/taxonomy` is constants only, so the codes have a single definition.
 */
export {
  FORMS_OF_EXPLOITATION,
  KINDS_OF_WORK,
  LABOUR_SECTORS,
  LANGUAGES,
  ORGANISATION_TYPES,
  POPULATIONS,
  ROLES,
  SUPPORT_SERVICES,
  VISIBILITIES,
} from '../domain/taxonomy/codes.ts';
