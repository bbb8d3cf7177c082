import { useTranslation } from 'react-i18next';
import type { EventSession, ScheduleQuality } from '../../contract/events.ts';

/** The scheduling engine's report on a plan, as a short list of facts. */
export function QualityReport({
  kind,
  quality: q,
}: {
  kind: EventSession['kind'];
  quality: ScheduleQuality;
}) {
  const { t, i18n } = useTranslation();
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const facts: [label: string, value: string, warn: boolean, note?: string][] = [];
  if (kind !== 'groups') {
    const least = q.leastRepeats;
    facts.push([
      t('events.qRepeated'),
      String(q.repeatedPairs),
      q.repeatedPairs > (least ?? 0),
      least === null || least === undefined ? undefined : t('events.qRepeatedLeast', { least }),
    ]);
    facts.push([t('events.qMaxMeetings'), String(q.maxMeetings), false]);
  }
  facts.push([t('events.qCrossSector'), pct.format(q.crossSectorShare), false]);
  facts.push([t('events.qViolations'), String(q.violations), q.violations > 0]);
  if (q.softBreaks?.together)
    facts.push([t('events.qTogether'), String(q.softBreaks.together), false]);
  if (q.softBreaks?.away) facts.push([t('events.qAway'), String(q.softBreaks.away), false]);
  if (q.choices) {
    facts.push([t('events.qFirst'), String(q.choices.first), false]);
    facts.push([t('events.qSecond'), String(q.choices.second), false]);
    facts.push([t('events.qThird'), String(q.choices.third), false]);
    facts.push([t('events.qNone'), String(q.choices.none), q.choices.none > 0]);
  }
  return (
    <div className="quality">
      <h4>{t('events.qualityTitle')}</h4>
      <dl className="quality-facts" data-testid="quality">
        {facts.map(([label, value, warn, note]) => (
          <div key={label} className={warn ? 'quality-warn' : undefined}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            {note && <dd className="quality-note">{note}</dd>}
          </div>
        ))}
      </dl>
    </div>
  );
}
