/**
 * A coalition's factors and the assignments of its cards to them (issue 13). The vocabulary starts
 * as the default one (src/domain/factors/vocabulary.ts, ids kept exactly) the first time it is
 * used; assignments are append-only versions with who and when, undone by appending the previous
 * state; a merge moves the merged factor's cards to the other one. Suggestions come from the
 * coalition's own vocabulary and learn from every card its people confirmed.
 */
import type { Db } from '../db/index.ts';
import { findCard } from '../db/repos/cards.ts';
import { findEvent, listEvents } from '../db/repos/events.ts';
import {
  cardAssignments,
  eventAssignments,
  insertAssignment,
  insertCoalitionFactors,
  listCoalitionFactors,
  updateCoalitionFactor,
} from '../db/repos/factors.ts';
import type { CardFactorAssignmentTable, CoalitionFactorTable } from '../db/schema-factors.ts';
import { FactorSuggester } from '../../domain/factors/suggest.ts';
import {
  DEFAULT_FACTORS,
  type FactorDefinition,
  type FactorKind,
  type FactorLanguage,
} from '../../domain/factors/vocabulary.ts';

export type FactorStatus = 'active' | 'retired' | 'merged';

export interface CoalitionFactor extends FactorDefinition {
  status: FactorStatus;
  mergedInto: string | null;
}

export type FactorErrorCode =
  | 'unknown_event'
  | 'unknown_card'
  | 'unknown_factor'
  | 'factor_not_active'
  | 'factor_exists'
  | 'kind_mismatch'
  | 'nothing_to_undo';

