import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card, HandoverNote } from '../../contract/cards.ts';
import type { EventDetail } from '../../contract/events.ts';
import { call, enc } from '../live/http.ts';
import { useTitle } from '../shell/useTitle.ts';
import { kindLabel, layerText, levelLabel } from './labels.ts';
import { tagWords } from './tags.ts';
import { CARD_KINDS as KINDS, CARD_LEVELS as LEVELS } from '../../core/cards.ts';
import '../shell/fonts.css';
import './print.css';

interface SheetExport {
  eventId: string;
  issue: { key: string; label: string };
  cards: Card[];
  handover: HandoverNote | null;
}

/**
 * /events/:id/sheets/:issueKey/print — the sheet on paper: causes and consequences by level, each
 * card with its layer, no authors (a printout leaves the room). Read from the export endpoint.
 */
export function PrintPage({ eventId, issueKey }: { eventId: string; issueKey: string }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<{ sheet: SheetExport; event: EventDetail } | 'failed' | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    void Promise.all([
      call<SheetExport>('GET', `/api/events/${enc(eventId)}/sheets/${enc(issueKey)}`),
      call<EventDetail>('GET', `/api/events/${enc(eventId)}`),
    ]).then(
      ([sheet, event]) => live && setData({ sheet, event }),
      () => live && setData('failed'),
    );
    return () => {
      live = false;
    };
  }, [eventId, issueKey]);
  const ok = data && data !== 'failed' ? data : null;
  useTitle(
    ok
      ? t('sheets.print.title', { event: ok.event.name, issue: ok.sheet.issue.label })
      : t('sheets.print.loading'),
  );
  if (data === null)
    return (
      <main className="shp sheet-fonts">
        <p role="status">{t('sheets.print.loading')}</p>
      </main>
    );
  if (!ok)
    return (
      <main className="shp sheet-fonts">
        <p role="alert">{t('sheets.print.failed')}</p>
      </main>
    );
  const { sheet, event } = ok;
  const tables = event.tables;
  return (
    <main className="shp sheet-fonts" aria-labelledby="shp-title">
      <p className="shp-noprint">
        <button type="button" onClick={() => window.print()}>
          {t('sheets.print.printButton')}
        </button>
      </p>
      <p className="shp-event">{event.name}</p>
      <h1 id="shp-title">{sheet.issue.label}</h1>
      <p className="shp-muted">
        {t('sheets.manage.cards', { count: sheet.cards.length })} ·{' '}
        {t('sheets.print.printed', { date: new Date().toLocaleString(i18n.language) })}
      </p>
      {sheet.handover?.text && (
        <p className="shp-note">
          <strong>{t('sheets.handoverLabel')}</strong> {layerText(t, tables, sheet.handover)}:{' '}
          {sheet.handover.text}
        </p>
      )}
      <div className="shp-kinds">
        {KINDS.map((kind) => (
          <section key={kind} aria-labelledby={`shp-${kind}`}>
            <h2 id={`shp-${kind}`}>{t(`sheets.kindsPlural.${kind}`)}</h2>
            {LEVELS.map((level) => {
              const here = sheet.cards
                .filter((c) => c.kind === kind && c.level === level)
                .sort((a, b) => a.createdAt - b.createdAt);
              return (
                <section
                  key={level}
                  className="shp-level"
                  aria-label={`${kindLabel(t, kind)} · ${levelLabel(t, level)}`}
                >
                  <h3>
                    {levelLabel(t, level)} ({here.length})
                  </h3>
                  <ul>
                    {here.map((c) => (
                      <li key={c.id} data-testid="print-card">
                        {c.text}
                        {c.round !== null && (
                          <span className="shp-muted"> — {layerText(t, tables, c)}</span>
                        )}
                        {tagWords(t, c.tags).length > 0 && (
                          <span className="shp-tags" data-testid="print-tags">
                            {' '}
                            [{tagWords(t, c.tags).join(', ')}]
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        ))}
      </div>
      <p className="shp-muted shp-foot">
        {kindLabel(t, 'cause')} / {kindLabel(t, 'consequence')}
      </p>
    </main>
  );
}
