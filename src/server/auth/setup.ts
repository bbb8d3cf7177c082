import { timingSafeEqual } from 'node:crypto';
import { hashToken, newToken } from './tokens.ts';

/**
 * First run: a server that starts with no admin prints a one-time set-up link (`/setup#<token>`)
 * on its console; whoever holds it (the person who started the server) creates the first admin in
 * the browser. The token lives in this process's memory only (a restart prints a new one while
 * there is still no admin), only its hash is kept, and it is gone once used.
 */
export class SetupGate {
  private hash: string | undefined;

  private constructor(hash: string | undefined) {
    this.hash = hash;
  }

  /** A gate with a fresh token: the token is returned once, to print. */
  static issue(): { gate: SetupGate; token: string } {
    const { token, hash } = newToken();
    return { gate: new SetupGate(hash), token };
  }

  /** A gate for a known token (tests). */
  static withToken(token: string): SetupGate {
    return new SetupGate(hashToken(token));
  }

  static closed(): SetupGate {
    return new SetupGate(undefined);
  }

  get open(): boolean {
    return this.hash !== undefined;
  }

  /**
   * Takes the token if it is the right one: the gate closes at once (before any await), so two
   * requests racing with the same token cannot both pass. `release` reopens it when the set-up
   * then fails for a reason the person can fix (an email already in use).
   */
  claim(token: string): { release(): void } | undefined {
    const hash = this.hash;
    if (hash === undefined) return undefined;
    const given = Buffer.from(hashToken(token));
    const expected = Buffer.from(hash);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    this.hash = undefined;
    return {
      release: () => {
        this.hash = hash;
      },
    };
  }

  close(): void {
    this.hash = undefined;
  }
}
