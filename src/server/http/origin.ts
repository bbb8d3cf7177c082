import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/**
 * Cross-site requests carrying a signed-in user's cookie. Browsers attach the page's Origin to every
 * WebSocket handshake, every cross-origin fetch or EventSource, and every POST/PUT/PATCH/DELETE; a
 * page on another site cannot remove or forge it. So an API request whose Origin is not Mosaic's
 * own is refused before anything else runs — a hostile page cannot drive the live console, open an
 * event stream, or change data with a facilitator's cookie (SameSite=Lax alone lets WebSockets
 * through, and "same site" includes other ports and sub-domains).
 *
 * Which origins are Mosaic's own: those of `PUBLIC_URL` when it is set; otherwise the request's own
 * host (Origin's host:port equals the Host header), so loopback and LAN use keep working.
 * A request with no Origin at all is not from a page on another site (browsers always send one
 * where it matters) — it is the CLI, a test or a same-origin GET — and passes. `Origin: null`
 * (sandboxed frames, file: pages) is never ours.
 */
export function originAllowed(
  origin: string,
  requestHost: string | undefined,
  publicOrigins: readonly string[],
): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes "null"
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (publicOrigins.length > 0) return publicOrigins.includes(url.origin);
  if (!requestHost) return false;
  try {
    // Parsed with the Origin's scheme so a default port written out (":443") compares equal.
    return new URL(`${url.protocol}//${requestHost}`).host === url.host;
  } catch {
    return false;
  }
}

/** The origins of a `PUBLIC_URL` value (comma-separated URLs); throws naming a bad entry. */
export function parsePublicUrls(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value.split(',').map((raw) => {
    const s = raw.trim();
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new Error(`PUBLIC_URL: "${s}" is not a URL (e.g. https://mosaic.example.org)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`PUBLIC_URL: "${s}" must start with https:// or http://`);
    return url.origin;
  });
}

const foreignOrigin = () =>
  new HttpError(403, {
    error: 'origin_not_allowed',
    message:
      'This request came from a page on another site and was refused. Open Mosaic at its own address.',
  });

export function checkOrigin(request: FastifyRequest, publicOrigins: readonly string[]): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (!originAllowed(origin, request.host, publicOrigins)) throw foreignOrigin();
}

/** Refuses API requests (HTTP, SSE and WebSocket handshakes alike) from another site's pages. */
export function installOriginCheck(app: FastifyInstance, publicOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) checkOrigin(request, publicOrigins);
  });
}
