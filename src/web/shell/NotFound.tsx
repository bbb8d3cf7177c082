import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useTitle } from './useTitle.ts';

export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  useTitle(t('app.notFoundTitle'));
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('app.notFoundTitle')}</h1>
      <p>{message ?? t('app.notFoundBody')}</p>
      <p>
        <Link href="/directory">{t('app.backToDirectory')}</Link>
      </p>
    </section>
  );
}
