import { useTranslation } from 'react-i18next';
import type { OverlapAnswer, OverlapKind } from '../../contract/overlap.ts';
import { Bars } from './Bars.tsx';
import { matrixReading, networkReading } from './figures.ts';
import { Heatmap, type CellPick } from './Heatmap.tsx';
import { Network } from './Network.tsx';

interface Props {
  a: OverlapAnswer;
  kind: OverlapKind;
  axis: 'issue' | 'form';
  onPick?: ((p: CellPick) => void) | undefined;
  big?: boolean;
  /** Which charts (the projector shows two at a time). */
  show?: ('heatmap' | 'network' | 'bars')[];
}

/** The heatmap, the network and the ranked bars of one kind, each with its reading and table. */
export function OverlapCharts({
  a,
  kind,
  axis,
  onPick,
  big,
  show = ['heatmap', 'network', 'bars'],
}: Props) {
  const { t } = useTranslation();
  const v = a[kind];
  const m = axis === 'issue' ? v.byIssue : v.byForm;
  const formLabel = (key: string) => t(`vocab.form.${key}`, { defaultValue: key });
  const columnLabel = (key: string, label: string) => (axis === 'form' ? formLabel(key) : label);
  const unit = t(axis === 'issue' ? 'overlap.unitIssues' : 'overlap.unitForms');
  const kindWord = t(`overlap.as.${kind}`);
  const r = matrixReading(m);
  const reading = r
    ? t('overlap.reading', { factor: r.factor, as: kindWord, n: r.n, of: r.of, unit })
    : t('overlap.noCards');
  const nr = networkReading(v);
  const top = v.similarity[0];
  const netReading = nr
    ? t('overlap.networkReading', { shared: nr.shared, factor: nr.factor, n: nr.n, of: nr.of }) +
      (top && top.cosine > 0
        ? ` ${t('overlap.similarReading', { a: formLabel(top.a), b: formLabel(top.b), cosine: top.cosine.toFixed(2) })}`
        : '')
    : t('overlap.noShared');
  return (
    <div className={big ? 'ovl-charts ovl-big' : 'ovl-charts'}>
      {show.includes('heatmap') && (
        <section aria-labelledby={`ovl-h-${kind}`}>
          <h2 id={`ovl-h-${kind}`}>
            {t(`overlap.heatmapTitle.${axis}`, { as: t(`overlap.kinds.${kind}`) })}
          </h2>
          <Heatmap
            m={m}
            k={a.k}
            reading={reading}
            columnLabel={columnLabel}
            onPick={onPick}
            caption={t('overlap.heatmapCaption', { unit })}
            big={big}
          />
        </section>
      )}
      {show.includes('network') && (
        <section aria-labelledby={`ovl-n-${kind}`}>
          <h2 id={`ovl-n-${kind}`}>
            {t('overlap.networkTitle', { as: t(`overlap.kinds.${kind}`) })}
          </h2>
          <Network
            v={v}
            k={a.k}
            reading={netReading}
            formLabel={formLabel}
            caption={t('overlap.networkCaption')}
            big={big}
          />
        </section>
      )}
      {show.includes('bars') && (
        <section aria-labelledby={`ovl-b-${kind}`}>
          <h2 id={`ovl-b-${kind}`}>
            {t('overlap.barsTitle', { as: t(`overlap.kinds.${kind}`), unit })}
          </h2>
          <Bars
            m={m}
            k={a.k}
            reading={reading}
            caption={t('overlap.barsCaption', { unit })}
            unit={unit}
            big={big}
          />
        </section>
      )}
    </div>
  );
}
