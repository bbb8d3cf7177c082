import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useFlash } from '../shell/flash.tsx';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { PasswordField } from './PasswordField.tsx';
import { membersApi, tokenFromHash } from './api.ts';
import { membersError } from './errors.ts';
import { ErrorLine } from './bits.tsx';

/** Where an invitation link lands (`/invite#<token>`): choose a password and join. */
export function InvitePage() {
  const { t } = useTranslation();
  useTitle(t('members.joinTitle'));
  const [token] = useState(tokenFromHash);
  const preview = useResource(token ? `invite:${token}` : null, () => membersApi.preview(token));
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();
  const flash = useFlash();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await membersApi.accept({
        token,
        password,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      flash.show(t('members.joined'), '/login');
      navigate('/login', { replace: true });
    } catch (err) {
      setError(membersError(t, err));
      setBusy(false);
    }
  }

  const p = preview.data;
  return (
    <section className="narrow" aria-labelledby="join-title">
      <h1 id="join-title" tabIndex={-1}>
        {t('members.joinTitle')}
      </h1>
      {(!token || preview.error !== undefined) && (
        <p className="alert alert-error" role="alert">
          {token ? membersError(t, preview.error) : t('members.errors.invalid_link')}
        </p>
      )}
      {p && (
        <form onSubmit={submit} className="stack" noValidate>
          <p>
            {t('members.invitedTo', {
              coalition: p.coalitionName,
              role: t(`roles.${p.role}`),
              email: p.email,
            })}
          </p>
          {p.existingAccount ? (
            <p className="muted">{t('members.existingAccount')}</p>
          ) : (
            <div className="field">
              <label htmlFor="join-name">{t('members.displayName')}</label>
              <input
                id="join-name"
                type="text"
                autoComplete="name"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            </div>
          )}
          <PasswordField
            id="join-password"
            label={p.existingAccount ? t('members.currentPassword') : t('members.choosePassword')}
            value={password}
            onChange={setPassword}
            autoComplete={p.existingAccount ? 'current-password' : 'new-password'}
          />
          <ErrorLine error={error} />
          <button type="submit" className="btn btn-primary" disabled={busy || !password}>
            {t('members.join')}
          </button>
        </form>
      )}
    </section>
  );
}
