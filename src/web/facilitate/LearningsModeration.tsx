import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learning, LearningTheme, ThemeSuggestions } from '../../contract/learnings.ts';
import type { Intent } from '../../contract/live.ts';
import { wall } from '../../core/learnings.ts';
import { call } from '../http.ts';
import { newCardId } from '../sheets/view.ts';

type Suggestion = ThemeSuggestions['suggestions'][number];

/**
 * The learnings wall as the console moderates it (LEARN-3..5): every post, hidden ones too; pin,
 * hide, merge a duplicate into another post (its votes follow, each person counted once), put a
 * post in a theme (with the themes and café factors the suggester proposes) or make a new theme.
 */
export function LearningsModeration({
  eventId,
  posts,
  themes,
  act,
}: {
  eventId: string;
  posts: readonly Learning[];
  themes: readonly LearningTheme[];
  act(intent: Intent): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [suggested, setSuggested] = useState<Map<string, Suggestion>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const shown = [
    ...wall(posts, 'votes'),
    ...posts.filter((p) => p.hidden && p.mergedInto === null),
  ];
  const merged = (id: string) => posts.filter((p) => p.mergedInto === id).length;

  async function addTheme(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return;
    if (await act({ type: 'addLearningTheme', themeId: newCardId(), label: label.trim() }))
      setLabel('');
  }
  async function themeFrom(learningId: string, newLabel: string) {
    const themeId = newCardId();
    if (await act({ type: 'addLearningTheme', themeId, label: newLabel }))
      await act({ type: 'themeLearning', learningId, themeId });
  }
  async function suggest() {
    try {
      const r = await call<ThemeSuggestions>('GET', `/api/events/${eventId}/learnings/suggestions`);
      setSuggested(new Map(r.suggestions.map((s) => [s.learningId, s])));
      setError(null);
    } catch {
      setError(t('facilitate.learn.suggestFailed'));
    }
  }

  return (
    <section className="console-panel" aria-labelledby="learn-mod-h" data-testid="moderation">
      <h2 id="learn-mod-h">{t('facilitate.learn.title')}</h2>
      <p className="muted">
        {t('facilitate.learn.summary', { count: shown.length })}{' '}
        <a href={`/screen/${eventId}/learnings`} target="_blank" rel="noreferrer">
          {t('facilitate.learn.projector')}
        </a>
      </p>
      <form className="learn-theme-form" onSubmit={(e) => void addTheme(e)}>
        <label htmlFor="theme-label">{t('facilitate.learn.newTheme')}</label>
        <input id="theme-label" value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className="btn">
          {t('facilitate.learn.addTheme')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => void suggest()}>
          {t('facilitate.learn.suggest')}
        </button>
      </form>
      {error && <p className="alert alert-error">{error}</p>}
      <ol className="learn-mod-list">
        {shown.map((p) => {
          const s = suggested.get(p.id);
          return (
            <li
              key={p.id}
              className={p.hidden ? 'learn-hidden' : ''}
              data-testid="mod-post"
              data-learning-id={p.id}
            >
              <p className="learn-mod-text">
                <strong data-testid="mod-votes">▲ {p.votes}</strong> {p.text}
              </p>
              <p className="muted">
                {p.organisation ?? t('facilitate.learn.anonymous')}
                {merged(p.id) > 0 && ` · ${t('facilitate.learn.merged', { count: merged(p.id) })}`}
                {p.hidden && ` · ${t('facilitate.learn.hiddenNote')}`}
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-quiet"
                  onClick={() =>
                    void act({ type: 'pinLearning', learningId: p.id, pinned: !p.pinned })
                  }
                >
                  {p.pinned ? t('facilitate.learn.unpin') : t('facilitate.learn.pin')}
                </button>
                <button
                  type="button"
                  className="btn btn-quiet"
                  onClick={() =>
                    void act({ type: 'hideLearning', learningId: p.id, hidden: !p.hidden })
                  }
                >
                  {p.hidden ? t('facilitate.learn.unhide') : t('facilitate.learn.hide')}
                </button>
                <label>
                  {t('facilitate.learn.mergeInto')}{' '}
                  <select
                    value=""
                    aria-label={t('facilitate.learn.mergeInto')}
                    data-testid="merge-into"
                    onChange={(e) =>
                      e.target.value &&
                      void act({ type: 'mergeLearnings', learningId: p.id, intoId: e.target.value })
                    }
                  >
                    <option value="">—</option>
                    {shown
                      .filter((o) => o.id !== p.id)
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.text.slice(0, 60)}
                        </option>
                      ))}
                  </select>
                </label>
                <label>
                  {t('facilitate.learn.theme')}{' '}
                  <select
                    value={p.themeId ?? ''}
                    aria-label={t('facilitate.learn.theme')}
                    onChange={(e) =>
                      void act({
                        type: 'themeLearning',
                        learningId: p.id,
                        themeId: e.target.value || null,
                      })
                    }
                  >
                    <option value="">{t('facilitate.learn.noTheme')}</option>
                    {themes.map((th) => (
                      <option key={th.id} value={th.id}>
                        {th.label}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {s && p.themeId === null && (s.themes.length > 0 || s.factors.length > 0) && (
                <p className="learn-suggest" data-testid="suggestions">
                  {t('facilitate.learn.suggested')}{' '}
                  {s.themes.map((x) => (
                    <button
                      key={x.themeId}
                      type="button"
                      className="chip"
                      onClick={() =>
                        void act({ type: 'themeLearning', learningId: p.id, themeId: x.themeId })
                      }
                    >
                      {themes.find((th) => th.id === x.themeId)?.label ?? x.themeId}
                    </button>
                  ))}
                  {s.factors.map((f) => (
                    <button
                      key={f.factorId}
                      type="button"
                      className="chip"
                      onClick={() => void themeFrom(p.id, f.label)}
                    >
                      + {f.label}
                    </button>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
