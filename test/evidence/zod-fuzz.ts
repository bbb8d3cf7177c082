import type { z } from 'zod';
import type { Prng } from '../support/prng.ts';

/**
 * Values derived from a zod schema, for the API fuzzer: `sample` makes a plausible value of the
 * schema's shape (often valid), `malform` a value the schema's type must refuse or survive — wrong
 * types, huge and hostile strings, deep nesting, prototype keys.
 */
type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def =>
  (s as { _zod?: { def: Def } } | null)?._zod?.def ?? { type: 'unknown' };

const STRINGS = [
  'x',
  'Matrix',
  '2026-12-01',
  'city:1609350',
  'TH',
  'ngo',
  'ForcedLabour',
  '00000000-0000-4000-8000-000000000000',
  'a@b.co',
];

export const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  '\uD800', // lone high surrogate
  'a\uDC00b', // lone low surrogate
  '\u202Egnp.exe', // right-to-left override
  'a\u0000b',
  '\r\n\t',
  '=cmd|" /C calc"!A0',
  "'; DROP TABLE organisations; --",
  '%_%',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '2026-02-31',
  '9999-99-99',
  '𝕄𝕠𝕤𝕒𝕚𝕔',
  'null',
  '__proto__',
];

/** Nesting deeper than JSON.stringify can walk, as JSON text. */
export const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

export function deepArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const GENERIC_BAD: (() => unknown)[] = [
  () => null,
  () => 0,
  () => -1,
  () => 1e308,
  () => 1.5,
  () => true,
  () => [],
  () => ({}),
  () => deepArray(200),
  () => JSON.parse('{"__proto__":{"polluted":1}}'),
  () => ({ constructor: { prototype: { polluted: 1 } } }),
  () => Array.from({ length: 5000 }, () => 'x'),
];

export function sample(schema: unknown, rnd: Prng, depth = 0): unknown {
  const d = defOf(schema);
  switch (d.type) {
    case 'optional':
      return rnd.int(4) === 0 ? undefined : sample(d.innerType, rnd, depth);
    case 'default':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return rnd.int(3) === 0 ? undefined : sample(d.innerType, rnd, depth);
    case 'nullable':
      return rnd.int(4) === 0 ? null : sample(d.innerType, rnd, depth);
    case 'pipe':
      return sample(d.in, rnd, depth);
    case 'lazy':
      return depth > 4 ? null : sample((d.getter as () => unknown)(), rnd, depth + 1);
    case 'string':
      return rnd.pick(STRINGS);
    case 'number':
    case 'int':
      return rnd.int(10);
    case 'bigint':
      return rnd.int(10);
    case 'boolean':
      return rnd.int(2) === 0;
    case 'literal':
      return rnd.pick(d.values as unknown[]);
    case 'enum':
      return rnd.pick(Object.values(d.entries as Record<string, unknown>));
    case 'array':
      return depth > 4
        ? []
        : Array.from({ length: rnd.int(3) }, () => sample(d.element, rnd, depth + 1));
    case 'record':
      return {};
    case 'union':
      return sample(rnd.pick(d.options as unknown[]), rnd, depth);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
        const value = sample(v, rnd, depth + 1);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    default:
      return null;
  }
}

/** A value this schema's type must refuse or survive: type-aware first, then generic. */
export function malform(schema: unknown, rnd: Prng): unknown {
  const d = defOf(schema);
  const inner = ['optional', 'default', 'nullable', 'catch', 'readonly', 'nonoptional'].includes(
    d.type,
  )
    ? (d.innerType as unknown)
    : d.type === 'pipe'
      ? (d.in as unknown)
      : undefined;
  if (inner && rnd.int(2) === 0) return malform(inner, rnd);
  if (rnd.int(3) === 0) return rnd.pick(GENERIC_BAD)();
  switch (d.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return rnd.pick(HOSTILE_STRINGS);
    case 'number':
    case 'int':
      return rnd.pick<unknown>([
        -1,
        -1e9,
        1e15,
        0.5,
        Number.MAX_SAFE_INTEGER + 2,
        '12',
        'NaN',
        'Infinity',
      ]);
    case 'array':
      return rnd.pick<unknown>([
        'not an array',
        Array.from({ length: 10_000 }, (_, i) => i),
        [rnd.pick(HOSTILE_STRINGS)],
        deepArray(500),
      ]);
    case 'object':
      return rnd.pick<unknown>(['text', [1, 2], { unknownKey: 1 }]);
    default:
      return rnd.pick(HOSTILE_STRINGS);
  }
}

/**
 * A copy of `base` (a value of an object schema) with one field, chosen at random and walked into
 * nested objects, replaced by a malformed value, or an unknown key added.
 */
export function mutate(schema: unknown, base: unknown, rnd: Prng): unknown {
  let d = defOf(schema);
  while (['optional', 'default', 'nullable', 'pipe'].includes(d.type))
    d = defOf(d.type === 'pipe' ? d.in : d.innerType);
  if (d.type !== 'object' || typeof base !== 'object' || base === null || Array.isArray(base))
    return malform(schema, rnd);
  const shape = d.shape as Record<string, unknown>;
  const keys = Object.keys(shape);
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  if (!keys.length || rnd.int(8) === 0) {
    // defineProperty: a plain assignment to `__proto__` would set the prototype, not send the key.
    Object.defineProperty(
      copy,
      rnd.pick(['__proto__', 'constructor', 'unknownField', 'prototype']),
      {
        value: { polluted: true },
        enumerable: true,
      },
    );
    return copy;
  }
  const k = rnd.pick(keys);
  copy[k] =
    rnd.int(3) === 0 && copy[k] !== undefined
      ? mutate(shape[k], copy[k], rnd)
      : malform(shape[k], rnd);
  return copy;
}

export type ZodLike = z.ZodType;
