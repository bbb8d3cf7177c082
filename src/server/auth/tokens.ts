import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to a browser or an inbox (session cookies, invitation and reset links): 32 random
 * bytes, of which only the SHA-256 is stored. A plain hash is enough for 256-bit random tokens
 * (nothing to guess); a leaked database yields no usable token.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Tokens arriving from outside: longer ones are refused before hashing. */
export const MAX_TOKEN_LENGTH = 200;
