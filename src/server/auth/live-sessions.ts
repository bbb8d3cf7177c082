import type { Db } from '../db/index.ts';
import { findSession, type SessionView } from '../db/repos/accounts.ts';

/** How long a re-read session is trusted on a busy socket (HOLE-5: at most 2 s). */
export const SESSION_RECHECK_MS = 2_000;
/** A backstop sweep re-reads every watched session this often (expiry, other instances). */
const SWEEP_MS = 15_000;
/** NOTIFY channel: "sessions of this user (in this coalition) ended or changed". */
export const SESSIONS_CHANNEL = 'mosaic_sessions';

/** What a connection acts as: any change (removal, suspension, role, organisation) ends it. */
const fingerprint = (s: Pick<SessionView, 'userId' | 'coalitionId' | 'role' | 'organisationId'>) =>
  `${s.userId}|${s.coalitionId}|${s.role}|${s.organisationId ?? ''}`;

interface Watched {
  tokenHash: string;
  userId: string;
  coalitionId: string;
  fingerprint: string;
  close(): void;
  checkedAt: number;
}

export interface SessionWatch {
  /** True while the session still acts as it did at connection; otherwise closes the connection. */
  stillValid(): Promise<boolean>;
  stop(): void;
}

/** The bit of the change bus this needs (PostgreSQL LISTEN/NOTIFY across instances). */
interface Bus {
  on(channel: string, handler: (payload: string) => Promise<void> | void): void;
  notify(channel: string, payload: string): Promise<void>;
}

/**
 * Live connections (WebSockets, SSE streams) opened under a signed-in session. A request is
 * authorised once, but a socket lives for hours: without this, a removed member or one who signed
 * out kept receiving and writing (HOLE-5). Each connection is closed at once when its session ends
 * or what it acts as changes — in this process directly, in other instances through the bus — and
 * every intent re-reads the session (cached for at most SESSION_RECHECK_MS).
 */
export class LiveSessions {
  private readonly watched = new Set<Watched>();
  private sweeper: NodeJS.Timeout | undefined;
  private bus: Bus | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Hears other instances' ends; call once the bus exists (PostgreSQL only). */
  listen(bus: Bus): void {
    this.bus = bus;
    bus.on(SESSIONS_CHANNEL, (payload) => {
      const p: unknown = JSON.parse(payload);
      if (typeof p !== 'object' || p === null || !('userId' in p)) return;
      const { userId } = p;
      const coalitionId = 'coalitionId' in p ? p.coalitionId : undefined;
      if (typeof userId === 'string')
        this.closeMatching(
          (w) =>
            w.userId === userId &&
            (typeof coalitionId !== 'string' || w.coalitionId === coalitionId),
        );
    });
  }

  startSweeping(): void {
    this.sweeper ??= setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  get size(): number {
    return this.watched.size;
  }

  watch(session: SessionView, close: () => void): SessionWatch {
    const w: Watched = {
      tokenHash: session.tokenHash,
      userId: session.userId,
      coalitionId: session.coalitionId,
      fingerprint: fingerprint(session),
      close,
      checkedAt: Date.now(),
    };
    this.watched.add(w);
    return {
      stillValid: () => this.recheck(w),
      stop: () => void this.watched.delete(w),
    };
  }

  /** The session with this token hash ended (sign-out): its connections close now. */
  sessionEnded(tokenHash: string): void {
    this.closeMatching((w) => w.tokenHash === tokenHash);
  }

  /**
   * A user's membership changed or ended (in one coalition, or everywhere): their connections close
   * now, here and on every other instance. Call after the change is committed.
   */
  async userChanged(userId: string, coalitionId?: string): Promise<void> {
    this.closeMatching(
      (w) => w.userId === userId && (coalitionId === undefined || w.coalitionId === coalitionId),
    );
    await this.bus?.notify(SESSIONS_CHANNEL, JSON.stringify({ userId, coalitionId }));
  }

  private closeMatching(match: (w: Watched) => boolean): void {
    for (const w of [...this.watched])
      if (match(w)) {
        this.watched.delete(w);
        w.close();
      }
  }

  /** Re-reads the session when the last read is older than SESSION_RECHECK_MS (real time). */
  private async recheck(w: Watched): Promise<boolean> {
    if (!this.watched.has(w)) return false;
    if (Date.now() - w.checkedAt < SESSION_RECHECK_MS) return true;
    const s = await findSession(this.db, w.tokenHash, this.now().toISOString());
    if (!this.watched.has(w)) return false;
    if (!s || fingerprint(s) !== w.fingerprint) {
      this.watched.delete(w);
      w.close();
      return false;
    }
    w.checkedAt = Date.now();
    return true;
  }

  private async sweep(): Promise<void> {
    for (const w of [...this.watched]) {
      w.checkedAt = 0;
      await this.recheck(w).catch(() => undefined);
    }
  }
}
