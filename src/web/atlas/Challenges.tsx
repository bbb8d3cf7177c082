import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceItem } from '../../contract/gazetteer.ts';
import { FORMS_OF_EXPLOITATION } from '../../contract/vocab.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { atlasApi } from './api.ts';
import { formLabel } from './labels.ts';
import { PlaceField } from './PlaceField.tsx';

/** Challenges organisations recorded, shown beside the gaps; members add theirs. */
export function Challenges({
  canAdd,
  tick,
  view,
}: {
  canAdd: boolean;
  tick: number;
  view?: 'public' | undefined;
}) {
  const { t } = useTranslation();
  const [nonce, setNonce] = useState(0);
  const res = useResource(`challenges${view ?? ''}#${tick}.${nonce}`, (signal) =>
    atlasApi.challenges({ view }, signal),
  );
  const [text, setText] = useState('');
  const [place, setPlace] = useState<PlaceItem | null>(null);
  const [form, setForm] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await atlasApi.addChallenge({
        text,
        place: place?.id ?? null,
        form: (form || null) as never,
        visibility: 'coalition',
      });
      setText('');
      setPlace(null);
      setNonce((n) => n + 1);
    } catch (err) {
      setError(errorMessage(t, err));
    }
  }

  return (
    <aside className="atlas-challenges" aria-labelledby="atlas-ch-h">
      <h3 id="atlas-ch-h">{t('atlas.challenges.title')}</h3>
      <ul>
        {(res.data ?? res.previous)?.items.map((c) => (
          <li key={c.id}>
            <p>{c.text}</p>
            <p className="hint">
              {[c.place?.name, c.form ? formLabel(t, c.form) : null, c.organisation?.name]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
      {canAdd && view !== 'public' && (
        <form onSubmit={onSubmit} className="atlas-challenge-form">
          <div className="field">
            <label htmlFor="ch-text">{t('atlas.challenges.text')}</label>
            <textarea
              id="ch-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              required
              maxLength={1000}
            />
          </div>
          <PlaceField
            id="ch-place"
            label={t('atlas.challenges.place')}
            value={place}
            onChange={setPlace}
          />
          <div className="field">
            <label htmlFor="ch-form">{t('atlas.filters.form')}</label>
            <select id="ch-form" value={form} onChange={(e) => setForm(e.target.value)}>
              <option value="">{t('atlas.filters.any')}</option>
              {FORMS_OF_EXPLOITATION.map((f) => (
                <option key={f} value={f}>
                  {formLabel(t, f)}
                </option>
              ))}
            </select>
          </div>
          {error && <p className="alert alert-error">{error}</p>}
          <button className="btn btn-primary" type="submit">
            {t('atlas.challenges.add')}
          </button>
        </form>
      )}
    </aside>
  );
}
