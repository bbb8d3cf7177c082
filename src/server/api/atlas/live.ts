import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { ChangeBus } from '../../bus/bus.ts';

/** The PostgreSQL channel on which a route or challenge write is announced: `<origin> <coalition id>`. */
export const ATLAS_CHANNEL = 'mosaic_atlas';

/**
 * Tells open atlas pages that routes changed, so a projector redraws "at once" when a phone adds a
 * route. Server-Sent Events: one long-lived GET per page, plain HTTP (works through proxies that
 * block WebSockets), and EventSource reconnects by itself. A message carries only the coalition's
 * new version number — never data — so nothing private is pushed: the page refetches through the
 * normal, policy-checked endpoints. Public pages hear only changes of the public version (below). With several instances on one PostgreSQL database (`bus`), a
 * write is also announced to the other instances (the coalition id and which instance wrote it,
 * nothing else), whose open pages get `change` too; a page also re-checks every 30 s (see
 * web/atlas/useAtlasLive.ts) for a proxy that buffers.
 */
/**
 * An open page. A public page (anonymous, or `view=public`) carries `publicVersion`: it hears
 * `change` only when that version — a digest of what the public can see — differs from the last
 * one it was sent, so an organisation-only or coalition-only write is never announced to it.
 */
interface Listener {
  reply: FastifyReply;
  publicVersion?: () => Promise<number>;
  last?: number;
}

export class AtlasHub {
  private readonly listeners = new Map<string, Set<Listener>>();
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
    for (const l of this.listeners.get(coalitionId) ?? []) {
      if (l.publicVersion) void this.tellPublic(l);
      else send(l.reply, 'change', { version: v });
    }
  }

  private async tellPublic(l: Listener): Promise<void> {
    // Several writes in a row: each check reads the release after its own write committed; the
    // last one to finish sends the newest version, and an unchanged version is never sent.
    const v = await l.publicVersion!().catch(() => l.last);
    if (v === undefined || v === l.last || l.reply.raw.destroyed) return;
    l.last = v;
    send(l.reply, 'change', { version: v });
  }

  /** `publicVersion`: the page is public, and `last` the version its `hello` carried. */
  subscribe(
    coalitionId: string,
    reply: FastifyReply,
    pub?: { publicVersion: () => Promise<number>; last: number },
  ): () => void {
    let set = this.listeners.get(coalitionId);
    if (!set) this.listeners.set(coalitionId, (set = new Set()));
    const l: Listener = { reply, ...pub };
    set.add(l);
    return () => set.delete(l);
  }

  close(): void {
    for (const set of this.listeners.values()) for (const l of set) l.reply.raw.end();
    this.listeners.clear();
  }
}

export function send(reply: FastifyReply, event: string, data: unknown): void {
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
