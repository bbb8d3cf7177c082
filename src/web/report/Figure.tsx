import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A numbered figure. Numbers come from a CSS counter over the whole report (report.css), so they
 * run on across sections in reading order and stay right whatever sections a report has; the word
 * ("Figure", "รูปที่") is the language's.
 */
export function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="report-figure">
      {children}
      <figcaption data-figure-label={t('report.figure')}>{caption}</figcaption>
    </figure>
  );
}

/** Horizontal bars, one per row; `value` sizes the bar, `text` is what is written. */
export function Bars({
  rows,
  label,
}: {
  rows: { key: string; label: string; value: number; text: string }[];
  label: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <table className="report-bars" aria-label={label}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect x="0" y="1" height="8" width={(100 * r.value) / max} />
              </svg>
            </td>
            <td className="report-num">{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
