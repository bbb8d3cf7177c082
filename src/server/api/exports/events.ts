import type { CardTags } from '../../../contract/cards.ts';
import type { ExportRow } from '../../../domain/csv/table.ts';
import { can } from '../../auth/policy.ts';
import type { Db } from '../../db/index.ts';
import { listCards } from '../../db/repos/cards.ts';
import { listEvents, listParticipants, listTables } from '../../db/repos/events.ts';
import { currentFactors } from '../../db/repos/exports.ts';
import { listCoalitionFactors } from '../../db/repos/factors.ts';
import type { EventRecord } from '../../db/repos/events.ts';
import { notFound } from '../../http/errors.ts';
import type { ExportEntity, ExportQuery } from './entity.ts';
import { coalitionRecord, type ExportReader } from './reader.ts';

/** The coalition's events the reader may read, or the one the query names (404 if not one). */
async function eventsOf(db: Db, r: ExportReader, q: ExportQuery): Promise<EventRecord[]> {
  if (!can(r.actor, 'read', 'event', coalitionRecord(r))) return [];
  const all = await listEvents(db, r.coalition.id);
  if (!q.event) return all;
  const one = all.filter((e) => e.id === q.event);
  if (!one.length) throw notFound('event');
  return one;
}

const keysOf = (items: readonly { key: string }[]) => items.map((x) => x.key);

export const events: ExportEntity = {
  name: 'events',
  policy: { resource: 'event', action: 'read' },
  notPublic: 'events are kept inside the coalition',
  columns: () => [
    { key: 'id', hxl: '#event+id' },
    { key: 'name', hxl: '#event+name' },
    { key: 'starts_on', hxl: '#date+start' },
    { key: 'ends_on', hxl: '#date+end' },
    { key: 'venue', hxl: '#loc+name+venue' },
    { key: 'time_zone', hxl: '#meta+timezone' },
    { key: 'issues', hxl: '#sector+issue' },
    { key: 'expertise_groups', hxl: '#sector+group' },
    { key: 'participants', hxl: '#contact+num' },
    { key: 'created_at', hxl: '#date+created' },
  ],
  async rows(db, r, q) {
    const out: ExportRow[] = [];
    for (const e of await eventsOf(db, r, q))
      out.push({
        id: e.id,
        name: e.name,
        starts_on: e.startsOn,
        ends_on: e.endsOn,
        venue: e.venue,
        time_zone: e.timeZone,
        issues: keysOf(e.issues),
        expertise_groups: keysOf(e.expertiseGroups),
        participants: (await listParticipants(db, e.id)).length,
        created_at: e.createdAt,
      });
    return out;
  },
};

/**
 * Participants: the people of an event, for those who run events (coordinators and admins, the
 * `event` update rule). The columns are the roster import's, so the file imports back.
 */
export const participants: ExportEntity = {
  name: 'participants',
  policy: { resource: 'event', action: 'update' },
  notPublic: 'participants are never published',
  columns: () => [
    { key: 'event_id', hxl: '#event+id' },
    { key: 'id', hxl: '#contact+id' },
    { key: 'name', hxl: '#contact+name' },
    { key: 'organisation', hxl: '#org+name' },
    { key: 'sector', hxl: '#org+type' },
    { key: 'country', hxl: '#country+code' },
    { key: 'choices', hxl: '#meta+expertise' },
    { key: 'languages', hxl: '#meta+lang' },
    { key: 'email', hxl: '#contact+email' },
    { key: 'status', hxl: '#status' },
  ],
  async rows(db, r, q) {
    const out: ExportRow[] = [];
    for (const e of await eventsOf(db, r, q))
      for (const p of await listParticipants(db, e.id))
        out.push({
          event_id: e.id,
          id: p.id,
          name: p.name,
          organisation: p.organisation,
          sector: p.sector,
          country: p.country,
          choices: p.choices,
          languages: p.languages,
          email: p.email,
          status: p.status,
        });
    return out;
  },
};

/**
 * Café cards with the factor each was grouped under. Authors are never exported (issue 14: no
 * card authors outside the room's facilitators); deleted cards are left out.
 */
export const cards: ExportEntity = {
  name: 'cards',
  policy: { resource: 'event', action: 'read' },
  notPublic: 'cards are never published one by one (the overlap shows them in aggregate)',
  columns: () => [
    { key: 'event_id', hxl: '#event+id' },
    { key: 'id', hxl: '#meta+id' },
    { key: 'issue', hxl: '#sector+issue' },
    { key: 'issue_label', hxl: '#sector+issue+name' },
    { key: 'kind', hxl: '#indicator+kind' },
    { key: 'level', hxl: '#indicator+level' },
    { key: 'text', hxl: '#description' },
    { key: 'factor', hxl: '#indicator+factor+code' },
    { key: 'factor_label', hxl: '#indicator+factor+name' },
    { key: 'forms', hxl: '#sector+form' },
    { key: 'sectors', hxl: '#sector+labour' },
    { key: 'populations', hxl: '#affected+type' },
    { key: 'ilo_indicators', hxl: '#indicator+ilo' },
    { key: 'table', hxl: '#loc+table' },
    { key: 'round', hxl: '#meta+round' },
    { key: 'created_at', hxl: '#date+created' },
  ],
  async rows(db, r, q) {
    const labels = new Map(
      (await listCoalitionFactors(db, r.coalition.id)).map((f) => [f.factor_id, f.label]),
    );
    const out: ExportRow[] = [];
    for (const e of await eventsOf(db, r, q)) {
      const issues = new Map(e.issues.map((i) => [i.key, i.label]));
      const tables = new Map((await listTables(db, e.id)).map((t) => [t.id, t.name]));
      const factors = await currentFactors(db, e.id);
      for (const c of await listCards(db, e.id)) {
        if (c.deleted) continue;
        const tags: Partial<CardTags> = c.tags;
        const factor = factors.get(c.id) ?? null;
        out.push({
          event_id: e.id,
          id: c.id,
          issue: c.issueKey,
          issue_label: issues.get(c.issueKey) ?? null,
          kind: c.kind,
          level: c.level,
          text: c.text,
          factor,
          factor_label: factor ? (labels.get(factor) ?? null) : null,
          forms: tags.forms ?? [],
          sectors: tags.sectors ?? [],
          populations: tags.populations ?? [],
          ilo_indicators: tags.ilo ?? [],
          table: c.tableId ? (tables.get(c.tableId) ?? null) : null,
          // Rounds are stored from 0 and shown from 1, as the sheet export does.
          round: c.round === null ? null : c.round + 1,
          created_at: c.createdAt,
        });
      }
    }
    return out;
  },
};
