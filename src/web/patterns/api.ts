import type {
  Distribution,
  Pattern,
  PatternDraft,
  PatternImportResult,
  PatternList,
  PublicDistribution,
} from '../../contract/patterns.ts';
import { qs, type Query } from '../atlas/api.ts';
import { call } from '../http.ts';

/** The experience patterns' calls (spectrum of exploitation). */
export const patternsApi = {
  list: (q: Query, signal?: AbortSignal) =>
    call<PatternList>('GET', `/api/patterns${qs(q)}`, undefined, signal),
  create: (body: Partial<PatternDraft>) => call<Pattern>('POST', '/api/patterns', body),
  remove: (id: string) => call<undefined>('DELETE', `/api/patterns/${encodeURIComponent(id)}`),
  distribution: (q: Query, signal?: AbortSignal) =>
    call<Distribution>('GET', `/api/patterns/distribution${qs(q)}`, undefined, signal),
  /** Public patterns only, small counts withheld: open to everyone. */
  publicDistribution: (q: Query, signal?: AbortSignal) =>
    call<PublicDistribution>('GET', `/api/patterns/distribution/public${qs(q)}`, undefined, signal),
  importCsv: (csv: string, dryRun: boolean, eventId: string | null) =>
    call<PatternImportResult>('POST', '/api/patterns/import', { csv, dryRun, eventId }),
};
