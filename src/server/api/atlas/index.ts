import { warmGazetteerIndex } from '../../../domain/geo/index.ts';
import type { App, AppContext } from '../../context.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { AtlasAnswerCache } from './answer-cache.ts';
import { challengeRoutes } from './challenges.ts';
import { AtlasHub } from './live.ts';
import { routeRoutes } from './route-routes.ts';
import type { ChangeBus } from '../../bus/bus.ts';

/** How long after listening the gazetteer index starts loading in the background. */
const GAZETTEER_WARM_DELAY_MS = 3000;

/** The atlas: routes, challenges, map, flows, gaps, GeoJSON export and the live change stream. */
/** Returns what tells the atlas's live clients that a coalition's routes changed (imports use it). */
export function atlasRoutes(
  app: App,
  ctx: AppContext,
  bus?: ChangeBus,
): (coalitionId: string) => void {
  const hub = new AtlasHub(bus);
  app.addHook('onClose', async () => hub.close());
  // Decoding ~140k places takes seconds; a listening server does it once, soon after start-up,
  // rather than in the first person's request: a few seconds later (a restarted server first
  // answers the phones reconnecting to it) and in slices between requests. (Tests that only
  // inject never listen.)
  let warm: NodeJS.Timeout | undefined;
  app.addHook('onListen', async () => {
    warm = setTimeout(() => {
      warmGazetteerIndex().catch((err: unknown) =>
        app.log.error({ err }, 'the gazetteer index could not be built'),
      );
    }, GAZETTEER_WARM_DELAY_MS);
    warm.unref();
  });
  app.addHook('onClose', async () => clearTimeout(warm));
  const changed = (coalitionId: string) => hub.changed(coalitionId);
  routeRoutes(app, ctx, changed);
  challengeRoutes(app, ctx, changed);
  analysisRoutes(app, ctx, hub, new AtlasAnswerCache(ctx.atlasCacheSize));
  return changed;
}
