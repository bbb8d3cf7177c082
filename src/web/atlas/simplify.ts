/**
 * Douglas–Peucker with fixed ends, for the boundary generators (countries/generate.ts,
 * provinces/generate.ts): which of `n` points to keep, point `i` being at (`x(i)`, `y(i)`). A
 * closed arc keeps its start, the point farthest from it, and at least `minClosed` points. The
 * tolerance shrinks for small arcs (8% of their bounding box's diagonal), so small islands and
 * provinces keep a shape.
 */
export function keepPoints(
  n: number,
  x: (i: number) => number,
  y: (i: number) => number,
  opts: { tolerance: number; closed: boolean; minClosed: number },
): Uint8Array {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x(i));
    maxX = Math.max(maxX, x(i));
    minY = Math.min(minY, y(i));
    maxY = Math.max(maxY, y(i));
  }
  const tol = Math.min(opts.tolerance, 0.08 * Math.hypot(maxX - minX, maxY - minY));
  const keep = new Uint8Array(n);
  const dp = (i: number, j: number) => {
    if (j <= i + 1) return;
    const ax = x(i);
    const ay = y(i);
    const dx = x(j) - ax;
    const dy = y(j) - ay;
    const len = Math.hypot(dx, dy);
    let far = -1;
    let best = -1;
    for (let m = i + 1; m < j; m++) {
      const px = x(m) - ax;
      const py = y(m) - ay;
      const d = len === 0 ? Math.hypot(px, py) : Math.abs(px * dy - py * dx) / len;
      if (d > best) {
        best = d;
        far = m;
      }
    }
    if (best > tol) {
      keep[far] = 1;
      dp(i, far);
      dp(far, j);
    }
  };
  const last = n - 1;
  keep[0] = 1;
  keep[last] = 1;
  if (opts.closed) {
    let far = 1;
    let best = -1;
    for (let m = 1; m < last; m++) {
      const d = Math.hypot(x(m) - x(0), y(m) - y(0));
      if (d > best) {
        best = d;
        far = m;
      }
    }
    keep[far] = 1;
    dp(0, far);
    dp(far, last);
    if (keep.reduce((s, v) => s + v, 0) < opts.minClosed) {
      keep[Math.max(1, Math.floor(far / 2))] = 1;
      keep[Math.min(last - 1, far + Math.ceil((last - far) / 2))] = 1;
    }
  } else dp(0, last);
  return keep;
}
