/**
 * A coalition's factors and the assignments of its cards to them (issue 13). The vocabulary starts
 * as the default one (src/domain/factors/vocabulary.ts, ids kept exactly) the first time it is
 * used; assignments are append-only versions with who and when, undone by appending the previous
 * state; a merge moves the merged factor's cards to the other one. Suggestions come from the
 * coalition's own vocabulary and learn from every card its people confirmed.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { findCard, lockCard } from '../db/repos/cards.ts';
import { isUniqueViolation } from '../db/repos/live.ts';
import { findEvent } from '../db/repos/events.ts';
import {
  cardAssignments,
  coalitionAssignments,
  insertAssignment,
  insertAssignments,
  insertCoalitionFactors,
  listCoalitionFactors,
  updateCoalitionFactor,
  type CoalitionAssignment,
} from '../db/repos/factors.ts';
import { fromJson, toJson } from '../db/json.ts';
import type {
  CardFactorAssignmentTable,
  CoalitionFactorTable,
  FactorStatus,
} from '../db/schema-factors.ts';
import { FactorSuggester } from '../../domain/factors/suggest.ts';
import {
  DEFAULT_FACTOR_IDS,
  DEFAULT_FACTORS,
  type FactorDefinition,
  FACTOR_LANGUAGES,
  type FactorKind,
  type FactorLanguage,
} from '../../domain/factors/vocabulary.ts';

export type { FactorStatus };

export interface CoalitionFactor extends FactorDefinition {
  status: FactorStatus;
  mergedInto: string | null;
  labels: Partial<Record<FactorLanguage, string>>;
  descriptions: Partial<Record<FactorLanguage, string>>;
  position: number;
  updatedAt: string;
  updatedBy: string | null;
}

export type FactorErrorCode =
  | 'unknown_event'
  | 'unknown_card'
  | 'unknown_factor'
  | 'factor_not_active'
  | 'factor_exists'
  | 'kind_mismatch'
  | 'label_required'
  | 'bad_card'
  | 'nothing_to_undo'
  | 'version_conflict';

/** A refusal the API answers with 404/409/422 naming the code; nothing is stored. */
export class FactorError extends Error {
  constructor(
    readonly code: FactorErrorCode,
    message: string,
    /** The factor id it is about (an unknown one in a URL answers 404, in a body 422). */
    readonly subject?: string,
  ) {
    super(message);
  }
}

