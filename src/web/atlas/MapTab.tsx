import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { TFunction } from 'i18next';
import type { CountRange, MapFlow } from '../../contract/atlas.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { atlasApi, qs } from './api.ts';
import { startMapDownloads, takeEarlyMap } from './early.ts';
import { exportPng, exportSvg } from './exportImage.ts';
import { FilterBar } from './FilterBar.tsx';
import { filtersFrom } from './filters.ts';
import { countText, formLabel } from './labels.ts';
import { MapView, type Selection } from './MapView.tsx';
import { provinceCounts } from './provinceLayer.ts';
import { useAtlasLive } from './useAtlasLive.ts';

startMapDownloads();

/** The map: flows, source/destination shading, organisation footprints, details, table, export. */
export function MapTab({ projector = false }: { projector?: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = filtersFrom(params);
  const tick = useAtlasLive();
  const map = useResource(
    `map${qs(q)}#${tick}`,
    (signal) => (tick === 0 ? takeEarlyMap(qs(q)) : null) ?? atlasApi.map(q, signal),
  );
  const data = map.data ?? map.previous;
  const [footprints, setFootprints] = useState(true);
  const [showProvinces, setShowProvinces] = useState(true);
  // The province layer: the province flow table (totals only, a few kB), summed per province
  // here; asked for beside the map's own answer. The map fetches and draws the boundaries it needs
  // once it has been painted: they never delay its first drawing.
  const provinceTable = useResource(
    showProvinces ? `flows${qs({ ...q, level: 'province' })}#${tick}` : null,
    (signal) => atlasApi.flows({ ...q, level: 'province', cells: 'none' }, signal),
  );
  const provinceTableData = provinceTable.data ?? provinceTable.previous;
  const provinces = useMemo(
    () => (showProvinces ? provinceCounts(provinceTableData) : null),
    [showProvinces, provinceTableData],
  );
  const [sel, setSel] = useState<Selection | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);

  return (
    <section className={projector ? 'atlas-projector' : undefined} aria-labelledby="atlas-map-h">
      <h2 id="atlas-map-h" className={projector ? undefined : 'visually-hidden'}>
        {t('atlas.map.title')}
      </h2>
      {!projector && <FilterBar show={['form', 'sector', 'population', 'kind', 'confidence']} />}
      {map.error !== undefined && <p className="alert alert-error">{errorMessage(t, map.error)}</p>}
      <p className="atlas-summary" aria-live="polite">
        {data &&
          (data.routes === null
            ? t('atlas.map.routesSuppressed', { k: data.k })
            : routesText(t, data.routes))}
        {data?.view === 'public' && (
          <span className="badge badge-public">{t('atlasPublic.badge', { k: data.k })}</span>
        )}
      </p>
      <div className="atlas-map-layout">
        <MapView
          data={data}
          showFootprints={footprints}
          provinces={provinces}
          onSelect={setSel}
          svgRef={svgRef}
          label={t('atlas.map.label')}
        />
        <aside className="atlas-side">
          <div className="atlas-legend">
            <p>
              <span className="swatch swatch-out" /> {t('atlas.map.legendSource')}
            </p>
            <p>
              <span className="swatch swatch-in" /> {t('atlas.map.legendDestination')}
            </p>
            <p>
              <span className="swatch swatch-flow" /> {t('atlas.map.legendFlow')}
            </p>
            <label className="inline">
              <input
                type="checkbox"
                checked={footprints}
                onChange={(e) => setFootprints(e.target.checked)}
              />{' '}
              {t('atlas.map.footprints')}
            </label>
            <label className="inline">
              <input
                type="checkbox"
                checked={showProvinces}
                onChange={(e) => setShowProvinces(e.target.checked)}
              />{' '}
              {t('atlas.map.provinces')}
            </label>
            {showProvinces && provinceTableData?.level === 'country' && (
              <p className="hint">{t('atlas.map.provincesPublic')}</p>
            )}
          </div>
          <Details sel={sel} provinces={showProvinces} k={data?.k ?? 11} />
          {!projector && (
            <div className="actions">
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => svgRef.current && exportSvg(svgRef.current, 'mosaic-atlas')}
              >
                {t('atlas.map.exportSvg')}
              </button>
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => svgRef.current && void exportPng(svgRef.current, 'mosaic-atlas')}
              >
                {t('atlas.map.exportPng')}
              </button>
            </div>
          )}
        </aside>
      </div>
      {!projector && data && <FlowTable flows={data.flows} k={data.k} />}
    </section>
  );
}

