import { HttpError } from '../../http/errors.ts';
import { FactorError } from '../../factors/service.ts';

/**
 * A FactorError as the API answers it: unknown records named by the URL 404 (`urlFactor`: the
 * factor id in the URL), a state that forbids the change 409,
 * a request that cannot be right 422 naming the field. Anything else is not ours to answer.
 */
export function refusal(err: unknown, urlFactor?: string): never {
  if (!(err instanceof FactorError)) throw err;
  const status =
    err.code === 'unknown_event' ||
    err.code === 'unknown_card' ||
    (err.code === 'unknown_factor' && err.subject !== undefined && err.subject === urlFactor)
      ? 404
      : err.code === 'nothing_to_undo' ||
          err.code === 'factor_not_active' ||
          err.code === 'factor_exists' ||
          err.code === 'version_conflict'
        ? 409
        : 422;
  const field =
    err.code === 'label_required'
      ? 'labels.en'
      : err.code === 'bad_card'
        ? err.message.split(':')[0]!
        : 'factor';
  throw new HttpError(status, {
    error: err.code,
    message: err.message,
    ...(status === 422 ? { fields: [{ field, message: err.message }] } : {}),
  });
}
