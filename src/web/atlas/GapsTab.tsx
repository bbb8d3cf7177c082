import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { Gap } from '../../contract/atlas.ts';
import { useSession } from '../auth/session.tsx';
import { PromoteButton } from '../commitments/PromoteDialog.tsx';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { atlasApi, qs } from './api.ts';
import { Challenges } from './Challenges.tsx';
import { FilterBar } from './FilterBar.tsx';
import { filtersFrom } from './filters.ts';
import { countText, formLabel, kindLabel } from './labels.ts';
import { useAtlasLive } from './useAtlasLive.ts';

const WEIGHTS = [
  ['wSource', 1],
  ['wTransit', 0.5],
  ['wDestination', 1],
  ['wPrevention', 1],
  ['wProtection', 1],
  ['wProsecution', 1],
  ['wPolicy', 0.5],
  ['wResearch', 0.25],
  ['wCoordination', 0.25],
] as const;
type WeightName = (typeof WEIGHTS)[number][0];

/** The ranked gaps in plain words, the rule with adjustable weights, and the challenges beside. */
export function GapsTab() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const level =
    (['country', 'province', 'city'] as const).find((l) => l === params.get('level')) ?? 'province';
  const [weights, setWeights] = useState<Record<WeightName, number>>(
    () => Object.fromEntries(WEIGHTS) as Record<WeightName, number>,
  );
  const q = {
    ...filtersFrom(params),
    level,
    limit: '25',
    ...Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, String(v)])),
  };
  const tick = useAtlasLive();
  const res = useResource(`gaps${qs(q)}#${tick}`, (signal) => atlasApi.gaps(q, signal));
  const g = res.data ?? res.previous;

  return (
    <section aria-labelledby="atlas-gaps-h" className="atlas-gaps">
      <h2 id="atlas-gaps-h">{t('atlas.gaps.title')}</h2>
      <FilterBar show={['form', 'sector', 'population', 'confidence']} />
      <div className="actions" role="group" aria-label={t('atlas.gaps.level')}>
        {(['country', 'province', 'city'] as const).map((l) => (
          <label className="inline" key={l}>
            <input
              type="radio"
              name="gap-level"
              checked={level === l}
              onChange={() =>
                setParams(
                  (p) => {
                    const n = new URLSearchParams(p);
                    n.set('level', l);
                    return n;
                  },
                  { replace: true },
                )
              }
            />{' '}
            {t(`atlas.gaps.levels.${l}`)}
          </label>
        ))}
      </div>
      <div className="atlas-gaps-layout">
        <div>
          {res.error !== undefined && (
            <p className="alert alert-error">{errorMessage(t, res.error)}</p>
          )}
          {g && g.items.length === 0 && <p className="empty">{t('atlas.gaps.none')}</p>}
          <ol className="atlas-gap-list">
            {g?.items.map((item) => (
              <li key={`${item.place.id}|${item.form}`}>
                <GapText gap={item} k={g.k} />
                <span className="hint"> · {t('atlas.gaps.score', { score: item.score })}</span>
                {me && g.view === 'coalition' && (
                  <>
                    {' '}
                    <PromoteButton
                      source={{
                        link: {
                          kind: 'gap',
                          ref: `${item.place.id}|${item.form}`,
                          label: `${item.place.name} — ${formLabel(t, item.form)}`,
                        },
                        text: `${item.place.name} — ${formLabel(t, item.form)}: ${item.summary}`,
                      }}
                    />
                  </>
                )}
              </li>
            ))}
          </ol>
          <details className="atlas-rule">
            <summary>{t('atlas.gaps.ruleTitle')}</summary>
            <p>{t('atlas.gaps.rule')}</p>
            <div className="atlas-weights">
              {WEIGHTS.map(([name]) => (
                <div className="field" key={name}>
                  <label htmlFor={`w-${name}`}>
                    {t(`atlas.gaps.weights.${name}`)}: {weights[name]}
                  </label>
                  <input
                    id={`w-${name}`}
                    type="range"
                    min={0}
                    max={3}
                    step={0.25}
                    value={weights[name]}
                    onChange={(e) => setWeights((w) => ({ ...w, [name]: Number(e.target.value) }))}
                  />
                </div>
              ))}
            </div>
          </details>
        </div>
        <Challenges
          canAdd={Boolean(me)}
          tick={tick}
          view={params.get('view') === 'public' ? 'public' : undefined}
        />
      </div>
    </section>
  );
}

export function GapText({ gap, k }: { gap: Gap; k: number }) {
  const { t } = useTranslation();
  const parts = (['source', 'transit', 'destination'] as const)
    .filter((role) => gap[role] !== 0)
    .map((role) => {
      const n = gap[role];
      if (n === null) return t(`atlas.gaps.${role}Few`, { k });
      return typeof n === 'number'
        ? t(`atlas.gaps.${role}`, { count: n })
        : t(`atlasPublic.${role}Range`, { lo: n.lo, hi: n.hi });
    });
  const missing = gap.missing.length
    ? t('atlas.gaps.noOrg', { kinds: gap.missing.map((m) => kindLabel(t, m)).join(', ') })
    : t('atlas.gaps.orgs', { count: gap.organisations });
  return (
    <span>
      <strong>
        {gap.place.name} — {formLabel(t, gap.form)}
      </strong>
      : {parts.join(', ')}; {missing}.
      {gap.source === null || gap.transit === null || gap.destination === null ? (
        <span className="visually-hidden"> {countText(t, null, k)}</span>
      ) : null}
    </span>
  );
}
