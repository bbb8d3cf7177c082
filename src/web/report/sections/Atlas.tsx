import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { atlasApi } from '../../atlas/api.ts';
import { loadCountries } from '../../atlas/boundaries.ts';
import { countText } from '../../atlas/labels.ts';
import { GapText } from '../../atlas/GapsTab.tsx';
import { MapView } from '../../atlas/MapView.tsx';
import { useResource } from '../../shell/useResource.ts';
import { errorMessage } from '../../shell/errors.ts';
import { Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';
import '../../atlas/atlas.css';

const TOP_GAPS = 5;

/**
 * The coalition's atlas as the report's reader may see it: the same offline SVG map as the atlas
 * page and its top gaps. The public version asks for the atlas's public view (public routes only,
 * no reporting organisations, small counts withheld by the atlas's own rule).
 */
function Atlas({ data, onReady }: SectionProps) {
  const { t } = useTranslation();
  const q = {
    coalition: data.coalition.slug,
    view: data.view === 'public' ? 'public' : undefined,
  };
  const map = useResource(`map:${q.view ?? ''}`, (signal) => atlasApi.map(q, signal));
  const gaps = useResource(`gaps:${q.view ?? ''}`, (signal) =>
    atlasApi.gaps({ ...q, level: 'country', limit: String(TOP_GAPS) }, signal),
  );
  // The map's boundaries (the same cached load MapView makes): the section is drawn once they are.
  const shapes = useResource('report-countries', () => loadCountries('overview'));
  const done =
    (shapes.data !== undefined || shapes.error !== undefined) &&
    (map.data !== undefined || map.error !== undefined) &&
    (gaps.data !== undefined || gaps.error !== undefined);
  useEffect(() => onReady(done), [done, onReady]);
  const m = map.data;
  return (
    <>
      {map.error !== undefined && <p className="alert alert-error">{errorMessage(t, map.error)}</p>}
      {m && (
        <p className="report-lead">
          {m.routes === null
            ? t('atlas.map.routesSuppressed', { k: m.k })
            : t('report.atlas.routes', { routes: countText(t, m.routes, m.k) })}
        </p>
      )}
      <Figure caption={t('report.atlas.map')}>
        <div className="report-map">
          <MapView data={m} showFootprints={false} provinces={null} label={t('atlas.map.label')} />
        </div>
      </Figure>
      <h3>{t('report.atlas.gaps')}</h3>
      {gaps.error !== undefined && (
        <p className="alert alert-error">{errorMessage(t, gaps.error)}</p>
      )}
      {gaps.data && gaps.data.items.length === 0 && <p>{t('atlas.gaps.none')}</p>}
      <ol className="report-gaps">
        {gaps.data?.items.map((g) => (
          <li key={`${g.place.id}|${g.form}`}>
            <GapText gap={g} k={gaps.data!.k} />
          </li>
        ))}
      </ol>
    </>
  );
}

export const atlasSection: ReportSection = {
  id: 'atlas',
  title: (t) => t('report.atlas.title'),
  applies: () => true,
  Component: Atlas,
};
