import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PublicDistributionRow } from '../../contract/patterns.ts';
import { LEVELS, levelText } from './labels.ts';

/** A row of the chart: the members' exact counts, or the public view's published figures. */
type ChartRow = Pick<PublicDistributionRow, 'key' | 'label' | 'total' | 'counts'>;
type Figure = PublicDistributionRow['total'];

/** A published figure as a number to draw (a withheld one at the middle of 1..k−1). */
function mid(f: Figure, k: number): number {
  if (typeof f === 'number') return f;
  if (f === null) return k / 2;
  return (f.lo + f.hi) / 2;
}

/** A published figure as text: exact, "fewer than k", or a range. */
function figureText(t: TFunction, f: Figure, k: number): string {
  if (typeof f === 'number') return String(f);
  if (f === null) return t('patterns.chart.withheld', { k });
  return t('patterns.chart.range', { lo: f.lo, hi: f.hi });
}

/**
 * How many patterns sit at each level of the spectrum, one stacked bar per form (or issue), with
 * the same figures in a table beside it for screen readers and for reading exact numbers.
 */
export function DistributionChart({
  id,
  title,
  rows,
  rowLabel,
  k = 0,
}: {
  id: string;
  title: string;
  rows: readonly ChartRow[];
  rowLabel: (row: ChartRow) => string;
  /** The public view's k: withheld figures read "fewer than k", ranges "lo–hi". */
  k?: number;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => mid(r.total, k)));
  const labelW = 210;
  const barW = 420;
  const rowH = 26;
  const height = rows.length * rowH + 4;
  // The reading names exact figures only (a public row with a withheld part has none).
  const worst = rows.reduce<{ r: ChartRow | null; n: number; total: number }>(
    (best, r) => {
      const { forced_labour: fl, trafficking: tr } = r.counts;
      if (typeof fl !== 'number' || typeof tr !== 'number' || typeof r.total !== 'number')
        return best;
      return fl + tr > best.n ? { r, n: fl + tr, total: r.total } : best;
    },
    { r: null, n: 0, total: 0 },
  );
  return (
    <section className="distribution" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      {rows.length === 0 ? (
        <p className="empty">{t('patterns.chart.none')}</p>
      ) : (
        <>
          {worst.r && (
            <p className="chart-reading">
              {t('patterns.chart.reading', {
                name: rowLabel(worst.r),
                n: worst.n,
                total: worst.total,
              })}
            </p>
          )}
          <div className="distribution-body">
            <svg
              className="distribution-chart"
              viewBox={`0 0 ${labelW + barW + 40} ${height}`}
              width={labelW + barW + 40}
              height={height}
              role="img"
              aria-labelledby={`${id}-h`}
              aria-describedby={`${id}-table`}
            >
              {rows.map((r, i) => {
                let x = labelW;
                const y = i * rowH + 2;
                return (
                  <g key={r.key}>
                    <text
                      x={labelW - 8}
                      y={y + rowH / 2 + 4}
                      textAnchor="end"
                      className="bar-label"
                    >
                      {rowLabel(r)}
                    </text>
                    {LEVELS.map((l) => {
                      const w = (mid(r.counts[l], k) / max) * barW;
                      const rect = (
                        <rect
                          key={l}
                          x={x}
                          y={y}
                          width={w}
                          height={rowH - 6}
                          className={`fill-${l}`}
                        >
                          <title>{`${levelText(t, l)}: ${figureText(t, r.counts[l], k)}`}</title>
                        </rect>
                      );
                      x += w;
                      return rect;
                    })}
                    <text x={x + 6} y={y + rowH / 2 + 4} className="bar-total">
                      {figureText(t, r.total, k)}
                    </text>
                  </g>
                );
              })}
            </svg>
            <table className="data-table distribution-table" id={`${id}-table`}>
              <caption>{t('patterns.chart.caption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('patterns.chart.row')}</th>
                  {LEVELS.map((l) => (
                    <th scope="col" key={l}>
                      <span className={`swatch fill-${l}`} aria-hidden="true" /> {levelText(t, l)}
                    </th>
                  ))}
                  <th scope="col">{t('patterns.chart.totalColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{rowLabel(r)}</th>
                    {LEVELS.map((l) => (
                      <td key={l}>{figureText(t, r.counts[l], k)}</td>
                    ))}
                    <td>{figureText(t, r.total, k)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
