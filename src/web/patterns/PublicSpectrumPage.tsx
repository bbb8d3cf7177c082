import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { formLabel } from '../atlas/labels.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { patternsApi } from './api.ts';
import { DistributionChart } from './Distribution.tsx';
import './patterns.css';

/**
 * /spectrum — the public distribution over the spectrum, for everyone: only the patterns the
 * coalition made public, per form and per café issue, counts from 1 to k−1 shown as "fewer than
 * k" and sums with a withheld part as ranges (the server publishes them so; docs/spectrum.md).
 */
export function PublicSpectrumPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const coalition = params.get('coalition') ?? undefined;
  const lang = i18n.language;
  useTitle(t('patterns.public.title'));
  const dist = useResource(`public-spectrum:${coalition ?? ''}:${lang}`, (s) =>
    patternsApi.publicDistribution({ coalition, lang }, s),
  );
  const d = dist.data ?? dist.previous;
  return (
    <section aria-labelledby="public-spectrum-h" className="patterns-page">
      <h1 id="public-spectrum-h">{t('patterns.public.title')}</h1>
      {d && <p className="muted">{t('patterns.public.intro', { k: d.k })}</p>}
      {dist.error !== undefined && !d && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, dist.error)}
        </p>
      )}
      {d && (
        <>
          <DistributionChart
            id="public-by-form"
            title={t('patterns.chart.byForm')}
            rows={d.byForm}
            rowLabel={(r) => formLabel(t, r.key)}
            k={d.k}
          />
          <DistributionChart
            id="public-by-issue"
            title={t('patterns.chart.byIssue')}
            rows={d.byIssue}
            rowLabel={(r) => r.label ?? r.key}
            k={d.k}
          />
        </>
      )}
    </section>
  );
}
