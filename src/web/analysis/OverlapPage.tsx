import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapAnswer, OverlapKind } from '../../contract/overlap.ts';
import { CARD_LEVELS } from '../../contract/constants.ts';
import { useSession } from '../auth/session.tsx';
import { useTitle } from '../shell/useTitle.ts';
import { overlapApi, type OverlapFilters } from './api.ts';
import { CellCards } from './CellCards.tsx';
import type { CellPick } from './Heatmap.tsx';
import { OverlapCharts } from './OverlapCharts.tsx';
import { useOverlapLive } from './useOverlapLive.ts';
import './overlap.css';

/**
 * /analysis/overlap — which push factors and consequences recur across issues and forms of
 * exploitation, across the coalition's events (members), or the public view (everyone else).
 */
export function OverlapPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const member = !!me;
  const [kind, setKind] = useState<OverlapKind>('cause');
  const [axis, setAxis] = useState<'issue' | 'form'>('issue');
  const [filters, setFilters] = useState<OverlapFilters>({});
  const [answer, setAnswer] = useState<OverlapAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const [pick, setPick] = useState<CellPick | null>(null);
  const tick = useOverlapLive(member && filters.view !== 'public');
  useTitle(t('overlap.title'));
  const isPublic = !member || filters.view === 'public';
  const query: OverlapFilters = isPublic ? { view: 'public' } : filters;
  const key = JSON.stringify(query);
  useEffect(() => {
    const ctrl = new AbortController();
    overlapApi.coalition(JSON.parse(key) as OverlapFilters, ctrl.signal).then(
      (a) => {
        setAnswer(a);
        setFailed(false);
      },
      () => !ctrl.signal.aborted && setFailed(true),
    );
    return () => ctrl.abort();
  }, [key, tick]);
  const set = (k: keyof OverlapFilters, v: string) =>
    setFilters((f) => ({ ...f, [k]: v || undefined }));
  return (
    <div className="ovl-page">
      <h1>{t('overlap.title')}</h1>
      <p>{isPublic ? t('overlap.publicIntro', { k: answer?.k ?? 11 }) : t('overlap.intro')}</p>
      <form className="ovl-filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t('overlap.kindLegend')}</legend>
          {(['cause', 'consequence'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(`overlap.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('overlap.axisLegend')}</legend>
          {(['issue', 'form'] as const).map((x) => (
            <label key={x}>
              <input type="radio" name="axis" checked={axis === x} onChange={() => setAxis(x)} />
              {t(`overlap.axis.${x}`)}
            </label>
          ))}
        </fieldset>
        {member && (
          <>
            <label>
              {t('overlap.view')}
              <select
                value={filters.view ?? 'coalition'}
                onChange={(e) => set('view', e.target.value)}
              >
                <option value="coalition">{t('overlap.viewCoalition')}</option>
                <option value="public">{t('overlap.viewPublic')}</option>
              </select>
            </label>
            {!isPublic && (
              <>
                <label>
                  {t('overlap.level')}
                  <select
                    value={filters.level ?? ''}
                    onChange={(e) => set('level', e.target.value)}
                  >
                    <option value="">{t('overlap.anyLevel')}</option>
                    {CARD_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {t(`overlap.levels.${l}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('overlap.event')}
                  <select
                    value={filters.event ?? ''}
                    onChange={(e) => set('event', e.target.value)}
                  >
                    <option value="">{t('overlap.anyEvent')}</option>
                    {answer?.events.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('overlap.from')}
                  <input
                    type="date"
                    value={filters.from ?? ''}
                    onChange={(e) => set('from', e.target.value)}
                  />
                </label>
                <label>
                  {t('overlap.to')}
                  <input
                    type="date"
                    value={filters.to ?? ''}
                    onChange={(e) => set('to', e.target.value)}
                  />
                </label>
              </>
            )}
          </>
        )}
      </form>
      {failed && <p role="alert">{t('overlap.loadFailed')}</p>}
      {answer && (
        <p className="ovl-scope">
          {t('overlap.scope', { n: answer.events.length, cards: countAll(answer, kind) })}
        </p>
      )}
      <div className={pick ? 'ovl-with-cards' : undefined}>
        {answer && (
          <OverlapCharts
            a={answer}
            kind={kind}
            axis={axis}
            onPick={isPublic ? undefined : setPick}
          />
        )}
        {pick && !isPublic && (
          <CellCards
            key={JSON.stringify([pick, filters.event, filters.level])}
            pick={pick}
            event={filters.event}
            level={filters.level}
            onClose={() => setPick(null)}
          />
        )}
      </div>
    </div>
  );
}

function countAll(a: OverlapAnswer, kind: OverlapKind): string {
  const n = a[kind].byIssue.total;
  if (n === null) return `<${a.k}`;
  return typeof n === 'number' ? String(n) : `${n.lo}–${n.hi}`;
}
