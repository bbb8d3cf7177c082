import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyFactor } from '../../contract/factors.ts';
import { ApiError } from '../http.ts';
import { DialogActions, Modal } from '../review/dialogs.tsx';
import { reviewError } from '../review/errors.ts';
import { fieldErrorText } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { vocabularyApi } from './api.ts';

/**
 * Splits a factor: a new factor of the same kind (labels in English and Thai here; more words on
 * the vocabulary page afterwards), and the cards ticked move to it — each a new version of the
 * card's factor by the person splitting. The factor split may be retired at the same time.
 */
export function SplitDialog(props: {
  factor: VocabularyFactor;
  lang: string;
  onSplit(moved: number, made: VocabularyFactor[]): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { factor } = props;
  const id = useId();
  const cards = useResource(`factor-cards:${factor.id}`, (s) => vocabularyApi.cards(factor.id, s));
  const [en, setEn] = useState('');
  const [th, setTh] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [retire, setRetire] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = (c: { eventId: string; id: string }) => `${c.eventId}/${c.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    setBusy(true);
    try {
      const list = (cards.data?.cards ?? []).filter((c) => picked.has(key(c)));
      const r = await vocabularyApi.split(factor.id, {
        parts: [
          {
            labels: { en: en.trim(), ...(th.trim() ? { th: th.trim() } : {}) },
            cards: list.map((c) => ({ eventId: c.eventId, cardId: c.id })),
          },
        ],
        retire,
      });
      props.onSplit(r.moved, r.factors);
    } catch (err) {
      if (err instanceof ApiError && err.body?.fields?.length) {
        const next: Record<string, string> = {};
        for (const f of err.body.fields) {
          const place = f.field.includes('labels.th')
            ? 'th'
            : f.field.includes('labels')
              ? 'en'
              : 'cards';
          next[place] ??= fieldErrorText(t, f);
        }
        setErrors(next);
      } else setGeneral(reviewError(t, err));
      setBusy(false);
    }
  }

  const invalid = (k: string) =>
    errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${k}-error` } : {};
  const fieldError = (k: string) =>
    errors[k] && (
      <p id={`${id}-${k}-error`} className="field-error">
        {errors[k]}
      </p>
    );

  return (
    <Modal
      title={t('factors.splitTitle', {
        factor: factor.labels[props.lang] ?? factor.labels.en ?? factor.id,
      })}
      onClose={props.onClose}
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="review-form">
        <p className="muted">{t('factors.splitHelp')}</p>
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        <label htmlFor={`${id}-en`}>{t('review.labelEn')}</label>
        <input
          type="text"
          id={`${id}-en`}
          value={en}
          maxLength={120}
          autoFocus
          onChange={(e) => setEn(e.target.value)}
          {...invalid('en')}
        />
        {fieldError('en')}
        <label htmlFor={`${id}-th`}>{t('review.labelTh')}</label>
        <input
          type="text"
          id={`${id}-th`}
          value={th}
          maxLength={120}
          onChange={(e) => setTh(e.target.value)}
          {...invalid('th')}
        />
        {fieldError('th')}
        <fieldset className="factor-split-cards" {...invalid('cards')}>
          <legend>{t('factors.splitCards')}</legend>
          {fieldError('cards')}
          {cards.data?.cards.length === 0 && <p className="muted">{t('factors.splitNoCards')}</p>}
          <ul>
            {(cards.data?.cards ?? []).map((c) => (
              <li key={key(c)}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={picked.has(key(c))}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(key(c));
                      else next.delete(key(c));
                      setPicked(next);
                    }}
                  />{' '}
                  {c.text}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={retire} onChange={(e) => setRetire(e.target.checked)} />{' '}
          {t('factors.splitRetire')}
        </label>
        <DialogActions
          label={t('factors.splitConfirm', { count: picked.size })}
          busy={busy}
          onClose={props.onClose}
        />
      </form>
    </Modal>
  );
}
