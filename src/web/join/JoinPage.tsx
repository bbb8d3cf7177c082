import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { MAX_PARTICIPANT_NAME_LENGTH } from '../../contract/constants.ts';
import { ApiError } from '../api.ts';
import { SECTORS, type Sector } from '../live/protocol.ts';
import { joinApi, type JoinInfo, type JoinResult } from './api.ts';
import { fieldErrorText } from '../shell/errors.ts';
import { joinError } from './errors.ts';
import { loadMe, saveMe } from './me.ts';
import { RejoinForm } from './RejoinForm.tsx';
import { byName, matchesPerson } from '../live/names.ts';
import { hasHan, useHanFont } from '../sheets/cjk.ts';

type Stage =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'pick'; info: JoinInfo }
  | { kind: 'joined'; info: JoinInfo; result: JoinResult; name: string };

/** /j/:code — the QR code lands here: pick your name (or register), get your personal code. */
export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [, navigate] = useLocation();

  useEffect(() => {
    const ctrl = new AbortController();
    joinApi.info(code, ctrl.signal).then(
      async (info) => {
        // A phone that already joined this event (the QR code scanned again) goes straight back
        // to its live page instead of "Who are you?".
        const me = await loadMe(info.eventId).catch(() => undefined);
        if (ctrl.signal.aborted) return;
        if (me) navigate(`/live/${info.eventId}`, { replace: true });
        else setStage({ kind: 'pick', info });
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setStage({ kind: 'failed', message: joinError(t, err) });
      },
    );
    return () => ctrl.abort();
  }, [code, t, navigate]);

  useEffect(() => {
    const name = stage.kind === 'pick' || stage.kind === 'joined' ? stage.info.name : null;
    document.title = `${name ?? t('join.title')} · Mosaic`;
  }, [stage, t]);

  if (stage.kind === 'loading') return <p role="status">{t('join.loading')}</p>;
  if (stage.kind === 'failed')
    return (
      <section className="ph-stack">
        <h1>{t('join.title')}</h1>
        <p className="ph-error" role="alert">
          {stage.message}
        </p>
        <Link href="/join" className="ph-btn ph-btn-quiet">
          {t('join.tryAnotherCode')}
        </Link>
      </section>
    );
  if (stage.kind === 'joined') return <Joined {...stage} />;
  return (
    <Pick
      code={code}
      info={stage.info}
      onJoined={(result, name) => setStage({ kind: 'joined', info: stage.info, result, name })}
    />
  );
}

