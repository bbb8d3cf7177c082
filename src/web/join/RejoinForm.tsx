import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ApiError } from '../api.ts';
import { joinApi } from './api.ts';
import { joinError } from './errors.ts';
import { saveMe } from './me.ts';

/** Rejoin on this device with the personal code shown on the first one. */
export function RejoinForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!code.trim()) return setError(t('join.errPersonalCodeEmpty'));
    setBusy(true);
    setError(null);
    try {
      const r = await joinApi.rejoin(code);
      await saveMe(r);
      navigate(`/live/${r.eventId}`);
    } catch (err) {
      setError(
        err instanceof ApiError && (err.status === 404 || err.status === 400)
          ? t('join.errPersonalCode')
          : joinError(t, err),
      );
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="ph-stack">
      <div className="ph-field">
        <label htmlFor="personal-code">{t('join.personalCodeLabel')}</label>
        {error && (
          <p className="ph-error" id="personal-code-error" role="alert">
            {error}
          </p>
        )}
        <input
          id="personal-code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'personal-code-error' : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <button type="submit" className="ph-btn ph-btn-quiet" disabled={busy}>
        {t('join.rejoinSubmit')}
      </button>
    </form>
  );
}
