import { useTranslation } from 'react-i18next';

/**
 * A screen-reader announcement of the round and of the time left — sparingly: the text (and so
 * the announcement) changes when the round changes, at one minute left and at ten seconds left.
 * The visible countdown is not a live region: a reader announcing every second would drown
 * everything else.
 */
export function Announcer(p: {
  round: number;
  total: number;
  where: string | null;
  leftMs: number | null;
  running: boolean;
}) {
  const { t } = useTranslation();
  const secs = p.leftMs === null ? null : Math.ceil(p.leftMs / 1000);
  const mark = !p.running || secs === null ? null : secs <= 10 ? 10 : secs <= 60 ? 60 : null;
  const text =
    mark === 10
      ? t('join.tenSecondsLeft')
      : mark === 60
        ? t('join.oneMinuteLeft')
        : `${t('join.roundOf', { n: p.round + 1, total: p.total })}${p.where ? `. ${p.where}` : ''}`;
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
