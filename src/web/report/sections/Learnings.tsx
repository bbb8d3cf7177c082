import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { countText, countValue } from '../../atlas/labels.ts';
import { Bars, Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';

/**
 * What participants learnt, by theme with votes: a figure of votes per theme, then each theme's
 * posts, most voted first. Never who posted; the organisation only where the poster showed it and
 * only in the members' version. Public: the public posts only, counts below k withheld.
 */
function Learnings({ data, onReady }: SectionProps) {
  const { t } = useTranslation();
  useEffect(() => onReady(true), [onReady]);
  const l = data.learnings;
  const k = data.k;
  const themeName = (label: string | null) => label ?? t('report.learnings.noTheme');
  const caption = t('report.learnings.caption');
  return (
    <>
      <p className="report-lead">
        {t('report.learnings.lead', {
          posts: countText(t, l.posts, k),
          votes: countText(t, l.votes, k),
        })}
      </p>
      {data.view === 'public' && (
        <p className="report-note">{t('report.learnings.publicNote', { k })}</p>
      )}
      <Figure caption={caption}>
        <Bars
          label={caption}
          rows={l.themes.map((th, n) => ({
            key: `${n}`,
            label: themeName(th.label),
            value: countValue(th.votes),
            text: countText(t, th.votes, k),
          }))}
        />
      </Figure>
      {l.themes.map((th, n) => (
        <div key={n} className="report-issue">
          <h3>{themeName(th.label)}</h3>
          <p className="report-muted">
            {t('report.learnings.themeCounts', {
              posts: countText(t, th.posts, k),
              votes: countText(t, th.votes, k),
            })}
          </p>
          {th.items.length > 0 && (
            <ul className="report-learnings">
              {th.items.map((p, i) => (
                <li key={i}>
                  <span className="report-votes">
                    {t('report.learnings.votes', { n: countText(t, p.votes, k) })}
                  </span>{' '}
                  {p.text}
                  {p.organisation && <span className="report-muted"> — {p.organisation}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

export const learningsSection: ReportSection = {
  id: 'learnings',
  title: (t) => t('report.learnings.title'),
  applies: (d) => d.learnings.themes.length > 0,
  Component: Learnings,
};
