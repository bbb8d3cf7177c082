import type { FlowMatrix } from '../../contract/atlas.ts';
import { countValue } from './labels.ts';

/**
 * A two-column Sankey: origins on the left, destinations on the right, band width ∝ routes.
 * Withheld (public, below k) cells are not drawn: their size is what is being protected.
 */
export function Sankey({ m, label }: { m: FlowMatrix; label: string }) {
  const W = 720;
  // Public ranges are drawn at their middle (a figure derived from what is published).
  const cells = m.cells
    .filter((c) => c.n !== null)
    .map((c) => ({ origin: c.origin, destination: c.destination, n: countValue(c.n) }))
    .filter((c) => c.n > 0);
  const sum = (key: 'origin' | 'destination', id: string) =>
    cells.filter((c) => c[key] === id).reduce((s, c) => s + c.n, 0);
  const origins = m.origins.filter((o) => sum('origin', o.id) > 0).slice(0, 14);
  const dests = m.destinations.filter((d) => sum('destination', d.id) > 0).slice(0, 14);
  const shown = cells.filter(
    (c) => origins.some((o) => o.id === c.origin) && dests.some((d) => d.id === c.destination),
  );
  const total = shown.reduce((s, c) => s + c.n, 0);
  if (!total) return null;
  const gap = 8;
  const H = Math.max(260, 22 * Math.max(origins.length, dests.length) + 40);
  const unit = (H - gap * Math.max(origins.length, dests.length)) / total;
  const place = (nodes: { id: string }[], key: 'origin' | 'destination') => {
    let y = 0;
    const at = new Map<string, { y: number; h: number; next: number }>();
    for (const n of nodes) {
      const h = shown.filter((c) => c[key] === n.id).reduce((s, c) => s + c.n, 0) * unit;
      at.set(n.id, { y, h, next: y });
      y += h + gap;
    }
    return at;
  };
  const left = place(origins, 'origin');
  const right = place(dests, 'destination');
  const x0 = 210;
  const x1 = W - 210;
  const sorted = [...shown].sort(
    (a, b) =>
      left.get(a.origin)!.y - left.get(b.origin)!.y ||
      right.get(a.destination)!.y - right.get(b.destination)!.y,
  );
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="atlas-sankey">
      {sorted.map((c) => {
        const l = left.get(c.origin)!;
        const r = right.get(c.destination)!;
        const h = c.n * unit;
        const ya = l.next + h / 2;
        const yb = r.next + h / 2;
        l.next += h;
        r.next += h;
        const mid = (x0 + x1) / 2;
        return (
          <path
            key={`${c.origin}>${c.destination}`}
            d={`M${x0},${ya} C${mid},${ya} ${mid},${yb} ${x1},${yb}`}
            stroke="rgba(122,31,61,0.35)"
            strokeWidth={Math.max(1, h)}
            fill="none"
          >
            <title>{`${c.origin} → ${c.destination}: ${c.n}`}</title>
          </path>
        );
      })}
      {origins.map((o) => {
        const p = left.get(o.id)!;
        return (
          <g key={o.id}>
            <rect x={x0 - 8} y={p.y} width={8} height={Math.max(1, p.h)} fill="#e07826" />
            <text
              x={x0 - 12}
              y={p.y + p.h / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="12"
            >
              {short(o.name)}
            </text>
          </g>
        );
      })}
      {dests.map((d) => {
        const p = right.get(d.id)!;
        return (
          <g key={d.id}>
            <rect x={x1} y={p.y} width={8} height={Math.max(1, p.h)} fill="#0d5c63" />
            <text x={x1 + 12} y={p.y + p.h / 2} dominantBaseline="middle" fontSize="12">
              {short(d.name)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Long official names ("Lao People's Democratic Republic") would run off the chart. */
function short(name: string): string {
  return name.length > 26 ? `${name.slice(0, 25)}…` : name;
}
