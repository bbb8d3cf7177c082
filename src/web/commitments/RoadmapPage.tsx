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
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(me?.organisationId ?? '');
  const [second, setSecond] = useState('');
  const [target, setTarget] = useState(() => dayFromNow(90));
  const [error, setError] = useState<unknown>(undefined);
  if (!me || me.role === 'viewer') return null;
  if (!open)
    return (
      <button type="button" className="btn btn-quiet btn-small" onClick={() => setOpen(true)}>
        {t('commitments.roadmaps.add')}
      </button>
    );
  const base = `add-${props.group.key}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await commitmentsApi.create({
        title,
        eventId: props.eventId,
        groupKey: props.group.key,
        ownerOrganisationId: owner,
        secondOrganisationId: second || null,
        targetDate: target,
      });
      setTitle('');
      setOpen(false);
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="roadmap-add" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${base}-title`}>{t('commitments.fields.title')}</label>
        <input
          id={`${base}-title`}
          type="text"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-owner`}>{t('commitments.fields.owner')}</label>
        <select id={`${base}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{t('commitments.fields.chooseOrg')}</option>
          {orgs.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${base}-second`}>{t('commitments.fields.second')}</label>
        <select id={`${base}-second`} value={second} onChange={(e) => setSecond(e.target.value)}>
          <option value="">{t('commitments.fields.none')}</option>
          {orgs.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${base}-target`}>{t('commitments.fields.targetDate')}</label>
        <input
          id={`${base}-target`}
          type="date"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </div>
      {error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          {t('commitments.roadmaps.save')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
          {t('commitments.promote.cancel')}
        </button>
      </div>
    </form>
  );
}
