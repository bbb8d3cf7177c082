import type { FastifyReply } from 'fastify';

/**
 * Tells open atlas pages that routes changed, so a projector redraws "at once" when a phone adds a
 * route. Server-Sent Events: one long-lived GET per page, plain HTTP (works through proxies that
 * block WebSockets), and EventSource reconnects by itself. A message carries only the coalition's
 * new version number — never data — so nothing private is pushed: the page refetches through the
 * normal, policy-checked endpoints. In-process only: with several instances behind a balancer a
 * page also re-checks every 30 s (see web/atlas/useAtlasLive.ts).
 */
export class AtlasHub {
  private readonly listeners = new Map<string, Set<FastifyReply>>();
  private readonly versions = new Map<string, number>();

  version(coalitionId: string): number {
    return this.versions.get(coalitionId) ?? 0;
  }

  /** Call after the write transaction commits. */
  changed(coalitionId: string): void {
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
