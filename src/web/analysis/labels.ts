/**
 * Label placement for the network: each factor's label goes to the first place around its node
 * (above, below, right, left, then further out) where it covers no other label, node or form
 * label; when none is free, the place covering least. Deterministic, so a projector redrawing the
 * same answer shows the same picture. Widths are estimated (no DOM measuring: the layout is pure
 * and runs before paint); the estimate is generous so a real label fits inside its box.
 */

export interface Box {
  /** Left, top, width, height in the drawing's units. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** The node the label belongs to: centre and radius. */
  x: number;
  y: number;
  r: number;
  text: string;
  fontSize: number;
}

export interface PlacedLabel {
  id: string;
  /** Where the text is drawn: `x` is the anchor point, `y` the middle of the line. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  /** Set when the label sits away from its node: draw a thin line from the node to here. */
  leader: { x: number; y: number } | null;
}

/** A generous width for `text` at `fontSize`: wide glyphs (CJK) count double. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    units += c >= 0x2e80 && c <= 0xffef ? 1.05 : c >= 0x0e00 && c <= 0x0eff ? 0.55 : 0.6;
  }
  return units * fontSize;
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function candidate(
  req: LabelRequest,
  w: number,
  h: number,
  dx: number,
  dy: number,
): Omit<PlacedLabel, 'id' | 'leader'> {
  // dx/dy: direction (−1, 0, 1) times distance in label heights from the node's edge.
  const gap = req.r + 3;
  if (dx === 0) {
    const cy = req.y + Math.sign(dy) * (gap + h / 2 + (Math.abs(dy) - 1) * h);
    return { x: req.x, y: cy, anchor: 'middle', box: { x: req.x - w / 2, y: cy - h / 2, w, h } };
  }
  const cy = req.y + dy * h;
  if (dx > 0) {
    const x = req.x + gap + (dx - 1) * h;
    return { x, y: cy, anchor: 'start', box: { x, y: cy - h / 2, w, h } };
  }
  const x = req.x - gap + (dx + 1) * h;
  return { x, y: cy, anchor: 'end', box: { x: x - w, y: cy - h / 2, w, h } };
}

/** Offsets tried in order: close places first, then rings further out. */
function offsets(): [number, number][] {
  const out: [number, number][] = [];
  for (let ring = 1; ring <= 5; ring++) {
    out.push([0, -ring], [0, ring], [ring, 0], [-ring, 0]);
    out.push([1, -ring], [1, ring], [-1, -ring], [-1, ring]);
  }
  return out;
}
const OFFSETS = offsets();

/**
 * Places `requests` in order (put the most important first) around their nodes, avoiding
 * `obstacles` (form nodes and their labels) and every node in `requests`.
 */
export function placeLabels(
  requests: LabelRequest[],
  obstacles: Box[],
  bounds: Box,
): PlacedLabel[] {
  const taken: Box[] = [
    ...obstacles,
    ...requests.map((q) => ({ x: q.x - q.r, y: q.y - q.r, w: 2 * q.r, h: 2 * q.r })),
  ];
  const placed: PlacedLabel[] = [];
  for (const req of requests) {
    const w = textWidth(req.text, req.fontSize);
    const h = req.fontSize * 1.3;
    let best: { c: Omit<PlacedLabel, 'id' | 'leader'>; cost: number; ring: number } | null = null;
    for (const [dx, dy] of OFFSETS) {
      const c = candidate(req, w, h, dx, dy);
      const b = c.box;
      const outside =
        Math.max(0, bounds.x - b.x) +
        Math.max(0, b.x + b.w - (bounds.x + bounds.w)) +
        Math.max(0, bounds.y - b.y) +
        Math.max(0, b.y + b.h - (bounds.y + bounds.h));
      let cost = outside * h * 4;
      for (const t of taken) cost += overlapArea(b, t);
      const ring = Math.max(Math.abs(dx), Math.abs(dy));
      if (cost === 0) {
        best = { c, cost, ring };
        break;
      }
      if (!best || cost < best.cost) best = { c, cost, ring };
    }
    const c = best!.c;
    taken.push(c.box);
    // Away from the node: a line from the node to the nearest point of the label's box.
    const b = c.box;
    const leader =
      best!.ring > 1
        ? {
            x: Math.min(Math.max(req.x, b.x), b.x + b.w),
            y: Math.min(Math.max(req.y, b.y), b.y + b.h),
          }
        : null;
    placed.push({ id: req.id, ...c, leader });
  }
  return placed;
}
