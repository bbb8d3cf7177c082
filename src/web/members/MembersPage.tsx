import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberList, MemberPatch } from '../../contract/members.ts';
import type { RoleValue } from '../../contract/auth.ts';
import { api } from '../api.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { InviteForm } from './InviteForm.tsx';
import { membersApi } from './api.ts';
import { membersError } from './errors.ts';
import { ErrorLine, OrganisationOptions } from './bits.tsx';
import './members.css';

/**
 * The coalition's members, for coordinators and admins: change a role or organisation, suspend,
 * remove (each at once, open live connections too), and invite. What each row may do comes from
 * the server (`can`), never guessed here.
 */
export function MembersPage() {
  const { t } = useTranslation();
  useTitle(t('members.title'));
  const list = useResource('members', (signal) => membersApi.list(signal));
  const orgs = useResource('organisations', (signal) =>
    api.listOrganisations({ limit: 200 }, signal),
  );
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>, done: string) {
    setError(null);
    setStatus(null);
    try {
      await run();
      setStatus(done);
      list.reload();
    } catch (err) {
      setError(membersError(t, err));
    }
  }

  const organisations = orgs.data?.items ?? [];
  const data: MemberList | undefined = list.data ?? list.previous;
  return (
    <section aria-labelledby="members-title" className="members-page">
      <div className="page-head">
        <h1 id="members-title" tabIndex={-1}>
          {t('members.title')}
        </h1>
      </div>
      <p className="muted">{t('members.intro')}</p>
      <ErrorLine error={error} />
      {status && (
        <p className="alert alert-ok" role="status">
          {status}
        </p>
      )}
      {list.error !== undefined && !data && (
        <p className="alert alert-error" role="alert">
          {membersError(t, list.error)}
        </p>
      )}
      {data && (
        <>
          <table className="members-table">
            <caption className="visually-hidden">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.organisation')}</th>
                <th scope="col">{t('members.status')}</th>
                <th scope="col">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <MemberRow
                  key={m.userId}
                  member={m}
                  roles={data.grantableRoles}
                  organisations={organisations}
                  onChange={(patch, done) => act(() => membersApi.change(m.userId, patch), done)}
                  onRemove={() =>
                    act(
                      () => membersApi.remove(m.userId),
                      t('members.removed', { name: m.displayName }),
                    )
                  }
                />
              ))}
            </tbody>
          </table>
          <InviteForm
            roles={data.grantableRoles}
            organisations={organisations}
            onInvited={() => list.reload()}
          />
          {data.invitations.length > 0 && (
            <section aria-labelledby="open-invitations">
              <h2 id="open-invitations">{t('members.openInvitations')}</h2>
              <ul className="invitation-list">
                {data.invitations.map((i) => (
                  <li key={i.id}>
                    <span>
                      {i.email} · {t(`roles.${i.role}`)} ·{' '}
                      {t('members.expires', { date: new Date(i.expiresAt).toLocaleString() })}
                    </span>
                    <button
                      type="button"
                      className="btn btn-quiet"
                      onClick={() =>
                        act(
                          () => membersApi.withdraw(i.id),
                          t('members.withdrawn', { email: i.email }),
                        )
                      }
                    >
                      {t('members.withdraw')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

interface RowProps {
  member: Member;
  roles: RoleValue[];
  organisations: { id: string; name: string }[];
  onChange(patch: MemberPatch, done: string): void;
  onRemove(): void;
}

function MemberRow({ member: m, roles, organisations, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const name = m.displayName;
  const editable = m.can.update;
  const roleChoices = roles.includes(m.role) ? roles : [m.role, ...roles];
  return (
    <tr className={m.suspended ? 'is-suspended' : undefined}>
      <th scope="row">
        <span className="member-name">{name}</span>
        <span className="muted member-email">{m.email}</span>
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
          {t('members.roleOf', { name })}
        </label>
        <select
          id={`role-${m.userId}`}
          value={m.role}
          disabled={!editable}
          onChange={(e) =>
            onChange(
              { role: e.target.value as RoleValue },
              t('members.roleChanged', { name, role: t(`roles.${e.target.value as RoleValue}`) }),
            )
          }
        >
          {roleChoices.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`org-${m.userId}`}>
          {t('members.organisationOf', { name })}
        </label>
        <select
          id={`org-${m.userId}`}
          value={m.organisationId ?? ''}
          disabled={!editable}
          onChange={(e) =>
            onChange({ organisationId: e.target.value || null }, t('members.moved', { name }))
          }
        >
          <OrganisationOptions organisations={organisations} />
        </select>
      </td>
      <td>
        {m.suspended ? (
          <span className="badge badge-organisation">{t('members.suspended')}</span>
        ) : (
          <span className="badge badge-public">{t('members.active')}</span>
        )}
        {m.secondFactor && <span className="badge">{t('members.secondFactorOn')}</span>}
      </td>
      <td className="member-actions">
        <div>
          {editable && (
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() =>
                onChange(
                  { suspended: !m.suspended },
                  t(m.suspended ? 'members.reinstated' : 'members.suspendedNow', { name }),
                )
              }
            >
              {m.suspended ? t('members.reinstate') : t('members.suspend')}
            </button>
          )}
          {m.can.remove &&
            (confirming ? (
              <span className="confirm">
                <button type="button" className="btn btn-danger" onClick={onRemove}>
                  {t('members.confirmRemove', { name })}
                </button>
                <button
                  type="button"
                  className="btn btn-quiet"
                  onClick={() => setConfirming(false)}
                >
                  {t('members.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" className="btn btn-quiet" onClick={() => setConfirming(true)}>
                {t('members.remove')}
              </button>
            ))}
        </div>
      </td>
    </tr>
  );
}
