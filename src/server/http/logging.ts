import type { Writable } from 'node:stream';
import {
  LogController,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';

/**
 * What the server writes to its log: one JSON line per request — method, route *pattern* (never
 * the URL: paths and queries carry join codes and search words), status, duration — and unexpected
 * errors with their stack. Never a body, a header, a cookie, an address or an email: the log must
 * be safe to hand to whoever runs the machine.
 */
class RequestLines extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request failed');
    else request.log.info(line, 'request');
  }
}

/** An error as the log keeps it: no enumerable extras (a driver's `detail` can quote row values). */
function errorLine(err: FastifyError) {
  return { type: err.name, message: err.message, code: err.code, stack: err.stack ?? '' };
}

/** Fastify's logger options for a serving process: JSON lines to `stream` (stdout by default). */
export function serverLogging(
  stream?: Writable,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logger: {
      level: 'info',
      serializers: { err: errorLine },
      ...(stream ? { stream } : {}),
    },
    logController: new RequestLines(),
  };
}
