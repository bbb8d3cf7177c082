import { useTranslation } from 'react-i18next';
import type { OverlapMatrix } from '../../contract/overlap.ts';
import { ChartPair, useCountText } from './ChartPair.tsx';
import { countText, countValue, rowsWithCards } from './figures.ts';

/** A rotated column label is cut at 30 characters (the table beside has it whole). */
const short = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);

export interface CellPick {
  factor: string;
  factorLabel: string;
  column: string;
  columnLabel: string;
  axis: 'issue' | 'form';
}

interface Props {
  m: OverlapMatrix;
  k: number | null;
  /** The plain-language reading, also the figure's accessible name. */
  reading: string;
  columnLabel: (key: string, label: string) => string;
  /** Absent: cells cannot be opened (the public view). */
  onPick?: ((p: CellPick) => void) | undefined;
  caption: string;
  big?: boolean;
}

/**
 * Factor × issue (or form) as a heatmap: a cell's shade is its cards over the largest cell. The
 * table beside it carries the same counts for screen readers and for copying; a cell of either
 * opens its cards. Withheld public cells are hatched: their size is what is being protected.
 */
export function Heatmap({ m, k, reading, columnLabel, onPick, caption, big }: Props) {
  const { t } = useTranslation();
  const text = useCountText(k);
  const rows = rowsWithCards(m);
  const cols = m.columns;
  const max = Math.max(1, ...rows.flatMap((r) => cols.map((c) => countValue(r.cells[c.key]))));
  const cw = big ? 64 : 44;
  const ch = big ? 34 : 24;
  const left = big ? 300 : 220;
  const top = big ? 250 : 200;
  // Room on the right for the last columns' labels, drawn rising to the right at 45°.
  const W = left + cw * cols.length + Math.round(top * 0.75);
  const H = top + ch * rows.length + 8;
  const pick = (r: OverlapMatrix['rows'][number], c: OverlapMatrix['columns'][number]) =>
    onPick?.({ factor: r.factor, factorLabel: r.label, column: c.key, columnLabel: columnLabel(c.key, c.label), axis: m.axis }); // prettier-ignore
  if (rows.length === 0) return <p className="ovl-empty">{t('overlap.noCards')}</p>;
  return (
    <ChartPair
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      className="ovl-heatmap"
      reading={reading}
      caption={caption}
      drawing={
        <>
          <defs>
            <pattern id="ovl-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
              <path d="M0 6 L6 0" stroke="currentColor" strokeWidth="1" opacity="0.5" />
            </pattern>
          </defs>
          {cols.map((c, j) => (
            <text
              key={c.key}
              transform={`translate(${left + j * cw + cw / 2},${top - 8}) rotate(-45)`}
              className="ovl-col-label"
            >
              {short(columnLabel(c.key, c.label))}
            </text>
          ))}
          {rows.map((r, i) => (
            <g key={r.factor} transform={`translate(0,${top + i * ch})`}>
              <text
                x={left - 8}
                y={ch / 2}
                dominantBaseline="middle"
                textAnchor="end"
                className="ovl-row-label"
              >
                {r.label}
              </text>
              {cols.map((c, j) => {
                const n = r.cells[c.key];
                const v = countValue(n);
                const withheld = n === null;
                return (
                  <g
                    key={c.key}
                    className={onPick && (v > 0 || withheld) ? 'ovl-cell ovl-click' : 'ovl-cell'}
                    onClick={onPick && v > 0 ? () => pick(r, c) : undefined}
                  >
                    <rect
                      x={left + j * cw + 1}
                      y={1}
                      width={cw - 2}
                      height={ch - 2}
                      fill={
                        withheld
                          ? 'url(#ovl-hatch)'
                          : `rgba(180, 60, 20, ${v > 0 ? 0.12 + 0.88 * (v / max) : 0.04})`
                      }
                    />
                    {(v > 0 || withheld) && (
                      <text
                        x={left + j * cw + cw / 2}
                        y={ch / 2}
                        dominantBaseline="middle"
                        textAnchor="middle"
                        className={v / max > 0.55 ? 'ovl-num ovl-num-dark' : 'ovl-num'}
                      >
                        {withheld ? `<${k}` : countText(n)}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
        </>
      }
      head={
        <>
          <th scope="col">{t('overlap.factor')}</th>
          {cols.map((c) => (
            <th scope="col" key={c.key}>
              {columnLabel(c.key, c.label)}
            </th>
          ))}
          <th scope="col">{t('overlap.total')}</th>
        </>
      }
      rows={rows.map((r) => (
        <tr key={r.factor}>
          <th scope="row">{r.label}</th>
          {cols.map((c) => {
            const n = r.cells[c.key];
            const open = onPick && countValue(n) > 0;
            return (
              <td key={c.key}>
                {open ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => pick(r, c)}
                    aria-label={t('overlap.openCell', {
                      factor: r.label,
                      column: columnLabel(c.key, c.label),
                      n: text(n),
                    })}
                  >
                    {text(n)}
                  </button>
                ) : n === undefined ? (
                  <span aria-label="0">·</span>
                ) : (
                  text(n)
                )}
              </td>
            );
          })}
          <td>{text(r.total)}</td>
        </tr>
      ))}
    />
  );
}
