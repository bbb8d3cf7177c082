import { LearningsList, LearningsParams, ThemeSuggestions } from '../../../contract/learnings.ts';
import type { App, AppContext } from '../../context.ts';
import { SuggesterCache } from '../../factors/cache.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { listLearnings, themeSuggestions } from '../../learnings/service.ts';

/**
 * The learnings wall over HTTP: what the caller may read of an event's posts (for the report,
 * exports and the console's first load), and theme suggestions for the console. Posting, voting
 * and moderating go through the live room (src/server/live/learnings.ts).
 */
export function learningRoutes(app: App, ctx: AppContext): void {
  const suggesters = new SuggesterCache();
  app.get(
    '/api/events/:eventId/learnings',
    {
      config: { policy: { kind: 'resource', resource: 'learning', action: 'read' } },
      schema: {
        tags: ['learnings'],
        summary: "An event's learnings wall: posts the caller may read, with votes and themes",
        params: LearningsParams,
        response: { 200: LearningsList, ...ROUTE_ERRORS },
      },
    },
    async (request) => listLearnings(ctx, request.actor, request.params.eventId),
  );
  app.get(
    '/api/events/:eventId/learnings/suggestions',
    {
      config: { policy: { kind: 'resource', resource: 'event', action: 'update' } },
      schema: {
        tags: ['learnings'],
        summary: 'Themes suggested for posts without one (existing themes and café factors)',
        params: LearningsParams,
        response: { 200: ThemeSuggestions, ...ROUTE_ERRORS },
      },
    },
    async (request) => themeSuggestions(ctx, suggesters, request.actor, request.params.eventId),
  );
}
