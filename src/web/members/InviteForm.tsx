import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleValue } from '../../contract/auth.ts';
import { MAIL_LANGUAGES, type MailLanguage } from '../../contract/constants.ts';
import type { InviteAnswer } from '../../contract/members.ts';
import { isUiLanguage } from '../i18n/index.ts';
import { membersApi } from './api.ts';
import { membersError } from './errors.ts';
import { ErrorLine, OrganisationOptions } from './bits.tsx';

interface Props {
  roles: RoleValue[];
  organisations: { id: string; name: string }[];
  onInvited(): void;
}

/** Invite by email with a role and organisation; without SMTP the link is shown once to copy. */
export function InviteForm({ roles, organisations, onInvited }: Props) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  // The email is written in the invitee's language: the inviter's own, unless they choose another.
  const [language, setLanguage] = useState<MailLanguage>(() =>
    isUiLanguage(i18n.language) ? i18n.language : 'en',
  );
  const [role, setRole] = useState<RoleValue>('member');
  const [organisationId, setOrganisationId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<InviteAnswer | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const a = await membersApi.invite({
        email: email.trim(),
        role,
        organisationId: organisationId || null,
        language,
      });
      setAnswer(a);
      setEmail('');
      onInvited();
    } catch (err) {
      setError(membersError(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="invite-title" className="invite-box">
      <h2 id="invite-title">{t('members.inviteTitle')}</h2>
      <form onSubmit={submit} className="invite-form" noValidate>
        <div className="field">
          <label htmlFor="invite-email">{t('members.email')}</label>
          <input
            id="invite-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t('members.role')}</label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => setRole(e.target.value as RoleValue)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-org">{t('members.organisation')}</label>
          <select
            id="invite-org"
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <OrganisationOptions organisations={organisations} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-language">{t('members.emailLanguage')}</label>
          <select
            id="invite-language"
            value={language}
            onChange={(e) => setLanguage(MAIL_LANGUAGES.find((l) => l === e.target.value) ?? 'en')}
          >
            {MAIL_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || !email.trim()}>
          {t('members.invite')}
        </button>
      </form>
      <ErrorLine error={error} />
      {answer?.emailed && (
        <p className="alert alert-ok" role="status">
          {t('members.emailed', { email: answer.invitation.email })}
        </p>
      )}
      {answer?.link && (
        <div className="alert alert-info" role="status">
          <p>{t('members.copyLink', { email: answer.invitation.email })}</p>
          <input
            className="invite-link"
            readOnly
            value={answer.link}
            aria-label={t('members.linkLabel')}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </section>
  );
}
