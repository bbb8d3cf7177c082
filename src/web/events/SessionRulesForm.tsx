import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RULE_NAMES,
  type EventDetail,
  type EventSession,
  type RuleName,
  type SessionRules,
} from '../../contract/events.ts';
import { eventsApi } from './api.ts';
import { splitError } from './fieldErrors.ts';

/** A session's seating rules: each always kept, or a preference with a weight of 1-10. */
export function SessionRulesForm({
  eventId,
  session: s,
  onChange,
}: {
  eventId: string;
  session: EventSession;
  onChange(e: EventDetail): void;
}) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<SessionRules>(s.rules);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Hosts matter only where people sit at tables with hosts.
  const shown = RULE_NAMES.filter((r) => r !== 'hosts' || s.kind === 'cafe');
  const changed = JSON.stringify(rules) !== JSON.stringify(s.rules);

  const set = (rule: RuleName, patch: Partial<SessionRules[RuleName]>) =>
    setRules((rs) => ({ ...rs, [rule]: { ...rs[rule], ...patch } }));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      onChange(await eventsApi.setRules(eventId, s.id, rules));
      setStatus(t('events.rules.saved'));
    } catch (err) {
      setError(splitError(t, err).general ?? t('events.fixMarked'));
    } finally {
      setBusy(false);
    }
  }

  const id = (rule: string, part: string) => `rules-${s.id}-${rule}-${part}`;
  return (
    <details className="rules" open={changed || undefined}>
      <summary>{t('events.rules.title')}</summary>
      <p className="muted">{t('events.rules.intro')}</p>
      <fieldset className="rules-grid" data-testid="session-rules">
        <legend className="visually-hidden">{t('events.rules.title')}</legend>
        {shown.map((rule) => {
          const r = rules[rule];
          const label = t(`events.rules.${rule}`);
          return (
            <div className="rule-row" key={rule}>
              <span className="rule-name" id={id(rule, 'name')}>
                {label}
              </span>
              <label className="visually-hidden" htmlFor={id(rule, 'mode')}>
                {t('events.rules.modeOf', { rule: label })}
              </label>
              <select
                id={id(rule, 'mode')}
                value={r.mode}
                onChange={(e) => set(rule, { mode: e.target.value === 'soft' ? 'soft' : 'hard' })}
              >
                <option value="hard">{t('events.rules.hard')}</option>
                <option value="soft">{t('events.rules.soft')}</option>
              </select>
              {r.mode === 'soft' && (
                <>
                  <label htmlFor={id(rule, 'weight')}>{t('events.rules.weight')}</label>
                  <input
                    id={id(rule, 'weight')}
                    type="number"
                    min={1}
                    max={10}
                    className="num-input"
                    aria-label={t('events.rules.weightOf', { rule: label })}
                    value={r.weight}
                    onChange={(e) => set(rule, { weight: Number(e.target.value) })}
                  />
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={busy || !changed}
          onClick={() => void save()}
        >
          {t('events.rules.save')}
        </button>
        <span aria-live="polite" className="ok-text">
          {status}
        </span>
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
