import type { ExportRow } from '../../../domain/csv/table.ts';
import { can } from '../../auth/policy.ts';
import { listEvents } from '../../db/repos/events.ts';
import { eventAccess } from '../../events/service.ts';
import { readWall } from '../../learnings/present.ts';
import type { ExportEntity } from './entity.ts';

/**
 * The learnings walls of the coalition's events: each post by the `learning` rules of the policy
 * table, hidden posts only for those who run the event, merged posts folded into the post they
 * were merged into (its votes count theirs). The poster is never exported; their organisation
 * only where they chose to show it, and never in the public view.
 */
export const learnings: ExportEntity = {
  name: 'learnings',
  policy: { resource: 'learning', action: 'read' },
  columns: () => [
    { key: 'event_id', hxl: '#event+id' },
    { key: 'id', hxl: '#meta+id' },
    { key: 'text', hxl: '#description' },
    { key: 'theme', hxl: '#sector+theme' },
    { key: 'votes', hxl: '#meta+votes' },
    { key: 'organisation', hxl: '#org+name' },
    { key: 'pinned', hxl: '#meta+pinned' },
    { key: 'hidden', hxl: '#meta+hidden' },
    { key: 'visibility', hxl: '#meta+visibility' },
    { key: 'created_at', hxl: '#date+created' },
  ],
  async rows(db, r, q) {
    const out: ExportRow[] = [];
    for (const e of await listEvents(db, r.coalition.id)) {
      if (q.event && e.id !== q.event) continue;
      const runs = can(r.actor, 'update', 'event', eventAccess(e));
      const wall = await readWall(db, e.id);
      const themes = new Map(wall.themes.map((t) => [t.id, t.label]));
      wall.rows.forEach((row, i) => {
        const access = {
          coalitionId: row.coalition_id,
          owningOrganisationId: row.organisation_id,
          visibility: row.visibility,
        };
        if (!can(r.actor, 'read', 'learning', access)) return;
        if (Number(row.hidden) === 1 && !runs) return;
        if (row.merged_into !== null) return;
        const l = wall.learnings[i]!;
        out.push({
          event_id: e.id,
          id: l.id,
          text: l.text,
          theme: l.themeId ? (themes.get(l.themeId) ?? null) : null,
          votes: l.votes,
          organisation: r.isPublic ? null : l.organisation,
          pinned: l.pinned,
          hidden: l.hidden,
          visibility: row.visibility,
          created_at: row.created_at,
        });
      });
    }
    return out;
  },
};
