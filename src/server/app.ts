import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import './types.ts';
import type { App, AppContext, SiteAddress } from './context.ts';
import { SetupGate } from './auth/setup.ts';
import type { Backend, Db } from './db/index.ts';
import { BackOff } from './auth/backoff.ts';
import { databaseRateStore } from './auth/rate-store.ts';
import { actorOf, pruneRegularly, sessionOf } from './auth/sessions.ts';
import { LiveSessions } from './auth/live-sessions.ts';
import type { Mailer } from './mail.ts';
import { memberRoutes } from './api/members/routes.ts';
import { accountRoutes } from './api/members/account-routes.ts';
import type { RoutePolicy } from './auth/policy.ts';
import { installErrorHandler, unauthenticated } from './http/errors.ts';
import { enforceRoutePolicies } from './http/route-policies.ts';
import { installSecurityHeaders } from './http/headers.ts';
import { installOriginCheck } from './http/origin.ts';
import { installWellFormedText } from './http/well-formed.ts';
import { serverLogging } from './http/logging.ts';
import { healthRoutes } from './api/health/routes.ts';
import { authRoutes } from './api/auth/routes.ts';
import { demoNoticeRoutes } from './api/auth/demo.ts';
import { organisationRoutes } from './api/organisations/routes.ts';
import { placeRoutes } from './api/places/routes.ts';
import { gazetteerRoutes } from './api/gazetteer/routes.ts';
import { atlasRoutes } from './api/atlas/index.ts';
import { eventRoutes } from './api/events/routes.ts';
import { participantImportRoutes } from './api/imports/participants.ts';
import { importRoutes } from './api/imports/routes.ts';
import { joinRoutes } from './api/join/routes.ts';
import { liveRoutes } from './live/routes.ts';
import { sheetRoutes } from './api/sheets/routes.ts';
import { overlapRoutes } from './api/overlap/routes.ts';
import { factorRoutes } from './api/factors/routes.ts';
import { patternRoutes } from './api/patterns/routes.ts';
import { commitmentRoutes } from './api/commitments/routes.ts';
import { reportRoutes } from './api/report/routes.ts';
import { exportRoutes } from './api/exports/routes.ts';
import { learningRoutes } from './api/learnings/routes.ts';
import { setupOpen, setupRoutes } from './api/setup/routes.ts';
import { siteRoutes } from './api/site/routes.ts';
import { LiveHub } from './live/hub.ts';
import { PgChangeBus } from './bus/bus.ts';
import websocket from '@fastify/websocket';

export interface AppOptions {
  db: Db;
  backend: Backend;
  /** Folder with the built web app (index.html); omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Injectable clock: tests freeze it; timers and sessions read it. */
  now?: () => Date;
  /** Log requests and errors (http/logging.ts): `true` to stdout, or to this stream; off by default. */
  log?: boolean | Writable;
  /** Honour X-Forwarded-* from a reverse proxy (needed for Secure cookies behind TLS termination). */
  trustProxy?: boolean;
  /**
   * The origins (scheme://host:port) pages of this Mosaic are served from, from `PUBLIC_URL`; API
   * requests from any other origin are refused. Empty: the request's own host only.
   */
  publicOrigins?: readonly string[];
  /** Sign-in attempts per client address per minute, whatever the outcome (default 60). */
  loginAttemptsPerMinute?: number;
  /** Join-code look-ups and joins per client address per minute (default 600). */
  joinAttemptsPerMinute?: number;
  /** Rows of aggregate atlas answers kept until the next route write (default 500,000; 0 = off). */
  atlasCacheSize?: number;
  /**
   * On PostgreSQL, the database's URL: the instance keeps one connection LISTENing for what other
   * instances on the same database commit (live rooms, atlas pages; docs/live-event.md).
   */
  databaseUrl?: string | undefined;
  /** Sends invitation and password-reset links; without it invitation links are shown to copy. */
  mailer?: Mailer | undefined;
  /** Where people reach Mosaic, the base of emailed links (PUBLIC_URL). */
  publicUrl?: string | undefined;
  /** First run: the gate holding the printed set-up token (default: closed). */
  setup?: SetupGate;
  /** Where phones reach Mosaic (join links, QR codes); main.ts fills it in once listening. */
  site?: SiteAddress;
  /** How often stale rows are pruned (default hourly; db/repos/prune.ts). */
  pruneEveryMs?: number;
}

