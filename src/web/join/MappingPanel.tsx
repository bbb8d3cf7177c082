import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceItem, PlaceSearchResponse } from '../../contract/gazetteer.ts';
import type { Intent } from '../../contract/live.ts';
import { FORMS_OF_EXPLOITATION } from '../../contract/vocab.ts';
import { findPersonalData } from '../../core/notes.ts';
import { newIntentId, type LiveClient } from '../live/client.ts';
import { call, enc } from '../live/http.ts';

type AddRoute = Extract<Intent, { type: 'addRoute' }>;
type Place = Pick<PlaceItem, 'id' | 'name' | 'provinceName' | 'countryName'>;

/** A route this phone sent, kept on the phone so its state survives a reload. */
interface Sent {
  key: string;
  from: string;
  to: string;
  status: 'waiting' | 'saved' | 'refused';
  why?: string;
  draft: { source: Place; destination: Place; via: Place[]; forms: string[]; notes: string };
}

const storeKey = (eventId: string) => `mosaic.routes.${eventId}`;
function loadSent(eventId: string): Sent[] {
  try {
    return JSON.parse(localStorage.getItem(storeKey(eventId)) ?? '[]') as Sent[];
  } catch {
    return [];
  }
}

/**
 * During a mapping session: a participant adds the routes their organisation has seen — origin,
 * transit points, destination (searched on the server's gazetteer: the phone never downloads it),
 * forms of exploitation, a note. Each route is an `addRoute` intent in the live client's outbox,
 * so a route added offline is sent when the phone is back, once (ROUTE-1). Notes that look like a
 * person (name, phone number) are refused here before sending, as the server would.
 */
