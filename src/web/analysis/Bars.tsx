import { useTranslation } from 'react-i18next';
import type { OverlapMatrix } from '../../contract/overlap.ts';
import { ChartPair, useCountText } from './ChartPair.tsx';
import { countValue } from './figures.ts';

interface Props {
  m: OverlapMatrix;
  k: number | null;
  reading: string;
  caption: string;
  /** "issues" or "forms", already translated. */
  unit: string;
  big?: boolean;
  limit?: number;
}

/** Factors ranked by how many issues (or forms) they appear in, most first, with the table. */
export function Bars({ m, k, reading, caption, unit, big, limit = 15 }: Props) {
  const { t } = useTranslation();
  const text = useCountText(k);
  const rows = [...m.rows]
    .filter((r) => r.spread > 0)
    .sort((a, b) => b.spread - a.spread || countValue(b.total) - countValue(a.total))
    .slice(0, limit);
  if (rows.length === 0) return <p className="ovl-empty">{t('overlap.noCards')}</p>;
  const of = Math.max(1, m.columns.length);
  const left = big ? 340 : 220;
  const bw = big ? 520 : 360;
  const bh = big ? 34 : 24;
  const W = left + bw + 90;
  const H = rows.length * bh + 30;
  return (
    <ChartPair
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      className="ovl-bars"
      reading={reading}
      caption={caption}
      drawing={
        <>
          {Array.from({ length: of + 1 }, (_, i) => (
            <g key={i}>
              <line
                x1={left + (bw * i) / of}
                x2={left + (bw * i) / of}
                y1={0}
                y2={H - 22}
                className="ovl-grid"
              />
              <text x={left + (bw * i) / of} y={H - 6} textAnchor="middle" className="ovl-axis">
                {i}
              </text>
            </g>
          ))}
          {rows.map((r, i) => (
            <g key={r.factor} transform={`translate(0,${i * bh})`}>
              <text
                x={left - 8}
                y={bh / 2}
                dominantBaseline="middle"
                textAnchor="end"
                className="ovl-row-label"
              >
                {r.label}
              </text>
              <rect
                x={left}
                y={4}
                width={(bw * r.spread) / of}
                height={bh - 8}
                className="ovl-bar"
              />
              <text
                x={left + (bw * r.spread) / of + 6}
                y={bh / 2}
                dominantBaseline="middle"
                className="ovl-bar-value"
              >
                {t('overlap.nOf', { n: r.spread, of })}
              </text>
            </g>
          ))}
        </>
      }
      head={
        <>
          <th scope="col">{t('overlap.factor')}</th>
          <th scope="col">{t('overlap.inHowMany', { unit })}</th>
          <th scope="col">{t('overlap.cards')}</th>
        </>
      }
      rows={rows.map((r) => (
        <tr key={r.factor}>
          <th scope="row">{r.label}</th>
          <td>{t('overlap.nOf', { n: r.spread, of })}</td>
          <td>{text(r.total)}</td>
        </tr>
      ))}
    />
  );
}
