import type { Action, Actor, Resource } from '../../auth/policy.ts';
import { can, readScopes } from '../../auth/policy.ts';
import type { Db } from '../../db/index.ts';
import { readerCoalition, type CoalitionRow } from '../../db/repos/accounts.ts';
import { notFound } from '../../http/errors.ts';

/**
 * Who an export is read as. The public view is read as an anonymous visitor, whoever asks: every
 * policy check an entity makes (`readScopes`, `can`) then leaves exactly what anyone may see, and
 * the public suppression of small counts applies. Outside one's own coalition only the public
 * view exists.
 */
export interface ExportReader {
  actor: Actor;
  coalition: CoalitionRow;
  isPublic: boolean;
  /** Public aggregates withhold counts below k (the coalition's setting). */
  k: number;
}

export async function exportReader(
  db: Db,
  actor: Actor,
  view: 'coalition' | 'public',
  slug: string | undefined,
): Promise<ExportReader> {
  const coalition = await readerCoalition(db, actor, slug);
  if (!coalition) throw notFound('coalition');
  const member = actor.kind === 'user' && actor.coalitionId === coalition.id;
  const isPublic = !member || view === 'public';
  return {
    actor: isPublic ? { kind: 'anonymous' } : actor,
    coalition,
    isPublic,
    k: coalition.suppressionK,
  };
}

/** Whether the reader may export an entity guarded by `resource`/`action` at all. */
export function mayExport(r: ExportReader, resource: Resource, action: Action): boolean {
  if (action === 'read') return readScopes(r.actor, resource).length > 0;
  // Other actions are checked against the coalition itself (e.g. `update` of its events).
  return can(r.actor, action, resource, {
    coalitionId: r.coalition.id,
    owningOrganisationId: null,
    visibility: 'coalition',
  });
}

/** A record of the coalition that has no visibility of its own (events, factors). */
export const coalitionRecord = (r: ExportReader) => ({
  coalitionId: r.coalition.id,
  owningOrganisationId: null,
  visibility: 'coalition' as const,
});
