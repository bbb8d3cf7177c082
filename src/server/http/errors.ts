import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ErrorBody, type FieldError, type FieldErrorParams } from '../../contract/common.ts';
import type { FieldErrorCode } from '../../contract/constants.ts';
import { fieldErrorsOf } from './issues.ts';

/** An error a handler raises on purpose; its body goes to the client as is. */
export class HttpError extends Error {
  readonly body: ErrorBody;
  constructor(
    readonly statusCode: number,
    body: Omit<ErrorBody, 'fields'> & { fields?: readonly (FieldProblem | FieldError)[] },
  ) {
    super(body.message);
    const { fields, ...rest } = body;
    // A field named without a code still gets one: every refusal carries a code per field.
    this.body = fields ? { ...rest, fields: fields.map(withCode) } : rest;
  }
}

const withCode = (f: FieldProblem | FieldError) => ({ ...f, code: f.code ?? 'invalid' });

export const notFound = (what: string) =>
  new HttpError(404, { error: 'not_found', message: `No ${what} with that id is visible to you.` });
export const forbidden = () =>
  new HttpError(403, { error: 'forbidden', message: 'You may not do that with this record.' });
export const unauthenticated = () =>
  new HttpError(401, { error: 'unauthenticated', message: 'Sign in first.' });
/** A field error a handler raises; without a code it is sent as `invalid` (say which, when one fits). */
export interface FieldProblem {
  field: string;
  message: string;
  code?: FieldErrorCode;
  params?: FieldErrorParams;
}

export const invalid = (fields: FieldProblem[]) =>
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
      const input: unknown =
        where === 'querystring'
          ? request.query
          : where === 'params'
            ? request.params
            : where === 'headers'
              ? request.headers
              : request.body;
      const fields = err.validation.flatMap((v) => {
        const at = v.instancePath.replace(/^\//, '');
        return fieldErrorsOf(
          { ...v.params, code: v.keyword, path: at ? at.split('/') : [], message: v.message ?? '' },
          input,
          where,
        );
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
