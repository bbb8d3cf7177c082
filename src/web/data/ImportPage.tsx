import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ImportEntity } from '../../contract/imports.ts';
import { EntityImport } from '../imports/EntityImport.tsx';
import { eventsApi } from '../events/api.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';

/**
 * /data/import/:entity — import organisations, routes or café cards from a file: the same column
 * and value mapping as the roster, a dry run listing every problem, then all or nothing. Cards go
 * to the event chosen here, or to the event each row names.
 */
export function ImportPage({ entity }: { entity: ImportEntity }) {
  const { t } = useTranslation();
  const title = t(`imports.entity.${entity}.title`);
  useTitle(title);
  const [done, setDone] = useState<number | null>(null);
  const [event, setEvent] = useState('');
  const events = useResource(entity === 'cards' ? 'events' : null, (signal) =>
    eventsApi.list(signal),
  );
  return (
    <section className="data-page">
      <p>
        <Link href="/data">{t('imports.backToData')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t(`imports.entity.${entity}.intro`)}</p>
      {done !== null && (
        <p className="alert alert-ok" role="status" data-testid="import-done">
          {t(`imports.entity.${entity}.done`, { count: done })}
        </p>
      )}
      {entity === 'cards' && (
        <p className="field">
          <label htmlFor="import-event">{t('imports.entity.cards.event')}</label>
          <select id="import-event" value={event} onChange={(e) => setEvent(e.target.value)}>
            <option value="">{t('imports.entity.cards.eventFromFile')}</option>
            {(events.data?.items ?? []).map((ev) => (
              <option key={ev.id} value={ev.id}>
                {ev.name} ({ev.startsOn})
              </option>
            ))}
          </select>
        </p>
      )}
      <EntityImport entity={entity} event={event || undefined} onImported={setDone} />
    </section>
  );
}
