import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { countText, countValue } from '../../atlas/labels.ts';
import { useCountries } from '../../directory/places.ts';
import { Bars, Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';

/** Who took part: sectors and countries (figures), organisations by name (members' version). */
function Participation({ data, onReady }: SectionProps) {
  const { t } = useTranslation();
  const { byCode, error } = useCountries();
  const p = data.participation;
  const k = data.k;
  const loaded = byCode.size > 0 || error !== undefined || p.countries.every((c) => !c.code);
  useEffect(() => onReady(loaded), [loaded, onReady]);
  const country = (code: string | null) =>
    code === null ? t('report.participation.noCountry') : (byCode.get(code)?.name ?? code);
  return (
    <>
      <p className="report-lead">
        {t('report.participation.lead', { participants: countText(t, p.total, k) })}
        {p.organisations && ` ${t('report.participation.orgs', { count: p.organisations.length })}`}
      </p>
      {data.view === 'public' && <p className="report-note">{t('report.publicCounts', { k })}</p>}
      <div className="report-two">
        <Figure caption={t('report.participation.bySector')}>
          <Bars
            label={t('report.participation.bySector')}
            rows={p.sectors.map((s) => ({
              key: s.code,
              label: t(`join.sector.${s.code}`),
              value: countValue(s.n),
              text: countText(t, s.n, k),
            }))}
          />
        </Figure>
        <Figure caption={t('report.participation.byCountry')}>
          <Bars
            label={t('report.participation.byCountry')}
            rows={p.countries.map((c) => ({
              key: c.code ?? '-',
              label: country(c.code),
              value: countValue(c.n),
              text: countText(t, c.n, k),
            }))}
          />
        </Figure>
      </div>
      {p.organisations && p.organisations.length > 0 && (
        <>
          <h3>{t('report.participation.organisations')}</h3>
          <ul className="report-columns">
            {p.organisations.map((o) => (
              <li key={o.name}>
                {o.name}
                {o.participants > 1 && <span className="report-muted"> ({o.participants})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export const participationSection: ReportSection = {
  id: 'participation',
  title: (t) => t('report.participation.title'),
  applies: () => true,
  Component: Participation,
};
