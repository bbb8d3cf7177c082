import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read off a projector from the back of a room must not be ambiguous. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 8 characters of 31: about 8.5 × 10^11 codes; with rate-limited look-ups, unguessable enough. */
export function newJoinCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A participant's personal code to rejoin from another device: 10 characters, shown once. */
export function newPersonalCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Codes are typed by hand: ignore case, spaces and dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export const hashSecret = (s: string) => createHash('sha256').update(s).digest('base64url');
