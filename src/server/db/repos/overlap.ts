import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { CardLevelCode } from '../../../contract/constants.ts';
import type { EventIssue } from '../../../contract/events.ts';
import type { Json } from '../json.ts';
import { ofEvent } from './scoped.ts';

type DbOrTx = Kysely<Database>;

/** Confirmed cards of one event, counted per (issue, level, kind, factor). */
export interface EventTally {
  issue: string;
  level: string;
  kind: string;
  factor: string;
  n: number;
}

/**
 * The event's confirmed cards counted where they sit: each card's current factor
 * (`card_factor_current`, kept with every assignment entry) joined with the card; deleted cards
 * and cards whose factor was taken away (null) do not count. Suggestions are never stored, so
 * they cannot count.
 */
export async function eventTallies(db: DbOrTx, eventId: string): Promise<EventTally[]> {
  const rows = await ofEvent(db, 'card_factor_current', eventId)
    .select()
    .innerJoin('cards as c', (j) =>
      j
        .onRef('c.event_id', '=', 'card_factor_current.event_id')
        .onRef('c.id', '=', 'card_factor_current.card_id'),
    )
    .where('card_factor_current.factor_id', 'is not', null)
    .where('c.deleted', '=', 0)
    .select((eb) => [
      'c.issue_key as issue',
      'c.level as level',
      'c.kind as kind',
      'card_factor_current.factor_id as factor',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['c.issue_key', 'c.level', 'c.kind', 'card_factor_current.factor_id'])
    .execute();
  // pg answers count() as a string.
  return rows.map((r) => ({ ...r, factor: r.factor ?? '', n: Number(r.n) }));
}

/** What an event's overlap answer depends on, for every event of the coalition (one query). */
export interface OverlapStamp {
  eventId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  /** JSON: EventIssue[] */
  issues: Json<EventIssue[]>;
  updatedAt: string;
  /** Assignment entries so far (event_overlap.version), 0 before the first. */
  version: number;
  /** The live room's sequence number: every card change moves it. */
  seq: number;
  visibility: 'coalition' | 'public';
}

export async function overlapStamps(db: DbOrTx, coalitionId: string): Promise<OverlapStamp[]> {
  const rows = await db
    .selectFrom('events')
    .leftJoin('event_overlap as o', 'o.event_id', 'events.id')
    .leftJoin('live_state as l', 'l.event_id', 'events.id')
    .where('events.coalition_id', '=', coalitionId)
    .select([
      'events.id as eventId',
      'events.name as name',
      'events.starts_on as startsOn',
      'events.ends_on as endsOn',
      'events.issues as issues',
      'events.updated_at as updatedAt',
      'o.version as version',
      'o.visibility as visibility',
      'l.seq as seq',
    ])
    .orderBy('events.starts_on')
    .orderBy('events.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version ?? 0),
    seq: Number(r.seq ?? 0),
    visibility: r.visibility === 'public' ? 'public' : 'coalition',
  }));
}

/** Who may see the event's overlap: `coalition` (the default) or `public`. */
export async function setOverlapVisibility(
  trx: DbOrTx,
  eventId: string,
  visibility: 'coalition' | 'public',
  userId: string | null,
  at: string,
): Promise<void> {
  await trx
    .insertInto('event_overlap')
    .values({ event_id: eventId, version: 1, visibility, updated_by: userId, updated_at: at })
    .onConflict((oc) =>
      oc.column('event_id').doUpdateSet({ visibility, updated_by: userId, updated_at: at }),
    )
    .execute();
}

export interface CellCard {
  id: string;
  issueKey: string;
  level: string;
  kind: string;
  text: string;
}

/** The event's confirmed cards of one factor in the given issues (and level), oldest first. */
export async function cellCards(
  db: DbOrTx,
  eventId: string,
  q: { factor: string; issues: string[]; level: CardLevelCode | null; limit: number },
): Promise<CellCard[]> {
  if (q.issues.length === 0 || q.limit <= 0) return [];
  let query = ofEvent(db, 'card_factor_current', eventId)
    .select()
    .innerJoin('cards as c', (j) =>
      j
        .onRef('c.event_id', '=', 'card_factor_current.event_id')
        .onRef('c.id', '=', 'card_factor_current.card_id'),
    )
    .where('card_factor_current.factor_id', '=', q.factor)
    .where('c.deleted', '=', 0)
    .where('c.issue_key', 'in', q.issues);
  if (q.level) query = query.where('c.level', '=', q.level);
  return query
    .select([
      'c.id as id',
      'c.issue_key as issueKey',
      'c.level as level',
      'c.kind as kind',
      'c.text as text',
    ])
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(q.limit)
    .execute();
}
