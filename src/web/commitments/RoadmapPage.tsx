import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ExpertiseGroup } from '../../contract/events.ts';
import { api } from '../api.ts';
import { useSession } from '../auth/session.tsx';
import { eventsApi } from '../events/api.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { commitmentsApi } from './api.ts';
import { CommitmentFields, CommitmentFormEnd, type CommitmentDraft } from './CommitmentFields.tsx';
import { CommitmentRow } from './CommitmentsPage.tsx';
import { dayFromNow } from './PromoteDialog.tsx';
import './commitments.css';

/**
 * /events/:id/roadmaps — each expertise group's roadmap during the event: its actions with owner,
 * target date and status, and a form to add one ("what do we do next?").
 */
export function RoadmapPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const event = useResource(`event:${eventId}`, (signal) => eventsApi.get(eventId, signal));
  const list = useResource(`roadmaps:${eventId}:${version}`, (signal) =>
    commitmentsApi.list({ eventId, limit: '500' }, signal),
  );
  useTitle(t('commitments.roadmaps.title'));
  const groups = event.data?.expertiseGroups ?? [];
  const items = (list.data ?? list.previous)?.items ?? [];
  return (
    <section aria-labelledby="roadmaps-title" className="roadmaps-page">
      <p>
        <Link href={`/events/${eventId}`}>{event.data?.name ?? t('app.loading')}</Link>
      </p>
      <h1 id="roadmaps-title" tabIndex={-1}>
        {t('commitments.roadmaps.title')}
      </h1>
      <p className="muted">{t('commitments.roadmaps.intro')}</p>
      {(event.error ?? list.error) !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, event.error ?? list.error)}
        </p>
      )}
      <div className="roadmap-grid">
        {groups.map((g) => {
          const mine = items.filter((c) => c.groupKey === g.key);
          return (
            <section key={g.key} className="roadmap" aria-labelledby={`roadmap-${g.key}`}>
              <h2 id={`roadmap-${g.key}`}>{g.label}</h2>
              {mine.length === 0 && <p className="empty">{t('commitments.roadmaps.empty')}</p>}
              <ul className="commit-list">
                {mine.map((c) => (
                  <CommitmentRow key={c.id} c={c} />
                ))}
              </ul>
              <AddAction eventId={eventId} group={g} onSaved={() => setVersion((v) => v + 1)} />
            </section>
          );
        })}
      </div>
    </section>
  );
}

function AddAction(props: { eventId: string; group: ExpertiseGroup; onSaved(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const orgs = useResource(open ? 'roadmap-orgs' : null, (signal) =>
    api.listOrganisations({ limit: 200 }, signal),
  );
  const [draft, setDraft] = useState<CommitmentDraft>(() => ({
    title: '',
    owner: me?.organisationId ?? '',
    second: '',
    target: dayFromNow(90),
  }));
  const [error, setError] = useState<unknown>(undefined);
  if (!me || me.role === 'viewer') return null;
  if (!open)
    return (
      <button type="button" className="btn btn-quiet btn-small" onClick={() => setOpen(true)}>
        {t('commitments.roadmaps.add')}
      </button>
    );
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await commitmentsApi.create({
        title: draft.title,
        eventId: props.eventId,
        groupKey: props.group.key,
        ownerOrganisationId: draft.owner,
        secondOrganisationId: draft.second || null,
        targetDate: draft.target,
      });
      setDraft((d) => ({ ...d, title: '' }));
      setOpen(false);
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="roadmap-add" onSubmit={(e) => void submit(e)}>
      <CommitmentFields
        idBase={`add-${props.group.key}`}
        value={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        organisations={orgs.data?.items}
        ownerBlank="always"
      />
      <CommitmentFormEnd
        error={error}
        saveLabel={t('commitments.roadmaps.save')}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}
