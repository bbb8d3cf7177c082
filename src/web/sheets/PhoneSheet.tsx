import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../contract/cards.ts';
import type { Snapshot } from '../../contract/live.ts';
import type { IntentResult, LiveClient, LiveView } from '../live/client.ts';
import { kindLabel, layerText, levelLabel, refusal } from './labels.ts';
import { tagGroupLabel, tagWords } from './tags.ts';
import {
  CARD_KINDS as KINDS,
  CARD_LEVELS as LEVELS,
  MAX_CARD_LENGTH,
  TAG_GROUPS,
  canonicalTags,
  cardTextLength,
  cardTextProblem,
  emptyTags,
  tagCount,
  type Tags,
} from '../../core/cards.ts';
import { currentSession, hostsSheet, placeNow } from '../../core/placement.ts';
import { editIntent, sheetView, type ShownCard } from '../../core/sheet.ts';
import { handoverOf } from '../../core/snapshot.ts';
import { countByKindAndLevel, newCardId, newest, splitSheet } from './view.ts';
import { TagCheckboxes } from './TagCheckboxes.tsx';
import { hasHan, useHanFont } from './cjk.ts';
import './sheet-phone.css';

type Send = (intent: Parameters<LiveClient['send']>[0]) => Promise<IntentResult>;

interface Props {
  client: LiveClient;
  view: LiveView;
  snap: Snapshot;
  issueKey: string;
  topic: string;
  /** Who holds this phone (from the join, so it is known offline too). */
  participantId: string | null;
}

/**
 * The café sheet on a participant's phone: what earlier groups said; what this table adds in this
 * round, live, from every tablemate's phone; then a card in a few taps. Cards typed offline stay
 * in the live client's outbox (IndexedDB) and show "waiting to send".
 */
export function PhoneSheet({ client, view, snap, issueKey, topic, participantId }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const cards = sheetView(snap.cards ?? [], view.outbox, issueKey);
  const mine = new Set(view.myCardIds);
  const note = handoverOf(snap.handovers, issueKey);
  const who = participantId ?? view.participantId;
  const place = placeNow(snap.state, currentSession(snap) ?? undefined, who);
  const { ours, earlier, ourNote, earlierNote } = splitSheet(cards, note, place, mine);
  useHanFont(hasHan([...cards.map((c) => c.text), note?.text]));
  // The hand-over note is the table host's (ROOM_POLICY on the server): others are not offered it.
  const host = hostsSheet(snap, who, issueKey);
  // A refused note is told in its form, or here if the form is gone (the phone stopped hosting
  // while the note waited offline).
  const [noteError, setNoteError] = useState<string | null>(null);
  const send: Send = (intent) => {
    const note = intent.type === 'handover';
    (note ? setNoteError : setError)(null);
    const done = client.send(intent);
    void done.then((r) => {
      if (!r.ok) (note ? setNoteError : setError)(refusal(t, r));
    });
    return done;
  };

  return (
    <section className="sh-ph" aria-labelledby="sh-ph-title" data-testid="phone-sheet">
      <h2 id="sh-ph-title" className="sh-ph-title">
        {t('sheets.phone.title', { topic })}
      </h2>
      <Earlier cards={earlier} note={earlierNote} snap={snap} />
      <TableCards cards={ours} mine={mine} note={ourNote} snap={snap} send={send} />
      <AddCard
        onAdd={({ tags, ...fields }) =>
          void send({
            type: 'addCard',
            cardId: newCardId(),
            issueKey,
            ...fields,
            ...(tagCount(tags) > 0 && { tags: canonicalTags(tags) }),
          })
        }
        offline={view.link !== 'online'}
      />
      {error && (
        <p className="sh-ph-error" role="alert">
          {error}
        </p>
      )}
      {noteError && !host && (
        <p className="sh-ph-error" role="alert">
          {noteError}
        </p>
      )}
      {host && (
        <HandoverForm
          key={ourNote?.at ?? 0}
          initial={ourNote?.text ?? ''}
          offline={view.link !== 'online'}
          refused={noteError}
          onSave={(text) => send({ type: 'handover', issueKey, text })}
        />
      )}
    </section>
  );
}

