import { useTranslation } from 'react-i18next';
import type { OverlapView } from '../../contract/overlap.ts';
import { ChartPair, useCountText } from './ChartPair.tsx';
import { countValue } from './figures.ts';
import { placeLabels, textWidth, type Box } from './labels.ts';

interface Props {
  v: OverlapView;
  k: number | null;
  reading: string;
  formLabel: (key: string) => string;
  caption: string;
  big?: boolean;
}

interface Point {
  x: number;
  y: number;
}

/**
 * Places the forms on a circle and each shared factor between the forms it appears in (the mean
 * of their positions, drawn towards the middle), then pushes overlapping factors apart a little.
 * Deterministic: the same answer always draws the same picture (a projector must not jump).
 */
export function layout(
  v: OverlapView,
  R: number,
): { forms: Map<string, Point>; factors: Map<string, Point> } {
  const forms = new Map<string, Point>();
  const n = v.network.forms.length;
  v.network.forms.forEach((f, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    forms.set(f.key, { x: R * Math.cos(a), y: R * Math.sin(a) });
  });
  const pts = v.network.factors.map((f) => {
    const ps = f.forms.map((k) => forms.get(k)!).filter(Boolean);
    const x = ps.reduce((s, p) => s + p.x, 0) / Math.max(1, ps.length);
    const y = ps.reduce((s, p) => s + p.y, 0) / Math.max(1, ps.length);
    return { id: f.id, x: x * 0.62, y: y * 0.62 };
  });
  const gap = R * 0.3;
  for (let it = 0; it < 120; it++)
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) {
        const a = pts[i]!;
        const b = pts[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= gap) continue;
        if (d < 1e-6) {
          // Same place: separate along a fixed direction chosen by position in the list.
          dx = Math.cos(i + j);
          dy = Math.sin(i + j);
          d = 1;
        }
        const push = (gap - d) / 2;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
      }
  return { forms, factors: new Map(pts.map((p) => [p.id, { x: p.x, y: p.y }])) };
}

/**
 * Where the factors' labels go: the form nodes and their labels (drawn outward from the circle)
 * are obstacles; factors linking more forms are placed first.
 */
function networkLabels(
  v: OverlapView,
  forms: Map<string, Point>,
  factors: Map<string, Point>,
  formLabel: (key: string) => string,
  formR: (n: OverlapView['network']['forms'][number]['total']) => number,
  factorR: number,
  size: number,
  big: boolean,
) {
  const formFont = big ? 20 : 14;
  const obstacles: Box[] = [];
  for (const f of v.network.forms) {
    const p = forms.get(f.key)!;
    const r = formR(f.total);
    obstacles.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
    const out = Math.hypot(p.x, p.y) || 1;
    const lx = p.x + (p.x / out) * (r + 8);
    const ly = p.y + (p.y / out) * (r + 8);
    const w = textWidth(formLabel(f.key), formFont) * 1.1;
    const h = formFont * 1.3;
    const x = p.x > 1 ? lx : p.x < -1 ? lx - w : lx - w / 2;
    obstacles.push({ x, y: ly - h / 2, w, h });
  }
  const order = [...v.network.factors].sort((a, b) => b.forms.length - a.forms.length);
  const placed = placeLabels(
    order.map((f) => {
      const p = factors.get(f.id)!;
      return { id: f.id, x: p.x, y: p.y, r: factorR, text: f.label, fontSize: big ? 16 : 12 };
    }),
    obstacles,
    { x: -size / 2, y: -size / 2, w: size, h: size },
  );
  return new Map(placed.map((l) => [l.id, l]));
}

