import { useTranslation } from 'react-i18next';
import type { LinkStatus as Link } from '../live/client.ts';

/** Is this screen connected to the room? Queued actions are counted while it is not. */
export function LinkStatus({ link, pending }: { link: Link; pending: number }) {
  const { t } = useTranslation();
  return (
    <p className={`link-status link-${link}`} role="status" data-testid="link-status">
      {link === 'online'
        ? t('facilitate.linkOnline')
        : link === 'connecting'
          ? t('join.linkConnecting')
          : t('facilitate.linkOffline')}
      {pending > 0 && ` · ${t('facilitate.pending', { count: pending })}`}
    </p>
  );
}
