import { readScopes } from '../../auth/policy.ts';
import { linksOf, listCommitments } from '../../db/repos/commitments.ts';
import { readableOrganisations } from './directory.ts';
import type { ExportEntity } from './entity.ts';

/**
 * Commitments on the expertise groups' roadmaps, with what each answers (`kind:ref` links). Read
 * inside the coalition only; an owner or second organisation is named only to a reader who may
 * read that organisation.
 */
export const commitments: ExportEntity = {
  name: 'commitments',
  policy: { resource: 'commitment', action: 'read' },
  notPublic: 'commitments are followed up inside the coalition',
  columns: () => [
    { key: 'id', hxl: '#meta+id' },
    { key: 'event_id', hxl: '#event+id' },
    { key: 'group', hxl: '#sector+group' },
    { key: 'title', hxl: '#activity+name' },
    { key: 'description', hxl: '#description' },
    { key: 'owner_organisation', hxl: '#org+name+owner' },
    { key: 'second_organisation', hxl: '#org+name+second' },
    { key: 'target_date', hxl: '#date+target' },
    { key: 'status', hxl: '#status' },
    { key: 'links', hxl: '#meta+links' },
    { key: 'visibility', hxl: '#meta+visibility' },
    { key: 'created_at', hxl: '#date+created' },
    { key: 'progress_at', hxl: '#date+reported' },
  ],
  async rows(db, r, q) {
    if (r.actor.kind !== 'user') return [];
    const list = await listCommitments(
      db,
      {
        coalitionId: r.coalition.id,
        organisationId: r.actor.organisationId,
        scopes: readScopes(r.actor, 'commitment'),
      },
      { eventId: q.event },
    );
    const named = new Map((await readableOrganisations(db, r)).map((o) => [o.id, o.name]));
    const links = new Map<string, string[]>();
    for (const l of await linksOf(
      db,
      r.coalition.id,
      list.map((c) => c.id),
    )) {
      const all = links.get(l.commitment_id) ?? [];
      all.push(`${l.kind}:${l.ref}`);
      links.set(l.commitment_id, all);
    }
    return list.map((c) => ({
      id: c.id,
      event_id: c.event_id,
      group: c.group_key,
      title: c.title,
      description: c.description,
      owner_organisation: named.get(c.owner_organisation_id) ?? null,
      second_organisation: c.second_organisation_id
        ? (named.get(c.second_organisation_id) ?? null)
        : null,
      target_date: c.target_date,
      status: c.status,
      links: links.get(c.id) ?? [],
      visibility: c.visibility,
      created_at: c.created_at,
      progress_at: c.progress_at,
    }));
  },
};
