import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoNotice as Notice } from '../../contract/auth.ts';
import { api } from '../api.ts';

/**
 * On the sign-in page when the server holds the fictional demo coalition: its login is published,
 * so the page says so — to whoever tries the demo, and to an operator who did not mean to have it.
 */
export function DemoNotice() {
  const { t } = useTranslation();
  const [demo, setDemo] = useState<Notice['demo']>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api.demoNotice(ctrl.signal).then(
      (n) => setDemo(n.demo),
      () => undefined, // no notice is the safe default
    );
    return () => ctrl.abort();
  }, []);
  if (!demo) return null;
  return (
    <div className="alert alert-info" role="note" id="demo-notice">
      <p>{t('hardening.demoNotice')}</p>
      <p>
        {t('hardening.demoLogin')} <code>{demo.email}</code> / <code>{demo.password}</code>
      </p>
    </div>
  );
}
