import type { RouteOptions } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '@fastify/websocket';
import type { Actor, RoutePolicy } from './auth/policy.ts';
import type { SessionView } from './db/repos/accounts.ts';
import type { LiveHub } from './live/hub.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares one; a test fails if any route does not. */
    policy?: RoutePolicy;
  }
  interface FastifyInstance {
    /** Every route as registered, with its declared policy: the policy-coverage test reads it. */
    routeTable: readonly (RouteOptions & { config?: { policy?: RoutePolicy } })[];
    /** This instance's live rooms and planning jobs (tests reach a room's queue through it). */
    liveHub: LiveHub;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The signed-in session, looked up once per request. */
    session: SessionView | undefined;
  }
}
