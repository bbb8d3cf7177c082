import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent,
  type WheelEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { countText, countValue } from './labels.ts';
import type { GeoProjection } from 'd3-geo';
import type { AtlasMap, Count, MapFlow } from '../../contract/atlas.ts';
import {
  loadCountries,
  loadProvinces,
  PROVINCE_COUNTRIES,
  type CountryFile,
} from './boundaries.ts';
import {
  countriesToDraw,
  provinceShapes,
  type ProvinceCounts,
  type ProvinceShape,
} from './provinceLayer.ts';
import type { ProvinceTopology } from './provinces/format.ts';
import { asiaProjection, curve, EXTENT, MAP_H, MAP_W } from './projection.ts';

export type Selection =
  | { kind: 'flow'; flow: MapFlow }
  | { kind: 'region'; name: string; outflow: Count; inflow: Count; organisations: number }
  | { kind: 'province'; id: string; name: string; outflow: number; inflow: number };

interface Props {
  data?: AtlasMap | undefined;
  showFootprints?: boolean;
  /**
   * The province layer: counts per province (from the province flow table), or null when it is
   * off. Drawn for the countries the counts name, and for the countries in view once zoomed in.
   */
  provinces?: ProvinceCounts | null;
  onSelect?: (s: Selection | null) => void;
  /** Pick mode: a tap on the map gives its coordinates (a border crossing, a port). */
  onPick?: (lat: number, lon: number) => void;
  picked?: { lat: number; lon: number } | null;
  svgRef?: React.RefObject<SVGSVGElement | null>;
  label: string;
}

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}
const FULL: View = { x: 0, y: 0, w: MAP_W, h: MAP_H };

