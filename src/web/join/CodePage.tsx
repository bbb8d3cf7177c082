import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { normaliseCode } from './api.ts';
import { lastEventId } from './me.ts';
import { RejoinForm } from './RejoinForm.tsx';

/** /join: type the code from the screen, or rejoin with a personal code. */
export function CodePage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [last] = useState(lastEventId);
  useEffect(() => {
    document.title = `${t('join.title')} · Mosaic`;
  }, [t]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const c = normaliseCode(code);
    if (c.length < 4) return setError(t('join.errCodeShort'));
    navigate(`/j/${encodeURIComponent(c)}`);
  }

  return (
    <section className="ph-stack" aria-labelledby="code-title">
      <h1 id="code-title">{t('join.title')}</h1>
      {last && (
        <p className="ph-note">
          <Link href={`/live/${last}`}>{t('join.backToEvent')}</Link>
        </p>
      )}
      <form onSubmit={submit} noValidate className="ph-stack">
        <div className="ph-field">
          <label htmlFor="join-code">{t('join.codeLabel')}</label>
          <p className="ph-hint" id="join-code-hint">
            {t('join.codeHint')}
          </p>
          {error && (
            <p className="ph-error" id="join-code-error" role="alert">
              {error}
            </p>
          )}
          <input
            id="join-code"
            type="text"
            className="ph-code-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            value={code}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'join-code-hint join-code-error' : 'join-code-hint'}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className="ph-btn">
          {t('join.codeSubmit')}
        </button>
      </form>
      <details className="ph-details">
        <summary>{t('join.rejoinTitle')}</summary>
        <RejoinForm />
      </details>
    </section>
  );
}
