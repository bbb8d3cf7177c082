import { useTranslation } from 'react-i18next';
import type { VisibilityValue } from '../../contract/common.ts';
import { label } from './vocab.ts';

export function VisibilityBadge({ visibility }: { visibility: VisibilityValue }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${visibility}`} title={t(`visibilityHelp.${visibility}`)}>
      <span className="visually-hidden">{t('org.visibility')}: </span>
      {label(t, 'visibility', visibility)}
    </span>
  );
}
