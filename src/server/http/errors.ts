import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../contract/common.ts';

/** An error a handler raises on purpose; its body goes to the client as is. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

export const notFound = (what: string) =>
  new HttpError(404, { error: 'not_found', message: `No ${what} with that id is visible to you.` });
export const forbidden = () =>
  new HttpError(403, { error: 'forbidden', message: 'You may not do that with this record.' });
export const unauthenticated = () =>
  new HttpError(401, { error: 'unauthenticated', message: 'Sign in first.' });
export const invalid = (fields: { field: string; message: string }[]) =>
  new HttpError(400, {
    error: 'validation_failed',
    message: `Invalid ${fields.map((f) => f.field).join(', ')}: ${fields.map((f) => f.message).join('; ')}`,
    fields,
  });

/**
 * One place turns every failure into a JSON body that names what is wrong. Nothing reaches the
 * client as a stack trace; unexpected errors are logged with the request id and answered 500.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send(err.body);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields = err.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const keys = (v.params as { keys?: unknown }).keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return keys.map((k) => ({
            field: path ? `${path}.${String(k)}` : String(k),
            message: 'is not a known field',
          }));
        }
        return [{ field: path || where, message: v.message ?? 'is invalid' }];
      });
      return reply.code(400).send({
        error: 'validation_failed',
        message: `Invalid ${where}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
        fields,
      } satisfies ErrorBody);
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413)
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: 'The request body is too large.' });
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415)
      return reply.code(415).send({
        error: 'unsupported_media_type',
        message: 'Send JSON (Content-Type: application/json).',
      });
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return reply.code(400).send({
        error: 'malformed_json',
        message: 'The request body is empty; send a JSON object.',
      });
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return reply
        .code(400)
        .send({ error: 'malformed_json', message: 'The request body is not valid JSON.' });
    if (status === 429)
      return reply.code(429).send({
        error: 'rate_limited',
        message: 'Too many requests; wait a minute and try again.',
      });
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: 'bad_request', message: err.message });
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send({
      error: 'internal',
      message: `Something went wrong on our side (request ${request.id}).`,
    });
  });
}

/** The error answers a signed-in route can give (bad input, signed out, refused, not found). */
export const ROUTE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