function Pick({
  code,
  info,
  onJoined,
}: {
  code: string;
  info: JoinInfo;
  onJoined(r: JoinResult, name: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState(false);
  const [busy, setBusy] = useState(false);

  // by name in the reader's collation; a search ignores accents and case ("nguyen" finds Nguyễn)
  const people = useMemo(
    () =>
      byName(
        info.roster.filter((p) => matchesPerson(p, query)),
        i18n.language,
      ),
    [info.roster, query, i18n.language],
  );

  useHanFont(hasHan(info.roster.flatMap((p) => [p.name, p.organisation])));

  async function claim(id: string) {
    const person = info.roster.find((p) => p.id === id);
    if (!person) return;
    setBusy(true);
    setError(null);
    setTaken(false);
    try {
      const r = await joinApi.claim(code, id);
      await saveMe(r);
      onJoined(r, person.name);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setTaken(true);
      setError(joinError(t, err));
      setBusy(false);
    }
  }

  return (
    <section className="ph-stack" aria-labelledby="pick-title">
      <p className="ph-event">
        {info.name}
        {info.venue && <span className="ph-muted"> · {info.venue}</span>}
      </p>
      <h1 id="pick-title">{t('join.pickTitle')}</h1>
      <p>{t('join.pickIntro')}</p>
      <div className="ph-field">
        <label htmlFor="find-name">{t('join.searchLabel')}</label>
        <input
          id="find-name"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {error && !taken && (
        <div className="ph-error-box" role="alert">
          <p>{error}</p>
        </div>
      )}
      {taken && (
        <div className="ph-error-box" role="alert" data-testid="taken">
          <h2 className="ph-label">{t('join.itsMeTitle')}</h2>
          <p>{t('join.itsMeBody')}</p>
          <RejoinForm autoFocus />
        </div>
      )}
      <fieldset className="ph-roster">
        <legend className="visually-hidden">{t('join.pickTitle')}</legend>
        {people.length === 0 && <p className="ph-muted">{t('join.noMatch')}</p>}
        {people.map((p) => (
          <label key={p.id} className="ph-person">
            <input
              type="radio"
              name="me"
              value={p.id}
              checked={chosen === p.id}
              onChange={() => setChosen(p.id)}
            />
            <span>
              <span className="ph-person-name">{p.name}</span>
              <span className="ph-muted">
                {p.organisation}
                {p.joined && ` · ${t('join.joinedBadge')}`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="ph-btn ph-sticky"
        disabled={!chosen || busy}
        onClick={() => chosen && void claim(chosen)}
      >
        {busy ? t('join.joining') : t('join.thisIsMe')}
      </button>
      {info.walkInsAllowed ? (
        <details className="ph-details">
          <summary>{t('join.notListed')}</summary>
          <Register code={code} onJoined={onJoined} />
        </details>
      ) : (
        <p className="ph-muted">{t('join.noWalkIns')}</p>
      )}
    </section>
  );
}

function Register({ code, onJoined }: { code: string; onJoined(r: JoinResult, n: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('join.errRequired');
    if (!organisation.trim()) missing.organisation = t('join.errRequired');
    if (!sector) missing.sector = t('join.errRequired');
    setErrors(missing);
    if (Object.keys(missing).length || !sector) return;
    setBusy(true);
    setError(null);
    try {
      const r = await joinApi.register(code, {
        name: name.trim(),
        organisation: organisation.trim(),
        sector,
      });
      await saveMe(r);
      onJoined(r, name.trim());
    } catch (err) {
      const fields = err instanceof ApiError ? (err.body?.fields ?? []) : [];
      if (fields.length)
        setErrors(Object.fromEntries(fields.map((f) => [f.field, fieldErrorText(t, f)])));
      else setError(joinError(t, err));
      setBusy(false);
    }
  }

  const field = (
    id: 'name' | 'organisation',
    label: string,
    value: string,
    set: (v: string) => void,
  ) => (
    <div className="ph-field">
      <label htmlFor={`reg-${id}`}>{label}</label>
      {errors[id] && (
        <p className="ph-error" id={`reg-${id}-error`}>
          {errors[id]}
        </p>
      )}
      <input
        id={`reg-${id}`}
        type="text"
        value={value}
        maxLength={id === 'name' ? MAX_PARTICIPANT_NAME_LENGTH : 200}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `reg-${id}-error` : undefined}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="ph-stack">
      {error && (
        <p className="ph-error" role="alert">
          {error}
        </p>
      )}
      {field('name', t('join.nameLabel'), name, setName)}
      {field('organisation', t('join.orgLabel'), organisation, setOrganisation)}
      <div className="ph-field">
        <label htmlFor="reg-sector">{t('join.sectorLabel')}</label>
        {errors.sector && (
          <p className="ph-error" id="reg-sector-error">
            {errors.sector}
          </p>
        )}
        <select
          id="reg-sector"
          value={sector}
          aria-invalid={errors.sector ? true : undefined}
          aria-describedby={errors.sector ? 'reg-sector-error' : undefined}
          onChange={(e) => setSector(SECTORS.find((s) => s === e.target.value) ?? '')}
        >
          <option value="">{t('join.sectorPlaceholder')}</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`join.sector.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="ph-btn" disabled={busy}>
        {t('join.registerSubmit')}
      </button>
    </form>
  );
}

function Joined({ info, result, name }: { info: JoinInfo; result: JoinResult; name: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <section className="ph-stack" aria-labelledby="joined-title">
      <p className="ph-event">{info.name}</p>
      <h1 id="joined-title">{t('join.welcomeTitle', { name })}</h1>
      <div className="ph-card">
        <p className="ph-label">{t('join.personalCodeIs')}</p>
        <p className="ph-personal-code" data-testid="personal-code">
          {result.personalCode}
        </p>
        <p className="ph-hint">{t('join.personalCodeHelp')}</p>
      </div>
      <button type="button" className="ph-btn" onClick={() => navigate(`/live/${result.eventId}`)}>
        {t('join.continue')}
      </button>
    </section>
  );
}
