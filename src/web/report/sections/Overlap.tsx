import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapAnswer, OverlapMatrix, OverlapView } from '../../../contract/overlap.ts';
import type { ReportAnswer } from '../../../contract/report.ts';
import { overlapApi } from '../../analysis/api.ts';
import { call } from '../../http.ts';
import { OverlapCharts } from '../../analysis/OverlapCharts.tsx';
import { errorMessage } from '../../shell/errors.ts';
import { useResource } from '../../shell/useResource.ts';
import { Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';
import '../../analysis/overlap.css';

/**
 * Push factors and consequences across the café's issues: the overlap page's own heatmaps. Members:
 * this event's counts. Public (only once a coordinator has published the event's overlap): the
 * coalition's public overlap, which combines every published event and withholds small counts by
 * its own rule — one event's overlap is never public.
 */
/**
 * The overlap answer with its factors and issues named as the report names them (in the report's
 * language). An issue column's key is the issue's key.
 */
function inReportWords(a: OverlapAnswer, labels: ReportAnswer['labels']): OverlapAnswer {
  const matrix = (m: OverlapMatrix): OverlapMatrix => ({
    ...m,
    columns: m.columns.map((c) => ({
      ...c,
      label: labels.issues[c.key] ?? c.label,
    })),
    rows: m.rows.map((r) => ({ ...r, label: labels.factors[r.factor] ?? r.label })),
  });
  const view = (v: OverlapView): OverlapView => ({ ...v, byIssue: matrix(v.byIssue) });
  return { ...a, cause: view(a.cause), consequence: view(a.consequence) };
}

function Overlap({ data, onReady }: SectionProps) {
  const { t } = useTranslation();
  const pub = data.view === 'public';
  const res = useResource(`overlap:${data.event.id}:${data.view}`, (signal) =>
    pub
      ? call<OverlapAnswer>(
          'GET',
          `/api/overlap?view=public&coalition=${encodeURIComponent(data.coalition.slug)}`,
          undefined,
          signal,
        )
      : overlapApi.event(data.event.id, signal),
  );
  const done = res.data !== undefined || res.error !== undefined;
  useEffect(() => onReady(done), [done, onReady]);
  return (
    <>
      {pub && <p className="report-note">{t('report.overlap.publicNote', { k: data.k })}</p>}
      {res.error !== undefined && <p className="alert alert-error">{errorMessage(t, res.error)}</p>}
      {res.data &&
        (['cause', 'consequence'] as const).map((kind) => (
          <Figure key={kind} caption={t(`report.overlap.caption.${kind}`)}>
            <OverlapCharts
              a={inReportWords(res.data!, data.labels)}
              kind={kind}
              axis="issue"
              show={['heatmap']}
            />
          </Figure>
        ))}
    </>
  );
}

export const overlapSection: ReportSection = {
  id: 'overlap',
  title: (t) => t('report.overlap.title'),
  applies: (d) => d.view === 'members' || d.overlapPublic,
  Component: Overlap,
};
