import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyFactor } from '../../contract/factors.ts';
import { reviewApi } from './api.ts';
import { reviewError } from './errors.ts';
import { labelOf, searchFactors, type Factor, type ReviewCard } from './model.ts';

/** A modal dialog (the browser's own: focus stays inside, Escape closes). */
export function Modal(props: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`review-dialog${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/**
 * What a page just did, for everyone: a polite live region for screen readers and the same line
 * on screen; the last refusal, and a load that failed, as alerts.
 */
export function StatusLines(props: {
  status: string;
  error: string | null;
  loadError: string | null;
  testId: string;
  className?: string;
}) {
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid={props.testId}>
        {props.status}
      </p>
      {props.status && (
        <p className={`alert alert-ok ${props.className ?? ''}`} aria-hidden="true">
          {props.status}
        </p>
      )}
      {[props.error, props.loadError].map(
        (e, i) =>
          e && (
            <p key={i} className="alert alert-error" role="alert">
              {e}
            </p>
          ),
      )}
    </>
  );
}

/** A dialog's buttons: its action (busy while it runs) and Cancel. */
export function DialogActions(props: {
  label: string;
  busy: boolean;
  disabled?: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="review-dialog-actions">
      <button type="submit" className="btn btn-primary" disabled={props.busy || props.disabled}>
        {props.label}
      </button>
      <button type="button" className="btn btn-quiet" onClick={props.onClose}>
        {t('review.cancel')}
      </button>
    </div>
  );
}

/**
 * A searchable list of the active factors of the card's kind: type to narrow (labels in every
 * language, keywords, ids), arrows to move, Enter to choose, Escape to go back.
 */
export function FactorPicker(props: {
  title: string;
  cardText: string;
  factors: Factor[];
  kind: Factor['kind'];
  lang: string;
  onPick(id: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = searchFactors(props.factors, query, props.kind, props.lang);
  const listId = useId();
  const at = Math.min(active, Math.max(0, list.length - 1));
  const option = (i: number) => `${listId}-${i}`;
  useEffect(() => {
    document.getElementById(option(at))?.scrollIntoView({ block: 'nearest' });
  });
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <p className="muted review-dialog-card">{props.cardText}</p>
      <label htmlFor={`${listId}-q`}>{t('review.search')}</label>
      <input
        id={`${listId}-q`}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={list.length ? option(at) : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(at + 1, list.length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(at - 1, 0));
          else if (e.key === 'Enter' && list[at]) props.onPick(list[at].id);
          else return;
          e.preventDefault();
        }}
      />
      <ul id={listId} role="listbox" className="review-options" aria-label={props.title}>
        {list.map((f, i) => (
          <li
            key={f.id}
            id={option(i)}
            role="option"
            aria-selected={i === at}
            className={i === at ? 'is-active' : undefined}
            onClick={() => props.onPick(f.id)}
          >
            {labelOf(f, props.lang)} <span className="muted">{f.id}</span>
          </li>
        ))}
      </ul>
      {list.length === 0 && <p className="muted">{t('review.noMatch')}</p>}
      <div className="review-dialog-actions">
        <button type="button" className="btn btn-quiet" onClick={props.onClose}>
          {t('review.cancel')}
        </button>
      </div>
    </Modal>
  );
}

const hasThai = (s: string) => [...s].some((ch) => ch >= '\u0E00' && ch <= '\u0E7F');

/**
 * A new factor made from a card: its labels (English needed, Thai optional) and keywords (the
 * card's own words to start with). Saving assigns the card to it — the person confirming.
 */
export function NewFactorDialog(props: {
  card: ReviewCard;
  eventId: string;
  onCreated(f: VocabularyFactor, card: ReviewCard): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { card } = props;
  const thai = hasThai(card.text);
  const [en, setEn] = useState(thai ? '' : card.text.slice(0, 60));
  const [th, setTh] = useState(thai ? card.text.slice(0, 60) : '');
  const [keywords, setKeywords] = useState(card.text.slice(0, 120));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const words = keywords
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
    try {
      const f = await reviewApi.create({
        kind: card.kind,
        labels: { en: en.trim(), ...(th.trim() ? { th: th.trim() } : {}) },
        ...(words.length ? { keywords: { [thai ? 'th' : 'en']: words } } : {}),
        fromCard: { eventId: props.eventId, cardId: card.id },
      });
      props.onCreated(f, card);
    } catch (err) {
      setError(reviewError(t, err));
      setBusy(false);
    }
  }

  return (
    <Modal title={t('review.newTitle')} onClose={props.onClose}>
      <p className="muted review-dialog-card">{card.text}</p>
      <form onSubmit={(e) => void submit(e)} className="review-form">
        <p className="muted">{t('review.newKind', { kind: t(`sheets.kinds.${card.kind}`) })}</p>
        <label htmlFor={`${id}-en`}>{t('review.labelEn')}</label>
        <input
          id={`${id}-en`}
          required
          maxLength={120}
          value={en}
          autoFocus
          onChange={(e) => setEn(e.target.value)}
        />
        <label htmlFor={`${id}-th`}>{t('review.labelTh')}</label>
        <input id={`${id}-th`} maxLength={120} value={th} onChange={(e) => setTh(e.target.value)} />
        <label htmlFor={`${id}-kw`}>{t('review.keywords')}</label>
        <input
          id={`${id}-kw`}
          value={keywords}
          aria-describedby={`${id}-kw-help`}
          onChange={(e) => setKeywords(e.target.value)}
        />
        <p id={`${id}-kw-help`} className="muted">
          {t('review.keywordsHelp')}
        </p>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <DialogActions label={t('review.createAndAssign')} busy={busy} onClose={props.onClose} />
      </form>
    </Modal>
  );
}

/**
 * Merges one factor into another of the same kind: its cards follow, its words join. With
 * `cardsOf` (the vocabulary page) it says how many cards will follow before the person confirms.
 */
export function MergeDialog(props: {
  factors: Factor[];
  lang: string;
  from: string | null;
  cardsOf?: (id: string) => number;
  onMerged(moved: number, from: string, into: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const active = props.factors
    .filter((f) => f.status === 'active')
    .sort((a, b) => labelOf(a, props.lang).localeCompare(labelOf(b, props.lang)));
  const [from, setFrom] = useState(props.from ?? '');
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const fromFactor = active.find((f) => f.id === from);
  const targets = active.filter(
    (f) => f.id !== from && (!fromFactor || f.kind === fromFactor.kind),
  );
  const name = (f: Factor) => `${labelOf(f, props.lang)} (${f.id})`;
  // after the dialog opened (its own effect ran first): the field still to choose
  useEffect(() => {
    document.getElementById(props.from ? `${id}-into` : `${id}-from`)?.focus();
  }, [id, props.from]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await reviewApi.merge(from, into);
      props.onMerged(r.moved, from, into);
    } catch (err) {
      setError(reviewError(t, err));
      setBusy(false);
    }
  }

  return (
    <Modal title={t('review.mergeTitle')} onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} className="review-form">
        <label htmlFor={`${id}-from`}>{t('review.mergeFrom')}</label>
        <select
          id={`${id}-from`}
          required
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
            setInto('');
          }}
        >
          <option value="">{t('review.choose')}</option>
          {active.map((f) => (
            <option key={f.id} value={f.id}>
              {name(f)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-into`}>{t('review.mergeInto')}</label>
        <select id={`${id}-into`} required value={into} onChange={(e) => setInto(e.target.value)}>
          <option value="">{t('review.choose')}</option>
          {targets.map((f) => (
            <option key={f.id} value={f.id}>
              {name(f)}
            </option>
          ))}
        </select>
        <p className="muted">{t('review.mergeHelp')}</p>
        {props.cardsOf && fromFactor && (
          <p className="alert alert-info" data-testid="merge-follow">
            {t('factors.mergeFollow', { count: props.cardsOf(fromFactor.id) })}
          </p>
        )}
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <DialogActions
          label={t('review.mergeConfirm')}
          busy={busy}
          disabled={!from || !into}
          onClose={props.onClose}
        />
      </form>
    </Modal>
  );
}