function toFactor(row: CoalitionFactorTable): CoalitionFactor {
  return {
    id: row.factor_id,
    kind: row.kind,
    label: row.label,
    description: row.description,
    labels: fromJson(row.labels),
    descriptions: fromJson(row.descriptions),
    codes: fromJson(row.codes),
    keywords: fromJson(row.keywords),
    status: row.status,
    mergedInto: row.merged_into,
    position: row.position,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The coalition's factors (every status), created from the defaults on first use. */
export async function coalitionFactors(
  db: Db,
  coalitionId: string,
  now = new Date(),
): Promise<CoalitionFactor[]> {
  let rows = await listCoalitionFactors(db, coalitionId);
  if (rows.length === 0) {
    const at = now.toISOString();
    await insertCoalitionFactors(
      db,
      DEFAULT_FACTORS.map((f, position) => ({
        coalition_id: coalitionId,
        factor_id: f.id,
        kind: f.kind,
        label: f.label,
        description: f.description,
        labels: toJson(f.labels ?? {}),
        descriptions: toJson(f.descriptions ?? {}),
        keywords: toJson(f.keywords),
        codes: toJson(f.codes),
        status: 'active',
        merged_into: null,
        position,
        updated_by: null,
        updated_at: at,
      })),
    );
    rows = await listCoalitionFactors(db, coalitionId);
  }
  return rows.map(toFactor);
}

/** Each card's current entry (its last), by card id; cards never assigned are absent. */
export function currentByCard(
  entries: CardFactorAssignmentTable[],
): Map<string, CardFactorAssignmentTable> {
  const out = new Map<string, CardFactorAssignmentTable>();
  for (const e of entries) {
    const prev = out.get(e.card_id);
    if (!prev || e.n > prev.n) out.set(e.card_id, e);
  }
  return out;
}

/**
 * Each card's current entry across the coalition's events, keyed `eventId/cardId`; cards never
 * assigned are absent.
 */
export function currentByEventCard(
  entries: CoalitionAssignment[],
): Map<string, CoalitionAssignment> {
  const out = new Map<string, CoalitionAssignment>();
  for (const e of entries) {
    const key = `${e.event_id}/${e.card_id}`;
    const prev = out.get(key);
    if (!prev || e.n > prev.n) out.set(key, e);
  }
  return out;
}

/**
 * A suggester over the coalition's active factors that has learnt every card of the coalition
 * whose current assignment is an active factor (a person confirmed it).
 */
export async function suggesterFor(db: Db, coalitionId: string): Promise<FactorSuggester> {
  const factors = (await coalitionFactors(db, coalitionId)).filter((f) => f.status === 'active');
  const suggester = new FactorSuggester(factors);
  const active = new Set(factors.map((f) => f.id));
  for (const entry of currentByEventCard(await coalitionAssignments(db, coalitionId)).values()) {
    if (!entry.factor_id || !active.has(entry.factor_id) || entry.deleted) continue;
    suggester.learn({ text: entry.text, kind: entry.kind, level: entry.level }, entry.factor_id);
  }
  return suggester;
}

interface Who {
  eventId: string;
  cardId: string;
  userId: string | null;
  now?: Date;
}

/**
 * The event and the card, the card locked for the rest of the transaction (see `lockCard`): the
 * card's factor history read after this is the one the next entry is appended to, so two
 * assignments of one card arriving together never pick the same `n` (issue 11).
 */
async function cardOf(trx: Transaction<Database>, eventId: string, cardId: string) {
  const event = await findEvent(trx, eventId);
  if (!event) throw new FactorError('unknown_event', `no event ${eventId}`);
  const card = await lockCard(trx, eventId, cardId);
  if (!card || card.deleted)
    throw new FactorError('unknown_card', `no card ${cardId} in this event`);
  return { event, card };
}

/**
 * A transaction that appends card factor entries. Should two writes still pick the same `n` (a
 * merge or split, which read many cards' histories unlocked, racing an assignment), the loser is
 * refused as a conflict (409) to be retried, not failed (500).
 */
async function appending<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new FactorError(
        'version_conflict',
        "a card's factor changed at the same moment; read it again and retry",
      );
    throw err;
  }
}

/**
 * A person assigns a card to a factor (or to none, `factorId` null): a new version of the card's
 * factor. The factor must be an active factor of the event's coalition, of the card's kind.
 */
export async function assignCard(
  db: Db,
  who: Who & { factorId: string | null },
): Promise<CardFactorAssignmentTable> {
  return appending(db, async (trx) => {
    const { event, card } = await cardOf(trx, who.eventId, who.cardId);
    if (who.factorId !== null) {
      const factor = (await coalitionFactors(trx, event.coalitionId)).find(
        (f) => f.id === who.factorId,
      );
      if (!factor) throw new FactorError('unknown_factor', `no factor "${who.factorId}"`);
      if (factor.status !== 'active')
        throw new FactorError(
          'factor_not_active',
          `factor "${factor.id}" is ${factor.status}${factor.mergedInto ? ` into "${factor.mergedInto}"` : ''}`,
        );
      if (factor.kind !== card.kind)
        throw new FactorError(
          'kind_mismatch',
          `a ${card.kind} card cannot take the ${factor.kind} factor "${factor.id}"`,
        );
    }
    const history = await cardAssignments(trx, who.eventId, who.cardId);
    const row: CardFactorAssignmentTable = {
      event_id: who.eventId,
      card_id: who.cardId,
      n: (history.at(-1)?.n ?? 0) + 1,
      factor_id: who.factorId,
      by_user: who.userId,
      at: (who.now ?? new Date()).toISOString(),
      undo_of: null,
    };
    await insertAssignment(trx, row);
    return row;
  });
}

