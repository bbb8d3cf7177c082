import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../../contract/members.ts';
import { QrCode } from '../shell/qr.tsx';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { membersApi } from './api.ts';
import { membersError } from './errors.ts';
import { ErrorLine } from './bits.tsx';
import './members.css';

/** `/account/security`: turn the TOTP second factor on (scan, confirm, keep recovery codes) or off. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  useTitle(t('members.securityTitle'));
  const status = useResource('second-factor', (signal) => membersApi.secondFactor(signal));
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(membersError(t, err));
    }
    setBusy(false);
  }
  const start = () => run(async () => setSetup(await membersApi.setupSecondFactor()));
  const confirm = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(async () => {
      setCodes((await membersApi.confirmSecondFactor(code.trim())).recoveryCodes);
      setSetup(null);
      setCode('');
      status.reload();
    });
  };
  const disable = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(async () => {
      await membersApi.disableSecondFactor(code.trim());
      setCode('');
      status.reload();
    });
  };

  const codeField = (
    <div className="field">
      <label htmlFor="totp-code">{t('members.code')}</label>
      <input
        id="totp-code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
      />
    </div>
  );
  const enabled = status.data?.enabled;
  return (
    <section className="narrow" aria-labelledby="security-title">
      <h1 id="security-title" tabIndex={-1}>
        {t('members.securityTitle')}
      </h1>
      <p className="muted">{t('members.securityIntro')}</p>
      <ErrorLine error={error} />
      {codes && (
        <div className="alert alert-ok" role="status">
          <p>{t('members.recoveryIntro')}</p>
          <ul className="recovery-codes">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {enabled === false && !setup && (
        <button type="button" className="btn btn-primary" onClick={start} disabled={busy}>
          {t('members.turnOn')}
        </button>
      )}
      {setup && (
        <form onSubmit={confirm} className="stack" noValidate>
          <p>{t('members.scan')}</p>
          <QrCode text={setup.uri} label={t('members.qrLabel')} size={200} />
          <p>
            {t('members.orType')} <code className="totp-secret">{setup.secret}</code>
          </p>
          {codeField}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('members.confirm')}
          </button>
        </form>
      )}
      {enabled && !codes && (
        <form onSubmit={disable} className="stack" noValidate>
          <p className="alert alert-ok">{t('members.isOn')}</p>
          {codeField}
          <button type="submit" className="btn btn-danger" disabled={busy}>
            {t('members.turnOff')}
          </button>
        </form>
      )}
    </section>
  );
}
