import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { FactorAssignment, FactorReview } from '../../contract/factors.ts';
import { eventsApi } from '../events/api.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { reviewApi } from './api.ts';
import { FactorPicker, MergeDialog, NewFactorDialog, StatusLines } from './dialogs.tsx';
import { PromoteButton } from '../commitments/PromoteDialog.tsx';
import { reviewError } from './errors.ts';
import {
  fromVocabulary,
  groupCards,
  highlight,
  labelOf,
  nextOpen,
  type Factor,
  type ReviewCard,
} from './model.ts';
import './review.css';

const NONE: ReadonlyMap<string, FactorAssignment> = new Map();

type Dialog =
  | { type: 'pick'; card: ReviewCard }
  | { type: 'new'; card: ReviewCard }
  | { type: 'merge'; from: string | null };

/**
 * Reviewing café cards into factors, for facilitators and coordinators. Cards are grouped by their
 * top suggestion, with its score and the words that matched; a person accepts it with one key (or
 * a tap), picks another factor, makes a new one from the card, merges two factors, or undoes.
 * Nothing is assigned until that person does. Everything works from the keyboard: the cards are
 * one tab stop (arrows or j/k move between them) and the keys are listed on the page.
 */
export function ReviewPage({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [params, setParams] = useSearchParams();
  const issue = params.get('issue') ?? '';
  const showAll = params.get('show') === 'all';
  const event = useResource(`event:${eventId}`, (s) => eventsApi.get(eventId, s));
  const review = useResource(`review:${eventId}`, (s) => reviewApi.review(eventId, s));
  const vocab = useResource('factors', (s) => reviewApi.vocabulary(s));
  useTitle(t('review.title'));

  /** Cards assigned on this page, newest last: "undo last" walks back through them. */
  const [done, setDone] = useState<string[]>([]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLElement>());
  const data = review.data ?? review.previous;
  /**
   * Assignments made on this page since the list was loaded, by card. Kept with the list they
   * were made on: a fresh list from the server is the truth, and holds them.
   */
  const [localState, setLocalState] = useState<{
    of: FactorReview | undefined;
    map: Map<string, FactorAssignment>;
  }>({ of: undefined, map: new Map() });
  const local = localState.of === data ? localState.map : NONE;
  const setLocal = (map: Map<string, FactorAssignment>) => setLocalState({ of: data, map });

  const factors: Factor[] = useMemo(
    () =>
      vocab.data
        ? vocab.data.factors.map(fromVocabulary)
        : (data?.factors ?? []).map((f) => ({ ...f, keywords: {} })),
    [vocab.data, data],
  );
  const byId = useMemo(() => new Map(factors.map((f) => [f.id, f])), [factors]);
  const label = (id: string | null | undefined) => (id ? labelOf(byId.get(id), lang) || id : '');
  const issueLabel = (key: string) => event.data?.issues.find((i) => i.key === key)?.label ?? key;

  const assignmentOf = (c: ReviewCard, m: ReadonlyMap<string, FactorAssignment> = local) =>
    m.has(c.id) ? m.get(c.id)! : c.assignment;
  const confirmed = (c: ReviewCard, m: ReadonlyMap<string, FactorAssignment> = local) =>
    Boolean(assignmentOf(c, m)?.factor);

  const inSheet = (data?.cards ?? []).filter((c) => !issue || c.issueKey === issue);
  // "to review" is decided on the list as loaded, so a card just confirmed stays where it is
  const visible = showAll ? inSheet : inSheet.filter((c) => !c.assignment?.factor);
  const groups = groupCards(visible);
  const order = groups.flatMap((g) => g.cards);
  const current = order.find((c) => c.id === focusId) ?? order[0];
  const confirmedCount = inSheet.filter((c) => confirmed(c)).length;

  function focusCard(c: ReviewCard | undefined) {
    if (!c) return;
    setFocusId(c.id);
    refs.current.get(c.id)?.focus();
  }

  // back to the card when a dialog closes
  useEffect(() => {
    if (!dialog && focusId) refs.current.get(focusId)?.focus();
  }, [dialog, focusId]);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(reviewError(t, err));
      return undefined;
    }
  }

  function remember(c: ReviewCard, a: FactorAssignment, moveOn: boolean) {
    const next = new Map(local).set(c.id, a);
    setLocal(next);
    if (moveOn) {
      const i = order.findIndex((x) => x.id === c.id);
      const n = nextOpen(order, i, (x) => confirmed(x, next));
      if (n >= 0) focusCard(order[n]);
    }
  }

  async function assign(c: ReviewCard, factor: string) {
    const a = await run(() => reviewApi.assign(eventId, c.id, factor));
    if (!a) return;
    remember(c, a, true);
    setDone((d) => [...d, c.id]);
    setStatus(t('review.assigned', { factor: label(factor) }));
  }

  async function undo(c: ReviewCard) {
    const a = await run(() => reviewApi.undo(eventId, c.id));
    if (!a) return;
    remember(c, a, false);
    setDone((d) => d.filter((id) => id !== c.id));
    setStatus(
      a.factor ? t('review.undoneTo', { factor: label(a.factor) }) : t('review.undoneNone'),
    );
  }

  async function undoLast() {
    const id = done.at(-1);
    const c = id ? data?.cards.find((x) => x.id === id) : undefined;
    if (!c) {
      setStatus(t('review.nothingToUndo'));
      return;
    }
    await undo(c);
    focusCard(c);
  }

  function onCardKey(e: KeyboardEvent<HTMLElement>, c: ReviewCard, index: number) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const onCard = e.target === e.currentTarget;
    const key = e.key;
    const suggestion = (n: number) => c.suggestions[n]?.factor;
    let handled = true;
    if (key === 'ArrowDown' || key === 'j') focusCard(order[index + 1]);
    else if (key === 'ArrowUp' || key === 'k') focusCard(order[index - 1]);
    else if (key === 'Home') focusCard(order[0]);
    else if (key === 'End') focusCard(order.at(-1));
    else if (
      (key === 'Enter' && onCard) ||
      key === 'a' ||
      key === '1' ||
      key === '2' ||
      key === '3'
    ) {
      const f = suggestion(key === '2' ? 1 : key === '3' ? 2 : 0);
      if (f) void assign(c, f);
      else setDialog({ type: 'pick', card: c });
    } else if (key === 'f' || key === '/') setDialog({ type: 'pick', card: c });
    else if (key === 'n') setDialog({ type: 'new', card: c });
    else if (key === 'u') void undo(c);
    else if (key === 'z') void undoLast();
    else if (key === 'm')
      setDialog({ type: 'merge', from: assignmentOf(c)?.factor ?? suggestion(0) ?? null });
    else handled = false;
    if (handled) e.preventDefault();
  }

  const setParam = (name: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="review-title" className="review-page">
      <p className="crumbs">
        <Link href={`/events/${eventId}`}>{event.data?.name ?? t('review.event')}</Link>
      </p>
      <div className="page-head">
        <h1 id="review-title" tabIndex={-1}>
          {t('review.title')}
        </h1>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => setDialog({ type: 'merge', from: null })}
        >
          {t('review.mergeButton')}
        </button>
        <Link href="/factors" className="btn btn-quiet">
          {t('factors.reviewLink')}
        </Link>
      </div>
      <p className="muted">{t('review.intro')}</p>

      <div className="review-bar">
        <label>
          {t('review.sheet')}{' '}
          <select value={issue} onChange={(e) => setParam('issue', e.target.value)}>
            <option value="">{t('review.allSheets')}</option>
            {(event.data?.issues ?? []).map((i) => (
              <option key={i.key} value={i.key}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={showAll}
            onChange={(e) => setParam('show', e.target.checked ? 'all' : '')}
          />{' '}
          {t('review.showConfirmed')}
        </label>
        <button type="button" className="btn btn-quiet" onClick={() => review.reload()}>
          {t('review.refresh')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => void undoLast()}
          disabled={done.length === 0}
        >
          {t('review.undoLast')}
        </button>
        <span className="review-progress" data-testid="review-progress">
          {t('review.progress', { done: confirmedCount, total: inSheet.length })}
        </span>
      </div>

      <details className="review-keys" open>
        <summary>{t('review.keys.title')}</summary>
        <ul>
          <li>
            <kbd>↑</kbd> <kbd>↓</kbd> / <kbd>j</kbd> <kbd>k</kbd> {t('review.keys.move')}
          </li>
          <li>
            <kbd>Enter</kbd> / <kbd>1</kbd> {t('review.keys.accept')} · <kbd>2</kbd> <kbd>3</kbd>{' '}
            {t('review.keys.acceptOther')}
          </li>
          <li>
            <kbd>f</kbd> {t('review.keys.pick')} · <kbd>n</kbd> {t('review.keys.new')} ·{' '}
            <kbd>m</kbd> {t('review.keys.merge')}
          </li>
          <li>
            <kbd>u</kbd> {t('review.keys.undo')} · <kbd>z</kbd> {t('review.keys.undoLast')}
          </li>
        </ul>
      </details>

      <StatusLines
        status={status}
        error={error}
        loadError={review.error !== undefined && !data ? reviewError(t, review.error) : null}
        testId="review-status"
        className="review-status-line"
      />
      {data && order.length === 0 && <p className="muted">{t('review.empty')}</p>}

      {groups.map((g) => (
        <section
          key={g.factor ?? '-'}
          className="review-group"
          aria-labelledby={`group-${g.factor ?? 'none'}`}
        >
          <div className="review-group-head">
            <h2 id={`group-${g.factor ?? 'none'}`}>
              {g.factor ? label(g.factor) : t('review.noSuggestion')}{' '}
              <span className="muted">{t('review.groupCount', { count: g.cards.length })}</span>
            </h2>
            {g.factor && (
              <button
                type="button"
                className="btn btn-quiet btn-small"
                tabIndex={-1}
                onClick={() => setDialog({ type: 'merge', from: g.factor })}
              >
                {t('review.mergeThis')}
              </button>
            )}
          </div>
          <ol className="review-cards">
            {g.cards.map((c) => {
              const index = order.indexOf(c);
              const a = assignmentOf(c);
              const active = c.id === current?.id;
              const top = c.suggestions[0];
              return (
                <li
                  key={c.id}
                  ref={(el) => {
                    if (el) refs.current.set(c.id, el);
                    else refs.current.delete(c.id);
                  }}
                  tabIndex={active ? 0 : -1}
                  className={`review-card${a?.factor ? ' is-confirmed' : ''}`}
                  data-card={c.id}
                  aria-label={t('review.cardLabel', {
                    text: c.text,
                    state: a?.factor
                      ? t('review.confirmedAs', { factor: label(a.factor) })
                      : top
                        ? t('review.suggested', { factor: label(top.factor) })
                        : t('review.noSuggestion'),
                  })}
                  onFocus={(e) => {
                    if (e.target === e.currentTarget) setFocusId(c.id);
                  }}
                  onKeyDown={(e) => onCardKey(e, c, index)}
                >
                  <p className="review-text">
                    {highlight(c.text, top?.matched ?? []).map((p, i) =>
                      p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
                    )}
                  </p>
                  <p className="review-meta muted">
                    {t(`sheets.kinds.${c.kind}`)}
                    {c.level && ` · ${t(`sheets.levels.${c.level as 'family'}`, c.level)}`} ·{' '}
                    {issueLabel(c.issueKey)}
                  </p>
                  {a?.factor && (
                    <p className="review-confirmed">
                      <span className="badge badge-public">
                        {t('review.confirmedAs', { factor: label(a.factor) })}
                      </span>
                    </p>
                  )}
                  <ul className="review-suggestions" aria-label={t('review.suggestions')}>
                    {c.suggestions.map((s, i) => (
                      <li key={s.factor}>
                        <button
                          type="button"
                          tabIndex={active ? 0 : -1}
                          className={`btn ${i === 0 && !a?.factor ? 'btn-primary' : 'btn-quiet'}`}
                          aria-pressed={a?.factor === s.factor}
                          onClick={() => void assign(c, s.factor)}
                        >
                          <kbd>{i + 1}</kbd> {label(s.factor)}
                        </button>{' '}
                        <span className="review-score">
                          {t('review.score', { score: s.score.toFixed(1) })}
                        </span>{' '}
                        <span className="review-matched">
                          {t('review.matched')}{' '}
                          {s.matched.map((w) => (
                            <mark key={w}>{w}</mark>
                          ))}
                        </span>
                      </li>
                    ))}
                  </ul>
                  <div className="review-actions">
                    <PromoteButton
                      source={{ link: { kind: 'card', ref: c.id, eventId }, text: c.text, eventId }}
                    />
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      tabIndex={active ? 0 : -1}
                      onClick={() => setDialog({ type: 'pick', card: c })}
                    >
                      {t('review.pick')} <kbd>f</kbd>
                    </button>
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      tabIndex={active ? 0 : -1}
                      onClick={() => setDialog({ type: 'new', card: c })}
                    >
                      {t('review.newFactor')} <kbd>n</kbd>
                    </button>
                    {a && (
                      <button
                        type="button"
                        className="btn btn-quiet btn-small"
                        tabIndex={active ? 0 : -1}
                        onClick={() => void undo(c)}
                      >
                        {t('review.undo')} <kbd>u</kbd>
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}

      {dialog?.type === 'pick' && (
        <FactorPicker
          title={t('review.pickTitle')}
          cardText={dialog.card.text}
          factors={factors}
          kind={dialog.card.kind}
          lang={lang}
          onClose={() => setDialog(null)}
          onPick={(id) => {
            const c = dialog.card;
            setDialog(null);
            void assign(c, id);
          }}
        />
      )}
      {dialog?.type === 'new' && (
        <NewFactorDialog
          card={dialog.card}
          eventId={eventId}
          onClose={() => setDialog(null)}
          onCreated={(f, c) => {
            setDialog(null);
            vocab.reload();
            const prev = assignmentOf(c);
            remember(
              c,
              { n: (prev?.n ?? 0) + 1, factor: f.id, byUser: null, at: f.updatedAt, undoOf: null },
              true,
            );
            setDone((d) => [...d, c.id]);
            setStatus(t('review.created', { factor: f.labels[lang] ?? f.labels.en ?? f.id }));
          }}
        />
      )}
      {dialog?.type === 'merge' && (
        <MergeDialog
          factors={factors}
          lang={lang}
          from={dialog.from}
          onClose={() => setDialog(null)}
          onMerged={(moved, from, into) => {
            setDialog(null);
            setDone([]);
            vocab.reload();
            review.reload();
            setStatus(t('review.merged', { from: label(from), into: label(into), count: moved }));
          }}
        />
      )}
    </section>
  );
}
