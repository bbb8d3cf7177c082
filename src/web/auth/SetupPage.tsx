import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SetupStatus } from '../../contract/setup.ts';
import { api } from '../api.ts';
import { ApiError, call } from '../http.ts';
import { PasswordField } from '../members/PasswordField.tsx';
import { tokenFromHash } from '../members/api.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { useSession } from './session.tsx';

type Field = 'email' | 'name' | 'coalition' | 'password';

/**
 * First run (`/setup#<token>`, the link the server printed on its console while it has no admin):
 * create the first admin — and the coalition — in the browser. Afterwards the page is gone.
 */
export function SetupPage() {
  const { t } = useTranslation();
  useTitle(t('setup.title'));
  const [token] = useState(tokenFromHash);
  const status = useResource('setup', (signal) =>
    call<SetupStatus>('GET', '/api/setup', undefined, signal),
  );
  const [form, setForm] = useState<Record<Field, string>>({
    email: '',
    name: '',
    coalition: '',
    password: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const existing = status.data?.coalitions ?? [];
  const coalition = form.coalition || (existing.length === 1 ? existing[0]! : '');

  function check(): Partial<Record<Field, string>> {
    const e: Partial<Record<Field, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) e.email = t('setup.errors.email');
    if (!form.name.trim()) e.name = t('setup.errors.name');
    if (!coalition.trim()) e.coalition = t('setup.errors.coalition');
    if (form.password.length < 10) e.password = t('setup.errors.password');
    return e;
  }

  async function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const found = check();
    setErrors(found);
    setError(null);
    const first = (Object.keys(found) as Field[])[0];
    if (first) {
      document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await call('POST', '/api/setup', {
        token,
        email: form.email.trim(),
        name: form.name.trim(),
        coalition: coalition.trim(),
        password: form.password,
      });
      signedIn(await api.me());
      navigate('/directory', { replace: true });
    } catch (err) {
      const code = err instanceof ApiError ? err.body?.error : undefined;
      setError(
        code === 'setup_token_wrong'
          ? t('setup.errors.token')
          : code === 'setup_closed'
            ? t('setup.closed')
            : code === 'email_taken'
              ? t('setup.errors.emailTaken')
              : errorMessage(t, err),
      );
      setBusy(false);
    }
  }

  const set = (f: Field) => (v: string) => {
    setForm((s) => ({ ...s, [f]: v }));
    setErrors((e) => ({ ...e, [f]: undefined }));
  };
  const field = (f: Exclude<Field, 'password'>, type: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`setup-${f}`}>{t(`setup.${f}`)}</label>
      <input
        id={`setup-${f}`}
        type={type}
        autoComplete={autoComplete}
        value={f === 'coalition' ? coalition : form[f]}
        onChange={(e) => set(f)(e.target.value)}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={errors[f] ? `setup-${f}-error` : undefined}
        required
      />
      {f === 'coalition' && existing.length > 0 && (
        <p className="hint">{t('setup.existing', { names: existing.join(', ') })}</p>
      )}
      {errors[f] && (
        <p className="field-error" id={`setup-${f}-error`}>
          {errors[f]}
        </p>
      )}
    </div>
  );

  return (
    <section className="narrow" aria-labelledby="setup-title">
      <h1 id="setup-title" tabIndex={-1}>
        {t('setup.title')}
      </h1>
      {status.data && !status.data.open && (
        <>
          <p className="alert alert-info" role="status">
            {t('setup.closed')}
          </p>
          <p>
            <Link href="/login">{t('setup.signIn')}</Link>
          </p>
        </>
      )}
      {status.error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, status.error)}
        </p>
      )}
      {status.data?.open && !token && (
        <p className="alert alert-error" role="alert">
          {t('setup.errors.noToken')}
        </p>
      )}
      {status.data?.open && token && (
        <form onSubmit={submit} className="stack" noValidate>
          <p>{t('setup.intro')}</p>
          {error && (
            <p className="alert alert-error" role="alert">
              {error}
            </p>
          )}
          {field('coalition', 'text', 'organization')}
          {field('name', 'text', 'name')}
          {field('email', 'email', 'email')}
          <PasswordField
            id="setup-password"
            label={t('setup.password')}
            value={form.password}
            onChange={set('password')}
          />
          {errors.password && (
            <p className="field-error" id="setup-password-error">
              {errors.password}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('setup.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
