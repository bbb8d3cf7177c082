import { gazetteerIndex } from '../../../domain/geo/index.ts';
import type { App, AppContext } from '../../context.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { AtlasAnswerCache } from './answer-cache.ts';
import { challengeRoutes } from './challenges.ts';
import { AtlasHub } from './live.ts';
import { routeRoutes } from './route-routes.ts';
import type { ChangeBus } from '../../bus/bus.ts';

/** The atlas: routes, challenges, map, flows, gaps, GeoJSON export and the live change stream. */
export function atlasRoutes(app: App, ctx: AppContext, bus?: ChangeBus): void {
  const hub = new AtlasHub(bus);
  app.addHook('onClose', async () => hub.close());
  // Decoding ~140k places takes seconds; a listening server does it once, just after start-up,
  // rather than in the first person's request. (Tests that only inject never listen.)
  app.addHook('onListen', async () => {
    setImmediate(() => gazetteerIndex());
  });
  const changed = (coalitionId: string) => hub.changed(coalitionId);
  routeRoutes(app, ctx, changed);
  challengeRoutes(app, ctx, changed);
  analysisRoutes(app, ctx, hub, new AtlasAnswerCache(ctx.atlasCacheSize));
}
