/**
 * Saving an event's tables (issue 12). Tables keep their ids, so renaming or reordering them
 * changes no seating at all. Adding, removing or resizing tables changes what plans can use:
 * - the session under way re-plans its rounds still to come (held rounds kept exactly), in the
 *   same commit as the tables (live-seating.ts); a table that seats people in the round under way
 *   cannot be removed (409 `table_in_use`, naming the table, the round and the session);
 * - a session with held rounds and none to come (finished, or in its last round) keeps its plan;
 * - café and group sessions not started lose their plan (a version `cleared` in their history,
 *   restorable while its tables exist): they are generated again for the new tables.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EventDetail, TablesReplace } from '../../contract/events.ts';
import type { AppContext } from '../context.ts';
import * as repo from '../db/repos/events.ts';
import type { EventTableTable } from '../db/schema.ts';
import type { EventRecord } from '../db/repos/events.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { writePlan } from './history.ts';
import { applySeatingChange, type Prepare } from './live-seating.ts';
import type { Rooms } from './rooms.ts';
import { eventDetail } from './read.ts';

type TableEdits = z.infer<typeof TablesReplace>['tables'];

function checkIds(tables: TableEdits): void {
  const seen = new Set<string>();
  tables.forEach((t, i) => {
    if (!t.id) return;
    if (seen.has(t.id))
      throw invalid([
        {
          field: `tables.${i}.id`,
          code: 'duplicate',
          params: { value: t.id },
          message: 'names a table twice',
        },
      ]);
    seen.add(t.id);
  });
}

export async function saveTables(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  tables: TableEdits,
  by: string | null,
): Promise<EventDetail> {
  checkIds(tables);
  // Made once: the re-plan and the write use the same ids for new tables.
  const fresh = tables.map(() => randomUUID());
  const byPosition = !tables.some((t) => t.id);
  const prepare: Prepare = async (tx, state, held) => {
    const existing = await repo.listTables(tx.db, e.id);
    const old = new Map(existing.map((t) => [t.id, t]));
    const rows: EventTableTable[] = tables.map((t, position) => {
      // A list without ids (an older client) edits the tables in order.
      const id = t.id ?? (byPosition ? existing[position]?.id : undefined) ?? fresh[position]!;
      if (t.id && !old.has(t.id))
        throw invalid([
          {
            field: `tables.${position}.id`,
            code: 'unknown_table',
            message: 'is not a table of this event',
          },
        ]);
      return {
        id,
        event_id: e.id,
        name: t.name,
        capacity: t.capacity,
        position,
        host_participant_id: old.get(id)?.host_participant_id ?? null,
      };
    });
    const ids = new Set(rows.map((r) => r.id));
    const removed = existing.filter((t) => !ids.has(t.id));
    const added = rows.filter((r) => !old.has(r.id));
    const kept = rows.filter((r) => old.has(r.id));
    const structural =
      removed.length > 0 ||
      added.length > 0 ||
      kept.some((r) => Number(old.get(r.id)!.capacity) !== r.capacity);
    if (held?.underWay && removed.length) {
      const now = held.plan[held.heldThrough]?.groups ?? [];
      const busy = removed.find((t) =>
        now.some((g) => g.tableId === t.id && g.participantIds.length > 0),
      );
      if (busy)
        throw new HttpError(409, {
          error: 'table_in_use',
          message: `"${busy.name}" seats people in round ${held.heldThrough + 1} of "${held.session.title}", which is under way: remove it once the session has finished (rename, add or resize tables meanwhile).`,
          params: {
            table: busy.name,
            round: held.heldThrough + 1,
            session: held.session.title,
          },
        });
    }
    const sessions = structural ? await repo.listSessions(tx.db, e.id) : [];
    const toClear = sessions.filter(
      (s) => s.kind !== 'networking' && s.plan !== null && s.id !== held?.session.id,
    );
    return {
      reason: 'tables_changed',
      replan: structural && held !== undefined && held.session.kind === 'cafe',
      after: (b) => ({ ...b, tables: rows }),
      write: async (trx) => {
        await repo.saveTables(
          trx,
          e.id,
          kept,
          added,
          removed.map((t) => t.id),
        );
        const at = ctx.now().toISOString();
        for (const s of toClear)
          await writePlan(trx, at, s, null, null, { reason: 'cleared', by, heldThrough: -1 });
      },
    };
  };
  return (
    (await applySeatingChange(ctx, rooms, e.id, prepare, by)) ?? (await eventDetail(ctx.db, e.id))!
  );
}
