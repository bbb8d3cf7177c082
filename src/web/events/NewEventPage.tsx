import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useFlash } from '../shell/flash.tsx';
import { useTitle } from '../shell/useTitle.ts';
import './events.css';
import { eventsApi } from './api.ts';
import { DetailsForm } from './DetailsForm.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** /events/new — the details first; issues, tables, people and sessions on the event's page. */
export function NewEventPage() {
  const { t } = useTranslation();
  useTitle(t('events.newTitle'));
  const [, navigate] = useLocation();
  const flash = useFlash();
  return (
    <section className="narrow" aria-labelledby="new-event-title">
      <p className="crumbs">
        <Link href="/events">{t('events.listTitle')}</Link>
      </p>
      <h1 id="new-event-title" tabIndex={-1}>
        {t('events.newTitle')}
      </h1>
      <p className="muted">{t('events.newIntro')}</p>
      <DetailsForm
        initial={{
          name: '',
          startsOn: today(),
          endsOn: today(),
          venue: '',
          timeZone: 'Asia/Bangkok',
          walkInsAllowed: true,
        }}
        submitLabel={t('events.create')}
        onSubmit={async (d) => {
          const e = await eventsApi.create(d);
          flash.show(t('events.created'), `/events/${e.id}`);
          navigate(`/events/${e.id}`);
        }}
      />
    </section>
  );
}
