/**
 * The server clock as seen from this device: Date.now() plus an offset estimated from ping/pong.
 * Of the recent samples, the one with the smallest round trip wins (its midpoint is the least
 * uncertain); samples age out so a device whose clock jumps is corrected within a minute.
 */
interface Sample {
  rtt: number;
  offset: number;
  at: number;
}

const WINDOW_MS = 60_000;

export class ServerClock {
  private samples: Sample[] = [];
  private fallback = 0;

  /** A rough first guess from a message stamped by the server (unknown transit time). */
  rough(serverTime: number): void {
    if (this.samples.length === 0) this.fallback = serverTime - Date.now();
  }

  /** A ping sent at `t0` (local), answered with `serverTime`, received at `t1` (local). */
  sample(t0: number, serverTime: number, t1: number): void {
    const rtt = Math.max(0, t1 - t0);
    this.samples.push({ rtt, offset: serverTime + rtt / 2 - t1, at: t1 });
    this.samples = this.samples.filter((s) => t1 - s.at <= WINDOW_MS).slice(-12);
  }

  get offset(): number {
    let best: Sample | undefined;
    for (const s of this.samples) if (!best || s.rtt < best.rtt) best = s;
    return best ? best.offset : this.fallback;
  }

  /** The best round trip seen lately (ms), for diagnostics; Infinity before the first pong. */
  get rtt(): number {
    return this.samples.reduce((m, s) => Math.min(m, s.rtt), Infinity);
  }

  now(): number {
    return Date.now() + this.offset;
  }
}
