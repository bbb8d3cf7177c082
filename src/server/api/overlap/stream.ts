import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { coalitionOverlapVersion } from './service.ts';

/** How often a coalition with open overlap pages is checked for changes. */
export const OVERLAP_CHECK_MS = 1_000;

interface Watched {
  pages: Set<FastifyReply>;
  version: string;
  timer: NodeJS.Timeout;
  checking: boolean;
}

export function send(reply: FastifyReply, event: string, data: unknown): void {
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Open overlap pages (the projector at the end of the café, the analysis screen) hear `change`
 * when the counts may have changed. Server-Sent Events, like the atlas's stream: a message
 * carries only a version digest — never data — and the page refetches through the policy-checked
 * endpoints. What changes the overlap happens in several places (a person's assignment on the
 * review screen, a card edited or deleted in the live room, a merge of factors, another server
 * instance sharing PostgreSQL), and each of those moves a stamp in the database
 * (`event_overlap.version`, the room's sequence number, `events.updated_at`, the factors'), so
 * instead of every writer announcing itself, each coalition with open pages has its stamps read
 * once a second (one small query, however many pages are open) and its pages are told on a change.
 */
export class OverlapHub {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly ctx: AppContext,
    private readonly everyMs = OVERLAP_CHECK_MS,
  ) {}

  async subscribe(coalitionId: string, reply: FastifyReply): Promise<() => void> {
    let w = this.watched.get(coalitionId);
    if (!w) {
      const version = await coalitionOverlapVersion(this.ctx, coalitionId);
      w = this.watched.get(coalitionId);
      if (!w) {
        const entry: Watched = {
          pages: new Set(),
          version,
          checking: false,
          timer: setInterval(() => void this.check(coalitionId), this.everyMs),
        };
        entry.timer.unref();
        this.watched.set(coalitionId, (w = entry));
      }
    }
    send(reply, 'hello', { version: w.version });
    w.pages.add(reply);
    const entry = w;
    return () => {
      entry.pages.delete(reply);
      if (entry.pages.size === 0 && this.watched.get(coalitionId) === entry) {
        clearInterval(entry.timer);
        this.watched.delete(coalitionId);
      }
    };
  }

  private async check(coalitionId: string): Promise<void> {
    const w = this.watched.get(coalitionId);
    if (!w || w.checking) return;
    w.checking = true;
    try {
      const version = await coalitionOverlapVersion(this.ctx, coalitionId);
      if (version === w.version) return;
      w.version = version;
      for (const page of w.pages) if (!page.raw.destroyed) send(page, 'change', { version });
    } catch {
      // A failed check (a closing database) is retried on the next tick.
    } finally {
      w.checking = false;
    }
  }

  close(): void {
    for (const w of this.watched.values()) {
      clearInterval(w.timer);
      for (const page of w.pages) page.raw.end();
    }
    this.watched.clear();
  }
}
