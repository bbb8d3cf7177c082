import { z } from 'zod';

/** Every error the API returns has this shape; `fields` names each bad field and what is wrong. */
export const ErrorBody = z
  .object({
    error: z.string().describe('Machine-readable error code, e.g. `validation_failed`'),
    message: z.string().describe('A sentence a person can act on'),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per bad field, with its path (`countries.2`)'),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const VisibilitySchema = z.enum(['organisation', 'coalition', 'public']);
export type VisibilityValue = z.infer<typeof VisibilitySchema>;

export const Id = z.string().uuid();

/** Text that a person typed: trimmed, no control characters except newlines and tabs. */
export function text(max: number, min = 0) {
  return (
    z
      .string()
      .trim()
      .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
      .max(max, `must be at most ${max} characters`)
      // Control characters are invisible, break CSV/terminal output and are never meant as text.
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
        message: 'must not contain control characters',
      })
  );
}

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() });
