import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Vocabulary, VocabularyFactor } from '../../contract/factors.ts';
import { reviewApi } from '../review/api.ts';
import { MergeDialog, StatusLines } from '../review/dialogs.tsx';
import { reviewError } from '../review/errors.ts';
import { fromVocabulary, labelOf } from '../review/model.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { vocabularyApi } from './api.ts';
import { FactorEditor } from './FactorEditor.tsx';
import { matches } from './model.ts';
import { SplitDialog } from './SplitDialog.tsx';
import '../review/review.css';
import './factors.css';

type Kind = VocabularyFactor['kind'];
type Dialog =
  | { type: 'edit'; factor: VocabularyFactor }
  | { type: 'new'; kind: Kind }
  | { type: 'merge'; from: string }
  | { type: 'split'; factor: VocabularyFactor };

const KINDS: Kind[] = ['cause', 'consequence'];

/**
 * The coalition's vocabulary of factors, for coordinators: push factors and consequences with
 * their labels in every language the coalition works in, card counts and status; edit a factor's
 * label, description and synonyms/keywords per language, add one, merge one into another (the
 * cards follow), split one, retire or restore one. Every member may read it; the buttons are the
 * policy's (`can` of GET /api/factors). Keyboard: every factor is a button that opens its words.
 */
export function VocabularyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useTitle(t('factors.title'));
  const vocab = useResource('factors', (s) => reviewApi.vocabulary(s));
  const [query, setQuery] = useState('');
  const [showMerged, setShowMerged] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data: Vocabulary | undefined = vocab.data ?? vocab.previous;
  const languages = data?.languages ?? ['en'];
  const can = data?.can ?? { create: false, update: false, retire: false };
  const byId = useMemo(() => new Map((data?.factors ?? []).map((f) => [f.id, f])), [data]);
  const name = (f: VocabularyFactor | undefined) => labelOf(f, lang);
  const langName = (l: string) => t(`factors.languages.${l as 'en'}`, l);

  async function setRetired(f: VocabularyFactor, retire: boolean) {
    setError(null);
    setBusy(true);
    try {
      await (retire ? vocabularyApi.retire(f.id) : vocabularyApi.restore(f.id));
      setStatus(t(retire ? 'factors.retired' : 'factors.restored', { factor: name(f) }));
      vocab.reload();
    } catch (err) {
      setError(reviewError(t, err));
    } finally {
      setBusy(false);
    }
  }

  const statusOf = (f: VocabularyFactor) =>
    f.status === 'merged'
      ? t('factors.status.mergedInto', {
          factor: name(byId.get(f.mergedInto ?? '')) || f.mergedInto,
        })
      : t(`factors.status.${f.status}`);

  return (
    <section aria-labelledby="factors-title" className="factors-page">
      <div className="page-head">
        <h1 id="factors-title" tabIndex={-1}>
          {t('factors.title')}
        </h1>
      </div>
      <p className="muted">{t('factors.intro')}</p>
      <p>
        <Link href="/events">{t('factors.toReview')}</Link>
      </p>
      <div className="review-bar">
        <label>
          {t('factors.search')}{' '}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={showMerged}
            onChange={(e) => setShowMerged(e.target.checked)}
          />{' '}
          {t('factors.showMerged')}
        </label>
      </div>
      <StatusLines
        status={status}
        error={error}
        loadError={vocab.error !== undefined && !data ? reviewError(t, vocab.error) : null}
        testId="factors-status"
      />

      {data &&
        KINDS.map((kind) => {
          const list = data.factors.filter(
            (f) => f.kind === kind && (showMerged || f.status !== 'merged') && matches(f, query),
          );
          return (
            <section key={kind} className="factors-kind">
              <div className="review-group-head">
                <h2 id={`factors-${kind}`}>
                  {t(`factors.kindsPlural.${kind}`)}{' '}
                  <span className="muted">{t('factors.count', { count: list.length })}</span>
                </h2>
                {can.create && (
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    onClick={() => setDialog({ type: 'new', kind })}
                  >
                    {t(`factors.add.${kind}`)}
                  </button>
                )}
              </div>
              <div
                className="factors-scroll"
                role="region"
                tabIndex={0}
                aria-labelledby={`factors-${kind}`}
              >
                <table className="factors-table" data-testid={`factors-${kind}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('factors.factor')}</th>
                      {languages.map((l) => (
                        <th scope="col" key={l}>
                          {langName(l)}
                        </th>
                      ))}
                      <th scope="col">{t('factors.cards')}</th>
                      <th scope="col">{t('factors.statusHead')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((f) => (
                      <tr key={f.id} data-factor={f.id} className={`is-${f.status}`}>
                        <th scope="row">
                          {can.update && f.status !== 'merged' ? (
                            <button
                              type="button"
                              className="linklike"
                              onClick={() => setDialog({ type: 'edit', factor: f })}
                            >
                              {name(f)}
                            </button>
                          ) : (
                            name(f)
                          )}
                          <br />
                          <code className="muted">{f.id}</code>
                          <div className="factors-actions">
                            {can.update && f.status === 'active' && (
                              <>
                                <button
                                  type="button"
                                  className="btn btn-quiet btn-small"
                                  aria-label={t('factors.mergeLabel', { factor: name(f) })}
                                  onClick={() => setDialog({ type: 'merge', from: f.id })}
                                >
                                  {t('factors.merge')}
                                </button>
                                <button
                                  type="button"
                                  className="btn btn-quiet btn-small"
                                  aria-label={t('factors.splitLabel', { factor: name(f) })}
                                  onClick={() => setDialog({ type: 'split', factor: f })}
                                >
                                  {t('factors.split')}
                                </button>
                              </>
                            )}
                            {can.retire && f.status === 'active' && (
                              <button
                                type="button"
                                className="btn btn-quiet btn-small"
                                disabled={busy}
                                aria-label={t('factors.retireLabel', { factor: name(f) })}
                                onClick={() => void setRetired(f, true)}
                              >
                                {t('factors.retire')}
                              </button>
                            )}
                            {can.update && f.status === 'retired' && (
                              <button
                                type="button"
                                className="btn btn-quiet btn-small"
                                disabled={busy}
                                aria-label={t('factors.restoreLabel', { factor: name(f) })}
                                onClick={() => void setRetired(f, false)}
                              >
                                {t('factors.restore')}
                              </button>
                            )}
                          </div>
                        </th>
                        {languages.map((l) => (
                          <td key={l} lang={l}>
                            <span className="factor-label">
                              {f.labels[l] ?? <span className="muted">—</span>}
                            </span>
                            <span className="factor-words muted">
                              {t('factors.wordCount', { count: f.keywords[l]?.length ?? 0 })}
                            </span>
                          </td>
                        ))}
                        <td>{f.cards}</td>
                        <td>{statusOf(f)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {list.length === 0 && <p className="muted">{t('factors.none')}</p>}
            </section>
          );
        })}

      {(dialog?.type === 'edit' || dialog?.type === 'new') && (
        <FactorEditor
          key={dialog.type === 'edit' ? dialog.factor.id : `new-${dialog.kind}`}
          factor={dialog.type === 'edit' ? dialog.factor : null}
          kind={dialog.type === 'edit' ? dialog.factor.kind : dialog.kind}
          languages={languages}
          onClose={() => setDialog(null)}
          onSaved={(f, created) => {
            setDialog(null);
            setStatus(t(created ? 'factors.created' : 'factors.saved', { factor: name(f) }));
            vocab.reload();
          }}
        />
      )}
      {dialog?.type === 'merge' && (
        <MergeDialog
          factors={(data?.factors ?? []).map(fromVocabulary)}
          lang={lang}
          from={dialog.from}
          cardsOf={(id) => byId.get(id)?.cards ?? 0}
          onClose={() => setDialog(null)}
          onMerged={(moved, from, into) => {
            setDialog(null);
            setStatus(
              t('review.merged', {
                from: name(byId.get(from)),
                into: name(byId.get(into)),
                count: moved,
              }),
            );
            vocab.reload();
          }}
        />
      )}
      {dialog?.type === 'split' && (
        <SplitDialog
          factor={dialog.factor}
          lang={lang}
          onClose={() => setDialog(null)}
          onSplit={(moved, made) => {
            setDialog(null);
            setStatus(t('factors.splitDone', { factor: made.map(name).join(', '), count: moved }));
            vocab.reload();
          }}
        />
      )}
    </section>
  );
}
