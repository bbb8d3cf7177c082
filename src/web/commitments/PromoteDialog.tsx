import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CommitmentLinkInput } from '../../contract/commitments.ts';
import { api } from '../api.ts';
import { useSession } from '../auth/session.tsx';
import { eventsApi } from '../events/api.ts';
import { useResource } from '../shell/useResource.ts';
import { commitmentsApi } from './api.ts';
import {
  CommitmentFields,
  CommitmentFormEnd,
  TITLE_MAX,
  type CommitmentDraft,
} from './CommitmentFields.tsx';
import './commitments.css';

/** Today plus `days`, as YYYY-MM-DD. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface PromoteSource {
  link: CommitmentLinkInput;
  /** The words the title starts from (the card's or learning's text, the gap's summary). */
  text: string;
  eventId?: string | null;
}

/**
 * "Promote to commitment": the first tap opens this dialog with everything filled in (the title
 * from the source, the caller's organisation as owner, a target three months on); the second tap
 * records it with the source as its first link, and opens the commitment.
 */
export function PromoteButton(props: { source: PromoteSource; className?: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  if (!me || me.role === 'viewer') return null;
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'btn btn-quiet btn-small'}
        onClick={() => setOpen(true)}
      >
        {t('commitments.promote.button')}
      </button>
      {open && <PromoteDialog source={props.source} onClose={() => setOpen(false)} />}
    </>
  );
}

function PromoteDialog(props: { source: PromoteSource; onClose(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [, navigate] = useLocation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const orgs = useResource('promote-orgs', (signal) =>
    api.listOrganisations({ limit: 200 }, signal),
  );
  const eventId = props.source.eventId ?? null;
  const event = useResource(eventId ? `promote-event:${eventId}` : null, (signal) =>
    eventsApi.get(eventId!, signal),
  );
  const [draft, setDraft] = useState<CommitmentDraft>(() => ({
    title: props.source.text.replace(/\s+/g, ' ').slice(0, TITLE_MAX),
    owner: me?.organisationId ?? '',
    group: '',
    target: dayFromNow(90),
  }));
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const member = me?.role === 'member';
  const ownerId = draft.owner || (member ? '' : (orgs.data?.items[0]?.id ?? ''));
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const c = await commitmentsApi.create({
        title: draft.title,
        ownerOrganisationId: ownerId,
        targetDate: draft.target,
        eventId,
        groupKey: draft.group || null,
        links: [props.source.link],
      });
      props.onClose();
      navigate(`/commitments/${c.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  return (
    <dialog
      ref={ref}
      className="commit-dialog"
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id={id}>{t('commitments.promote.title')}</h2>
      <p className="muted">
        {t(`commitments.links.${props.source.link.kind}`)}: {props.source.text}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <CommitmentFields
          idBase={id}
          value={{ ...draft, owner: ownerId }}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          organisations={orgs.data?.items}
          ownerLocked={member}
          ownerBlank="whenEmpty"
          groups={event.data?.expertiseGroups ?? []}
        />
        <CommitmentFormEnd
          error={error}
          busy={busy}
          saveLabel={t('commitments.promote.create')}
          onCancel={props.onClose}
        />
      </form>
    </dialog>
  );
}
