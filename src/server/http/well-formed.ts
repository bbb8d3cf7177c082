import type { FastifyInstance } from 'fastify';
import { notTextAt } from '../../contract/common.ts';
import { invalid } from './errors.ts';

/**
 * Every string a request carries — body, query, path — must be text: a lone UTF-16 surrogate or a
 * NUL is refused with a 400 naming the field, before any schema or handler sees it, so no route
 * can forget. (Live messages get the same check in the contract's `ClientMessage`.)
 */
export function installWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, querystring: request.query, params: request.params };
    for (const [where, value] of Object.entries(parts)) {
      const at = notTextAt(value);
      if (at)
        throw invalid([{ field: at.path.join('.') || where, code: at.code, message: at.message }]);
    }
  });
}
