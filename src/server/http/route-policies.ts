import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RoutePolicy } from '../auth/policy.ts';

type RouteEntry = RouteOptions & { config?: { policy?: RoutePolicy } };

/**
 * Makes every route declare a policy. Routes are recorded as they register (a scoped hook may still
 * add a policy afterwards) and checked when the app becomes ready: an undeclared route stops the app
 * from starting, and `app.routeTable` lets tests list them all.
 * `defaults` gives routes registered by third-party plugins (under a URL prefix) an explicit policy.
 */
export function enforceRoutePolicies(
  app: FastifyInstance,
  defaults: { prefix: string; policy: RoutePolicy }[] = [],
): void {
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route: RouteEntry) => {
    const plugin = defaults.find((p) => route.url.startsWith(p.prefix));
    if (plugin && !route.config?.policy) route.config = { ...route.config, policy: plugin.policy };
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !r.config?.policy);
    if (undeclared.length) {
      const list = undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ');
      throw new Error(`routes without a policy: ${list}`);
    }
  });
}
