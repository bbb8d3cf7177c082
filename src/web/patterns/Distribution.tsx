import { useTranslation } from 'react-i18next';
import type { DistributionRow } from '../../contract/patterns.ts';
import { LEVELS, levelText } from './labels.ts';

/**
 * How many patterns sit at each level of the spectrum, one stacked bar per form (or issue), with
 * the same figures in a table beside it for screen readers and for reading exact numbers.
 */
export function DistributionChart({
  id,
  title,
  rows,
  rowLabel,
}: {
  id: string;
  title: string;
  rows: readonly DistributionRow[];
  rowLabel: (row: DistributionRow) => string;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.total));
  const labelW = 210;
  const barW = 420;
  const rowH = 26;
  const height = rows.length * rowH + 4;
  const worst = rows.reduce(
    (best, r) => {
      const severe = r.counts.forced_labour + r.counts.trafficking;
      return severe > best.n ? { r, n: severe } : best;
    },
    { r: null as DistributionRow | null, n: 0 },
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
                total: worst.r.total,
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
                      const w = (r.counts[l] / max) * barW;
                      const rect = (
                        <rect
                          key={l}
                          x={x}
                          y={y}
                          width={w}
                          height={rowH - 6}
                          className={`fill-${l}`}
                        >
                          <title>{`${levelText(t, l)}: ${r.counts[l]}`}</title>
                        </rect>
                      );
                      x += w;
                      return rect;
                    })}
                    <text x={x + 6} y={y + rowH / 2 + 4} className="bar-total">
                      {r.total}
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
                      <td key={l}>{r.counts[l]}</td>
                    ))}
                    <td>{r.total}</td>
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
