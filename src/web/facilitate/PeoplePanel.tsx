import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../contract/events.ts';
import { PlanProgressLine } from '../events/PlanProgress.tsx';
import { matchesPerson } from '../live/names.ts';

/**
 * Who has joined, live; mark late arrivals present and no-shows absent, then re-plan the rounds
 * that have not happened yet (past rounds never change).
 */
export function PeoplePanel({
  eventId,
  sessionId,
  participants,
  canReplan,
  busy,
  replanning,
  onPresence,
  onReplan,
}: {
  eventId: string;
  sessionId: string | null;
  participants: readonly Participant[];
  canReplan: boolean;
  busy: boolean;
  /** A re-plan is being computed: its progress shows here, the rest of the console stays usable. */
  replanning: boolean;
  onPresence(id: string, status: 'present' | 'absent'): void;
  onReplan(): Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const joined = participants.filter((p) => p.joined).length;
  const absent = participants.filter((p) => p.status === 'absent').length;
  const shown = useMemo(() => {
    const c = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    return participants
      .filter((p) => matchesPerson(p, q))
      .sort((a, b) => Number(b.joined) - Number(a.joined) || c.compare(a.name, b.name));
  }, [participants, q, i18n.language]);

  return (
    <section className="console-panel console-people" aria-labelledby="people-h">
      <h2 id="people-h">{t('facilitate.peopleTitle')}</h2>
      <p role="status" data-testid="joined-count">
        {t('facilitate.joinedCount', { joined, total: participants.length })}
        {absent > 0 && ` · ${t('facilitate.absentCount', { count: absent })}`}
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || replanning || !canReplan}
          onClick={() => {
            setDone(null);
            void onReplan().then((ok) => setDone(ok ? t('facilitate.replanned') : null));
          }}
        >
          {t('facilitate.replan')}
        </button>
        {done && !replanning && <span className="ok-text">{done}</span>}
      </div>
      {replanning && sessionId && <PlanProgressLine eventId={eventId} sessionId={sessionId} />}
      {!canReplan && <p className="hint">{t('facilitate.replanHint')}</p>}
      <div className="field">
        <label htmlFor="people-filter">{t('facilitate.filter')}</label>
        <input id="people-filter" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="people-list">
        {shown.map((p) => (
          <li key={p.id} className={`person person-${p.status}`}>
            <span className="person-name">
              <span className={p.joined ? 'dot dot-on' : 'dot'} aria-hidden="true" />
              {p.name}
              <span className="muted small">
                {' '}
                · {p.organisation} · {p.joined ? t('facilitate.joined') : t('facilitate.notJoined')}
                {p.status === 'absent' && ` · ${t('facilitate.markedAbsent')}`}
                {p.status === 'present' && ` · ${t('facilitate.markedPresent')}`}
              </span>
            </span>
            <span className="person-actions">
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-pressed={p.status === 'present'}
                aria-label={t('facilitate.markPresentOf', { name: p.name })}
                disabled={busy}
                onClick={() => onPresence(p.id, 'present')}
              >
                {t('facilitate.present')}
              </button>
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-pressed={p.status === 'absent'}
                aria-label={t('facilitate.markAbsentOf', { name: p.name })}
                disabled={busy}
                onClick={() => onPresence(p.id, 'absent')}
              >
                {t('facilitate.absent')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
