import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intent } from '../../contract/live.ts';
import {
  MAX_LEARNING_LENGTH,
  learningTextProblem,
  phoneWall,
  wall,
  type WallOrder,
} from '../../core/learnings.ts';
import { cardTextLength } from '../../core/cards.ts';
import type { LiveClient, LiveView } from '../live/client.ts';
import { newCardId } from '../sheets/view.ts';

type Post = Extract<Intent, { type: 'postLearning' }>;

/**
 * During a learnings session: a participant posts what they learnt (anonymous, or with their
 * organisation, as they choose) and votes for others' posts; the wall updates live. Posts and
 * votes go through the live client's outbox, so what is done offline is sent once when back
 * (LEARN-1, LEARN-2), and shows meanwhile as "waiting to send".
 */
export function LearningsPanel({
  client,
  view,
  sessionId,
  organisation,
  now,
}: {
  client: LiveClient;
  view: LiveView;
  sessionId: string;
  organisation: string | null;
  now: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [showOrg, setShowOrg] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [order, setOrder] = useState<WallOrder>('votes');
  const posts = view.snapshot?.learnings;
  const shown = useMemo(
    () => phoneWall(posts ?? [], view.outbox, new Set(view.myVotes), now),
    // `now` only dates posts still waiting: recomputing on every tick is not needed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [posts, view.outbox, view.myVotes],
  );
  const list = wall(shown, order) as typeof shown;
  const n = cardTextLength(text);

  function submit(e: FormEvent) {
    e.preventDefault();
    const p = learningTextProblem(text);
    if (p) {
      setProblem(
        p === 'empty'
          ? t('join.learn.errEmpty')
          : t('join.learn.errLong', { max: MAX_LEARNING_LENGTH }),
      );
      return;
    }
    const intent: Post = {
      type: 'postLearning',
      learningId: newCardId(),
      sessionId,
      text: text.trim(),
      showOrg,
    };
    void client.send(intent);
    setText('');
    setProblem(null);
  }

  return (
    <section className="ph-card ph-stack" aria-labelledby="learn-h" data-testid="learnings">
      <h2 id="learn-h">{t('join.learn.title')}</h2>
      <form className="ph-stack" onSubmit={submit} noValidate>
        <label htmlFor="learn-text">{t('join.learn.prompt')}</label>
        <textarea
          id="learn-text"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby="learn-count"
        />
        <p id="learn-count" className={n > MAX_LEARNING_LENGTH ? 'ph-error' : 'ph-muted'}>
          {t('join.learn.count', { n, max: MAX_LEARNING_LENGTH })}
        </p>
        {problem && (
          <p className="ph-error" role="alert">
            {problem}
          </p>
        )}
        <label className="ph-check">
          <input type="checkbox" checked={showOrg} onChange={(e) => setShowOrg(e.target.checked)} />
          {organisation ? t('join.learn.showOrg', { organisation }) : t('join.learn.showOrgPlain')}
        </label>
        <button type="submit" className="ph-btn">
          {t('join.learn.post')}
        </button>
      </form>
      <div className="ph-tabs" role="group" aria-label={t('join.learn.order')}>
        {(['votes', 'newest'] as const).map((o) => (
          <button
            key={o}
            type="button"
            className="ph-btn ph-btn-quiet"
            aria-pressed={order === o}
            onClick={() => setOrder(o)}
          >
            {o === 'votes' ? t('join.learn.mostVoted') : t('join.learn.newest')}
          </button>
        ))}
      </div>
      {list.length === 0 ? (
        <p className="ph-muted">{t('join.learn.empty')}</p>
      ) : (
        <ol className="ph-learnings" data-testid="learning-list">
          {list.map((p) => (
            <li key={p.id} className="ph-learning" data-testid="learning">
              <p className="ph-learning-text">{p.text}</p>
              <p className="ph-muted">
                {p.pinned && <span className="ph-badge">{t('join.learn.pinned')}</span>}
                {p.waiting
                  ? t('join.learn.waiting')
                  : (p.organisation ?? t('join.learn.anonymous'))}
              </p>
              <button
                type="button"
                className="ph-vote"
                aria-pressed={p.mine}
                data-testid="vote"
                onClick={() =>
                  void client.send({ type: 'voteLearning', learningId: p.id, up: !p.mine })
                }
              >
                {p.mine ? t('join.learn.voted') : t('join.learn.vote')}{' '}
                <span data-testid="votes">{p.votes}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
