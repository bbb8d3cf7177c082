import { createHash } from 'node:crypto';
import { publishRelease, type Release } from '../../../domain/analysis/release.ts';
import type { AppContext } from '../../context.ts';
import { publicCountryCounts } from '../../db/repos/atlas-queries.ts';
import { publicChallengeRows } from '../../db/repos/challenges.ts';
import type { AtlasAnswerCache } from './answer-cache.ts';

export interface PublicRelease extends Release {
  /**
   * The public version: a digest of everything the public can see in the atlas (the release's
   * figures as published, and the public challenges). It changes only when a public figure or a
   * public challenge changes — never for an organisation-only or coalition-only write, nor for a
   * public route that leaves every published figure as it was.
   */
  version: number;
}

function digest(rel: Release, challenges: unknown[]): number {
  const figures = (m: Map<string, Map<string, { lo: number; hi: number }>>) =>
    [...m]
      .map(([form, cells]) => [form, [...cells].sort(([a], [b]) => a.localeCompare(b))] as const)
      .sort(([a], [b]) => a.localeCompare(b));
  const text = JSON.stringify([rel.k, figures(rel.cells), figures(rel.transits), challenges]);
  // 48 bits: a safe integer for JSON, and collisions are not a privacy matter (a page refetches).
  return parseInt(createHash('sha256').update(text).digest('hex').slice(0, 12), 16);
}

/**
 * The coalition's public release, computed once per atlas version (bumped in the same
 * transaction as every route or challenge write) and shared by every public answer.
 */
export function publicRelease(
  ctx: Pick<AppContext, 'db'>,
  cache: AtlasAnswerCache,
  coalitionId: string,
  k: number,
): Promise<PublicRelease> {
  return cache.get(
    ctx.db,
    coalitionId,
    `public-release|${k}`,
    (r) => [...r.cells.values()].reduce((s, m) => s + m.size, 0) + 1,
    async () => {
      const [counts, challenges] = await Promise.all([
        publicCountryCounts(ctx.db, coalitionId),
        publicChallengeRows(ctx.db, coalitionId),
      ]);
      const rel = publishRelease({ k, ...counts });
      return { ...rel, version: digest(rel, challenges) };
    },
  );
}
