import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapCards } from '../../contract/overlap.ts';
import { overlapApi } from './api.ts';
import type { CellPick } from './Heatmap.tsx';

/** The cards behind a clicked cell, in a panel that takes focus and closes with Escape. */
export function CellCards({
  pick,
  event,
  level,
  onClose,
}: {
  pick: CellPick;
  event?: string | undefined;
  level?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [cards, setCards] = useState<OverlapCards | null>(null);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    overlapApi
      .cards(
        {
          factor: pick.factor,
          ...(pick.axis === 'issue' ? { issue: pick.column } : { form: pick.column }),
          ...(event ? { event } : {}),
          ...(level ? { level } : {}),
        },
        ctrl.signal,
      )
      .then(setCards, () => !ctrl.signal.aborted && setFailed(true));
    heading.current?.focus();
    return () => ctrl.abort();
  }, [pick, event, level]);
  return (
    <aside
      className="ovl-cards"
      aria-labelledby="ovl-cards-h"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id="ovl-cards-h" tabIndex={-1} ref={heading}>
        {t('overlap.cardsTitle', { factor: pick.factorLabel, column: pick.columnLabel })}
      </h2>
      <button type="button" onClick={onClose}>
        {t('overlap.close')}
      </button>
      {failed && <p role="alert">{t('overlap.loadFailed')}</p>}
      {!cards && !failed && <p role="status">{t('overlap.loading')}</p>}
      {cards && (
        <ul>
          {cards.cards.map((c) => (
            <li key={`${c.eventId}|${c.id}`} lang="">
              {c.text}{' '}
              <span className="ovl-card-level">
                {t(`overlap.levels.${c.level}`, { defaultValue: c.level })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {cards?.truncated && <p>{t('overlap.truncated')}</p>}
    </aside>
  );
}
