import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TableImport, type TableImportBody } from '../imports/TableImport.tsx';
import { eventsApi, type RosterPreview } from './api.ts';

/** The roster import: the shared table import, sent to the event's participants. */
export function CsvImport({
  eventId,
  groupLabels,
  onImported,
}: {
  eventId: string;
  /** The event's expertise groups, to name them in the pickers. */
  groupLabels: Record<string, string>;
  /** Called with the sentence to show: the box may fold once the list is no longer empty. */
  onImported(message: string): void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (body: TableImportBody) => eventsApi.importRoster(eventId, body),
    [eventId],
  );
  const done = useCallback(
    (count: number) => onImported(t('events.csvImported', { count })),
    [onImported, t],
  );
  return (
    <TableImport<RosterPreview>
      send={send}
      optionLabel={(vocabulary, key, fallback) =>
        vocabulary === 'sector'
          ? t(`join.sector.${key}`, { defaultValue: fallback })
          : vocabulary === 'expertise'
            ? (groupLabels[key] ?? fallback)
            : fallback
      }
      placeholder="Full name,Organisation,Sector,Country,First choice,Languages,Email"
      importLabel={(count) => t('events.csvImport', { count })}
      readyLabel={(count) => t('events.csvReady', { count })}
      readyPreview={(ready) => (
        <ul className="csv-preview">
          {ready.preview.slice(0, 5).map((p, i) => (
            <li key={i}>
              {p.name} · {p.organisation} · {t(`join.sector.${p.sector}`)}
            </li>
          ))}
        </ul>
      )}
      onImported={done}
    />
  );
}
