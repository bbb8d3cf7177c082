import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Commitment, DigestResult, ProgressCounts } from '../../contract/commitments.ts';
import { useSession } from '../auth/session.tsx';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { commitmentsApi } from './api.ts';
import { stateLabels, statusLabel } from './labels.ts';
import './commitments.css';

/**
 * /commitments — the coalition's roadmaps after the event: progress across groups and events (done,
 * overdue, not updated for 90 days), what the reader's organisation committed to, and for
 * coordinators the "Follow up" list with the digest emails.
 */
export function CommitmentsPage() {
  const { t } = useTranslation();
  useTitle(t('commitments.title'));
  const { me } = useSession();
  const coordinator = me?.role === 'coordinator' || me?.role === 'admin';
  const [tab, setTab] = useState<'progress' | 'followup' | 'mine'>(
    coordinator ? 'followup' : 'progress',
  );
  const tabs = [
    ...(coordinator ? (['followup'] as const) : []),
    'progress' as const,
    ...(me?.organisationId ? (['mine'] as const) : []),
  ];
  return (
    <section aria-labelledby="commitments-title" className="commitments-page">
      <h1 id="commitments-title" tabIndex={-1}>
        {t('commitments.title')}
      </h1>
      <p className="muted">{t('commitments.intro')}</p>
      <div className="commit-tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={`btn ${tab === x ? 'btn-primary' : 'btn-quiet'}`}
            onClick={() => setTab(x)}
          >
            {t(`commitments.tabs.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'followup' && <FollowUp />}
      {tab === 'progress' && <ProgressView />}
      {tab === 'mine' && me?.organisationId && <Mine organisationId={me.organisationId} />}
    </section>
  );
}

export function CommitmentRow({ c }: { c: Commitment }) {
  const { t } = useTranslation();
  return (
    <li className="commit-row" data-commitment={c.id}>
      <Link href={`/commitments/${c.id}`} className="commit-title">
        {c.title}
      </Link>
      <span className="commit-meta">
        <span className={`commit-status commit-status-${c.status}`}>
          {statusLabel(t, c.status)}
        </span>{' '}
        · {c.owner.name}
        {c.second && <> {t('commitments.with', { name: c.second.name })}</>} ·{' '}
        {t('commitments.by', { date: c.targetDate })}
        {stateLabels(t, c).map((s) => (
          <span key={s} className="badge commit-flag">
            {s}
          </span>
        ))}
      </span>
    </li>
  );
}

function FollowUp() {
  const { t } = useTranslation();
  const list = useResource('followup', (signal) => commitmentsApi.followUp(signal));
  const [digest, setDigest] = useState<DigestResult | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  async function run(dryRun: boolean) {
    setError(undefined);
    try {
      setDigest(await commitmentsApi.digest(dryRun));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div aria-labelledby="followup-h">
      <h2 id="followup-h">{t('commitments.followup.title')}</h2>
      <p className="muted">{t('commitments.followup.intro')}</p>
      {list.error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, list.error)}
        </p>
      )}
      {list.data && list.data.items.length === 0 && (
        <p className="empty">{t('commitments.followup.none')}</p>
      )}
      <ul className="commit-list" aria-label={t('commitments.followup.title')}>
        {list.data?.items.map((c) => (
          <CommitmentRow key={c.id} c={c} />
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="btn" onClick={() => void run(true)}>
          {t('commitments.followup.preview')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => void run(false)}>
          {t('commitments.followup.send')}
        </button>
      </div>
      {error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      {digest && (
        <div className="commit-digest" role="status">
          <p>
            {digest.dryRun
              ? t('commitments.followup.wouldSend', { count: digest.mails.length })
              : t('commitments.followup.sent', { count: digest.sent })}
            {!digest.smtp && <> {t('commitments.followup.noSmtp')}</>}
          </p>
          {digest.noContact.length > 0 && (
            <p className="muted">
              {t('commitments.followup.noContact', {
                names: digest.noContact.map((o) => o.name).join(', '),
              })}
            </p>
          )}
          {digest.mails.map((m) => (
            <details key={m.organisation.id}>
              <summary>
                {m.organisation.name} — {m.to.join(', ')}
              </summary>
              <pre>{m.text}</pre>
            </details>
          ))}
        </div>
      )}
    </div>
  );
}

function CountsCells({ c }: { c: ProgressCounts }) {
  return (
    <>
      <td>{c.total}</td>
      <td>{c.done}</td>
      <td>{c.inProgress}</td>
      <td>{c.planned}</td>
      <td>{c.dropped}</td>
      <td className={c.overdue ? 'commit-warn' : undefined}>{c.overdue}</td>
      <td className={c.stale90 ? 'commit-warn' : undefined}>{c.stale90}</td>
    </>
  );
}

function CountsHead({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {(['total', 'done', 'inProgress', 'planned', 'dropped', 'overdue', 'stale90'] as const).map(
          (k) => (
            <th key={k} scope="col">
              {t(`commitments.progress.${k}`)}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

function ProgressView() {
  const { t } = useTranslation();
  const p = useResource('progress', (signal) => commitmentsApi.progress(signal));
  if (p.error !== undefined)
    return (
      <p className="alert alert-error" role="alert">
        {errorMessage(t, p.error)}
      </p>
    );
  const d = p.data;
  if (!d) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div>
      <ul className="commit-summary">
        <li>
          <strong>{d.all.total}</strong> {t('commitments.progress.total')}
        </li>
        <li>
          <strong>{d.all.done}</strong> {t('commitments.progress.done')}
        </li>
        <li className={d.all.overdue ? 'commit-warn' : undefined}>
          <strong>{d.all.overdue}</strong> {t('commitments.progress.overdue')}
        </li>
        <li className={d.all.stale90 ? 'commit-warn' : undefined}>
          <strong>{d.all.stale90}</strong> {t('commitments.progress.stale90')}
        </li>
      </ul>
      <h2>{t('commitments.progress.byGroup')}</h2>
      <table className="commit-table">
        <CountsHead first={t('commitments.fields.group')} />
        <tbody>
          {d.byGroup.map((g) => (
            <tr key={`${g.eventId ?? ''}|${g.groupKey ?? ''}`}>
              <th scope="row">
                {g.groupLabel ?? t('commitments.fields.noGroup')}
                {g.eventName && (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={`/events/${g.eventId}/roadmaps`} className="muted">
                      {g.eventName}
                    </Link>
                  </>
                )}
              </th>
              <CountsCells c={g} />
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('commitments.progress.byOrganisation')}</h2>
      <table className="commit-table">
        <CountsHead first={t('commitments.fields.owner')} />
        <tbody>
          {d.byOrganisation.map((o) => (
            <tr key={o.organisation.id}>
              <th scope="row">{o.organisation.name}</th>
              <CountsCells c={o} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Mine({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const list = useResource(`mine:${organisationId}`, (signal) =>
    commitmentsApi.list({ organisationId, limit: '500' }, signal),
  );
  return (
    <div>
      <h2>{t('commitments.tabs.mine')}</h2>
      {list.error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, list.error)}
        </p>
      )}
      {list.data && list.data.items.length === 0 && (
        <p className="empty">{t('commitments.none')}</p>
      )}
      <ul className="commit-list">
        {list.data?.items.map((c) => (
          <CommitmentRow key={c.id} c={c} />
        ))}
      </ul>
    </div>
  );
}