/** Routes registered by plugins rather than by us: given an explicit open policy here, in one place. */
const PLUGIN_ROUTES: { prefix: string; policy: RoutePolicy }[] = [
  {
    prefix: '/api/docs',
    policy: { kind: 'open', why: 'API documentation (static, from the OpenAPI document)' },
  },
];

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    ...(opts.log ? serverLogging(opts.log === true ? undefined : opts.log) : { logger: false }),
    bodyLimit: 256 * 1024,
    trustProxy: opts.trustProxy ?? false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }).withTypeProvider<ZodTypeProvider>();
  const now = opts.now ?? (() => new Date());
  const ctx: AppContext = {
    db: opts.db,
    backend: opts.backend,
    now,
    loginBackOff: new BackOff(opts.db),
    // Per address only a rate limit that slows (a minute at most), never a lock: a whole venue's
    // Wi-Fi sits behind one address.
    loginAttemptsPerMinute: opts.loginAttemptsPerMinute ?? 60,
    // A whole room often shares one public address (venue Wi-Fi behind NAT): allow a room to join
    // within a minute. 31^8 codes keep guessing out of reach even at this rate.
    joinAttemptsPerMinute: opts.joinAttemptsPerMinute ?? 600,
    atlasCacheSize: opts.atlasCacheSize ?? 500_000,
    liveSessions: new LiveSessions(opts.db, now),
    mailer: opts.mailer,
    publicUrl: opts.publicUrl,
    setup: opts.setup ?? SetupGate.closed(),
    site: opts.site ?? { joinBase: opts.publicUrl },
  };

  // The API speaks JSON only: any other body is answered 415, not parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // First of all hooks, so every answer carries them, refusals included.
  installSecurityHeaders(app);
  installWellFormedText(app);

  enforceRoutePolicies(app, PLUGIN_ROUTES);

  await app.register(cookie);
  // API answers over 1 kB are sent brotli- or gzip-compressed when the client accepts it (a map
  // answer of 116 kB travels as ~10 kB on conference Wi-Fi). Brotli at quality 4: fast enough per
  // request. Built web assets are precompressed at build time and served as they are.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  // Counted in the database: instances sharing one database share the limits (auth/rate-store.ts).
  await app.register(rateLimit, { global: false, store: databaseRateStore(opts.db, now) });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // After the WebSocket plugin's own hooks: a refused handshake's socket must still be closed by it.
  installOriginCheck(app, opts.publicOrigins ?? []);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Mosaic API',
        version: '0.1.0',
        description:
          'Mosaic: the live convening and shared knowledge of an anti-trafficking coalition. Sign in with POST /api/auth/login; the session cookie authenticates the rest.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  pruneRegularly(app, ctx, opts.pruneEveryMs);
  // Fastify's decorator idiom: the onRequest hook below sets the actor on every request before a
  // handler reads it, so its declared type (Actor) needs no null.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    request.session = request.url.startsWith('/api/')
      ? await sessionOf(ctx.db, request, ctx.now())
      : undefined;
    request.actor = actorOf(request.session);
  });
  // Writes and `authenticated` routes need a signed-in user; record-level checks happen in the
  // services against the policy table, because they need the record.
  app.addHook('preHandler', async (request) => {
    const policy = request.routeOptions.config.policy;
    const needsUser =
      policy?.kind === 'authenticated' || (policy?.kind === 'resource' && policy.action !== 'read');
    if (needsUser && request.actor.kind === 'anonymous') throw unauthenticated();
  });

  app.get(
    '/api/openapi.json',
    { config: { policy: { kind: 'open', why: 'the API description' } }, schema: { hide: true } },
    async () => app.swagger(),
  );
  healthRoutes(app);
  siteRoutes(app, ctx);
  setupRoutes(app, ctx);
  authRoutes(app, ctx);
  memberRoutes(app, ctx);
  accountRoutes(app, ctx);
  demoNoticeRoutes(app, ctx);
  organisationRoutes(app, ctx);
  placeRoutes(app);
  gazetteerRoutes(app);
  const bus =
    opts.backend === 'postgres' && opts.databaseUrl
      ? new PgChangeBus({ connectionString: opts.databaseUrl, db: opts.db, log: app.log })
      : undefined;
  if (bus) {
    app.addHook('onReady', () => bus.start());
    app.addHook('onClose', () => bus.stop());
    ctx.liveSessions.listen(bus);
  }
  ctx.liveSessions.startSweeping();
  app.addHook('onClose', async () => {
    ctx.liveSessions.stop();
    opts.mailer?.close();
  });
  const routesChanged = atlasRoutes(app, ctx, bus);
  const hub = new LiveHub(ctx, bus);
  app.decorate('liveHub', hub);
  hub.startHeartbeat();
  app.addHook('onClose', async () => hub.stop());
  eventRoutes(app, ctx, hub);
  participantImportRoutes(app, ctx, hub);
  joinRoutes(app, ctx, hub);
  liveRoutes(app, ctx, hub);
  sheetRoutes(app, ctx);
  factorRoutes(app, ctx);
  overlapRoutes(app, ctx);
  patternRoutes(app, ctx);
  commitmentRoutes(app, ctx);
  reportRoutes(app, ctx);
  exportRoutes(app, ctx);
  importRoutes(app, ctx, routesChanged);
  learningRoutes(app, ctx);

  registerWebApp(app, opts.webRoot, () => setupOpen(ctx));
  await app.ready();
  return app;
}

