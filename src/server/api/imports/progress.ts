import type { ImportProgress } from '../../../contract/imports.ts';

/** How long a finished or abandoned import's progress stays readable. */
const KEEP_MS = 10 * 60_000;

/**
 * The progress of running imports, by the id the client chose and the person who runs it (no one
 * reads another's). In this instance's memory: the page polls the instance that runs its import
 * (one instance in a coalition's usual deployment; behind a balancer, sticky sessions).
 */
export class ImportProgressBoard {
  private readonly byKey = new Map<string, { progress: ImportProgress; at: number }>();

  report(owner: string, id: string, progress: ImportProgress, now = Date.now()): void {
    for (const [k, v] of this.byKey) if (now - v.at > KEEP_MS) this.byKey.delete(k);
    this.byKey.set(`${owner}/${id}`, { progress, at: now });
  }

  get(owner: string, id: string): ImportProgress | undefined {
    return this.byKey.get(`${owner}/${id}`)?.progress;
  }
}

/** Lets other requests run between two batches of a long import (a macrotask turn). */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