/**
 * Undoes the card's last assignment that is still in effect: appends an entry restoring the
 * factor before it (none if it was the first). Repeated undos walk further back; history is
 * never rewritten.
 */
export async function undoAssignment(db: Db, who: Who): Promise<CardFactorAssignmentTable> {
  return appending(db, async (trx) => {
    await cardOf(trx, who.eventId, who.cardId);
    const history = await cardAssignments(trx, who.eventId, who.cardId);
    const stack: CardFactorAssignmentTable[] = [];
    for (const e of history) {
      if (e.undo_of === null) stack.push(e);
      else stack.pop();
    }
    const undone = stack.at(-1);
    if (!undone) throw new FactorError('nothing_to_undo', 'this card has no assignment to undo');
    const row: CardFactorAssignmentTable = {
      event_id: who.eventId,
      card_id: who.cardId,
      n: (history.at(-1)?.n ?? 0) + 1,
      factor_id: stack.at(-2)?.factor_id ?? null,
      by_user: who.userId,
      at: (who.now ?? new Date()).toISOString(),
      undo_of: undone.n,
    };
    await insertAssignment(trx, row);
    return row;
  });
}

type PerLanguage<T> = Partial<Record<FactorLanguage, T>>;

/** Written inside the change's transaction (the audit log row of the route that asked). */
export interface Audited {
  audit?: ((trx: Db, recordId: string) => Promise<void>) | undefined;
}

/** A factor of the coalition with how many of the coalition's cards have it now. */
export interface VocabularyEntry extends CoalitionFactor {
  cards: number;
  isDefault: boolean;
}

const DEFAULT_IDS = new Set(DEFAULT_FACTOR_IDS);

/** The coalition's vocabulary with each factor's number of cards (current assignments). */
export async function vocabularyOf(db: Db, coalitionId: string): Promise<VocabularyEntry[]> {
  const factors = await coalitionFactors(db, coalitionId);
  const counts = new Map<string, number>();
  for (const e of currentByEventCard(await coalitionAssignments(db, coalitionId)).values())
    if (e.factor_id && !e.deleted) counts.set(e.factor_id, (counts.get(e.factor_id) ?? 0) + 1);
  return factors.map((f) => ({
    ...f,
    cards: counts.get(f.id) ?? 0,
    isDefault: DEFAULT_IDS.has(f.id),
  }));
}

function factorOf(factors: CoalitionFactor[], id: string): CoalitionFactor {
  const f = factors.find((x) => x.id === id);
  if (!f) throw new FactorError('unknown_factor', `no factor "${id}"`, id);
  return f;
}

function mustBeActive(f: CoalitionFactor): void {
  if (f.status !== 'active')
    throw new FactorError(
      'factor_not_active',
      `factor "${f.id}" is ${f.status}${f.mergedInto ? ` into "${f.mergedInto}"` : ''}`,
    );
}

/** Phrases of both lists, each once (case and spacing ignored), in order. */
function union(a: readonly string[] = [], b: readonly string[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of [...a, ...b]) {
    const k = p.trim().toLowerCase().replace(/\s+/g, ' ');
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push(p.trim());
    }
  }
  return out;
}

/** Moves cards (keys `eventId/cardId`, current entries given) to `factorId`: new versions. */
function moveRows(
  entries: Iterable<CoalitionAssignment>,
  factorId: string,
  userId: string | null,
  at: string,
): CardFactorAssignmentTable[] {
  return [...entries].map((e) => ({
    event_id: e.event_id,
    card_id: e.card_id,
    n: e.n + 1,
    factor_id: factorId,
    by_user: userId,
    at,
    undo_of: null,
  }));
}

/**
 * Merges factor `from` into `into` (same coalition, same kind): every card whose factor is `from`
 * gets a new version naming `into`, by the person merging (its earlier versions stay: undo on a
 * card goes back to `from`'s entry); `into` takes `from`'s keywords and labels as keywords, so
 * cards worded like `from`'s keep finding it; `from` is kept as merged, so its id still resolves
 * in exports. Returns how many cards moved.
 */
