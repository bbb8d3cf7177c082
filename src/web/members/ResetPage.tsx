import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useFlash } from '../shell/flash.tsx';
import { useTitle } from '../shell/useTitle.ts';
import { PasswordField } from './PasswordField.tsx';
import { membersApi, tokenFromHash } from './api.ts';
import { membersError } from './errors.ts';
import { ErrorLine } from './bits.tsx';

/**
 * `/reset`: ask for a link by email; `/reset#<token>` (the emailed link): choose a new password.
 * The request's answer is the same whether or not the account exists.
 */
export function ResetPage() {
  const { t } = useTranslation();
  useTitle(t('members.resetTitle'));
  const [token] = useState(tokenFromHash);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();
  const flash = useFlash();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (token) {
        await membersApi.completeReset(token, password);
        flash.show(t('members.resetDone'), '/login');
        navigate('/login', { replace: true });
        return;
      }
      await membersApi.requestReset(email.trim());
      setSent(true);
    } catch (err) {
      setError(membersError(t, err));
    }
    setBusy(false);
  }

  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title" tabIndex={-1}>
        {t('members.resetTitle')}
      </h1>
      {sent ? (
        <p className="alert alert-ok" role="status">
          {t('members.resetSent')}
        </p>
      ) : (
        <form onSubmit={submit} className="stack" noValidate>
          {token ? (
            <PasswordField
              id="reset-password"
              label={t('members.choosePassword')}
              value={password}
              onChange={setPassword}
            />
          ) : (
            <div className="field">
              <label htmlFor="reset-email">{t('members.email')}</label>
              <input
                id="reset-email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
              />
              <p className="hint">{t('members.resetHint')}</p>
            </div>
          )}
          <ErrorLine error={error} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {token ? t('members.setPassword') : t('members.sendLink')}
          </button>
        </form>
      )}
    </section>
  );
}