/** A refusal the API answers with 404/409/422 naming the code; nothing is stored. */
export class FactorError extends Error {
  constructor(
    readonly code: FactorErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function toFactor(row: CoalitionFactorTable): CoalitionFactor {
  return {
    id: row.factor_id,
    kind: row.kind as FactorKind,
    label: row.label,
    description: row.description,
    codes: JSON.parse(row.codes) as string[],
    keywords: JSON.parse(row.keywords) as Partial<Record<FactorLanguage, string[]>>,
    status: row.status as FactorStatus,
    mergedInto: row.merged_into,
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
        keywords: JSON.stringify(f.keywords),
        codes: JSON.stringify(f.codes),
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
 * A suggester over the coalition's active factors that has learnt every card of the coalition
 * whose current assignment is an active factor.
 */
export async function suggesterFor(db: Db, coalitionId: string): Promise<FactorSuggester> {
  const factors = (await coalitionFactors(db, coalitionId)).filter((f) => f.status === 'active');
  const suggester = new FactorSuggester(factors);
  const active = new Set(factors.map((f) => f.id));
  for (const event of await listEvents(db, coalitionId)) {
    const current = currentByCard(await eventAssignments(db, event.id));
    for (const [cardId, entry] of current) {
      if (!entry.factor_id || !active.has(entry.factor_id)) continue;
      const card = await findCard(db, event.id, cardId);
      if (!card || card.deleted) continue;
      suggester.learn(
        { text: card.text, kind: card.kind as FactorKind, level: card.level },
        entry.factor_id,
      );
    }
  }
  return suggester;
}

interface Who {
  eventId: string;
  cardId: string;
  userId: string | null;
  now?: Date;
}

async function cardOf(db: Db, eventId: string, cardId: string) {
  const event = await findEvent(db, eventId);
  if (!event) throw new FactorError('unknown_event', `no event ${eventId}`);
  const card = await findCard(db, eventId, cardId);
  if (!card || card.deleted)
    throw new FactorError('unknown_card', `no card ${cardId} in this event`);
  return { event, card };
}

/**
 * A person assigns a card to a factor (or to none, `factorId` null): a new version of the card's
 * factor. The factor must be an active factor of the event's coalition, of the card's kind.
 */
export async function assignCard(
  db: Db,
  who: Who & { factorId: string | null },
): Promise<CardFactorAssignmentTable> {
  return db.transaction().execute(async (trx) => {
    const { event, card } = await cardOf(trx, who.eventId, who.cardId);
    if (who.factorId !== null) {
      const factor = (await coalitionFactors(trx, event.coalition_id)).find(
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
  return db.transaction().execute(async (trx) => {
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

/**
 * Merges factor `from` into `into` (same coalition, same kind): every card whose factor is `from`
 * gets a new version naming `into`, by the person merging; `from` is kept as merged, so its id
 * still resolves in exports. Returns how many cards moved.
 */
export async function mergeFactors(
  db: Db,
  m: { coalitionId: string; from: string; into: string; userId: string | null; now?: Date },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const factors = await coalitionFactors(trx, m.coalitionId);
    const from = factors.find((f) => f.id === m.from);
    const into = factors.find((f) => f.id === m.into);
    if (!from) throw new FactorError('unknown_factor', `no factor "${m.from}"`);
    if (!into) throw new FactorError('unknown_factor', `no factor "${m.into}"`);
    if (from.id === into.id)
      throw new FactorError('factor_exists', 'a factor cannot merge into itself');
    for (const f of [from, into])
      if (f.status !== 'active')
        throw new FactorError('factor_not_active', `factor "${f.id}" is ${f.status}`);
    if (from.kind !== into.kind)
      throw new FactorError(
        'kind_mismatch',
        `"${from.id}" and "${into.id}" are of different kinds`,
      );
    const at = (m.now ?? new Date()).toISOString();
    let moved = 0;
    for (const event of await listEvents(trx, m.coalitionId)) {
      const all = await eventAssignments(trx, event.id);
      for (const [cardId, entry] of currentByCard(all)) {
        if (entry.factor_id !== from.id) continue;
        const last = Math.max(...all.filter((e) => e.card_id === cardId).map((e) => e.n));
        await insertAssignment(trx, {
          event_id: event.id,
          card_id: cardId,
          n: last + 1,
          factor_id: into.id,
          by_user: m.userId,
          at,
          undo_of: null,
        });
        moved++;
      }
    }
    await updateCoalitionFactor(trx, m.coalitionId, from.id, {
      status: 'merged',
      merged_into: into.id,
      updated_by: m.userId,
      updated_at: at,
    });
    return moved;
  });
}

/** A new factor of the coalition (for instance made from a card a reviewer found no factor for). */
export async function addFactor(
  db: Db,
  f: {
    coalitionId: string;
    id: string;
    kind: FactorKind;
    label: string;
    description?: string;
    keywords?: Partial<Record<FactorLanguage, string[]>>;
    userId: string | null;
    now?: Date;
  },
): Promise<CoalitionFactor> {
  return db.transaction().execute(async (trx) => {
    const factors = await coalitionFactors(trx, f.coalitionId);
    if (factors.some((x) => x.id === f.id))
      throw new FactorError('factor_exists', `the coalition already has a factor "${f.id}"`);
    const row: CoalitionFactorTable = {
      coalition_id: f.coalitionId,
      factor_id: f.id,
      kind: f.kind,
      label: f.label,
      description: f.description ?? '',
      keywords: JSON.stringify(f.keywords ?? {}),
      codes: '[]',
      status: 'active',
      merged_into: null,
      position: factors.length,
      updated_by: f.userId,
      updated_at: (f.now ?? new Date()).toISOString(),
    };
    await insertCoalitionFactors(trx, [row]);
    return toFactor(row);
  });
}

/** Retires a factor: no new card can take it; cards that have it keep it (their history stands). */
export async function retireFactor(
  db: Db,
  r: { coalitionId: string; id: string; userId: string | null; now?: Date },
): Promise<void> {
  const factors = await coalitionFactors(db, r.coalitionId);
  if (!factors.some((x) => x.id === r.id))
    throw new FactorError('unknown_factor', `no factor "${r.id}"`);
  await updateCoalitionFactor(db, r.coalitionId, r.id, {
    status: 'retired',
    updated_by: r.userId,
    updated_at: (r.now ?? new Date()).toISOString(),
  });
}
