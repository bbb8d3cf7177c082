import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { atlasApi, qs } from './api.ts';
import { FilterBar } from './FilterBar.tsx';
import { filtersFrom } from './filters.ts';
import { countText } from './labels.ts';
import { Sankey } from './Sankey.tsx';
import { useAtlasLive } from './useAtlasLive.ts';

const FLOW_TOP = 20;

/** Origin → destination matrix (country or province) and its Sankey, per form; GeoJSON export. */
export function FlowsTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const level = params.get('level') === 'province' ? 'province' : 'country';
  // The table shows 15 × 12 and the Sankey 14 × 14: ask for the 20 largest of each, not every
  // province pair (a million routes make ~10⁵ of them).
  const q = { ...filtersFrom(params), level, top: String(FLOW_TOP) };
  const tick = useAtlasLive();
  const res = useResource(`flows${qs(q)}#${tick}`, (signal) => atlasApi.flows(q, signal));
  const m = res.data ?? res.previous;
  const origins = m?.origins.slice(0, 15) ?? [];
  const dests = m?.destinations.slice(0, 12) ?? [];
  // Origins and destinations in all (the server's `top` cut some; the table shows fewer still).
  const all = {
    origins: (m?.origins.length ?? 0) + (m?.omitted.origins ?? 0),
    destinations: (m?.destinations.length ?? 0) + (m?.omitted.destinations ?? 0),
  };
  const cut = all.origins > origins.length || all.destinations > dests.length;
  const cell = (o: string, d: string) =>
    m?.cells.find((c) => c.origin === o && c.destination === d);
  const geojson = `/api/atlas/flows.geojson${qs({ ...filtersFrom(params), level: 'city' })}`;

  return (
    <section aria-labelledby="atlas-flows-h">
      <h2 id="atlas-flows-h">{t('atlas.flows.title')}</h2>
      <FilterBar show={['form', 'sector', 'population', 'confidence']} />
      <div className="actions">
        <label className="inline">
          <input
            type="radio"
            name="level"
            checked={level === 'country'}
            onChange={() =>
              setParams(
                (p) => {
                  const n = new URLSearchParams(p);
                  n.delete('level');
                  return n;
                },
                { replace: true },
              )
            }
          />{' '}
          {t('atlas.flows.byCountry')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="level"
            checked={level === 'province'}
            onChange={() =>
              setParams(
                (p) => {
                  const n = new URLSearchParams(p);
                  n.set('level', 'province');
                  return n;
                },
                { replace: true },
              )
            }
          />{' '}
          {t('atlas.flows.byProvince')}
        </label>
        <a className="btn btn-quiet" href={geojson} download>
          {t('atlas.flows.geojson')}
        </a>
      </div>
      {res.error !== undefined && <p className="alert alert-error">{errorMessage(t, res.error)}</p>}
      {m && m.view === 'public' && (
        <p className="alert alert-info">
          {t('atlasPublic.note', { k: m.k, count: m.suppressedCells })}
        </p>
      )}
      {m && <Sankey m={m} label={t('atlas.flows.sankeyLabel')} />}
      {m && cut && <p className="hint">{t('atlas.flows.omittedNote', all)}</p>}
      {m && (
        <div className="atlas-matrix-wrap">
          <table className="atlas-matrix">
            <caption>{t('atlas.flows.matrixCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('atlas.flows.originDest')}</th>
                {dests.map((d) => (
                  <th scope="col" key={d.id}>
                    {d.name}
                  </th>
                ))}
                <th scope="col">{t('atlas.flows.total')}</th>
              </tr>
            </thead>
            <tbody>
              {origins.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  {dests.map((d) => {
                    const c = cell(o.id, d.id);
                    return <td key={d.id}>{c ? countText(t, c.n, m.k) : ''}</td>;
                  })}
                  <td>{countText(t, m.originTotals[o.id] ?? null, m.k)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('atlas.flows.total')}</th>
                {dests.map((d) => (
                  <td key={d.id}>{countText(t, m.destinationTotals[d.id] ?? null, m.k)}</td>
                ))}
                <td>{countText(t, m.total, m.k)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