export async function mergeFactors(
  db: Db,
  m: {
    coalitionId: string;
    from: string;
    into: string;
    userId: string | null;
    now?: Date;
  } & Audited,
): Promise<number> {
  return appending(db, async (trx) => {
    const factors = await coalitionFactors(trx, m.coalitionId);
    const from = factorOf(factors, m.from);
    const into = factorOf(factors, m.into);
    if (from.id === into.id)
      throw new FactorError('factor_exists', 'a factor cannot merge into itself');
    mustBeActive(from);
    mustBeActive(into);
    if (from.kind !== into.kind)
      throw new FactorError(
        'kind_mismatch',
        `"${from.id}" and "${into.id}" are of different kinds`,
      );
    const at = (m.now ?? new Date()).toISOString();
    const current = currentByEventCard(await coalitionAssignments(trx, m.coalitionId));
    const rows = moveRows(
      [...current.values()].filter((e) => e.factor_id === from.id),
      into.id,
      m.userId,
      at,
    );
    await insertAssignments(trx, rows);
    const keywords: PerLanguage<string[]> = { ...into.keywords };
    for (const l of FACTOR_LANGUAGES) {
      const label = l === 'en' ? from.label : from.labels[l];
      const merged = union(into.keywords[l], [
        ...(from.keywords[l] ?? []),
        ...(label ? [label] : []),
      ]);
      if (merged.length) keywords[l] = merged;
    }
    await updateCoalitionFactor(trx, m.coalitionId, into.id, {
      keywords: toJson(keywords),
      updated_by: m.userId,
      updated_at: at,
    });
    await updateCoalitionFactor(trx, m.coalitionId, from.id, {
      status: 'merged',
      merged_into: into.id,
      updated_by: m.userId,
      updated_at: at,
    });
    await m.audit?.(trx, from.id);
    return rows.length;
  });
}

/** Letters of an English label as an id part: `Karaoke bars` → `karaoke_bars`. */
function slug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
}

/** An id for a new factor: the one asked for, or `push.`/`harm.` + the label, made unique. */
function newId(
  factors: CoalitionFactor[],
  kind: FactorKind,
  label: string,
  asked?: string,
): string {
  const taken = new Set(factors.map((f) => f.id));
  if (asked) {
    if (taken.has(asked))
      throw new FactorError('factor_exists', `the coalition already has a factor "${asked}"`);
    return asked;
  }
  const base = `${kind === 'cause' ? 'push' : 'harm'}.${slug(label) || 'factor'}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  return id;
}

export interface NewFactor extends Audited {
  coalitionId: string;
  id?: string | undefined;
  kind: FactorKind;
  /** English label; other languages in `labels`. */
  label: string;
  labels?: PerLanguage<string> | undefined;
  description?: string | undefined;
  descriptions?: PerLanguage<string> | undefined;
  keywords?: PerLanguage<string[]> | undefined;
  /** A card the factor is made from: assigned to it in the same transaction. */
  fromCard?: { eventId: string; cardId: string } | undefined;
  userId: string | null;
  now?: Date;
}

function factorRow(f: NewFactor, position: number, id: string, at: string): CoalitionFactorTable {
  const others = <T>(o: PerLanguage<T> | undefined) =>
    Object.fromEntries(
      Object.entries(o ?? {}).filter(([l, v]) => l !== 'en' && v !== '' && v !== undefined),
    );
  return {
    coalition_id: f.coalitionId,
    factor_id: id,
    kind: f.kind,
    label: f.label,
    description: f.description ?? f.descriptions?.en ?? '',
    labels: toJson(others(f.labels)),
    descriptions: toJson(others(f.descriptions)),
    keywords: toJson(
      Object.fromEntries(
        Object.entries(f.keywords ?? {})
          .map(([l, list]) => [l, union(list ?? [])])
          .filter(([, list]) => list!.length),
      ),
    ),
    codes: toJson([]),
    status: 'active',
    merged_into: null,
    position,
    updated_by: f.userId,
    updated_at: at,
  };
}

/**
 * A new factor of the coalition, for instance made from a card a reviewer found no factor for
 * (`fromCard`: the card is assigned to it in the same change, which is that person confirming it).
 */
export async function addFactor(db: Db, f: NewFactor): Promise<CoalitionFactor> {
  return db.transaction().execute(async (trx) => {
    const factors = await coalitionFactors(trx, f.coalitionId);
    const id = newId(factors, f.kind, f.label, f.id);
    const at = (f.now ?? new Date()).toISOString();
    const row = factorRow(f, factors.length, id, at);
    if (f.fromCard) {
      const { eventId, cardId } = f.fromCard;
      const event = await findEvent(trx, eventId);
      const card =
        event?.coalitionId === f.coalitionId ? await findCard(trx, eventId, cardId) : undefined;
      if (!card || card.deleted)
        throw new FactorError(
          'bad_card',
          `fromCard: no card ${cardId} in this coalition's event ${eventId}`,
        );
      if (card.kind !== f.kind)
        throw new FactorError(
          'kind_mismatch',
          `a ${card.kind} card cannot take a ${f.kind} factor`,
        );
    }
    await insertCoalitionFactors(trx, [row]);
    if (f.fromCard) {
      const history = await cardAssignments(trx, f.fromCard.eventId, f.fromCard.cardId);
      await insertAssignment(trx, {
        event_id: f.fromCard.eventId,
        card_id: f.fromCard.cardId,
        n: (history.at(-1)?.n ?? 0) + 1,
        factor_id: id,
        by_user: f.userId,
        at,
        undo_of: null,
      });
    }
    await f.audit?.(trx, id);
    return toFactor(row);
  });
}

