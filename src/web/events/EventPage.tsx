import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { EventDetail } from '../../contract/events.ts';
import { NotFound } from '../shell/NotFound.tsx';
import { ApiError } from '../api.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import './events.css';
import { eventsApi, type EventPatch } from './api.ts';
import { DetailsForm } from './DetailsForm.tsx';
import { formatDates } from './format.ts';
import { LabelListEditor } from './LabelListEditor.tsx';
import { ParticipantsSection } from './ParticipantsSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TablesSection } from './TablesSection.tsx';
import '../shell/fonts.css';

/** /events/:id — set up the event: details, issues, tables, people, sessions and their plans. */
export function EventPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useResource(`event:${id}`, (signal) => eventsApi.get(id, signal));
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [peopleNonce, setPeopleNonce] = useState(0);
  const e = event ?? loaded.data;
  useTitle(e?.name ?? t('events.listTitle'));

  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return <NotFound message={t('events.notFound')} />;
  if (loaded.error !== undefined)
    return (
      <p className="alert alert-error" role="alert">
        {errorMessage(t, loaded.error)}
      </p>
    );
  if (!e) return <p className="muted">{t('app.loading')}</p>;

  const patch = async (body: EventPatch) => setEvent(await eventsApi.update(id, body));

  return (
    <article aria-labelledby="event-title" className="ev-page script-fonts">
      <p className="crumbs">
        <Link href="/events">{t('events.listTitle')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="event-title" tabIndex={-1}>
            {e.name}
          </h1>
          <p className="muted">
            {formatDates(e.startsOn, e.endsOn, i18n.language)}
            {e.venue && ` · ${e.venue}`} · {t('events.joinCodeIs')}{' '}
            <strong className="mono" data-testid="join-code">
              {e.joinCode}
            </strong>
          </p>
        </div>
        <div className="actions">
          <Link href={`/events/${e.id}/facilitate`} className="btn btn-primary">
            {t('events.openConsole')}
          </Link>
          <a href={`/screen/${e.id}`} target="_blank" rel="noopener" className="btn btn-quiet">
            {t('events.openProjector')}
          </a>
          <Link href={`/events/${e.id}/sheets`} className="btn btn-quiet">
            {t('sheets.manage.indexTitle')}
          </Link>
          <Link href={`/events/${e.id}/review`} className="btn btn-quiet">
            {t('events.reviewCards')}
          </Link>
          <Link href={`/events/${e.id}/report`} className="btn btn-quiet">
            {t('report.open')}
          </Link>
          <Link href={`/events/${e.id}/roadmaps`} className="btn btn-quiet">
            {t('commitments.roadmaps.title')}
          </Link>
        </div>
      </div>
      <nav aria-label={t('events.sectionsNav')} className="ev-toc">
        <ul>
          {(['details', 'issues', 'tables', 'participants', 'sessions'] as const).map((s) => (
            <li key={s}>
              <a href={`#ev-${s}`}>{t(`events.section.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="ev-details" aria-labelledby="ev-details-h" className="ev-section">
        <h2 id="ev-details-h">{t('events.section.details')}</h2>
        <DetailsForm
          key={`${e.name}|${e.startsOn}|${e.endsOn}|${e.venue}|${e.timeZone}|${e.walkInsAllowed}`}
          initial={{
            name: e.name,
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            venue: e.venue,
            timeZone: e.timeZone,
            walkInsAllowed: e.walkInsAllowed,
          }}
          submitLabel={t('events.saveDetails')}
          onSubmit={async (d) => {
            const changed: EventPatch = {};
            for (const k of Object.keys(d) as (keyof typeof d)[])
              if (d[k] !== e[k]) (changed as Record<string, unknown>)[k] = d[k];
            if (Object.keys(changed).length) await patch(changed);
          }}
        />
      </section>

      <section id="ev-issues" aria-labelledby="ev-issues-h" className="ev-section">
        <h2 id="ev-issues-h">{t('events.section.issues')}</h2>
        <p className="muted">{t('events.issuesIntro')}</p>
        <LabelListEditor
          idPrefix="issue"
          items={e.issues}
          addLabel={t('events.addIssue')}
          saveLabel={t('events.saveIssues')}
          itemLabel={(n) => t('events.issueN', { n })}
          onSave={(labels) =>
            patch({
              issues: labels.map((l) => {
                const old = e.issues.find((i) => i.key === l.key);
                return old
                  ? { ...old, label: l.label }
                  : { key: l.key, label: l.label, forms: [], sectors: [], populations: [] };
              }),
            })
          }
        />
        <h3>{t('events.groupsTitle')}</h3>
        <p className="muted">{t('events.groupsIntro')}</p>
        <LabelListEditor
          idPrefix="group"
          items={e.expertiseGroups}
          addLabel={t('events.addGroup')}
          saveLabel={t('events.saveGroups')}
          itemLabel={(n) => t('events.groupN', { n })}
          onSave={(labels) => patch({ expertiseGroups: labels })}
        />
      </section>

      <TablesSection event={e} onChange={setEvent} peopleNonce={peopleNonce} />
      <ParticipantsSection
        eventId={e.id}
        groupLabels={Object.fromEntries(e.expertiseGroups.map((g) => [g.key, g.label]))}
        nonce={peopleNonce}
        onChanged={() => setPeopleNonce((n) => n + 1)}
        onEvent={setEvent}
      />
      <SessionsSection event={e} onChange={setEvent} peopleNonce={peopleNonce} />
    </article>
  );
}
