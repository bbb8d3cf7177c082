import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES } from '../../../contract/constants.ts';
import { statusLabel } from '../../commitments/labels.ts';
import { Bars, Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';

/**
 * What the expertise groups said they will do next: per group, each action with its owner
 * organisation(s), target date and status, and a figure of the actions by status. Public: the
 * commitments made public only, without organisations.
 */
function Roadmaps({ data, onReady }: SectionProps) {
  const { t, i18n } = useTranslation();
  useEffect(() => onReady(true), [onReady]);
  const groups = data.roadmaps;
  const all = groups.flatMap((g) => g.items);
  const caption = t('report.roadmaps.caption');
  const date = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString(i18n.language, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
  return (
    <>
      <p className="report-lead">
        {t('report.roadmaps.lead', { count: all.length, groups: groups.length })}
      </p>
      {data.view === 'public' && <p className="report-note">{t('report.roadmaps.publicNote')}</p>}
      <Figure caption={caption}>
        <Bars
          label={caption}
          rows={COMMITMENT_STATUSES.map((s) => {
            const n = all.filter((c) => c.status === s).length;
            return { key: s, label: statusLabel(t, s), value: n, text: String(n) };
          })}
        />
      </Figure>
      {groups.map((g) => (
        <div key={g.key ?? '-'} className="report-issue">
          <h3>{g.label ?? t('report.roadmaps.noGroup')}</h3>
          <table className="data-table report-roadmap">
            <thead>
              <tr>
                <th scope="col">{t('commitments.fields.title')}</th>
                {data.view === 'members' && <th scope="col">{t('commitments.fields.owner')}</th>}
                <th scope="col">{t('commitments.fields.targetDate')}</th>
                <th scope="col">{t('commitments.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((c, n) => (
                <tr key={n}>
                  <td>{c.title}</td>
                  {c.owners && <td>{c.owners.join(', ')}</td>}
                  <td>{date(c.targetDate)}</td>
                  <td>
                    {statusLabel(t, c.status)}
                    {c.overdue && <strong> · {t('commitments.state.overdue')}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

export const roadmapsSection: ReportSection = {
  id: 'roadmaps',
  title: (t) => t('report.roadmaps.title'),
  applies: (d) => d.roadmaps.length > 0,
  Component: Roadmaps,
};
