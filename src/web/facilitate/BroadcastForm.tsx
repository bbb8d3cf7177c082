import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Minutes a message can be shown for; '' is until cleared. */
const DURATIONS = ['', '5', '10', '15', '30', '60'] as const;

/**
 * A short message shown on every phone and on the projector until it is cleared, or for a set
 * time: the server clears it then (its clock), so every screen stops showing it together.
 */
export function BroadcastForm({
  current,
  expiresAt,
  busy,
  onSend,
}: {
  current: string;
  /** Server time the current message stops showing; null: until cleared. */
  expiresAt: number | null;
  busy: boolean;
  onSend(text: string, minutes?: number): Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState<(typeof DURATIONS)[number]>('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    if (await onSend(text.trim(), minutes ? Number(minutes) : undefined)) setText('');
  }
  const until =
    expiresAt &&
    new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(
      new Date(expiresAt),
    );
  return (
    <section className="console-panel" aria-labelledby="broadcast-h">
      <h2 id="broadcast-h">{t('facilitate.broadcastTitle')}</h2>
      {current && (
        <p className="alert alert-info">
          <span className="muted">{t('facilitate.showing')}</span> {current}
          {until && (
            <span className="muted" data-testid="message-until">
              {' '}
              ({t('facilitate.showingUntil', { time: until })})
            </span>
          )}
        </p>
      )}
      <form onSubmit={submit} className="stack" noValidate>
        <div className="field">
          <label htmlFor="broadcast">{t('facilitate.broadcastLabel')}</label>
          <p className="hint" id="broadcast-hint">
            {t('facilitate.broadcastHint', { left: 280 - text.length })}
          </p>
          <textarea
            id="broadcast"
            rows={2}
            maxLength={280}
            value={text}
            aria-describedby="broadcast-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="broadcast-minutes">{t('facilitate.broadcastDuration')}</label>
          <select
            id="broadcast-minutes"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value as (typeof DURATIONS)[number])}
          >
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d
                  ? t('facilitate.durationMinutes', { n: d })
                  : t('facilitate.durationUntilCleared')}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !text.trim()}>
            {t('facilitate.broadcastSend')}
          </button>
          {current && (
            <button
              type="button"
              className="btn btn-quiet"
              disabled={busy}
              onClick={() => void onSend('')}
            >
              {t('facilitate.broadcastClear')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
