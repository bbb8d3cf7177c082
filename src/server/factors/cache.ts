/**
 * The suggesters of the coalitions, one per coalition, kept while nothing they were built from
 * changed. A suggester holds the coalition's active factors and has learnt every confirmed card
 * (service.ts `suggesterFor`); building one costs a few hundred milliseconds, a review page asks
 * for one on every load. It is dropped when this process changes an assignment or a factor
 * (`invalidate`), and rebuilt when the coalition's stamp (number and latest time of assignment
 * entries and factor edits) differs from the one it was built at — which is how a change made by
 * another instance sharing PostgreSQL is seen.
 */
import type { Db } from '../db/index.ts';
import { factorStamp } from '../db/repos/factors.ts';
import type { FactorSuggester } from '../../domain/factors/suggest.ts';
import { suggesterFor } from './service.ts';

interface Entry {
  stamp: string;
  suggester: Promise<FactorSuggester>;
}

export class SuggesterCache {
  private readonly entries = new Map<string, Entry>();
  /** How many suggesters were built (tests read it to see the cache work). */
  builds = 0;

  async get(db: Db, coalitionId: string): Promise<FactorSuggester> {
    const stamp = await factorStamp(db, coalitionId);
    const hit = this.entries.get(coalitionId);
    if (hit && hit.stamp === stamp) return hit.suggester;
    this.builds++;
    const suggester = suggesterFor(db, coalitionId);
    const entry = { stamp, suggester };
    this.entries.set(coalitionId, entry);
    suggester.catch(() => {
      if (this.entries.get(coalitionId) === entry) this.entries.delete(coalitionId);
    });
    return suggester;
  }

  invalidate(coalitionId: string): void {
    this.entries.delete(coalitionId);
  }
}
