import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventSession, Participant, SwapWarning } from '../../contract/events.ts';
import { ApiError } from '../api.ts';
import { errorExtra } from '../live/http.ts';
import { eventsApi } from './api.ts';
import { splitError } from './fieldErrors.ts';
import { byName, displayName, matchesPerson, nameQualifiers } from '../live/names.ts';

/**
 * Swap two people in one round. A swap that makes a repeat meeting or breaks a rule comes back
 * with warnings and changes nothing; the facilitator reads them and may confirm.
 */
export function SwapForm({
  event,
  session,
  participants,
  onChange,
}: {
  event: EventDetail;
  session: EventSession;
  participants: readonly Participant[];
  onChange(e: EventDetail): void;
}) {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [warnings, setWarnings] = useState<SwapWarning[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sid = session.id;
  // A warning names people as the lists do: a name two people share comes with its organisation.
  const qualifiers = useMemo(() => nameQualifiers(participants), [participants]);
  const nameOf = (id: string | undefined) => {
    const p = participants.find((x) => x.id === id);
    return p ? displayName(p, qualifiers) : '—';
  };
  const wording = (w: SwapWarning) =>
    t(`events.swapWarning.${w.code}`, {
      a: nameOf(w.people[0]),
      b: nameOf(w.people[1]),
      table: w.table ?? '',
    });
  // Everyone placed in this round, by name, each with where they sit in it ("Table 4", "Spot 12").
  const people = useMemo(() => {
    const where = new Map<string, string>();
    for (const g of session.plan?.[round]?.groups ?? []) {
      const table = g.tableId ? event.tables.find((x) => x.id === g.tableId)?.name : undefined;
      const place =
        session.kind !== 'networking' && table ? table : t('events.spotN', { n: g.spot });
      for (const id of g.participantIds) where.set(id, place);
    }
    return byName(
      participants.filter((p) => where.has(p.id)),
      i18n.language,
    ).map((p) => ({
      person: p,
      label: t('events.swapOption', {
        name: p.name,
        organisation: qualifiers.get(p.id) ?? p.organisation,
        place: where.get(p.id) ?? '',
      }),
    }));
  }, [session, round, event.tables, participants, qualifiers, i18n.language, t]);

  async function swap(confirm: boolean) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await eventsApi.swap(event.id, sid, { round, a, b, confirm });
      setWarnings(null);
      setDone(
        r.warnings.length
          ? t('events.swappedWithWarnings', { count: r.warnings.length })
          : t('events.swapped'),
      );
      onChange(r.event);
    } catch (err) {
      const w =
        err instanceof ApiError && err.status === 409
          ? errorExtra<SwapWarning[]>(err, 'warnings')
          : undefined;
      if (w) setWarnings(w);
      else setError(splitError(t, err).general);
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!a || !b || a === b) return setError(t('events.swapPickTwo'));
    void swap(false);
  };
  const reset = () => {
    setWarnings(null);
    setDone(null);
  };

  const pick = (
    id: string,
    label: string,
    find: string,
    value: string,
    set: (v: string) => void,
  ) => (
    <PersonPicker
      id={id}
      label={label}
      find={find}
      value={value}
      people={people}
      onChange={(v) => (set(v), reset())}
    />
  );

  return (
    <details className="swap">
      <summary>{t('events.swapTitle')}</summary>
      <form onSubmit={submit} noValidate className="stack">
        <p className="hint">{t('events.swapHelp')}</p>
        <div className="ev-row ev-row-3">
          <div className="field">
            <label htmlFor={`swap-round-${sid}`}>{t('events.round')}</label>
            <select
              id={`swap-round-${sid}`}
              value={round}
              onChange={(e) => (setRound(Number(e.target.value)), reset())}
            >
              {(session.plan ?? []).map((_, i) => (
                <option key={i} value={i}>
                  {i + 1}
                </option>
              ))}
            </select>
          </div>
          {pick(`swap-a-${sid}`, t('events.swapA'), t('events.swapFindA'), a, setA)}
          {pick(`swap-b-${sid}`, t('events.swapB'), t('events.swapFindB'), b, setB)}
        </div>
        <button type="submit" className="btn btn-quiet" disabled={busy}>
          {t('events.swapSubmit')}
        </button>
        <div aria-live="polite">
          {error && <p className="alert alert-error">{error}</p>}
          {done && <p className="alert alert-ok">{done}</p>}
          {warnings && (
            <div className="alert alert-info" data-testid="swap-warnings">
              <p>{t('events.swapWarningsIntro')}</p>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i}>{wording(w)}</li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy}
                  onClick={() => void swap(true)}
                >
                  {t('events.swapConfirm')}
                </button>
                <button type="button" className="btn btn-quiet" onClick={reset}>
                  {t('events.swapCancel')}
                </button>
              </div>
            </div>
          )}
        </div>
      </form>
    </details>
  );
}

interface Option {
  person: Participant;
  label: string;
}

/** One person of the round: type part of a name or organisation, then choose from what matches. */
function PersonPicker({
  id,
  label,
  find,
  value,
  people,
  onChange,
}: {
  id: string;
  label: string;
  /** The search box's label. */
  find: string;
  value: string;
  people: readonly Option[];
  onChange(v: string): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  // the chosen person stays listed while the search looks for someone else
  const shown = people.filter((o) => o.person.id === value || matchesPerson(o.person, q));
  const matches = shown.filter((o) => o.person.id !== value || matchesPerson(o.person, q)).length;
  return (
    <div className="field swap-pick">
      <label htmlFor={`${id}-q`}>{find}</label>
      <input
        id={`${id}-q`}
        type="search"
        autoComplete="off"
        value={q}
        aria-describedby={`${id}-n`}
        onChange={(e) => {
          setQ(e.target.value);
          // one match: choose it, so a typed name is enough
          const only = people.filter((o) => matchesPerson(o.person, e.target.value));
          if (only.length === 1 && only[0]!.person.id !== value) onChange(only[0]!.person.id);
        }}
      />
      <p id={`${id}-n`} className="hint small" aria-live="polite">
        {t('events.swapMatches', { count: matches, total: people.length })}
      </p>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('events.swapChoose')}</option>
        {shown.map((o) => (
          <option key={o.person.id} value={o.person.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
