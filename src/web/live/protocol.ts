/**
 * Constants of the live contract, repeated here so the phone bundle does not carry zod
 * (src/contract/live.ts builds its schemas at import time). protocol.test.ts keeps them equal.
 */
export const PROTOCOL = 1;

export const SECTORS = [
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
export type Sector = (typeof SECTORS)[number];
