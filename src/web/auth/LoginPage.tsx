import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useLocation, useSearchParams } from 'wouter';
import { ApiError, api } from '../api.ts';
import { errorMessage } from '../shell/errors.ts';
import { useTitle } from '../shell/useTitle.ts';
import { safeNext, useSession } from './session.tsx';
import { DemoNotice } from './DemoNotice.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  useTitle(t('auth.title'));
  const { me, signedIn } = useSession();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Accounts with a second factor: the password was right, now the code (or a recovery code).
  const [needCode, setNeedCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me) return <Redirect to={next} replace />;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(t('auth.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const m = await api.login({
        email: email.trim(),
        password,
        ...(needCode && code.trim() ? { code: code.trim() } : {}),
      });
      signedIn(m);
      navigate(next, { replace: true });
    } catch (err) {
      // 400 and 401 read the same: never say whether the account exists
      const status = err instanceof ApiError ? err.status : -1;
      const kind = err instanceof ApiError ? err.body?.error : undefined;
      if (kind === 'second_factor_required') setNeedCode(true);
      else if (kind === 'invalid_second_factor') setError(t('members.errors.invalid_code'));
      else setError(status === 401 || status === 400 ? t('auth.invalid') : errorMessage(t, err));
      setBusy(false);
    }
  }

  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title" tabIndex={-1}>
        {t('auth.title')}
      </h1>
      <p className="muted">{t('auth.intro')}</p>
      <DemoNotice />
      <form onSubmit={submit} noValidate className="stack">
        {error && (
          <p className="alert alert-error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="login-email">{t('auth.email')}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            required
          />
        </div>
        {needCode && (
          <div className="field">
            <label htmlFor="login-code">{t('members.loginCode')}</label>
            <input
              id="login-code"
              type="text"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-describedby="login-code-hint"
              autoFocus
              required
            />
            <p className="hint" id="login-code-hint">
              {t('members.loginCodeHint')}
            </p>
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
      <p>
        <Link href="/reset">{t('members.forgot')}</Link>
      </p>
    </section>
  );
}
