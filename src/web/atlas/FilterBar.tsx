import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { FILTERS, type FilterName } from './filters.ts';
import { confidenceLabel, formLabel, kindLabel, populationLabel, sectorLabel } from './labels.ts';

const LABELLERS = {
  form: formLabel,
  sector: sectorLabel,
  population: populationLabel,
  kind: kindLabel,
  confidence: confidenceLabel,
};

/** Filters of the map, flows and gaps; each writes the URL. */
export function FilterBar({ show }: { show: FilterName[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  // Open on wide screens and whenever a filter is set; folded on phones so the map comes first.
  const active = [...params.keys()].some((k) => k !== 'level');
  const wide = typeof window !== 'undefined' && window.matchMedia?.('(min-width: 700px)').matches;
  return (
    <details className="atlas-filter-box" open={wide || active}>
      <summary>{t('atlas.filters.title')}</summary>
      <div className="filters atlas-filters" role="group" aria-label={t('atlas.filters.title')}>
        {show.map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`atlas-f-${name}`}>{t(`atlas.filters.${name}`)}</label>
            <select
              id={`atlas-f-${name}`}
              value={params.get(name) ?? ''}
              onChange={(e) => set(name, e.target.value)}
            >
              <option value="">{t('atlas.filters.any')}</option>
              {FILTERS[name].map((code) => (
                <option key={code} value={code}>
                  {LABELLERS[name](t, code)}
                </option>
              ))}
            </select>
          </div>
        ))}
        {(['yearFrom', 'yearTo'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`atlas-f-${name}`}>{t(`atlas.filters.${name}`)}</label>
            <input
              id={`atlas-f-${name}`}
              inputMode="numeric"
              size={5}
              value={params.get(name) ?? ''}
              onChange={(e) => set(name, e.target.value.replace(/\D/g, '').slice(0, 4))}
            />
          </div>
        ))}
        <div className="field">
          <span className="label-like">{t('atlas.filters.view')}</span>
          <label className="inline">
            <input
              type="checkbox"
              checked={params.get('view') === 'public'}
              onChange={(e) => set('view', e.target.checked ? 'public' : '')}
            />{' '}
            {t('atlas.filters.publicView')}
          </label>
        </div>
      </div>
    </details>
  );
}
