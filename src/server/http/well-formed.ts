import type { FastifyInstance } from 'fastify';
import { UNPAIRED_SURROGATE_MESSAGE, unpairedSurrogateAt } from '../../contract/common.ts';
import { invalid } from './errors.ts';

/**
 * Every string a request carries — body, query, path — must be valid Unicode: a lone UTF-16
 * surrogate is refused with a 400 naming the field, before any schema or handler sees it, so no
 * route can forget. (Live messages get the same check in the contract's `ClientMessage`.)
 */
export function installWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, querystring: request.query, params: request.params };
    for (const [where, value] of Object.entries(parts)) {
      const at = unpairedSurrogateAt(value);
      if (at)
        throw invalid([
          {
            field: at.join('.') || where,
            code: 'unpaired_surrogate',
            message: UNPAIRED_SURROGATE_MESSAGE,
          },
        ]);
    }
  });
}