/**
 * The map as a table (the alternative to the drawing). Its rows are built when it is opened: a
 * closed `<details>` shows nothing, and on a phone the rows would cost the map's first drawing.
 */
function FlowTable({ flows, k }: { flows: MapFlow[]; k: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="atlas-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('atlas.map.tableTitle')}</summary>
      {open && (
        <table>
          <caption className="visually-hidden">{t('atlas.map.tableTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('atlas.map.from')}</th>
              <th scope="col">{t('atlas.map.via')}</th>
              <th scope="col">{t('atlas.map.to')}</th>
              <th scope="col">{t('atlas.map.count')}</th>
              <th scope="col">{t('atlas.filters.form')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={`${f.source.id}>${f.destination.id}`}>
                <td>{`${f.source.name}, ${f.source.countryName}`}</td>
                <td>
                  {f.via
                    .map(
                      (v) =>
                        v.place.name + (v.borderCrossing ? ` (${t('atlas.borderCrossing')})` : ''),
                    )
                    .join(' · ')}
                </td>
                <td>{`${f.destination.name}, ${f.destination.countryName}`}</td>
                <td>{countText(t, f.n, k)}</td>
                <td>{f.forms.map((x) => formLabel(t, x.form)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

function Details({ sel, provinces, k }: { sel: Selection | null; provinces: boolean; k: number }) {
  const { t } = useTranslation();
  if (!sel)
    return (
      <p className="hint">
        {t(provinces ? 'atlas.map.clickHintProvinces' : 'atlas.map.clickHint')}
      </p>
    );
  if (sel.kind === 'province')
    return (
      <div className="atlas-details" aria-live="polite">
        <h3>{sel.name}</h3>
        <p>{t('atlas.map.outIn', { out: sel.outflow, in: sel.inflow })}</p>
        <p className="hint">{t('atlas.map.provinceNote')}</p>
      </div>
    );
  if (sel.kind === 'region')
    return (
      <div className="atlas-details" aria-live="polite">
        <h3>{sel.name}</h3>
        <p>
          {t('atlas.map.outIn', {
            out: countText(t, sel.outflow, k),
            in: countText(t, sel.inflow, k),
          })}
        </p>
        <p>{t('atlas.map.orgsHere', { count: sel.organisations })}</p>
      </div>
    );
  const f = sel.flow;
  return (
    <div className="atlas-details" aria-live="polite">
      <h3>
        {f.source.name} → {f.destination.name}
      </h3>
      <p>{f.n === null ? null : routesText(t, f.n)}</p>
      {f.via.length > 0 && (
        <>
          <h4>{t('atlas.map.via')}</h4>
          <ul>
            {f.via.map((v) => (
              <li key={v.place.id}>
                {v.place.name}, {v.place.countryName}
                {v.borderCrossing && (
                  <span className="badge">{t('atlas.borderCrossing')}</span>
                )} · {v.n}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="chips">
        {f.forms.map((x) => (
          <li key={x.form}>
            {formLabel(t, x.form)} · {x.n}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "12 routes", or a public range: "22–31 routes". */
function routesText(t: TFunction, n: number | CountRange): string {
  return typeof n === 'number'
    ? t('atlas.map.routes', { count: n })
    : t('atlasPublic.routesRange', { lo: n.lo, hi: n.hi });
}
