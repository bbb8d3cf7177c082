import { randomUUID } from 'node:crypto';
import { CardTags, CardText } from '../../../contract/cards.ts';
import { CARD_KINDS, CARD_LEVELS, ILO_INDICATORS } from '../../../contract/constants.ts';
import { cardImport, type CardDraft } from '../../../domain/import/cards.ts';
import { fold } from '../../../domain/import/fold.ts';
import type { Vocabulary } from '../../../domain/import/values.ts';
import { tagVocabularies, taxonomyVocabulary } from '../../../domain/import/vocabularies.ts';
import { DEFAULT_FACTORS } from '../../../domain/factors/vocabulary.ts';
import { can } from '../../auth/policy.ts';
import { fromJson } from '../../db/json.ts';
import { insertCards, type CardRecord } from '../../db/repos/cards.ts';
import { listEvents, listTables } from '../../db/repos/events.ts';
import { insertAssignments, listCoalitionFactors } from '../../db/repos/factors.ts';
import type { CardFactorAssignmentTable } from '../../db/schema-factors.ts';
import { eventAccess } from '../../events/service.ts';
import { coalitionFactors } from '../../factors/service.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { EntityImporter } from './entities.ts';

interface EventOfImport {
  id: string;
  name: string;
  issues: Map<string, string>;
  /** Tables by folded name → id. */
  tables: Map<string, string>;
}

interface FactorOfImport {
  id: string;
  kind: string;
  status: string;
  labels: string[];
}

interface CardContext {
  /** The event every row goes to (`?event=`), or null: the file's event column says. */
  target: EventOfImport | null;
  /** The coalition's events the importer may add cards to, by id and by folded name. */
  events: Map<string, EventOfImport>;
  factors: Map<string, FactorOfImport>;
  /** The coalition has no factors yet: the defaults are made with the import. */
  defaults: boolean;
}

interface CardInput {
  card: CardRecord;
  factor: string | null;
}

/**
 * Cards: whoever runs the event (the `event` update rule: coordinators and admins) imports its
 * sheets, into events of their own coalition only — another coalition's event is "not found".
 * A card has no organisation or visibility of its own: it is the event's (inside the coalition;
 * public only in the overlap's aggregate), and its history records who imported it.
 */