export interface FactorEdit extends Audited {
  coalitionId: string;
  id: string;
  /** Per language; `""` removes a language's label (never English's). */
  labels?: PerLanguage<string> | undefined;
  descriptions?: PerLanguage<string> | undefined;
  /** Per language: replaces that language's list (an empty list removes it). */
  keywords?: PerLanguage<string[]> | undefined;
  codes?: string[] | undefined;
  userId: string | null;
  now?: Date;
}

/** Edits a factor's words, language by language; its id and kind never change. */
export async function editFactor(db: Db, e: FactorEdit): Promise<CoalitionFactor> {
  return db.transaction().execute(async (trx) => {
    const f = factorOf(await coalitionFactors(trx, e.coalitionId), e.id);
    if (f.status === 'merged')
      throw new FactorError(
        'factor_not_active',
        `factor "${f.id}" is merged into "${f.mergedInto}"`,
      );
    const change: Partial<CoalitionFactorTable> = {
      updated_by: e.userId,
      updated_at: (e.now ?? new Date()).toISOString(),
    };
    const apply = (current: PerLanguage<string>, edits: PerLanguage<string>) => {
      const next = { ...current };
      for (const l of FACTOR_LANGUAGES) {
        const v = edits[l];
        if (l === 'en' || v === undefined) continue;
        if (v === '') delete next[l];
        else next[l] = v;
      }
      return next;
    };
    if (e.labels) {
      if (e.labels.en !== undefined) {
        if (!e.labels.en.trim())
          throw new FactorError('label_required', 'the English label must not be empty');
        change.label = e.labels.en;
      }
      change.labels = toJson(apply(f.labels, e.labels));
    }
    if (e.descriptions) {
      if (e.descriptions.en !== undefined) change.description = e.descriptions.en;
      change.descriptions = toJson(apply(f.descriptions, e.descriptions));
    }
    if (e.keywords) {
      const next = { ...f.keywords };
      for (const l of FACTOR_LANGUAGES) {
        const list = e.keywords[l];
        if (list === undefined) continue;
        const clean = union(list);
        if (clean.length) next[l] = clean;
        else delete next[l];
      }
      change.keywords = toJson(next);
    }
    if (e.codes) change.codes = toJson(e.codes);
    await updateCoalitionFactor(trx, e.coalitionId, f.id, change);
    await e.audit?.(trx, f.id);
    return factorOf(await coalitionFactors(trx, e.coalitionId), f.id);
  });
}

