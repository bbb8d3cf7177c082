import { BASES, CONFIDENCES, RouteCreate } from '../../../contract/atlas.ts';
import { ROUTE_FIELDS, routeImport, type RouteDraft } from '../../../domain/import/routes.ts';
import { tagVocabularies, taxonomyVocabulary } from '../../../domain/import/vocabularies.ts';
import { VISIBILITIES } from '../../../domain/taxonomy/codes.ts';
import { can, mayConfirmNotes } from '../../auth/policy.ts';
import { personalDataProblems, resolveFields } from '../../atlas/route-rules.ts';
import * as orgs from '../../db/repos/organisations.ts';
import { insertRoutes, type RouteFields } from '../../db/repos/routes.ts';
import { forbidden } from '../../http/errors.ts';
import { access } from '../atlas/route-service.ts';
import { schemaProblems, type EntityImporter } from './entities.ts';

interface RouteContext {
  /** The coalition's organisations by name (compared as the directory compares names). */
  byName: Map<string, string>;
  changed: (coalitionId: string) => void;
}

/**
 * Routes: who may add a route may import routes (the policy's `route` create rule, row by row with
 * the row's visibility and reporting organisation). A member's routes are always their own
 * organisation's: a row naming another organisation is refused, never stored under it.
 * Coordinators and admins name any organisation of the coalition, or none. Notes that look like
 * a person's name or number are refused for members; a coordinator's import stands as the
 * confirmation the route form asks for (recorded in the audit log with the import).
 */
export function routeImporter(
  changed: (coalitionId: string) => void,
): EntityImporter<RouteDraft, RouteFields, RouteContext> {
  return {
    entity: 'routes',
    descriptor: routeImport,
    policy: { resource: 'route', action: 'create' },
    summary:
      'Import routes from CSV or .xlsx: places by id or name, columns and values matched (HXL too), dry run first, all or nothing',
    async prepare(db, actor) {
      const own = { coalitionId: actor.coalitionId, organisationId: actor.organisationId };
      if (
        !VISIBILITIES.some((visibility) =>
          can(actor, 'create', 'route', access({ ...own, visibility })),
        )
      )
        throw forbidden();
      const byName = new Map<string, string>();
      for (const [name, id] of await orgs.organisationIdsByName(db, actor.coalitionId))
        byName.set(orgs.organisationNameKey(name), id);
      return { byName, changed };
    },
    vocabularies: () => ({
      ...tagVocabularies(),
      confidence: taxonomyVocabulary('confidence', CONFIDENCES),
      basis: taxonomyVocabulary('basis', BASES),
      visibility: taxonomyVocabulary('visibility', VISIBILITIES),
    }),
    check(actor, c, rows, report) {
      const out: RouteFields[] = [];
      const member = !mayConfirmNotes(actor);
      for (const { line, draft } of rows) {
        const { organisation, ...rest } = draft;
        const parsed = RouteCreate.safeParse(rest);
        if (!parsed.success) {
          schemaProblems(parsed.error.issues, routeImport, line, report);
          continue;
        }
        let organisationId: string | null = member ? actor.organisationId : null;
        if (organisation !== null) {
          const named = c.byName.get(orgs.organisationNameKey(organisation));
          if (!named) {
            report(
              line,
              'organisation',
              'value_unknown',
              'is not an organisation of this coalition',
            );
            continue;
          }
          if (member && named !== actor.organisationId) {
            report(
              line,
              'organisation',
              'not_allowed',
              'members import routes as their own organisation only',
            );
            continue;
          }
          organisationId = named;
        }
        const { fields, errors } = resolveFields(parsed.data, organisationId);
        const pii = personalDataProblems(actor, parsed.data.notes, !member);
        for (const e of [...errors, ...pii]) {
          const head = e.field.split('.')[0];
          const field = ROUTE_FIELDS.find((f) => (f.target ?? f.key) === head)?.key ?? 'source';
          report(line, field, 'value_invalid', e.message);
        }
        if (!fields || errors.length || pii.length) continue;
        const record = access({
          coalitionId: actor.coalitionId,
          organisationId,
          visibility: fields.visibility,
        });
        if (!can(actor, 'create', 'route', record)) {
          report(line, 'visibility', 'not_allowed', 'you may not add a route with this visibility');
          continue;
        }
        out.push(fields);
      }
      return out;
    },
    async commit(trx, actor, _c, inputs, now, onBatch) {
      await insertRoutes(
        trx,
        actor.coalitionId,
        inputs,
        actor.userId || null,
        now,
        undefined,
        onBatch,
      );
    },
    after: (actor, c) => c.changed(actor.coalitionId),
  };
}
