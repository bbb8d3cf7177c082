import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  seatsPeople,
  SESSION_KINDS,
  type EventDetail,
  type EventSession,
  type Participant,
  type PlanFix,
  type PlanRefusal,
} from '../../contract/events.ts';
import { SelectField, TextField } from '../directory/fields.tsx';
import { ApiError } from '../api.ts';
import { errorExtra } from '../http.ts';
import { useResource } from '../shell/useResource.ts';
import { eventsApi } from './api.ts';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { splitError, type FieldErrors } from './fieldErrors.ts';
import { PlanProgressLine, wasStopped } from './PlanProgress.tsx';
import { PlanHistory } from './PlanHistory.tsx';
import { PlanView } from './PlanView.tsx';
import { PlanRefusalNote } from './PlanRefusalNote.tsx';
import { QualityReport } from './QualityReport.tsx';
import { SessionRulesForm } from './SessionRulesForm.tsx';
import { SwapForm } from './SwapForm.tsx';

type Kind = (typeof SESSION_KINDS)[number];

/** The event's sessions: add one, generate its schedule, read the plan and its quality, swap. */
export function SessionsSection({
  event,
  onChange,
  peopleNonce,
}: {
  event: EventDetail;
  onChange(e: EventDetail): void;
  peopleNonce: number;
}) {
  const { t } = useTranslation();
  const people = useResource(`people:${event.id}:${peopleNonce}`, (s) =>
    eventsApi.participants(event.id, s),
  );
  const participants = people.data?.items ?? people.previous?.items ?? [];
  return (
    <section id="ev-sessions" aria-labelledby="ev-sessions-h" className="ev-section">
      <h2 id="ev-sessions-h">{t('events.section.sessions')}</h2>
      <p className="muted">{t('events.sessionsIntro')}</p>
      {event.sessions.length === 0 && <p className="empty">{t('events.noSessions')}</p>}
      {event.sessions.map((s) => (
        <SessionCard
          key={s.id}
          event={event}
          session={s}
          participants={participants}
          onChange={onChange}
        />
      ))}
      <details className="ev-box" open={event.sessions.length === 0}>
        <summary>{t('events.addSession')}</summary>
        <AddSession eventId={event.id} onAdded={onChange} />
      </details>
    </section>
  );
}

function SessionCard({
  event,
  session: s,
  participants,
  onChange,
}: {
  event: EventDetail;
  session: EventSession;
  participants: Participant[];
  onChange(e: EventDetail): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<PlanRefusal['reason'] | null>(null);

  async function generate() {
    setBusy(true);
    setError(null);
    setRefusal(null);
    setStatus(null);
    try {
      onChange(
        await eventsApi.plan(event.id, s.id, {
          seed: Math.floor(Math.random() * 1e6),
          timeLimitSeconds: 5,
        }),
      );
      setStatus(t('events.planned'));
    } catch (err) {
      setStatus(null);
      const reason = errorExtra<PlanRefusal['reason']>(err, 'reason');
      if (err instanceof ApiError && wasStopped(err.body?.error))
        setStatus(t('planning.cancelled'));
      else if (reason) setRefusal(reason);
      else
        setError(
          err instanceof ApiError && (err.status === 422 || err.status === 409) && err.body
            ? err.body.message
            : splitError(t, err).general,
        );
    } finally {
      setBusy(false);
    }
  }

  /** Applies one of the refusal's fixes, then plans again. */
  async function fix(f: PlanFix) {
    setBusy(true);
    setError(null);
    try {
      if (f.kind === 'soften')
        onChange(
          await eventsApi.setRules(event.id, s.id, {
            ...s.rules,
            [f.rule]: { ...s.rules[f.rule], mode: 'soft' },
          }),
        );
      else {
        if (event.sessions.some((x) => x.plan) && !window.confirm(t('events.tablesClearPlans')))
          return;
        const present = participants.filter((p) => p.status !== 'absent').length;
        const capacity = Math.min(50, Math.max(2, Math.ceil(present / f.tables)));
        onChange(
          await eventsApi.setTables(
            event.id,
            Array.from({ length: f.tables }, (_, i) => ({
              name: event.tables[i]?.name ?? t('events.tableDefaultName', { n: i + 1 }),
              capacity,
            })),
          ),
        );
      }
    } catch (err) {
      setError(splitError(t, err).general);
      return;
    } finally {
      setBusy(false);
    }
    await generate();
  }

  async function remove() {
    if (!window.confirm(t('events.deleteSessionConfirm', { title: s.title }))) return;
    try {
      onChange(await eventsApi.deleteSession(event.id, s.id));
    } catch (err) {
      setError(splitError(t, err).general);
    }
  }

  const headingId = `session-${s.id}-h`;
  return (
    <article className="ev-box session-card" aria-labelledby={headingId} data-testid="session">
      <div className="page-head">
        <div>
          <h3 id={headingId}>{s.title}</h3>
          <p className="muted">
            {t(`events.kind.${s.kind}`)} ·{' '}
            {t('events.roundsTimesMinutes', { rounds: s.rounds, minutes: s.minutesPerRound })}
          </p>
        </div>
        <div className="actions">
          {/* Mapping and learnings sessions seat nobody: they start from the console, no plan. */}
          {seatsPeople(s.kind) && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void generate()}
            >
              {s.plan ? t('events.regenerate') : t('events.generate')}
            </button>
          )}
          <button type="button" className="btn btn-quiet" onClick={() => void remove()}>
            {t('events.deleteSession')}
          </button>
        </div>
      </div>
      {busy && <PlanProgressLine eventId={event.id} sessionId={s.id} />}
      <div aria-live="polite">
        {status && !busy && <p className="muted">{status}</p>}
        {error && <p className="alert alert-error">{error}</p>}
      </div>
      {refusal && !busy && (
        <PlanRefusalNote reason={refusal} busy={busy} onFix={(f) => void fix(f)} />
      )}
      {s.kind === 'mapping' && <p className="muted">{t('events.mappingNoPlan')}</p>}
      {s.kind === 'learnings' && <p className="muted">{t('events.learningsNoPlan')}</p>}
      {s.kind !== 'groups' && seatsPeople(s.kind) && (
        <SessionRulesForm
          key={JSON.stringify(s.rules)}
          eventId={event.id}
          session={s}
          onChange={onChange}
        />
      )}
      {s.quality && <QualityReport kind={s.kind} quality={s.quality} />}
      {s.plan && (
        <>
          <PlanView event={event} session={s} participants={participants} />
          <SwapForm event={event} session={s} participants={participants} onChange={onChange} />
        </>
      )}
      {seatsPeople(s.kind) && <PlanHistory eventId={event.id} session={s} onRestored={onChange} />}
    </article>
  );
}

