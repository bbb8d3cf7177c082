import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceItem } from '../../contract/gazetteer.ts';
import { atlasApi } from './api.ts';

/**
 * Search a place as you type (English or local names, any diacritics), pick one from the list.
 * Results come from the offline gazetteer on our own server.
 */
export function PlaceField({
  id,
  label,
  value,
  onChange,
  error,
  onPickOnMap,
}: {
  id: string;
  label: string;
  value: PlaceItem | null;
  onChange: (p: PlaceItem | null) => void;
  error?: string | undefined;
  onPickOnMap?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PlaceItem[]>([]);
  const listId = useId();

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      atlasApi.search(q, ctrl.signal).then(
        (r) => setHits(r.items.map((h) => h.place)),
        () => undefined,
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text]);

  if (value)
    return (
      <div className="field">
        <span className="label-like" id={`${id}-label`}>
          {label}
        </span>
        <p className="place-chosen" aria-labelledby={`${id}-label`}>
          <span>
            <strong>{value.name}</strong>{' '}
            <span className="hint">
              {[value.provinceName, value.countryName].filter(Boolean).join(', ')}
            </span>
          </span>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => onChange(null)}
            aria-label={t('atlas.form.changePlace', { name: value.name })}
          >
            {t('atlas.form.change')}
          </button>
        </p>
      </div>
    );
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="place-search">
        <input
          id={id}
          type="search"
          autoComplete="off"
          value={text}
          placeholder={t('atlas.form.searchPlaceholder')}
          aria-describedby={error ? `${id}-err` : undefined}
          // Only while the list exists: an id that points nowhere is an invalid ARIA reference.
          aria-controls={text.trim() && hits.length > 0 ? listId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value.trim()) setHits([]);
          }}
        />
        {onPickOnMap && (
          <button type="button" className="btn btn-quiet" onClick={onPickOnMap}>
            {t('atlas.form.pickOnMap')}
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
      {text.trim() && hits.length > 0 && (
        <ul className="place-hits" id={listId} aria-label={t('atlas.form.results')}>
          {hits.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  onChange(p);
                  setText('');
                  setHits([]);
                }}
              >
                <strong>{p.name}</strong>{' '}
                <span className="hint">
                  {[p.kind === 'city' ? p.provinceName : null, p.countryName]
                    .filter(Boolean)
                    .join(', ')}{' '}
                  · {t(`atlas.placeKind.${p.kind}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