export function MapView({
  data,
  showFootprints,
  provinces,
  onSelect,
  onPick,
  picked,
  svgRef,
  label,
}: Props) {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<CountryFile | null>(null);
  const [detail, setDetail] = useState<CountryFile | null>(null);
  const [view, setView] = useState<View>(FULL);
  const [selected, setSelected] = useState<string | null>(null);
  const ownRef = useRef<SVGSVGElement | null>(null);
  const ref = svgRef ?? ownRef;
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const projection = useMemo(() => asiaProjection(), []);

  // Countries: the overview (projected and cut at build time: nothing to compute here) draws the
  // map; 1:50m in full detail is fetched the first time the map is zoomed in.
  const zoomed = view.w < MAP_W;
  useEffect(() => {
    let live = true;
    loadCountries('overview').then(
      (c) => live && setOverview(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!zoomed || detail) return;
    let live = true;
    loadCountries('detail').then(
      (c) => live && setDetail(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [zoomed, detail]);
  const countries = (zoomed ? (detail ?? overview) : (overview ?? detail)) ?? null;

  // Provinces: which countries to draw, their lazily loaded boundaries, their shapes; fetched and
  // drawn only once the map has been painted (the frame after its countries and flows are drawn):
  // a phone fetching and decoding them meanwhile draws the map later (measured: bench/atlas-page).
  const [painted, setPainted] = useState(false);
  const drawn = countries !== null && data !== undefined;
  useEffect(() => {
    if (!drawn || painted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [drawn, painted]);
  const zoomedIn = view.w <= MAP_W / 3;
  const wanted =
    provinces && painted
      ? countriesToDraw(provinces, PROVINCE_COUNTRIES, projection, view, zoomedIn).join(',')
      : '';
  const [provinceTopos, setProvinceTopos] = useState<ReadonlyMap<string, ProvinceTopology>>(
    () => new Map(),
  );
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const ccs = wanted.split(',');
    // All at once: one drawing of the layer, not one per country as each chunk arrives.
    void Promise.all(ccs.map((cc) => loadProvinces(cc))).then((topos) => {
      if (!live) return;
      setProvinceTopos((m) => {
        const next = new Map(m);
        ccs.forEach((cc, i) => {
          const topo = topos[i];
          if (topo && !next.has(cc)) next.set(cc, topo);
        });
        return next.size === m.size ? m : next;
      });
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  const provinceLayer = useMemo(() => {
    const shapes: ProvinceShape[] = [];
    if (!provinces || !wanted) return shapes;
    for (const cc of wanted.split(',')) {
      const topo = provinceTopos.get(cc);
      if (topo) shapes.push(...provinceShapes(cc, topo, provinces, projection));
    }
    return shapes;
  }, [provinces, wanted, provinceTopos, projection]);
  const maxProvinceNet = Math.max(
    1,
    ...provinceLayer.map((p) => (p.count ? Math.abs(p.count.outflow - p.count.inflow) : 0)),
  );
  // A country whose provinces are shaded gives its own shading up to them (its outline stays).
  const givenUpKey = useMemo(() => {
    const shaded = new Set(provinceLayer.filter((p) => p.count).map((p) => p.country));
    return (data?.regions ?? [])
      .filter((r) => shaded.has(r.country))
      .map((r) => r.numeric)
      .sort()
      .join(',');
  }, [provinceLayer, data]);

  const regionBy = useMemo(() => new Map((data?.regions ?? []).map((r) => [r.numeric, r])), [data]);
  const footprintBy = useMemo(
    () => new Map((data?.footprints ?? []).map((f) => [f.name, f])),
    [data],
  );
  const maxOrgs = Math.max(1, ...(data?.footprints ?? []).map((f) => f.organisations));
  const scale = view.w / MAP_W;

  function toMap(e: { clientX: number; clientY: number }): [number, number] {
    const svg = ref.current;
    if (!svg) return [0, 0];
    const r = svg.getBoundingClientRect();
    return [
      view.x + ((e.clientX - r.left) / r.width) * view.w,
      view.y + ((e.clientY - r.top) / r.height) * view.h,
    ];
  }
  function zoom(factor: number, at?: [number, number]) {
    setView((v) => {
      const w = Math.min(MAP_W, Math.max(MAP_W / 16, v.w * factor));
      const h = (w * MAP_H) / MAP_W;
      const [cx, cy] = at ?? [v.x + v.w / 2, v.y + v.h / 2];
      return { x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * h) / v.h, w, h };
    });
  }
  function onWheel(e: WheelEvent<SVGSVGElement>) {
    zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, toMap(e));
  }
  function onPointerDown(e: PointerEvent<SVGSVGElement>) {
    drag.current = { x: e.clientX, y: e.clientY, view, moved: false };
  }
  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    const svg = ref.current;
    if (!d || !svg) return;
    const r = svg.getBoundingClientRect();
    const dx = ((e.clientX - d.x) / r.width) * d.view.w;
    const dy = ((e.clientY - d.y) / r.height) * d.view.h;
    if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 4) {
      d.moved = true;
      if (!svg.hasPointerCapture(e.pointerId)) svg.setPointerCapture(e.pointerId);
    }
    if (d.moved) setView({ ...d.view, x: d.view.x - dx, y: d.view.y - dy });
  }
  function onPointerUp(e: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved && onPick) {
      const ll = projection.invert?.(toMap(e));
      if (ll) onPick(ll[1], ll[0]);
    }
  }
  // Stable, so that the layers below are not redrawn on every move of a pan or a zoom.
  const select = useCallback(
    (id: string, s: Selection) => {
      setSelected(id);
      onSelect?.(s);
    },
    [onSelect],
  );

  const pickedXY = picked ? projection([picked.lon, picked.lat]) : null;
  return (
    <div className="atlas-map">
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="img"
        aria-label={label}
        className={onPick ? 'picking' : undefined}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
      >
        <defs>
          <marker
            id="atlas-arrow"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="3.2"
            markerHeight="3.2"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#7a1f3d" />
          </marker>
        </defs>
        <rect x={EXTENT.x} y={EXTENT.y} width={EXTENT.w} height={EXTENT.h} fill="#dfe9ef" />
        {countries && (
          <CountryLayer
            file={countries}
            regions={data?.regions}
            k={data?.k ?? 11}
            regionBy={regionBy}
            footprintBy={footprintBy}
            givenUpKey={givenUpKey}
            select={select}
          />
        )}
        {provinceLayer.length > 0 && (
          <ProvinceLayer
            shapes={provinceLayer}
            maxNet={maxProvinceNet}
            selected={selected}
            select={select}
          />
        )}
        {countries && givenUpKey && <GivenUpOutlines file={countries} givenUpKey={givenUpKey} />}
        {showFootprints && (
          <g>
            {data?.footprints.map((f) => {
              const xy = projection([f.lon, f.lat]);
              if (!xy) return null;
              return (
                <circle
                  key={f.country}
                  cx={xy[0]}
                  cy={xy[1]}
                  r={(4 + 14 * Math.sqrt(f.organisations / maxOrgs)) * scale}
                  fill="rgba(90,60,160,0.28)"
                  stroke="#5a3ca0"
                  strokeWidth={1}
                  vectorEffect="non-scaling-stroke"
                >
                  <title>
                    {t('atlas.map.footprint', { name: f.name, count: f.organisations })}
                  </title>
                </circle>
              );
            })}
          </g>
        )}
        <FlowLayer
          flows={data?.flows}
          projection={projection}
          selected={selected}
          select={select}
        />
        {data?.flows
          .filter((f) => selected === `f:${f.source.id}>${f.destination.id}`)
          .flatMap((f) => f.via)
          .map((v) => {
            const xy = projection([v.place.lon, v.place.lat]);
            if (!xy) return null;
            const s = 5 * scale;
            return (
              <rect
                key={v.place.id}
                x={xy[0] - s}
                y={xy[1] - s}
                width={2 * s}
                height={2 * s}
                transform={`rotate(45 ${xy[0]} ${xy[1]})`}
                fill={v.borderCrossing ? '#e0a526' : '#fff'}
                stroke="#1c2326"
                strokeWidth={1}
                vectorEffect="non-scaling-stroke"
              >
                <title>{v.place.name}</title>
              </rect>
            );
          })}
        {pickedXY && (
          <circle
            cx={pickedXY[0]}
            cy={pickedXY[1]}
            r={6 * scale}
            fill="#c2185b"
            stroke="#fff"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        )}
      </svg>
      <div className="atlas-zoom" role="group" aria-label={t('atlas.map.zoom')}>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => zoom(1 / 1.5)}
          aria-label={t('atlas.map.zoomIn')}
        >
          +
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => zoom(1.5)}
          aria-label={t('atlas.map.zoomOut')}
        >
          −
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => setView(FULL)}
          aria-label={t('atlas.map.reset')}
          title={t('atlas.map.reset')}
        >
          ⌂
        </button>
      </div>
      {!countries && <p className="atlas-map-loading">{t('app.loading')}</p>}
    </div>
  );
}