function AddSession({ eventId, onAdded }: { eventId: string; onAdded(e: EventDetail): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | ''>('networking');
  const [title, setTitle] = useState('');
  const [rounds, setRounds] = useState('6');
  const [minutes, setMinutes] = useState('5');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const fields = [
    { key: 'kind', id: 'ss-kind', label: t('events.sessionKind') },
    { key: 'title', id: 'ss-title', label: t('events.sessionTitle') },
    { key: 'rounds', id: 'ss-rounds', label: t('events.rounds') },
    { key: 'minutesPerRound', id: 'ss-minutesPerRound', label: t('events.minutesPerRound') },
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    try {
      const next = await eventsApi.addSession(eventId, {
        kind: kind || 'networking',
        title: title || (kind ? t(`events.kind.${kind}`) : ''),
        rounds: Number(rounds),
        minutesPerRound: Number(minutes),
      });
      setErrors({});
      setTitle('');
      onAdded(next);
    } catch (err) {
      const s = splitError(t, err, (f) => fields.find((x) => x.key === f)?.label);
      setErrors(s.fields);
      setGeneral(s.general);
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const num = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    err?: string,
  ) => (
    <div className={`field${err ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {err && (
        <p className="field-error" id={`${id}-error`}>
          {err}
        </p>
      )}
      <input
        id={id}
        type="number"
        min={1}
        className="num-input"
        value={value}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? `${id}-error` : undefined}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="stack">
      <ErrorSummary items={summaryItems(errors, fields)} general={general} focusKey={failures} />
      <SelectField<Kind>
        id="ss-kind"
        label={t('events.sessionKind')}
        value={kind}
        options={SESSION_KINDS}
        labelOf={(k) => t(`events.kind.${k}`)}
        placeholder={t('events.sessionKindPlaceholder')}
        onChange={setKind}
        error={errors.kind}
      />
      <TextField
        id="ss-title"
        label={t('events.sessionTitle')}
        hint={t('events.sessionTitleHint')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        maxLength={120}
        optional
      />
      <div className="ev-row">
        {num('ss-rounds', t('events.rounds'), rounds, setRounds, errors.rounds)}
        {num(
          'ss-minutesPerRound',
          t('events.minutesPerRound'),
          minutes,
          setMinutes,
          errors.minutesPerRound,
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('events.addSessionSubmit')}
      </button>
    </form>
  );
}
