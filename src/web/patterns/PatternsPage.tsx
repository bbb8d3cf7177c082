import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pattern } from '../../contract/patterns.ts';
import { formLabel, populationLabel, sectorLabel } from '../atlas/labels.ts';
import { eventsApi } from '../events/api.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { patternsApi } from './api.ts';
import { DistributionChart } from './Distribution.tsx';
import { PatternForm } from './PatternForm.tsx';
import { PatternImport } from './PatternImport.tsx';
import { LevelVerdict } from './Verdict.tsx';
import './patterns.css';

/**
 * /patterns — the spectrum of exploitation: experience patterns (anonymised, never a person), each
 * with its level and the rule's reasons, and their distribution per form and per issue.
 */
export function PatternsPage() {
  const { t } = useTranslation();
  useTitle(t('patterns.title'));
  const [eventId, setEventId] = useState('');
  const [version, setVersion] = useState(0);
  const events = useResource('events', (signal) => eventsApi.list(signal));
  const event = useResource(eventId ? `event:${eventId}` : null, (signal) =>
    eventsApi.get(eventId, signal),
  );
  const q = { eventId: eventId || undefined, limit: '200' };
  const key = `${eventId}:${version}`;
  const list = useResource(`list:${key}`, (signal) => patternsApi.list(q, signal));
  const dist = useResource(`dist:${key}`, (signal) =>
    patternsApi.distribution({ eventId: eventId || undefined }, signal),
  );
  const changed = () => setVersion((v) => v + 1);
  const issues = event.data?.issues ?? [];
  const issueLabel = (k: string, fallback: string | null) =>
    issues.find((i) => i.key === k)?.label ?? fallback ?? k;

  async function remove(p: Pattern) {
    if (!window.confirm(t('patterns.list.confirmRemove'))) return;
    await patternsApi.remove(p.id).then(changed, () => changed());
  }

  return (
    <section aria-labelledby="patterns-title" className="patterns-page">
      <h1 id="patterns-title" tabIndex={-1}>
        {t('patterns.title')}
      </h1>
      <p className="muted">{t('patterns.intro')}</p>
      <div className="field pattern-event">
        <label htmlFor="pattern-event">{t('patterns.event')}</label>
        <select id="pattern-event" value={eventId} onChange={(e) => setEventId(e.target.value)}>
          <option value="">{t('patterns.allEvents')}</option>
          {events.data?.items.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div className="patterns-layout">
        <div className="patterns-entry">
          <PatternForm key={eventId} eventId={eventId || null} issues={issues} onSaved={changed} />
          <PatternImport eventId={eventId || null} onImported={changed} />
        </div>
        <div className="patterns-results">
          <h2>{t('patterns.chart.title')}</h2>
          {dist.error !== undefined && (
            <p className="alert alert-error" role="alert">
              {errorMessage(t, dist.error)}
            </p>
          )}
          {(dist.data ?? dist.previous) && (
            <>
              <p className="muted">
                {t('patterns.chart.count', { count: (dist.data ?? dist.previous)!.total })}
              </p>
              <DistributionChart
                id="by-form"
                title={t('patterns.chart.byForm')}
                rows={(dist.data ?? dist.previous)!.byForm}
                rowLabel={(r) => formLabel(t, r.key)}
              />
              <DistributionChart
                id="by-issue"
                title={t('patterns.chart.byIssue')}
                rows={(dist.data ?? dist.previous)!.byIssue}
                rowLabel={(r) => issueLabel(r.key, r.label)}
              />
            </>
          )}
          <h2>{t('patterns.list.title')}</h2>
          {list.error !== undefined && (
            <p className="alert alert-error" role="alert">
              {errorMessage(t, list.error)}
            </p>
          )}
          {list.data && list.data.items.length === 0 && (
            <p className="empty">{t('patterns.list.none')}</p>
          )}
          <ul className="pattern-list">
            {(list.data ?? list.previous)?.items.map((p) => (
              <li key={p.id} className="pattern-item">
                <p className="pattern-facts">
                  <strong>{formLabel(t, p.form)}</strong>
                  {p.sector && <> · {sectorLabel(t, p.sector)}</>}
                  {p.population && <> · {populationLabel(t, p.population)}</>}
                  {p.issueKey && <> · {issueLabel(p.issueKey, null)}</>}
                </p>
                <p className="pattern-summary">
                  {t('patterns.summary', {
                    paid: t(`patterns.paid.${p.paid}`),
                    leave: p.canLeave
                      ? t('patterns.list.canLeave')
                      : t('patterns.list.cannotLeave'),
                    recruitment: t(`patterns.recruitment.${p.recruitment}`),
                    indicators: p.indicators.length
                      ? p.indicators.map((n) => `ILO ${n}`).join(', ')
                      : t('patterns.list.noIndicators'),
                  })}
                </p>
                <LevelVerdict pattern={p} />
                {p.notes && <p className="pattern-notes">{p.notes}</p>}
                {p.can.delete && (
                  <button type="button" className="btn btn-quiet" onClick={() => void remove(p)}>
                    {t('patterns.list.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
