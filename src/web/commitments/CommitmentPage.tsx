import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CommitmentDetail, TimelineStep } from '../../contract/commitments.ts';
import {
  COMMITMENT_STATUSES,
  type CommitmentLinkKindCode,
  type CommitmentStatusCode,
} from '../../contract/constants.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { commitmentsApi } from './api.ts';
import { formLabel, stateLabels, statusLabel } from './labels.ts';
import './commitments.css';

/**
 * /commitments/:id — one commitment: owner, target, status, what it answers, the timeline from its
 * source to every status update, and (for the owner organisation's members and coordinators) a
 * status update with a short progress note, and more links to gaps.
 */
export function CommitmentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const res = useResource(`commitment:${id}:${version}`, (signal) =>
    commitmentsApi.get(id, signal),
  );
  const c = res.data ?? res.previous;
  useTitle(c?.title ?? t('commitments.title'));
  const changed = () => setVersion((v) => v + 1);
  if (res.error !== undefined)
    return (
      <p className="alert alert-error" role="alert">
        {errorMessage(t, res.error)}
      </p>
    );
  if (!c) return <p className="muted">{t('app.loading')}</p>;
  return (
    <section aria-labelledby="commitment-title" className="commitment-page">
      <p>
        <Link href={c.eventId ? `/events/${c.eventId}/roadmaps` : '/commitments'}>
          {c.eventId ? t('commitments.backToRoadmaps') : t('commitments.backToAll')}
        </Link>
      </p>
      <h1 id="commitment-title" tabIndex={-1}>
        {c.title}
      </h1>
      <dl className="commit-facts">
        <dt>{t('commitments.fields.status')}</dt>
        <dd>
          <span className={`commit-status commit-status-${c.status}`} data-testid="commit-status">
            {statusLabel(t, c.status)}
          </span>{' '}
          {stateLabels(t, c).map((s) => (
            <span key={s} className="badge commit-flag">
              {s}
            </span>
          ))}
        </dd>
        <dt>{t('commitments.fields.owner')}</dt>
        <dd>
          {c.owner.name}
          {c.second && <> {t('commitments.with', { name: c.second.name })}</>}
        </dd>
        <dt>{t('commitments.fields.targetDate')}</dt>
        <dd>{c.targetDate}</dd>
        {c.groupLabel && (
          <>
            <dt>{t('commitments.fields.group')}</dt>
            <dd>{c.groupLabel}</dd>
          </>
        )}
        <dt>{t('commitments.fields.links')}</dt>
        <dd>
          {c.links.length === 0 ? (
            <span className="muted">{t('commitments.noLinks')}</span>
          ) : (
            <ul className="commit-links">
              {c.links.map((l) => (
                <li key={`${l.kind}|${l.ref}`}>
                  <span className="badge">{t(`commitments.links.${l.kind}`)}</span> {l.label}
                  {l.source && <span className="muted"> · {t('commitments.source')}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {c.can.update && <StatusForm c={c} onSaved={changed} />}
      {c.can.update && <GapLink c={c} onSaved={changed} />}
      <h2>{t('commitments.timeline.title')}</h2>
      <ol className="commit-timeline">
        {c.timeline.map((s, i) => (
          <li key={i} className={`commit-step commit-step-${s.kind}`}>
            <StepText step={s} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepText({ step }: { step: TimelineStep }) {
  const { t } = useTranslation();
  const when = step.at ? new Date(step.at).toLocaleString() : null;
  const head =
    step.kind === 'update'
      ? t('commitments.timeline.update', {
          status: statusLabel(t, step.what as CommitmentStatusCode),
        })
      : step.kind === 'commitment'
        ? t('commitments.timeline.created')
        : step.kind === 'theme'
          ? t(
              `commitments.timeline.theme.${step.what === 'issue' ? 'issue' : step.what === 'theme' ? 'theme' : 'factor'}`,
            )
          : step.kind === 'link'
            ? t('commitments.timeline.linked', {
                kind: t(`commitments.links.${step.what as CommitmentLinkKindCode}`),
              })
            : t('commitments.timeline.source', {
                kind: t(`commitments.links.${step.what as CommitmentLinkKindCode}`),
              });
  return (
    <>
      <strong>{head}</strong>
      {step.text && <> — {step.text}</>}
      {(step.by || when) && (
        <span className="muted"> · {[step.by, when].filter(Boolean).join(', ')}</span>
      )}
    </>
  );
}

function StatusForm({ c, onSaved }: { c: CommitmentDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CommitmentStatusCode>(c.status);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await commitmentsApi.update(c.id, status, note);
      setNote('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="commit-update" onSubmit={(e) => void submit(e)}>
      <h2>{t('commitments.update.title')}</h2>
      <div className="field">
        <label htmlFor="commit-new-status">{t('commitments.fields.status')}</label>
        <select
          id="commit-new-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as CommitmentStatusCode)}
        >
          {COMMITMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="commit-note">{t('commitments.update.note')}</label>
        <textarea
          id="commit-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('commitments.update.save')}
      </button>
    </form>
  );
}

/** Links the commitment to one of the atlas's top gaps. */
function GapLink({ c, onSaved }: { c: CommitmentDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const gaps = useResource(open ? 'commit-gaps' : null, (signal) => commitmentsApi.gaps(signal));
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  if (!open)
    return (
      <p>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(true)}>
          {t('commitments.gapLink.open')}
        </button>
      </p>
    );
  const items = gaps.data?.items ?? [];
  const labelOf = (g: (typeof items)[number]) => `${g.place.name} — ${formLabel(t, g.form)}`;
  async function add() {
    const g = items.find((x) => `${x.place.id}|${x.form}` === choice);
    if (!g) return;
    try {
      await commitmentsApi.link(c.id, [{ kind: 'gap', ref: choice, label: labelOf(g) }]);
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="commit-gaplink">
      <div className="field">
        <label htmlFor="commit-gap">{t('commitments.gapLink.label')}</label>
        <select id="commit-gap" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('commitments.gapLink.choose')}</option>
          {items.map((g) => (
            <option key={`${g.place.id}|${g.form}`} value={`${g.place.id}|${g.form}`}>
              {labelOf(g)}
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      <button type="button" className="btn" disabled={!choice} onClick={() => void add()}>
        {t('commitments.gapLink.add')}
      </button>
    </div>
  );
}