export function MappingPanel({ client, eventId }: { client: LiveClient; eventId: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Place | null>(null);
  const [destination, setDestination] = useState<Place | null>(null);
  const [via, setVia] = useState<Place[]>([]);
  const [forms, setForms] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Sent[]>(() => loadSent(eventId));

  const keep = (next: (s: Sent[]) => Sent[]) =>
    setSent((s) => {
      const n = next(s);
      try {
        localStorage.setItem(storeKey(eventId), JSON.stringify(n));
      } catch {
        // not kept across a reload; the outbox still holds the route
      }
      return n;
    });

  // Answers also reach routes queued before a reload (the outbox kept them).
  useEffect(
    () =>
      client.onSettled((intent, r) => {
        if (intent.type !== 'addRoute') return;
        keep((s) =>
          s.map((x) =>
            x.key !== intent.routeId
              ? x
              : r.ok
                ? { ...x, status: 'saved' }
                : { ...x, status: 'refused', why: reason(r) },
          ),
        );
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keep only writes state
    [client],
  );

  function reason(r: { error: string; message: string; code?: string; params?: unknown }) {
    if (r.code === 'personal_data') return t('join.route.errNotes');
    if (r.error === 'not_mapping') return t('join.route.notMapping');
    return r.message;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!source) p.source = t('join.route.errSource');
    if (!destination) p.destination = t('join.route.errDestination');
    else if (source && source.id === destination.id) p.destination = t('join.route.errSame');
    if (!forms.length) p.forms = t('join.route.errForms');
    const found = findPersonalData(notes)[0];
    if (found) p.notes = t(`errors.field.personal_data_${found.kind}`, { value: found.excerpt });
    setProblems(p);
    if (Object.keys(p).length || !source || !destination) return;
    const intent: AddRoute = {
      type: 'addRoute',
      routeId: newIntentId(),
      source: source.id,
      transits: via.map((v) => ({ place: v.id, borderCrossing: false })),
      destination: destination.id,
      forms: forms as AddRoute['forms'],
      notes: notes.trim(),
    };
    keep((s) => [
      {
        key: intent.routeId,
        from: source.name,
        to: destination.name,
        status: 'waiting',
        draft: { source, destination, via, forms, notes },
      },
      ...s,
    ]);
    void client.send(intent);
    setSource(null);
    setDestination(null);
    setVia([]);
    setForms([]);
    setNotes('');
  }

  function editAgain(x: Sent) {
    setSource(x.draft.source);
    setDestination(x.draft.destination);
    setVia(x.draft.via);
    setForms(x.draft.forms);
    setNotes(x.draft.notes);
    keep((s) => s.filter((y) => y.key !== x.key));
  }

  return (
    <section className="ph-card ph-stack" aria-labelledby="route-h" data-testid="mapping">
      <h2 id="route-h">{t('join.route.title')}</h2>
      <p className="ph-muted">{t('join.route.intro')}</p>
      <form className="ph-stack" onSubmit={submit} noValidate>
        <PlacePick
          id="rt-from"
          label={t('join.route.from')}
          value={source}
          onChange={setSource}
          error={problems.source}
        />
        {via.map((v, i) => (
          <p key={`${v.id}-${i}`} className="ph-route-via">
            {t('join.route.viaPlace', { place: v.name })}{' '}
            <button
              type="button"
              className="ph-link-btn"
              onClick={() => setVia(via.filter((_, j) => j !== i))}
            >
              {t('join.route.remove')}
            </button>
          </p>
        ))}
        <PlacePick
          id="rt-via"
          label={t('join.route.via')}
          value={null}
          onChange={(p) => p && via.length < 12 && setVia([...via, p])}
        />
        <PlacePick
          id="rt-to"
          label={t('join.route.to')}
          value={destination}
          onChange={setDestination}
          error={problems.destination}
        />
        <fieldset className="ph-forms" aria-describedby={problems.forms ? 'rt-forms-e' : undefined}>
          <legend>{t('join.route.forms')}</legend>
          {problems.forms && (
            <p id="rt-forms-e" className="ph-error">
              {problems.forms}
            </p>
          )}
          {FORMS_OF_EXPLOITATION.map((f) => (
            <label key={f} className="ph-check">
              <input
                type="checkbox"
                checked={forms.includes(f)}
                onChange={() =>
                  setForms(forms.includes(f) ? forms.filter((x) => x !== f) : [...forms, f])
                }
              />{' '}
              {t(`vocab.form.${f}`)}
            </label>
          ))}
        </fieldset>
        <div className="ph-field">
          <label htmlFor="rt-notes">{t('join.route.notes')}</label>
          <textarea
            id="rt-notes"
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-invalid={problems.notes ? true : undefined}
            aria-describedby="rt-notes-h"
          />
          <p id="rt-notes-h" className={problems.notes ? 'ph-error' : 'ph-hint'}>
            {problems.notes ?? t('join.route.notesHint')}
          </p>
        </div>
        <button type="submit" className="ph-btn">
          {t('join.route.save')}
        </button>
      </form>
      {sent.length > 0 && (
        <div>
          <h3 className="ph-label">{t('join.route.mine')}</h3>
          <ul className="ph-route-list" data-testid="my-routes">
            {sent.map((x) => (
              <li key={x.key}>
                {x.from} → {x.to} ·{' '}
                <span className={x.status === 'refused' ? 'ph-error' : 'ph-muted'}>
                  {x.status === 'waiting'
                    ? t('join.route.waiting')
                    : x.status === 'saved'
                      ? t('join.route.saved')
                      : t('join.route.refused', { why: x.why ?? '' })}
                </span>
                {x.status === 'refused' && (
                  <button type="button" className="ph-link-btn" onClick={() => editAgain(x)}>
                    {t('join.route.editAgain')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Search a place on the server (as you type), pick one; "Change" starts over. */
function PlacePick({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: Place | null;
  onChange: (p: Place | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Place[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      call<PlaceSearchResponse>(
        'GET',
        `/api/gazetteer/search?q=${enc(text)}&limit=6`,
        undefined,
        ctrl.signal,
      ).then(
        (r) => {
          setFailed(false);
          setHits(r.items.map((h) => h.place));
        },
        () => !ctrl.signal.aborted && setFailed(true),
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);
  const where = (p: Place) => [p.provinceName, p.countryName].filter(Boolean).join(', ');
  if (value)
    return (
      <div className="ph-field">
        <span className="ph-label">{label}</span>
        <p className="ph-route-place">
          <strong>{value.name}</strong> <span className="ph-muted">{where(value)}</span>{' '}
          <button type="button" className="ph-link-btn" onClick={() => onChange(null)}>
            {t('join.route.change')}
          </button>
        </p>
      </div>
    );
  return (
    <div className="ph-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={q}
        placeholder={t('join.route.search')}
        autoComplete="off"
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value.trim()) setHits([]);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
      />
      {error && (
        <p id={`${id}-e`} className="ph-error">
          {error}
        </p>
      )}
      {failed && <p className="ph-hint">{t('join.route.offlineSearch')}</p>}
      {q.trim() && hits.length > 0 && (
        <ul className="ph-route-hits" aria-label={t('join.route.places')}>
          {hits.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="ph-btn ph-btn-quiet"
                onClick={() => {
                  onChange({
                    id: p.id,
                    name: p.name,
                    provinceName: p.provinceName,
                    countryName: p.countryName,
                  });
                  setQ('');
                  setHits([]);
                }}
              >
                {p.name} <span className="ph-muted">&nbsp;{where(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