/** Forms of exploitation and the factors they share: a node-link picture with its table. */
export function Network({ v, k, reading, formLabel, caption, big }: Props) {
  const { t } = useTranslation();
  const text = useCountText(k);
  if (v.network.factors.length === 0) return <p className="ovl-empty">{t('overlap.noShared')}</p>;
  const R = big ? 300 : 220;
  const pad = big ? 230 : 190;
  const size = 2 * (R + pad);
  const { forms, factors } = layout(v, R);
  const maxLink = Math.max(1, ...v.network.links.map((l) => countValue(l.n)));
  const maxForm = Math.max(1, ...v.network.forms.map((f) => countValue(f.total)));
  const formR = (n: Parameters<typeof countValue>[0]) =>
    (big ? 16 : 12) + (big ? 22 : 16) * Math.sqrt(countValue(n) / maxForm);
  const factorR = big ? 9 : 7;
  const labels = networkLabels(v, forms, factors, formLabel, formR, factorR, size, big ?? false);
  return (
    <ChartPair
      viewBox={`${-size / 2} ${-size / 2} ${size} ${size}`}
      width={Math.min(size, big ? 980 : 640)}
      className="ovl-network"
      reading={reading}
      caption={caption}
      drawing={
        <>
          {v.network.links.map((l) => {
            const a = forms.get(l.form);
            const b = factors.get(l.factor);
            if (!a || !b) return null;
            return (
              <line
                key={`${l.form}|${l.factor}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                className="ovl-link"
                strokeWidth={1 + 7 * (countValue(l.n) / maxLink)}
              />
            );
          })}
          {v.network.factors.map((f) => {
            const p = factors.get(f.id)!;
            const l = labels.get(f.id);
            return (
              <g key={f.id}>
                {l?.leader && (
                  <line x1={p.x} y1={p.y} x2={l.leader.x} y2={l.leader.y} className="ovl-leader" />
                )}
                <circle cx={p.x} cy={p.y} r={factorR} className="ovl-factor-node" />
                {l && (
                  <text
                    x={l.x}
                    y={l.y}
                    textAnchor={l.anchor}
                    dominantBaseline="middle"
                    className="ovl-node-label"
                  >
                    {f.label}
                  </text>
                )}
              </g>
            );
          })}
          {v.network.forms.map((f) => {
            const p = forms.get(f.key)!;
            const r = formR(f.total);
            const out = Math.hypot(p.x, p.y) || 1;
            return (
              <g key={f.key} transform={`translate(${p.x},${p.y})`}>
                <circle r={r} className="ovl-form-node" />
                <text
                  x={(p.x / out) * (r + 8)}
                  y={(p.y / out) * (r + 8)}
                  textAnchor={p.x > 1 ? 'start' : p.x < -1 ? 'end' : 'middle'}
                  dominantBaseline="middle"
                  className="ovl-form-label"
                >
                  {formLabel(f.key)}
                </text>
              </g>
            );
          })}
        </>
      }
      head={
        <>
          <th scope="col">{t('overlap.factor')}</th>
          <th scope="col">{t('overlap.sharedBy')}</th>
        </>
      }
      rows={v.network.factors.map((f) => (
        <tr key={f.id}>
          <th scope="row">{f.label}</th>
          <td>
            {f.forms
              .map((key) => {
                const l = v.network.links.find((x) => x.form === key && x.factor === f.id);
                return `${formLabel(key)} (${text(l?.n)})`;
              })
              .join(', ')}
          </td>
        </tr>
      ))}
      after={
        v.similarity.length > 0 && (
          <table className="ovl-table">
            <caption>{t('overlap.similarityCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overlap.forms')}</th>
                <th scope="col">{t('overlap.cosine')}</th>
                <th scope="col">{t('overlap.sharedFactors')}</th>
              </tr>
            </thead>
            <tbody>
              {v.similarity.slice(0, 10).map((s) => (
                <tr key={`${s.a}|${s.b}`}>
                  <th scope="row">{t('overlap.pair', { a: formLabel(s.a), b: formLabel(s.b) })}</th>
                  <td>{s.cosine.toFixed(2)}</td>
                  <td>{s.shared}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    />
  );
}