function Earlier({
  cards,
  note,
  snap,
}: {
  cards: ShownCard[];
  note: ReturnType<typeof handoverOf>;
  snap: Snapshot;
}) {
  const { t } = useTranslation();
  const counts = countByKindAndLevel(cards);
  if (cards.length === 0 && !note)
    return (
      <p className="sh-ph-box sh-ph-muted" data-testid="earlier">
        {t('sheets.phone.earlierNone')}
      </p>
    );
  return (
    <details className="sh-ph-box" open data-testid="earlier">
      <summary>{t('sheets.phone.earlierTitle', { count: cards.length })}</summary>
      {note && (
        <div className="sh-ph-note" data-testid="phone-handover">
          <p className="sh-ph-label">
            {t('sheets.handoverLabel')} {layerText(t, snap.event.tables, note)}
          </p>
          <p>{note.text}</p>
        </div>
      )}
      {cards.length > 0 && (
        <>
          <table className="sh-ph-counts">
            <caption className="visually-hidden">{t('sheets.countsCaption')}</caption>
            <thead>
              <tr>
                <td />
                {KINDS.map((k) => (
                  <th key={k} scope="col">
                    {kindLabel(t, k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((l) => (
                <tr key={l}>
                  <th scope="row">{levelLabel(t, l)}</th>
                  {KINDS.map((k) => (
                    <td key={k}>{counts[k][l]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="sh-ph-label">{t('sheets.phone.newest')}</h3>
          <ul className="sh-ph-cards">
            {newest(cards, 5).map((c) => (
              <li key={c.id} className={`sh-ph-card sh-${c.kind}`}>
                <CardBody card={c} tables={snap.event.tables} />
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

type Fields = { text: string; kind: Card['kind']; level: Card['level']; tags: Tags };

function AddCard({ onAdd, offline }: { onAdd: (f: Fields) => void; offline: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<Card['kind']>('cause');
  const [level, setLevel] = useState<Card['level']>('individual');
  const [tags, setTags] = useState<Tags>(emptyTags);
  /** Bumped by each add: the tag picker starts folded again for the next card. */
  const [added, setAdded] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<'added' | 'keptOffline' | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = text.trim();
    const bad = cardTextProblem(clean);
    if (bad === 'empty') return setProblem(t('sheets.phone.empty'));
    if (bad === 'tooLong') return setProblem(t('sheets.phone.tooLong', { max: MAX_CARD_LENGTH }));
    setProblem(null);
    onAdd({ text: clean, kind, level, tags });
    setText('');
    setTags(emptyTags());
    setAdded((n) => n + 1);
    setDone(offline ? 'keptOffline' : 'added');
  };
  const left = MAX_CARD_LENGTH - cardTextLength(text);
  return (
    <form className="sh-ph-box sh-ph-form" onSubmit={submit} noValidate>
      <h3 className="sh-ph-subtitle">{t('sheets.phone.addTitle')}</h3>
      <label htmlFor="sh-text" className="sh-ph-label">
        {t('sheets.phone.textLabel')}
      </label>
      <textarea
        id="sh-text"
        rows={3}
        value={text}
        maxLength={MAX_CARD_LENGTH * 2}
        aria-invalid={problem ? true : undefined}
        aria-describedby="sh-text-count"
        onChange={(e) => {
          setText(e.target.value);
          setDone(null);
        }}
      />
      <p id="sh-text-count" className={`sh-ph-muted${left < 0 ? ' sh-ph-over' : ''}`}>
        {t('sheets.phone.charsLeft', { n: left })}
      </p>
      <Choice
        legend={t('sheets.kind')}
        name="sh-kind"
        options={KINDS.map((k) => [k, kindLabel(t, k)])}
        value={kind}
        onChange={setKind}
      />
      <Choice
        legend={t('sheets.level')}
        name="sh-level"
        options={LEVELS.map((l) => [l, levelLabel(t, l)])}
        value={level}
        onChange={setLevel}
      />
      <TagPicker key={added} id="sh-add-tags" value={tags} onChange={setTags} />
      {problem && (
        <p className="sh-ph-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="ph-btn">
        {t('sheets.phone.addButton')}
      </button>
      <p className="sh-ph-muted" role="status">
        {done && t(`sheets.phone.${done}`)}
      </p>
    </form>
  );
}

function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: [T, string][];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="sh-ph-choice">
      <legend className="sh-ph-label">{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} className="sh-ph-pill">
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * This table's sheet in this round, live: every tablemate's cards as they are added, and the
 * phone's own cards (edit, delete, undo); this group's hand-over note once its host writes one.
 */
function TableCards({
  cards,
  mine,
  note,
  snap,
  send,
}: {
  cards: ShownCard[];
  mine: ReadonlySet<string>;
  note: ReturnType<typeof handoverOf>;
  snap: Snapshot;
  send: Send;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<string | null>(null);
  return (
    <div className="sh-ph-box" data-testid="table-sheet">
      <h3 className="sh-ph-subtitle">{t('sheets.phone.tableTitle', { count: cards.length })}</h3>
      {note && (
        <div className="sh-ph-note" data-testid="table-handover">
          <p className="sh-ph-label">{t('sheets.phone.tableNote')}</p>
          <p>{note.text}</p>
        </div>
      )}
      {cards.length === 0 && !undo && <p className="sh-ph-muted">{t('sheets.phone.tableNone')}</p>}
      {undo && (
        <p className="sh-ph-undo" role="status">
          {t('sheets.phone.deleted')}{' '}
          <button
            type="button"
            className="sh-ph-link"
            onClick={() => {
              void send({ type: 'restoreCard', cardId: undo });
              setUndo(null);
            }}
          >
            {t('sheets.undo')}
          </button>
        </p>
      )}
      <ul className="sh-ph-cards" data-testid="my-cards" aria-live="polite">
        {cards.map((c) =>
          !mine.has(c.id) ? (
            <li key={c.id} className={`sh-ph-card sh-${c.kind}`} data-testid="table-card">
              <CardBody card={c} tables={snap.event.tables} />
            </li>
          ) : (
            <li key={c.id} className={`sh-ph-card sh-${c.kind}`} data-testid="my-card">
              {editing === c.id ? (
                <EditCard
                  card={c}
                  onCancel={() => setEditing(null)}
                  onSave={(fields) => {
                    // A card still waiting to send is edited too: the edit queues behind its add
                    // (SYNC-10 in docs/sync-spec.md) and both go, in order, when the phone is back.
                    const intent = editIntent(c, fields);
                    if (intent) void send(intent);
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <CardBody card={c} tables={snap.event.tables} />
                  <p className="sh-ph-yours">{t('sheets.phone.yours')}</p>
                  {c.pending && (
                    <p className="sh-ph-pending" data-testid="pending">
                      {t('sheets.pending')}
                    </p>
                  )}
                  <p className="sh-ph-actions">
                    <button type="button" className="sh-ph-link" onClick={() => setEditing(c.id)}>
                      {t('sheets.edit')}
                    </button>
                    <button
                      type="button"
                      className="sh-ph-link"
                      onClick={() => {
                        void send({ type: 'deleteCard', cardId: c.id });
                        setUndo(c.id);
                      }}
                    >
                      {t('sheets.delete')}
                    </button>
                  </p>
                </>
              )}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function EditCard({
  card,
  onSave,
  onCancel,
}: {
  card: ShownCard;
  onSave: (fields: { text: string; tags: Tags }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(card.text);
  const [tags, setTags] = useState<Tags>(() => canonicalTags(card.tags));
  const clean = text.trim();
  const ok = cardTextProblem(clean) === null;
  return (
    <form
      className="sh-ph-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onSave({ text: clean, tags });
      }}
    >
      <label className="sh-ph-label" htmlFor={`edit-${card.id}`}>
        {t('sheets.editLabel')}
      </label>
      <textarea
        id={`edit-${card.id}`}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <TagPicker id={`edit-tags-${card.id}`} value={tags} onChange={setTags} />
      <p className="sh-ph-actions">
        <button type="submit" className="sh-ph-link" disabled={!ok}>
          {t('sheets.save')}
        </button>
        <button type="button" className="sh-ph-link" onClick={onCancel}>
          {t('sheets.cancel')}
        </button>
      </p>
    </form>
  );
}

/**
 * Tags from the four closed lists, folded away: a card needs none. Each list opens on its own so
 * a phone never shows 47 choices at once; the summary says what is chosen.
 */
function TagPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Tags;
  onChange: (t: Tags) => void;
}) {
  const { t } = useTranslation();
  const n = tagCount(value);
  return (
    <details className="sh-ph-tags" data-testid="tag-picker">
      <summary className="sh-ph-label">
        {n ? t('sheets.tags.chosen', { count: n }) : t('sheets.tags.title')}
      </summary>
      {n > 0 && (
        <p className="sh-ph-tagline">
          {tagWords(t, value).join(' · ')}{' '}
          <button type="button" className="sh-ph-link" onClick={() => onChange(emptyTags())}>
            {t('sheets.tags.clear')}
          </button>
        </p>
      )}
      {TAG_GROUPS.map((group) => {
        const chosen = value[group.group] as readonly string[];
        return (
          <details key={group.group} className="sh-ph-tag-group">
            <summary>
              {tagGroupLabel(t, group.group)}
              {chosen.length > 0 && ` (${chosen.length})`}
            </summary>
            <fieldset className="sh-ph-choice" aria-label={tagGroupLabel(t, group.group)}>
              <TagCheckboxes
                id={id}
                group={group}
                value={value}
                onChange={onChange}
                labelClassName="sh-ph-pill"
              />
            </fieldset>
          </details>
        );
      })}
    </details>
  );
}

/** A card on the phone: its text, kind, level, where it was added, and its tags. */
function CardBody({ card, tables }: { card: ShownCard; tables: Snapshot['event']['tables'] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{card.text}</p>
      <p className="sh-ph-meta">
        {kindLabel(t, card.kind)} · {levelLabel(t, card.level)}
        {card.round !== null && ` · ${layerText(t, tables, card)}`}
      </p>
      <TagList tags={card.tags} />
    </>
  );
}

/** A card's tags as small labels; nothing when it has none. */
function TagList({ tags }: { tags: Partial<Tags> | undefined }) {
  const { t } = useTranslation();
  const words = tagWords(t, tags);
  if (!words.length) return null;
  return (
    <ul className="sh-tags" aria-label={t('sheets.tags.label')} data-testid="card-tags">
      {words.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

function HandoverForm({
  initial,
  offline,
  refused,
  onSave,
}: {
  initial: string;
  offline: boolean;
  /** Why the server refused the last note, if it did. */
  refused: string | null;
  onSave: (text: string) => Promise<IntentResult>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState<'handoverSaved' | 'keptOffline' | null>(null);
  return (
    <details className="sh-ph-box" data-testid="handover-form">
      <summary>{t('sheets.phone.handoverTitle')}</summary>
      <p className="sh-ph-muted">{t('sheets.phone.handoverHost')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(offline ? 'keptOffline' : 'handoverSaved');
          void onSave(text.trim()).then((r) => setSaved(r.ok ? 'handoverSaved' : null));
        }}
      >
        <label className="sh-ph-label" htmlFor="sh-handover">
          {t('sheets.phone.handoverLabel')}
        </label>
        <textarea
          id="sh-handover"
          rows={3}
          maxLength={500}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
          }}
        />
        <button type="submit" className="ph-btn ph-btn-quiet">
          {t('sheets.phone.handoverSave')}
        </button>
        {refused && !saved ? (
          <p className="sh-ph-error" role="alert">
            {refused}
          </p>
        ) : (
          <p className="sh-ph-muted" role="status">
            {saved ? t(`sheets.phone.${saved}`) : ''}
          </p>
        )}
      </form>
    </details>
  );
}
