import { readScopes, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { readerCoalition } from '../../db/repos/accounts.ts';
import type { AtlasAudience } from '../../db/repos/routes.ts';
import { notFound } from '../../http/errors.ts';

export interface AtlasReader {
  audience: AtlasAudience;
  /** Public view: public routes only, reporting organisations hidden, counts below k withheld. */
  isPublic: boolean;
  k: number;
}

/**
 * Which coalition's atlas, and what the reader may count in it. Signed-in readers see their own
 * coalition unless they name another; anonymous visitors name one (or get the first coalition of
 * the instance, the usual single-coalition deployment). Outside one's own coalition, or with
 * `view=public`, only the public scope is left, and that is the public view.
 */
export async function atlasReader(
  ctx: AppContext,
  actor: Actor,
  resource: 'atlas' | 'route' | 'challenge',
  view: 'coalition' | 'public',
  slug: string | undefined,
): Promise<AtlasReader> {
  const coalition = await readerCoalition(ctx.db, actor, slug);
  if (!coalition) throw notFound('coalition');
  const member = actor.kind === 'user' && actor.coalitionId === coalition.id;
  let scopes = readScopes(actor, resource);
  if (!member || view === 'public') scopes = scopes.filter((s) => s === 'public');
  return {
    audience: {
      coalitionId: coalition.id,
      scopes,
      readerCoalitionId: member ? coalition.id : null,
      organisationId: member && actor.kind === 'user' ? actor.organisationId : null,
    },
    isPublic: scopes.every((s) => s === 'public'),
    k: coalition.suppressionK,
  };
}
