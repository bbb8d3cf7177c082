import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyFactor } from '../../contract/factors.ts';
import { ApiError } from '../http.ts';
import { reviewApi } from '../review/api.ts';
import { DialogActions, Modal } from '../review/dialogs.tsx';
import { reviewError } from '../review/errors.ts';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { fieldErrorText } from '../shell/errors.ts';
import { vocabularyApi } from './api.ts';
import { editOf, errorPlace, formOf, newWordsOf, type WordsForm } from './model.ts';

type Kind = VocabularyFactor['kind'];

/**
 * A factor's words in every language the coalition works in — label, description, synonyms and
 * keywords (one per line) — for a new factor (with its kind and, optionally, its id) or an
 * existing one. A save sends only what changed; the server's refusals are shown on their fields
 * (the line of a keyword too) and listed at the top, each a link to its field.
 */
export function FactorEditor(props: {
  factor: VocabularyFactor | null;
  languages: readonly string[];
  kind: Kind;
  onSaved(f: VocabularyFactor, created: boolean): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { factor, languages } = props;
  const base = useId();
  const [before] = useState(() => formOf(factor, languages));
  const [form, setForm] = useState<WordsForm>(before);
  const [kind, setKind] = useState<Kind>(props.kind);
  const [newId, setNewId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState(false);

  const fieldId = (key: string) => `${base}-${key.replace('.', '-')}`;
  const langName = (l: string) => t(`factors.languages.${l as 'en'}`, l);
  const fieldLabel = (key: string) => {
    const [head, l = 'en'] = key.split('.');
    if (head === 'id') return t('factors.id');
    if (head === 'kind') return t('factors.kind');
    const what =
      head === 'labels'
        ? t('factors.label')
        : head === 'descriptions'
          ? t('factors.description')
          : t('factors.keywords');
    return t('factors.inLanguage', { what, language: langName(l) });
  };
  const summaryFields = [
    ...(factor ? [] : ['kind', 'id']),
    ...languages.flatMap((l) => [`labels.${l}`, `descriptions.${l}`, `keywords.${l}`]),
  ].map((key) => ({ key, id: fieldId(key), label: fieldLabel(key) }));

  const set = (l: string, part: keyof WordsForm[string], value: string) =>
    setForm((f) => ({ ...f, [l]: { ...f[l]!, [part]: value } }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    let saved: VocabularyFactor;
    try {
      setBusy(true);
      if (factor) {
        const body = editOf(before, form, languages);
        if (!body) {
          props.onClose();
          return;
        }
        saved = await vocabularyApi.edit(factor.id, body);
      } else {
        const words = newWordsOf(form, languages);
        saved = await reviewApi.create({
          kind,
          ...(newId.trim() ? { id: newId.trim() } : {}),
          labels: words.labels,
          descriptions: words.descriptions,
          keywords: words.keywords,
        });
      }
    } catch (err) {
      if (err instanceof ApiError && err.body?.fields?.length) {
        const next: Record<string, string> = {};
        for (const f of err.body.fields) {
          const { key, line } = errorPlace(f.field);
          const text = fieldErrorText(t, f);
          next[key] ??= line === null ? text : t('factors.onLine', { line, text });
        }
        setErrors(next);
      } else setGeneral(reviewError(t, err));
      setFailures((n) => n + 1);
      setBusy(false);
      return;
    }
    props.onSaved(saved, !factor);
  }

  const described = (key: string, hint?: string) => {
    const ids = [hint, errors[key] ? `${fieldId(key)}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  };
  const fieldError = (key: string) =>
    errors[key] && (
      <p id={`${fieldId(key)}-error`} className="field-error">
        {errors[key]}
      </p>
    );

  const title = factor
    ? t('factors.editTitle', { factor: factor.labels.en ?? factor.id })
    : t('factors.addTitle');
  return (
    <Modal title={title} onClose={props.onClose} className="factor-editor">
      <form onSubmit={(e) => void submit(e)} noValidate className="review-form factor-form">
        <ErrorSummary
          items={summaryItems(errors, summaryFields)}
          general={general}
          focusKey={failures}
          testId="factor-errors"
        />
        {factor ? (
          <p className="muted">
            <code>{factor.id}</code> · {t(`factors.kinds.${factor.kind}`)} ·{' '}
            {t('factors.cardCount', { count: factor.cards })}
          </p>
        ) : (
          <div className="factor-new-head">
            <label htmlFor={fieldId('kind')}>{t('factors.kind')}</label>
            <select
              id={fieldId('kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value === 'consequence' ? 'consequence' : 'cause')}
            >
              <option value="cause">{t('factors.kinds.cause')}</option>
              <option value="consequence">{t('factors.kinds.consequence')}</option>
            </select>
            <label htmlFor={fieldId('id')}>
              {t('factors.id')} <span className="muted">({t('form.optional')})</span>
            </label>
            <input
              type="text"
              id={fieldId('id')}
              value={newId}
              maxLength={80}
              aria-invalid={errors.id ? true : undefined}
              aria-describedby={described('id', `${fieldId('id')}-hint`)}
              onChange={(e) => setNewId(e.target.value)}
            />
            <p id={`${fieldId('id')}-hint`} className="muted">
              {t('factors.idHint')}
            </p>
            {fieldError('id')}
          </div>
        )}
        {languages.map((l) => {
          const w = form[l]!;
          const k = (part: string) => `${part}.${l}`;
          return (
            <fieldset key={l} className="factor-lang" lang={l}>
              <legend>{langName(l)}</legend>
              <label htmlFor={fieldId(k('labels'))}>
                {t('factors.label')}
                {l === 'en' && <span className="muted"> ({t('factors.required')})</span>}
              </label>
              <input
                type="text"
                id={fieldId(k('labels'))}
                value={w.label}
                maxLength={120}
                aria-invalid={errors[k('labels')] ? true : undefined}
                aria-describedby={described(k('labels'))}
                onChange={(e) => set(l, 'label', e.target.value)}
              />
              {fieldError(k('labels'))}
              <label htmlFor={fieldId(k('descriptions'))}>{t('factors.description')}</label>
              <textarea
                id={fieldId(k('descriptions'))}
                rows={2}
                value={w.description}
                aria-invalid={errors[k('descriptions')] ? true : undefined}
                aria-describedby={described(k('descriptions'))}
                onChange={(e) => set(l, 'description', e.target.value)}
              />
              {fieldError(k('descriptions'))}
              <label htmlFor={fieldId(k('keywords'))}>{t('factors.keywords')}</label>
              <textarea
                id={fieldId(k('keywords'))}
                rows={3}
                value={w.keywords}
                aria-invalid={errors[k('keywords')] ? true : undefined}
                aria-describedby={described(k('keywords'), `${base}-kw-hint`)}
                onChange={(e) => set(l, 'keywords', e.target.value)}
              />
              {fieldError(k('keywords'))}
            </fieldset>
          );
        })}
        <p id={`${base}-kw-hint`} className="muted">
          {t('factors.keywordsHint')}
        </p>
        <DialogActions
          label={factor ? t('factors.save') : t('factors.create')}
          busy={busy}
          onClose={props.onClose}
        />
      </form>
    </Modal>
  );
}
