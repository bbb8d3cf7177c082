import { flows, routes } from './atlas.ts';
import { organisations, places } from './directory.ts';
import type { ExportEntity } from './entity.ts';
import { cards, events, participants } from './events.ts';
import { factors, patterns } from './knowledge.ts';
import { learnings } from './learnings.ts';
import { commitments } from './roadmaps.ts';

/**
 * Every exportable entity, one entry each: the HTTP routes (`GET /api/exports/<name>`), the
 * `mosaic export` command and the web app's download buttons all come from this list.
 */
export const EXPORTS: readonly ExportEntity[] = [
  organisations,
  places,
  routes,
  flows,
  events,
  participants,
  cards,
  factors,
  patterns,
  learnings,
  commitments,
];

export type { ExportFormat } from '../../../contract/exports.ts';

export function exportNamed(name: string): ExportEntity | undefined {
  return EXPORTS.find((e) => e.name === name);
}