export interface SplitPart {
  id?: string | undefined;
  label: string;
  labels?: PerLanguage<string> | undefined;
  descriptions?: PerLanguage<string> | undefined;
  keywords?: PerLanguage<string[]> | undefined;
  /** Cards whose factor is now the one split, moving to this part. */
  cards: { eventId: string; cardId: string }[];
}

/**
 * Splits a factor: each part is a new factor of the same kind, and the cards named for it (each
 * must have the split factor now) get a new version naming it. The split factor keeps its other
 * cards and stays active unless `retire`. Returns the new factors and how many cards moved.
 */
export async function splitFactor(
  db: Db,
  s: {
    coalitionId: string;
    id: string;
    parts: SplitPart[];
    retire?: boolean | undefined;
    userId: string | null;
    now?: Date;
  } & Audited,
): Promise<{ factors: CoalitionFactor[]; moved: number }> {
  return db.transaction().execute(async (trx) => {
    const factors = await coalitionFactors(trx, s.coalitionId);
    const from = factorOf(factors, s.id);
    mustBeActive(from);
    const at = (s.now ?? new Date()).toISOString();
    const current = currentByEventCard(await coalitionAssignments(trx, s.coalitionId));
    const claimed = new Set<string>();
    const made: CoalitionFactor[] = [];
    const rows: CardFactorAssignmentTable[] = [];
    const all = [...factors];
    for (const part of s.parts) {
      const id = newId(all, from.kind, part.label, part.id);
      const row = factorRow(
        { ...part, coalitionId: s.coalitionId, kind: from.kind, userId: s.userId },
        all.length,
        id,
        at,
      );
      const factor = toFactor(row);
      all.push(factor);
      made.push(factor);
      await insertCoalitionFactors(trx, [row]);
      const entries: CoalitionAssignment[] = [];
      for (const c of part.cards) {
        const key = `${c.eventId}/${c.cardId}`;
        const e = current.get(key);
        if (!e || e.factor_id !== from.id || e.deleted)
          throw new FactorError(
            'bad_card',
            `parts: card ${c.cardId} does not have the factor "${from.id}"`,
          );
        if (claimed.has(key))
          throw new FactorError('bad_card', `parts: card ${c.cardId} is named in two parts`);
        claimed.add(key);
        entries.push(e);
      }
      rows.push(...moveRows(entries, id, s.userId, at));
    }
    await insertAssignments(trx, rows);
    if (s.retire)
      await updateCoalitionFactor(trx, s.coalitionId, from.id, {
        status: 'retired',
        updated_by: s.userId,
        updated_at: at,
      });
    await s.audit?.(trx, from.id);
    return { factors: made, moved: rows.length };
  });
}

/** Retires a factor: no new card can take it; cards that have it keep it (their history stands). */
export async function retireFactor(
  db: Db,
  r: { coalitionId: string; id: string; userId: string | null; now?: Date } & Audited,
): Promise<CoalitionFactor> {
  return setStatus(db, r, 'retired');
}

/** Brings a retired factor back: cards can take it again. */
export async function restoreFactor(
  db: Db,
  r: { coalitionId: string; id: string; userId: string | null; now?: Date } & Audited,
): Promise<CoalitionFactor> {
  return setStatus(db, r, 'active');
}

async function setStatus(
  db: Db,
  r: { coalitionId: string; id: string; userId: string | null; now?: Date } & Audited,
  status: 'active' | 'retired',
): Promise<CoalitionFactor> {
  return db.transaction().execute(async (trx) => {
    const f = factorOf(await coalitionFactors(trx, r.coalitionId), r.id);
    if (f.status === 'merged')
      throw new FactorError(
        'factor_not_active',
        `factor "${f.id}" is merged into "${f.mergedInto}"`,
      );
    await updateCoalitionFactor(trx, r.coalitionId, r.id, {
      status,
      updated_by: r.userId,
      updated_at: (r.now ?? new Date()).toISOString(),
    });
    await r.audit?.(trx, f.id);
    return { ...f, status };
  });
}