type Region = AtlasMap['regions'][number];
type Footprint = AtlasMap['footprints'][number];
type Select = (id: string, s: Selection) => void;

/**
 * The countries, shaded by net outflow or inflow. Path data comes as shipped, in integer steps of
 * `file.scale` map units: one `scale()` on the group puts it on the map.
 */
const CountryLayer = memo(function CountryLayer({
  file,
  regions,
  k,
  regionBy,
  footprintBy,
  givenUpKey,
  select,
}: {
  file: CountryFile;
  regions: Region[] | undefined;
  k: number;
  regionBy: ReadonlyMap<string, Region>;
  footprintBy: ReadonlyMap<string, Footprint>;
  givenUpKey: string;
  select: Select;
}) {
  const { t } = useTranslation();
  const givenUp = new Set(givenUpKey ? givenUpKey.split(',') : []);
  const net = (r: Region) => countValue(r.outflow) - countValue(r.inflow);
  const maxNet = Math.max(1, ...(regions ?? []).map((r) => Math.abs(net(r))));
  return (
    <g transform={`scale(${file.scale})`}>
      {file.countries.map((s) => {
        const r = regionBy.get(s.id);
        const fill = givenUp.has(s.id) || !r ? NEUTRAL : shade(net(r), maxNet);
        return (
          <path
            key={s.id + s.name}
            d={s.d}
            fill={fill}
            stroke="#9aa3a8"
            strokeWidth={0.5}
            vectorEffect="non-scaling-stroke"
            onClick={() =>
              r &&
              select(`r:${s.id}`, {
                kind: 'region',
                name: r.name,
                outflow: r.outflow,
                inflow: r.inflow,
                organisations: footprintBy.get(r.name)?.organisations ?? 0,
              })
            }
          >
            <title>
              {r
                ? `${r.name}: ${t('atlas.map.outIn', { out: countText(t, r.outflow, k), in: countText(t, r.inflow, k) })}`
                : s.name}
            </title>
          </path>
        );
      })}
    </g>
  );
});

