import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A short message shown on every phone and on the projector until it is cleared. */
export function BroadcastForm({
  current,
  busy,
  onSend,
}: {
  current: string;
  busy: boolean;
  onSend(text: string): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    if (await onSend(text.trim())) setText('');
  }
  return (
    <section className="console-panel" aria-labelledby="broadcast-h">
      <h2 id="broadcast-h">{t('facilitate.broadcastTitle')}</h2>
      {current && (
        <p className="alert alert-info">
          <span className="muted">{t('facilitate.showing')}</span> {current}
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
