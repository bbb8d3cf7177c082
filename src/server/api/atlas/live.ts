import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { ChangeBus } from '../../live/bus.ts';

/** The PostgreSQL channel on which a route or challenge write is announced: `<origin> <coalition id>`. */
export const ATLAS_CHANNEL = 'mosaic_atlas';

/**
 * Tells open atlas pages that routes changed, so a projector redraws "at once" when a phone adds a
 * route. Server-Sent Events: one long-lived GET per page, plain HTTP (works through proxies that
 * block WebSockets), and EventSource reconnects by itself. A message carries only the coalition's
 * new version number — never data — so nothing private is pushed: the page refetches through the
 * normal, policy-checked endpoints. With several instances on one PostgreSQL database (`bus`), a
 * write is also announced to the other instances (the coalition id and which instance wrote it,
 * nothing else), whose open pages get `change` too; a page also re-checks every 30 s (see
 * web/atlas/useAtlasLive.ts) for a proxy that buffers.
 */
export class AtlasHub {
  private readonly listeners = new Map<string, Set<FastifyReply>>();
  private readonly versions = new Map<string, number>();
  /** This instance, so that it does not tell its own pages twice. */
  private readonly origin = randomBytes(6).toString('hex');

  constructor(private readonly bus?: ChangeBus) {
    bus?.on(ATLAS_CHANNEL, (payload) => {
      const [from, coalitionId] = payload.split(' ');
      if (from !== this.origin && coalitionId) this.tell(coalitionId);
    });
    // Announcements made while this instance was not listening are lost: every page re-checks.
    bus?.onReconnect(() => {
      for (const coalitionId of this.listeners.keys()) this.tell(coalitionId);
    });
  }

  version(coalitionId: string): number {
    return this.versions.get(coalitionId) ?? 0;
  }

  /** Call after the write transaction commits. */
  changed(coalitionId: string): void {
    this.tell(coalitionId);
    void this.bus?.notify(ATLAS_CHANNEL, `${this.origin} ${coalitionId}`);
  }

  /** This instance's open pages of the coalition hear `change`. */
  private tell(coalitionId: string): void {
    const v = this.version(coalitionId) + 1;
    this.versions.set(coalitionId, v);
    for (const reply of this.listeners.get(coalitionId) ?? [])
      send(reply, 'change', { version: v });
  }

  subscribe(coalitionId: string, reply: FastifyReply): () => void {
    let set = this.listeners.get(coalitionId);
    if (!set) this.listeners.set(coalitionId, (set = new Set()));
    set.add(reply);
    return () => set.delete(reply);
  }

  close(): void {
    for (const set of this.listeners.values()) for (const r of set) r.raw.end();
    this.listeners.clear();
  }
}

export function send(reply: FastifyReply, event: string, data: unknown): void {
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