function registerWebApp(
  app: App,
  webRoot: string | undefined,
  setupIsOpen: () => Promise<boolean>,
): void {
  const indexFile = webRoot ? path.join(webRoot, 'index.html') : undefined;
  // Read once: every client-side route answers with the same shell.
  const indexHtml =
    indexFile && fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : undefined;
  // Phones get their own small page (a separate Vite entry) for joining and following an event.
  const phoneFile = webRoot ? path.join(webRoot, 'join', 'phone.html') : undefined;
  const phoneHtml =
    phoneFile && fs.existsSync(phoneFile) ? fs.readFileSync(phoneFile, 'utf8') : undefined;
  const isPhonePath = (url: string) => /^\/(join|j|live)(\/|\?|$)/.test(url);
  if (indexHtml !== undefined && webRoot) {
    const root = path.resolve(webRoot);
    app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.config = {
          ...route.config,
          policy: { kind: 'open', why: 'the built web app bundle' },
        };
      });
      // Hashed assets never change: phones keep them; `preCompressed` serves the .br/.gz copies.
      await scope.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        preCompressed: true,
        // Source maps are not built (vite.config.ts); one left in an old build is not served either.
        allowedPath: (pathName) => !pathName.endsWith('.map'),
        setHeaders: (res, file) => {
          if (file.includes(`${path.sep}assets${path.sep}`))
            res.header('cache-control', 'public, max-age=31536000, immutable');
        },
      });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (!isPage)
      return reply.code(404).send({
        error: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}.`,
      });
    if (indexHtml === undefined) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build:web` (npm start does this for you).');
    }
    // The first-run page exists only while it can be used: afterwards /setup is not found.
    const gone = /^\/setup(\/|\?|#|$)/.test(request.url) && !(await setupIsOpen());
    return reply
      .code(gone ? 404 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(phoneHtml !== undefined && isPhonePath(request.url) ? phoneHtml : indexHtml);
  });
}
