import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventSession, Participant } from '../../contract/events.ts';
import { displayName, nameQualifiers } from '../live/names.ts';

/** A plan, one round at a time: where each group sits, on what, and who is in it. */
export function PlanView({
  event,
  session,
  participants,
}: {
  event: EventDetail;
  session: EventSession;
  participants: readonly Participant[];
}) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const plan = session.plan ?? [];
  const r = Math.min(round, Math.max(0, plan.length - 1));
  const groups = plan[r]?.groups ?? [];
  const byId = new Map(participants.map((p) => [p.id, p]));
  const qualifiers = nameQualifiers(participants);
  const tableName = (id: string | null) =>
    id ? event.tables.find((x) => x.id === id)?.name : undefined;
  const topic = (issueKey: string | null, groupKey: string | null) =>
    (issueKey && event.issues.find((i) => i.key === issueKey)?.label) ||
    (groupKey && event.expertiseGroups.find((g) => g.key === groupKey)?.label) ||
    '';
  const selectId = `plan-round-${session.id}`;
  return (
    <div className="plan">
      <div className="plan-head">
        <h4>{t('events.planTitle')}</h4>
        <div className="field field-inline">
          <label htmlFor={selectId}>{t('events.round')}</label>
          <select id={selectId} value={r} onChange={(e) => setRound(Number(e.target.value))}>
            {plan.map((_, i) => (
              <option key={i} value={i}>
                {t('events.roundN', { n: i + 1, total: plan.length })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ul className="plan-groups" aria-label={t('events.roundN', { n: r + 1, total: plan.length })}>
        {groups.map((g, i) => (
          <li key={i} className="plan-group">
            <p className="plan-where">
              {session.kind === 'networking'
                ? t('events.spotN', { n: g.spot })
                : (tableName(g.tableId) ?? t('events.spotN', { n: g.spot }))}
              {topic(g.issueKey, g.groupKey) && (
                <span className="plan-topic"> · {topic(g.issueKey, g.groupKey)}</span>
              )}
            </p>
            <p className="plan-people">
              {g.participantIds
                .map((id) => {
                  const p = byId.get(id);
                  return p ? displayName(p, qualifiers) : t('events.unknownPerson');
                })
                .join(', ')}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