/** Outlines of the countries whose provinces are shaded, drawn over the provinces. */
const GivenUpOutlines = memo(function GivenUpOutlines({
  file,
  givenUpKey,
}: {
  file: CountryFile;
  givenUpKey: string;
}) {
  const givenUp = new Set(givenUpKey ? givenUpKey.split(',') : []);
  return (
    <g fill="none" pointerEvents="none" transform={`scale(${file.scale})`}>
      {file.countries
        .filter((s) => givenUp.has(s.id))
        .map((s) => (
          <path
            key={s.id + s.name}
            d={s.d}
            stroke="#7d878c"
            strokeWidth={0.7}
            vectorEffect="non-scaling-stroke"
          />
        ))}
    </g>
  );
});

const ProvinceLayer = memo(function ProvinceLayer({
  shapes,
  maxNet,
  selected,
  select,
}: {
  shapes: ProvinceShape[];
  maxNet: number;
  selected: string | null;
  select: Select;
}) {
  const { t } = useTranslation();
  return (
    <g className="provinces">
      {[
        ...shapes.filter((p) => selected !== `p:${p.id}`),
        ...shapes.filter((p) => selected === `p:${p.id}`),
      ].map((p) => {
        const c = p.count;
        const on = selected === `p:${p.id}`;
        return (
          <path
            key={`${p.country}:${p.id}`}
            d={p.d}
            fill={c ? shade(c.outflow - c.inflow, maxNet) : 'none'}
            stroke={on ? '#c2185b' : '#b4bcc0'}
            strokeWidth={on ? 2 : 0.4}
            vectorEffect="non-scaling-stroke"
            // a province no route names lets a tap through to its country
            pointerEvents={c ? undefined : 'none'}
            className={on ? 'province selected' : 'province'}
            onClick={() =>
              c &&
              select(`p:${p.id}`, {
                kind: 'province',
                id: p.id,
                name: p.name,
                outflow: c.outflow,
                inflow: c.inflow,
              })
            }
          >
            {c && (
              <title>{`${p.name}: ${t('atlas.map.outIn', { out: c.outflow, in: c.inflow })}`}</title>
            )}
          </path>
        );
      })}
    </g>
  );
});

const FlowLayer = memo(function FlowLayer({
  flows,
  projection,
  selected,
  select,
}: {
  flows: MapFlow[] | undefined;
  projection: GeoProjection;
  selected: string | null;
  select: Select;
}) {
  const { t } = useTranslation();
  const maxFlow = Math.max(1, ...(flows ?? []).map((f) => countValue(f.n)));
  return (
    <g fill="none">
      {flows?.map((f) => {
        const a = projection([f.source.lon, f.source.lat]);
        const b = projection([f.destination.lon, f.destination.lat]);
        if (!a || !b) return null;
        const id = `f:${f.source.id}>${f.destination.id}`;
        const w = 1 + 5 * Math.sqrt(countValue(f.n) / maxFlow);
        const d = curve(a, b);
        return (
          <g
            key={id}
            className={selected === id ? 'flow selected' : 'flow'}
            onClick={() => select(id, { kind: 'flow', flow: f })}
          >
            <path
              d={d}
              stroke="transparent"
              strokeWidth={w + 8}
              vectorEffect="non-scaling-stroke"
            />
            <path
              d={d}
              stroke={selected === id ? '#c2185b' : 'rgba(122,31,61,0.7)'}
              strokeWidth={w}
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
              markerEnd="url(#atlas-arrow)"
            >
              <title>{flowTitle(t, f)}</title>
            </path>
          </g>
        );
      })}
    </g>
  );
});

const NEUTRAL = '#f7f5ef';

/** Orange for a net source, teal for a net destination, stronger with a larger net count. */
/** A flow's tooltip: exact counts are pluralised; a public range is given as its two ends. */
function flowTitle(t: TFunction, f: MapFlow): string {
  const names = { from: f.source.name, to: f.destination.name };
  return typeof f.n === 'number'
    ? t('atlas.map.flowTitle', { ...names, count: f.n })
    : t('atlasPublic.flowTitle', { ...names, lo: f.n?.lo ?? 1, hi: f.n?.hi ?? 1 });
}

function shade(net: number, maxNet: number): string {
  if (net === 0) return NEUTRAL;
  const a = (0.15 + 0.75 * (Math.abs(net) / maxNet)).toFixed(2);
  return net > 0 ? `rgba(224,120,38,${a})` : `rgba(13,92,99,${a})`;
}
