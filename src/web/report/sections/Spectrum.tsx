import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { countText, countValue, formLabel } from '../../atlas/labels.ts';
import { levelText } from '../../patterns/labels.ts';
import { Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';
import '../../patterns/patterns.css';

/**
 * The spectrum of exploitation: the event's experience patterns per form, one stacked bar per form
 * (levels lowest first) and the same figures in a table. Public: counts below k withheld, totals
 * that include them as ranges.
 */
function Spectrum({ data, onReady }: SectionProps) {
  const { t } = useTranslation();
  useEffect(() => onReady(true), [onReady]);
  const s = data.spectrum;
  const k = data.k;
  const levels = s.byForm[0]?.counts.map((c) => c.level) ?? [];
  const max = Math.max(1, ...s.byForm.map((r) => countValue(r.total)));
  const caption = t('report.spectrum.caption');
  return (
    <>
      <p className="report-lead">
        {t('report.spectrum.lead', { patterns: countText(t, s.total, k) })}
      </p>
      {data.view === 'public' && (
        <p className="report-note">{t('report.spectrum.publicNote', { k })}</p>
      )}
      <Figure caption={caption}>
        {/* A phone is narrower than the table: it scrolls in its own box (reachable by keyboard). */}
        <div className="report-scroll" tabIndex={0} role="region" aria-label={caption}>
          <table className="report-bars report-spectrum" aria-label={caption}>
            <thead>
              <tr>
                <th scope="col">{t('report.spectrum.form')}</th>
                <th scope="col">
                  <span className="report-legend">
                    {levels.map((l) => (
                      <span key={l}>
                        <span className={`swatch fill-${l}`} aria-hidden="true" /> {levelText(t, l)}
                      </span>
                    ))}
                  </span>
                </th>
                {levels.map((l) => (
                  <th scope="col" key={l} className="report-num">
                    {levelText(t, l)}
                  </th>
                ))}
                <th scope="col" className="report-num">
                  {t('report.spectrum.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.byForm.map((r) => {
                let x = 0;
                return (
                  <tr key={r.form}>
                    <th scope="row">{formLabel(t, r.form)}</th>
                    <td>
                      <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        {r.counts.map((c) => {
                          const w = (100 * countValue(c.n)) / max;
                          const rect = (
                            <rect
                              key={c.level}
                              x={x}
                              y="1"
                              height="8"
                              width={w}
                              className={`fill-${c.level}`}
                            />
                          );
                          x += w;
                          return rect;
                        })}
                      </svg>
                    </td>
                    {r.counts.map((c) => (
                      <td key={c.level} className="report-num">
                        {countText(t, c.n, k)}
                      </td>
                    ))}
                    <td className="report-num">{countText(t, r.total, k)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Figure>
    </>
  );
}

export const spectrumSection: ReportSection = {
  id: 'spectrum',
  title: (t) => t('report.spectrum.title'),
  applies: (d) => d.spectrum.byForm.length > 0,
  Component: Spectrum,
};
