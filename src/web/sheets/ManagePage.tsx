import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Card, CardVersion } from '../../contract/cards.ts';
import type { Snapshot } from '../../contract/live.ts';
import type { LiveClient } from '../live/client.ts';
import { call, enc } from '../live/http.ts';
import { useLiveClient, useLiveView } from '../live/useLive.ts';
import { useTitle } from '../shell/useTitle.ts';
import { kindLabel, layerText, levelLabel } from './labels.ts';
import { tagGroupLabel, tagWords } from './tags.ts';
import {
  CARD_KINDS as KINDS,
  CARD_LEVELS as LEVELS,
  TAG_GROUPS,
  canonicalTags,
  emptyTags,
  type Tags,
} from '../../core/cards.ts';
import { editIntent, sheetView, type ShownCard } from '../../core/sheet.ts';
import { handoverOf } from '../../core/snapshot.ts';
import { TagCheckboxes } from './TagCheckboxes.tsx';
import '../shell/fonts.css';
import './manage.css';

/** /events/:id/sheets — every café sheet of the event, with its links. */
export function SheetsIndexPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const client = useLiveClient({ eventId });
  const view = useLiveView(client);
  const snap = view.snapshot;
  useTitle(t('sheets.manage.indexTitle'));
  if (view.link === 'denied') return <p role="alert">{t('sheets.manage.notAllowed')}</p>;
  if (!snap) return <p role="status">{t('sheets.wall.connecting')}</p>;
  return (
    <section className="shm sheet-fonts" aria-labelledby="shm-title">
      <p>
        <Link href={`/events/${eventId}/facilitate`}>{t('sheets.manage.console')}</Link>
      </p>
      <h1 id="shm-title">{t('sheets.manage.indexTitle')}</h1>
      <p>{t('sheets.manage.indexIntro')}</p>
      <p className="shm-links">
        <a href={`/screen/${eventId}/sheets`} target="_blank" rel="noreferrer">
          {t('sheets.overview.open')}
        </a>
        <a href={`/screen/${eventId}/sheets?rotate`} target="_blank" rel="noreferrer">
          {t('sheets.overview.openRotate')}
        </a>
      </p>
      <ul className="shm-index">
        {snap.event.issues.map((i) => {
          const n = sheetView(snap.cards ?? [], [], i.key).length;
          return (
            <li key={i.key}>
              <Link href={`/events/${eventId}/sheets/${i.key}`}>{i.label}</Link>{' '}
              <span className="shm-muted">{t('sheets.manage.cards', { count: n })}</span>
              <SheetLinks eventId={eventId} issueKey={i.key} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SheetLinks({ eventId, issueKey }: { eventId: string; issueKey: string }) {
  const { t } = useTranslation();
  const api = `/api/events/${enc(eventId)}/sheets/${enc(issueKey)}`;
  return (
    <span className="shm-links">
      <a href={`/screen/${eventId}/sheet/${issueKey}`} target="_blank" rel="noreferrer">
        {t('sheets.manage.openWall')}
      </a>
      <a href={`/events/${eventId}/sheets/${issueKey}/print`}>{t('sheets.manage.print')}</a>
      <a href={`${api}?format=csv`} download>
        {t('sheets.manage.exportCsv')}
      </a>
      <a href={api} download={`${issueKey}.json`}>
        {t('sheets.manage.exportJson')}
      </a>
    </span>
  );
}

/**
 * /events/:id/sheets/:issueKey — a sheet for its facilitators: live, with authors (PRIV-1: only
 * facilitators receive them), edit, delete and restore of any card, and each card's history with
 * the superseded side of concurrent edits.
 */
export function ManageSheetPage({ eventId, issueKey }: { eventId: string; issueKey: string }) {
  const { t } = useTranslation();
  const client = useLiveClient({ eventId });
  const view = useLiveView(client);
  const [withDeleted, setWithDeleted] = useState(false);
  const snap = view.snapshot;
  const issue = snap?.event.issues.find((i) => i.key === issueKey);
  useTitle(t('sheets.manage.title', { issue: issue?.label ?? issueKey }));
  if (view.link === 'denied') return <p role="alert">{t('sheets.manage.notAllowed')}</p>;
  if (!snap || !client) return <p role="status">{t('sheets.wall.connecting')}</p>;
  if (!issue) return <p role="alert">{t('sheets.wall.unknownIssue', { key: issueKey })}</p>;
  const cards = sheetView(snap.cards ?? [], view.outbox, issueKey, { withDeleted });
  const note = handoverOf(snap.handovers, issueKey);
  return (
    <section className="shm sheet-fonts" aria-labelledby="shm-title">
      <p>
        <Link href={`/events/${eventId}/sheets`}>{t('sheets.manage.back')}</Link>
      </p>
      <h1 id="shm-title">{t('sheets.manage.title', { issue: issue.label })}</h1>
      <p className="shm-muted">
        {t('sheets.manage.cards', { count: cards.filter((c) => !c.deleted).length })}
      </p>
      <SheetLinks eventId={eventId} issueKey={issueKey} />
      {note?.text && (
        <p className="shm-note">
          <strong>{t('sheets.handoverLabel')}</strong> {layerText(t, snap.event.tables, note)}:{' '}
          {note.text}
        </p>
      )}
      <label className="shm-check">
        <input
          type="checkbox"
          checked={withDeleted}
          onChange={(e) => setWithDeleted(e.target.checked)}
        />{' '}
        {t('sheets.manage.showDeleted')}
      </label>
      {KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`shm-${kind}`}>
          <h2 id={`shm-${kind}`}>{t(`sheets.kindsPlural.${kind}`)}</h2>
          {LEVELS.map((level) => {
            const here = cards.filter((c) => c.kind === kind && c.level === level);
            if (!here.length) return null;
            return (
              <section key={level} aria-label={`${kindLabel(t, kind)} · ${levelLabel(t, level)}`}>
                <h3>{levelLabel(t, level)}</h3>
                <ul className="shm-cards">
                  {here.map((c) => (
                    <ManagedCard
                      key={c.id}
                      card={c}
                      snap={snap}
                      client={client}
                      eventId={eventId}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      ))}
    </section>
  );
}

function ManagedCard({
  card,
  snap,
  client,
  eventId,
}: {
  card: ShownCard;
  snap: Snapshot;
  client: LiveClient;
  eventId: string;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(card.text);
  const [kind, setKind] = useState<Card['kind']>(card.kind);
  const [level, setLevel] = useState<Card['level']>(card.level);
  const [tags, setTags] = useState<Tags>(() => canonicalTags(card.tags));
  const [msg, setMsg] = useState<string | null>(null);
  const [history, setHistory] = useState<CardVersion[] | 'loading' | 'failed' | null>(null);
  const author = card.participantId
    ? snap.participants.find((p) => p.id === card.participantId)?.name
    : null;
  const send = (intent: Parameters<LiveClient['send']>[0]) => {
    setMsg(null);
    void client.send(intent).then((r) => {
      setMsg(r.ok ? t('sheets.manage.saved') : t('sheets.manage.failed', { message: r.message }));
      if (history && history !== 'loading') void loadHistory();
    });
  };
  const loadHistory = async () => {
    setHistory('loading');
    try {
      const r = await call<{ items: CardVersion[] }>(
        'GET',
        `/api/events/${enc(eventId)}/cards/${enc(card.id)}/history`,
      );
      setHistory(r.items);
    } catch {
      setHistory('failed');
    }
  };
  return (
    <li className={`shm-card${card.deleted ? ' shm-deleted' : ''}`} data-testid="manage-card">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const clean = text.trim();
            if (!clean) return;
            const intent = editIntent(card, { text: clean, kind, level, tags });
            if (intent) send(intent);
            setEditing(false);
          }}
        >
          <label htmlFor={`shm-t-${card.id}`}>{t('sheets.editLabel')}</label>
          <textarea
            id={`shm-t-${card.id}`}
            rows={3}
            maxLength={280}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <label>
            {t('sheets.kind')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as Card['kind'])}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(t, k)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('sheets.level')}{' '}
            <select value={level} onChange={(e) => setLevel(e.target.value as Card['level'])}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(t, l)}
                </option>
              ))}
            </select>
          </label>
          <TagChoices id={`shm-tags-${card.id}`} value={tags} onChange={setTags} />
          <p className="shm-actions">
            <button type="submit">{t('sheets.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('sheets.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p className="shm-text">{card.text}</p>
          {tagWords(t, card.tags).length > 0 && (
            <p className="shm-tags" data-testid="manage-tags">
              <strong>{t('sheets.tags.label')}:</strong> {tagWords(t, card.tags).join(' · ')}
            </p>
          )}
          <p className="shm-muted">
            {card.deleted && <strong>{t('sheets.manage.deletedBadge')} · </strong>}
            {author
              ? t('sheets.manage.author', { name: author })
              : t('sheets.manage.authorFacilitator')}
            {card.round !== null && ` · ${layerText(t, snap.event.tables, card)}`} ·{' '}
            {t('sheets.manage.version', { n: card.version })}
            {card.pending && ` · ${t('sheets.pending')}`}
          </p>
          <p className="shm-actions">
            <button
              type="button"
              onClick={() => {
                setText(card.text);
                setKind(card.kind);
                setLevel(card.level);
                setTags(canonicalTags(card.tags));
                setEditing(true);
              }}
            >
              {t('sheets.edit')}
            </button>
            {card.deleted ? (
              <button type="button" onClick={() => send({ type: 'restoreCard', cardId: card.id })}>
                {t('sheets.restore')}
              </button>
            ) : (
              <button type="button" onClick={() => send({ type: 'deleteCard', cardId: card.id })}>
                {t('sheets.delete')}
              </button>
            )}
            <button
              type="button"
              aria-expanded={history !== null}
              onClick={() => (history ? setHistory(null) : void loadHistory())}
            >
              {history ? t('sheets.manage.hideHistory') : t('sheets.manage.history')}
            </button>
          </p>
        </>
      )}
      {msg && <p role="status">{msg}</p>}
      {history === 'loading' && <p role="status">{t('sheets.manage.historyLoading')}</p>}
      {history === 'failed' && <p role="alert">{t('sheets.manage.historyFailed')}</p>}
      {Array.isArray(history) && (
        <ol className="shm-history" aria-label={t('sheets.manage.historyTitle')}>
          {history.map((v, i) => (
            <li key={i} className={v.reason === 'superseded' ? 'shm-superseded' : undefined}>
              <strong>{t('sheets.manage.version', { n: v.version })}</strong> ·{' '}
              {t(`sheets.manage.reasons.${v.reason}`)} · {kindLabel(t, v.kind)} ·{' '}
              {levelLabel(t, v.level)} · {new Date(v.at).toLocaleString()}
              <br />
              {v.text}
              {tagWords(t, v.tags).length > 0 && (
                <>
                  <br />
                  {t('sheets.tags.label')}: {tagWords(t, v.tags).join(' · ')}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** The card's tags, list by list, as checkboxes; "Clear tags" empties them all. */
function TagChoices({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Tags;
  onChange: (t: Tags) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="shm-tagpick">
      {TAG_GROUPS.map((group) => (
        <fieldset key={group.group}>
          <legend>{tagGroupLabel(t, group.group)}</legend>
          <TagCheckboxes id={id} group={group} value={value} onChange={onChange} />
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange(emptyTags())}>
        {t('sheets.tags.clear')}
      </button>
    </div>
  );
}
