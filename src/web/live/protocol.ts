/**
 * The live contract's constants for the phone bundle, from the zod-free contract module so the
 * phone does not carry the schemas.
 */
export {
  PROTOCOL_VERSION as PROTOCOL,
  PARTICIPANT_SECTORS as SECTORS,
  type ParticipantSectorCode as Sector,
} from '../../contract/constants.ts';
