import { FACTOR_LANGUAGES } from '../../../domain/factors/vocabulary.ts';
import type { ExportColumn } from '../../../domain/csv/table.ts';
import { can, readScopes } from '../../auth/policy.ts';
import { listPatterns } from '../../db/repos/patterns.ts';
import { vocabularyOf } from '../../factors/service.ts';
import { present } from '../../patterns/service.ts';
import type { ExportEntity } from './entity.ts';
import { coalitionRecord } from './reader.ts';

const OTHER_LANGUAGES = FACTOR_LANGUAGES.filter((l) => l !== 'en');

/** The coalition's factor vocabulary, every status, with how many cards each groups. */
export const factors: ExportEntity = {
  name: 'factors',
  policy: { resource: 'factor', action: 'read' },
  notPublic: 'the factor vocabulary is kept inside the coalition',
  columns: () => [
    { key: 'id', hxl: '#indicator+factor+code' },
    { key: 'kind', hxl: '#indicator+kind' },
    { key: 'label', hxl: '#indicator+factor+name+i_en' },
    ...OTHER_LANGUAGES.map((l): ExportColumn => ({
      key: `label_${l}`,
      hxl: `#indicator+factor+name+i_${l}`,
    })),
    { key: 'description', hxl: '#description' },
    { key: 'codes', hxl: '#indicator+code+standard' },
    { key: 'status', hxl: '#status' },
    { key: 'merged_into', hxl: '#indicator+factor+code+merged' },
    { key: 'cards', hxl: '#meta+count' },
  ],
  async rows(db, r) {
    if (!can(r.actor, 'read', 'factor', coalitionRecord(r))) return [];
    return (await vocabularyOf(db, r.coalition.id)).map((f) => ({
      id: f.id,
      kind: f.kind,
      label: f.label,
      ...Object.fromEntries(OTHER_LANGUAGES.map((l) => [`label_${l}`, f.labels[l] ?? null])),
      description: f.description,
      codes: f.codes,
      status: f.status,
      merged_into: f.mergedInto,
      cards: f.cards,
    }));
  },
};

/**
 * Experience patterns with their place on the spectrum (computed by the rule, as the API shows
 * it). The rule's columns are the pattern import's (`paid`, `can_leave`, `indicators`,
 * `recruitment`, `moved`, `form`…), so the file imports back.
 */
export const patterns: ExportEntity = {
  name: 'patterns',
  policy: { resource: 'pattern', action: 'read' },
  notPublic: 'experience patterns are published only in aggregate',
  columns: () => [
    { key: 'id', hxl: '#meta+id' },
    { key: 'form', hxl: '#sector+form' },
    { key: 'sector', hxl: '#sector+labour' },
    { key: 'population', hxl: '#affected+type' },
    { key: 'paid', hxl: '#indicator+paid' },
    { key: 'can_leave', hxl: '#indicator+can_leave' },
    { key: 'indicators', hxl: '#indicator+ilo' },
    { key: 'recruitment', hxl: '#indicator+recruitment' },
    { key: 'moved', hxl: '#indicator+moved' },
    { key: 'level', hxl: '#indicator+spectrum' },
    { key: 'issue', hxl: '#sector+issue' },
    { key: 'event_id', hxl: '#event+id' },
    { key: 'notes', hxl: '#description' },
    { key: 'visibility', hxl: '#meta+visibility' },
    { key: 'organisation', hxl: '#org+name' },
    { key: 'created_at', hxl: '#date+created' },
  ],
  async rows(db, r, q) {
    if (r.actor.kind !== 'user') return [];
    const rows = await listPatterns(
      db,
      {
        coalitionId: r.coalition.id,
        organisationId: r.actor.organisationId,
        scopes: readScopes(r.actor, 'pattern'),
      },
      { eventId: q.event },
    );
    return rows.map((rec) => {
      const p = present(rec, r.actor);
      return {
        id: p.id,
        form: p.form,
        sector: p.sector,
        population: p.population,
        paid: p.paid,
        can_leave: p.canLeave,
        indicators: p.indicators.map(String),
        recruitment: p.recruitment,
        moved: p.moved,
        level: p.level,
        issue: p.issueKey,
        event_id: p.eventId,
        notes: p.notes,
        visibility: p.visibility,
        organisation: p.organisation?.name ?? null,
        created_at: p.createdAt,
      };
    });
  },
};
