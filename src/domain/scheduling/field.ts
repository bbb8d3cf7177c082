/**
 * Finite fields GF(q), q = p^k, for the algebraic constructions. Elements are integers 0..q-1
 * read as base-p digit vectors (polynomial coefficients); multiplication goes through log/exp
 * tables built from a primitive polynomial found by brute force, which is instant for the field
 * sizes a room of people can need.
 */
export interface Field {
  q: number;
  add(a: number, b: number): number;
  mul(a: number, b: number): number;
}

/** `[p, k]` with q = p^k, or null when q is not a prime power. */
export function primePower(q: number): [number, number] | null {
  if (!Number.isInteger(q) || q < 2) return null;
  let p = 2;
  while (p * p <= q && q % p !== 0) p++;
  if (q % p !== 0) p = q;
  let k = 0;
  let r = q;
  while (r % p === 0) {
    r /= p;
    k++;
  }
  return r === 1 ? [p, k] : null;
}

const cache = new Map<number, Field>();

export function finiteField(q: number): Field {
  const cached = cache.get(q);
  if (cached) return cached;
  const pk = primePower(q);
  if (!pk) throw new RangeError(`${q} is not a prime power`);
  const [p, k] = pk;
  const field = k === 1 ? primeField(p) : extensionField(p, k);
  cache.set(q, field);
  return field;
}

function primeField(p: number): Field {
  return { q: p, add: (a, b) => (a + b) % p, mul: (a, b) => (a * b) % p };
}

function extensionField(p: number, k: number): Field {
  const q = p ** k;
  const addDigits = (a: number, b: number): number => {
    let out = 0;
    let scale = 1;
    for (let i = 0; i < k; i++) {
      out += (((a % p) + (b % p)) % p) * scale;
      a = Math.floor(a / p);
      b = Math.floor(b / p);
      scale *= p;
    }
    return out;
  };
  const addTable = new Uint16Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) addTable[a * q + b] = addDigits(a, b);
  const exp = primitivePowers(p, k, addTable);
  const log = new Int32Array(q);
  exp.forEach((e, i) => (log[e] = i));
  return {
    q,
    add: (a, b) => addTable[a * q + b] as number,
    mul: (a, b) =>
      a === 0 || b === 0 ? 0 : (exp[((log[a] as number) + (log[b] as number)) % (q - 1)] as number),
  };
}

/**
 * Powers of x modulo the first monic degree-k polynomial for which x generates all q-1 non-zero
 * elements; such a polynomial is primitive, hence irreducible, so the tables form a field.
 */
function primitivePowers(p: number, k: number, addTable: Uint16Array): number[] {
  const q = p ** k;
  const top = q / p;
  for (let tail = 1; tail < q; tail++) {
    // x^k = -(tail polynomial); reducing x * e shifts digits up and folds the top digit back.
    const negTail = negate(tail, p, k);
    const powers: number[] = [1];
    const seen = new Set<number>([1]);
    let e = 1;
    let ok = true;
    for (let i = 1; i < q - 1; i++) {
      const high = Math.floor(e / top);
      let shifted = (e % top) * p;
      for (let h = 0; h < high; h++) shifted = addTable[shifted * q + negTail] as number;
      e = shifted;
      if (e === 1 || seen.has(e) || e === 0) {
        ok = false;
        break;
      }
      seen.add(e);
      powers.push(e);
    }
    if (ok) return powers;
  }
  throw new Error(`no primitive polynomial found for GF(${q})`);
}

function negate(a: number, p: number, k: number): number {
  let out = 0;
  let scale = 1;
  for (let i = 0; i < k; i++) {
    out += ((p - (a % p)) % p) * scale;
    a = Math.floor(a / p);
    scale *= p;
  }
  return out;
}