export const cardImporter: EntityImporter<CardDraft, CardInput, CardContext> = {
  entity: 'cards',
  descriptor: cardImport,
  policy: { resource: 'event', action: 'update' },
  summary:
    'Import café cards into an event from CSV or .xlsx: issue, kind, level, factor and tags matched by key, label or synonym (HXL too), dry run first, all or nothing',
  async prepare(db, actor, query) {
    const events = new Map<string, EventOfImport>();
    let target: EventOfImport | null = null;
    for (const e of await listEvents(db, actor.coalitionId)) {
      if (!can(actor, 'read', 'event', eventAccess(e))) continue;
      const own = query.event === e.id;
      if (!can(actor, 'update', 'event', eventAccess(e))) {
        if (own) throw forbidden();
        continue;
      }
      if (query.event && !own) continue;
      const tables = new Map(
        (await listTables(db, e.id)).map((t) => [fold(t.name), t.id] as const),
      );
      const one: EventOfImport = {
        id: e.id,
        name: e.name,
        issues: new Map(e.issues.map((i) => [i.key, i.label])),
        tables,
      };
      events.set(e.id, one);
      events.set(fold(e.name), one);
      if (own) target = one;
    }
    if (query.event && !target) throw notFound('event');
    if (!events.size) throw forbidden();
    const rows = await listCoalitionFactors(db, actor.coalitionId);
    const factors = new Map<string, FactorOfImport>();
    for (const f of rows)
      factors.set(f.factor_id, {
        id: f.factor_id,
        kind: f.kind,
        status: f.status,
        labels: [f.label, ...Object.values(fromJson(f.labels))],
      });
    if (!rows.length)
      for (const f of DEFAULT_FACTORS)
        factors.set(f.id, {
          id: f.id,
          kind: f.kind,
          status: 'active',
          labels: [f.label, ...Object.values(f.labels ?? {})],
        });
    return { target, events, factors, defaults: !rows.length };
  },
  vocabularies(c) {
    const issues = new Map<string, string>();
    for (const e of c.target ? [c.target] : c.events.values())
      for (const [key, label] of e.issues) issues.set(key, label);
    const issue: Vocabulary = {
      id: 'issue',
      loose: true,
      entries: [...issues].map(([key, label]) => ({ key, labels: [label] })),
    };
    const factor: Vocabulary = {
      id: 'factor',
      loose: false,
      entries: [...c.factors.values()].map((f) => ({ key: f.id, labels: f.labels })),
    };
    return {
      issue,
      factor,
      cardKind: taxonomyVocabulary('cardKind', CARD_KINDS),
      cardLevel: taxonomyVocabulary('cardLevel', CARD_LEVELS),
      ...tagVocabularies(),
      ilo: taxonomyVocabulary('ilo', ILO_INDICATORS),
    };
  },
  check(actor, c, rows, report) {
    const out: CardInput[] = [];
    for (const { line, draft } of rows) {
      let ok = true;
      const bad: typeof report = (...a) => {
        ok = false;
        report(...a);
      };
      const event =
        c.target ??
        (draft.event === null
          ? null
          : (c.events.get(draft.event) ?? c.events.get(fold(draft.event)) ?? null));
      if (!event) {
        bad(
          line,
          'event',
          draft.event === null ? 'value_required' : 'value_unknown',
          draft.event === null
            ? 'name the event: an event column, or choose the event to import into'
            : 'is not an event of this coalition you run (give its id or name, or choose the event to import into)',
        );
        continue;
      }
      if (!event.issues.has(draft.issue))
        bad(line, 'issue', 'value_unknown', `is not an issue of the event "${event.name}"`);
      const text = CardText.safeParse(draft.text);
      if (!text.success) bad(line, 'text', 'value_invalid', text.error.issues[0]!.message);
      const kind = CARD_KINDS.find((k) => k === draft.kind);
      const level = CARD_LEVELS.find((l) => l === draft.level);
      if (!kind) bad(line, 'kind', 'value_invalid', 'must be cause or consequence');
      if (!level)
        bad(line, 'level', 'value_invalid', 'must be individual, family, community or structural');
      const tags = CardTags.safeParse({
        forms: draft.forms,
        sectors: draft.sectors,
        populations: draft.populations,
        ilo: draft.ilo,
      });
      if (!tags.success) bad(line, 'forms', 'value_invalid', tags.error.issues[0]!.message);
      const factor = draft.factor === null ? null : c.factors.get(draft.factor);
      if (factor && factor.status !== 'active')
        bad(line, 'factor', 'value_invalid', `the factor "${factor.id}" is ${factor.status}`);
      else if (factor && kind && factor.kind !== kind)
        bad(
          line,
          'factor',
          'value_invalid',
          `a ${kind} card cannot take the ${factor.kind} factor "${factor.id}"`,
        );
      let tableId: string | null = null;
      if (draft.table !== null) {
        tableId = event.tables.get(fold(draft.table)) ?? null;
        if (!tableId)
          bad(
            line,
            'table',
            'value_unknown',
            `is not a table of the event "${event.name}" (leave it empty, or ignore the column)`,
          );
      }
      if (!ok || !kind || !level || !text.success || !tags.success) continue;
      out.push({
        factor: factor?.id ?? null,
        card: {
          id: randomUUID(),
          eventId: event.id,
          issueKey: draft.issue,
          kind,
          level,
          text: text.data,
          tags: tags.data,
          tableId,
          round: draft.round === null ? null : draft.round - 1,
          participantId: null,
          userId: actor.userId || null,
          version: 1,
          deleted: false,
          createdAt: '',
          updatedAt: '',
        },
      });
    }
    return out;
  },
  async commit(trx, actor, c, inputs, now, onBatch) {
    if (c.defaults) await coalitionFactors(trx, actor.coalitionId, new Date(now));
    const cards = inputs.map(({ card }) => ({ ...card, createdAt: now, updatedAt: now }));
    await insertCards(trx, cards, `import:${actor.userId}`, onBatch);
    const assignments = inputs.flatMap(({ card, factor }): CardFactorAssignmentTable[] =>
      factor === null
        ? []
        : [
            {
              event_id: card.eventId,
              card_id: card.id,
              n: 1,
              factor_id: factor,
              by_user: actor.userId || null,
              at: now,
              undo_of: null,
            },
          ],
    );
    await insertAssignments(trx, assignments);
  },
};
