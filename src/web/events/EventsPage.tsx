import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import './events.css';
import { eventsApi } from './api.ts';
import { formatDates } from './format.ts';

/** /events — the coalition's convenings. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('events.listTitle'));
  const list = useResource('events', (signal) => eventsApi.list(signal));
  return (
    <section aria-labelledby="events-title">
      <div className="page-head">
        <h1 id="events-title" tabIndex={-1}>
          {t('events.listTitle')}
        </h1>
        <Link href="/events/new" className="btn btn-primary">
          {t('events.newEvent')}
        </Link>
      </div>
      <p className="muted">{t('events.listIntro')}</p>
      {list.error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, list.error)}
        </p>
      )}
      {list.loading && <p className="muted">{t('app.loading')}</p>}
      {list.data && list.data.items.length === 0 && <p className="empty">{t('events.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="cards">
          {list.data.items.map((e) => (
            <li key={e.id} className="card">
              <h2 className="card-title">
                <Link href={`/events/${e.id}`}>{e.name}</Link>
              </h2>
              <p className="card-meta">
                {formatDates(e.startsOn, e.endsOn, i18n.language)}
                {e.venue && ` · ${e.venue}`}
              </p>
              <p className="card-meta">
                {t('events.participantCount', { count: e.participantCount })}
              </p>
              <p>
                <Link href={`/events/${e.id}/facilitate`}>{t('events.openConsole')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
