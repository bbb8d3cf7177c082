import type { FastifyInstance } from 'fastify';

/**
 * The web app and the API docs load scripts, styles, fonts and workers from Mosaic itself only: no
 * inline script can run, so text a user typed can never execute even if it slipped into the page.
 * `data:` images and fonts are the favicon and bundled glyphs; `blob:` is the map's exported image
 * and worker. Nothing may frame Mosaic (clickjacking a facilitator's console).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI (/api/docs) inserts <style> elements from its bundle: the docs alone may use inline
 * styles. Still no inline script; the page shows only the OpenAPI document, no user content.
 */
export const DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);

const ALWAYS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Join links carry event codes: never hand a page's address to another site.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Security headers on every answer, errors and streams included. They are set on the raw response
 * as the request arrives, so answers that bypass Fastify's send (the event stream, a hijacked
 * reply) carry them too; Fastify's own headers merge over them.
 * HSTS only when the request came over TLS (behind a proxy that says so, with TRUST_PROXY).
 * Answers to a signed-in user are never stored by a browser or a proxy cache.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(ALWAYS)) reply.raw.setHeader(name, value);
    if (request.url.startsWith('/api/docs'))
      reply.raw.setHeader('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
    if (request.protocol === 'https')
      reply.raw.setHeader('strict-transport-security', 'max-age=31536000');
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // A signed-in answer is private whatever the route asked for; public reference data keeps its own.
    if (request.session || !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
}
