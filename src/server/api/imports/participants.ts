import {
  ParticipantImportResult,
  ParticipantInput,
  PARTICIPANT_SECTORS,
  EventParams,
} from '../../../contract/events.ts';
import { IMPORT_BODY_LIMIT, ImportFailure, ImportRequest } from '../../../contract/imports.ts';
import { problem } from '../../../domain/import/problems.ts';
import { analyseRoster, ROSTER_FIELDS } from '../../../domain/import/roster.ts';
import {
  countryVocabulary,
  expertiseVocabulary,
  languageVocabulary,
  sectorVocabulary,
} from '../../../domain/import/vocabularies.ts';
import type { Vocabulary } from '../../../domain/import/values.ts';
import type { App, AppContext } from '../../context.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { addParticipantList } from '../../events/changes.ts';
import type { Rooms } from '../../events/rooms.ts';
import { eventFor } from '../../events/service.ts';
import { choiceMaps, loadMappings, recordImport } from './mappings.ts';
import { checkChoices, failure, settle, tableOf } from './source.ts';

/** A roster of a large convening fits; a file past it is refused before any row is read. */
export const MAX_ROSTER_ROWS = 5000;
const WHAT = 'participants';

/**
 * POST /api/events/:eventId/participants/import — the roster, from a file or pasted text. A dry
 * run (the default) answers the analysis and stores nothing; the import itself stores every row
 * or none, and remembers the mappings the person chose for the coalition. Either way, a file that
 * cannot be imported as it is answers 422 with the analysis: the pickers and grouped problems.
 */
export function participantImportRoutes(app: App, ctx: AppContext, hub: Rooms): void {
  app.post(
    '/api/events/:eventId/participants/import',
    {
      config: { policy: { kind: 'resource', resource: 'event', action: 'update' } },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['events'],
        summary:
          'Import participants from CSV or .xlsx: columns and values matched to the vocabularies, dry run first, all or nothing',
        params: EventParams,
        body: ImportRequest,
        response: { 200: ParticipantImportResult, 422: ImportFailure, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const e = await eventFor(ctx, actor, request.params.eventId, 'update');
      const body = request.body;
      const groups = e.expertiseGroups;
      const vocabularies: Record<string, Vocabulary> = {
        sector: sectorVocabulary(PARTICIPANT_SECTORS),
        expertise: expertiseVocabulary(groups),
        country: countryVocabulary(),
        language: languageVocabulary(),
      };
      const chosen = choiceMaps(body.choices);
      checkChoices(chosen, ROSTER_FIELDS, vocabularies);

      const read = await tableOf(body, MAX_ROSTER_ROWS);
      if (!read.ok)
        return reply.code(422).send(failure([read.problem], [], null, 'file_unreadable'));
      const table = read.table;
      const saved =
        actor.kind === 'anonymous'
          ? { columns: new Map(), values: new Map() }
          : await loadMappings(ctx.db, actor.coalitionId, WHAT, Object.keys(vocabularies));
      const a = analyseRoster(
        table,
        {
          sector: vocabularies.sector!,
          expertise: vocabularies.expertise!,
          country: vocabularies.country!,
          language: vocabularies.language!,
        },
        chosen,
        saved,
      );
      if (a.rowCount > MAX_ROSTER_ROWS)
        a.problems.unshift(
          problem('too_many_rows', `at most ${MAX_ROSTER_ROWS} participants per import`, {
            line: null,
            params: { max: MAX_ROSTER_ROWS },
          }),
        );
      // The schema is the last word on what is stored: the domain's checks should leave it nothing.
      const inputs: ParticipantInput[] = [];
      for (const d of a.drafts) {
        const parsed = ParticipantInput.safeParse(d.draft);
        if (parsed.success) inputs.push(parsed.data);
        else
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            const column = a.columns.find((c) => c.field === field)?.header ?? null;
            a.problems.push(
              problem('value_invalid', issue.message, {
                line: d.line,
                column,
                field,
                value: column
                  ? String(Object.entries(d.draft).find(([k]) => k === field)?.[1] ?? '')
                  : null,
              }),
            );
          }
      }
      const { analysis, refusal } = settle(
        a,
        table,
        ROSTER_FIELDS,
        vocabularies,
        inputs.length,
        WHAT,
      );
      if (refusal) return reply.code(422).send(refusal);

      if (!body.dryRun && actor.kind !== 'anonymous') {
        const now = ctx.now().toISOString();
        // The rows, the remembered choices and the audit record commit with the change that
        // tells the consoles (events service, in the event's room queue).
        await addParticipantList(ctx, hub, e, inputs, async (trx) => {
          await recordImport(trx, actor, WHAT, chosen, now, e.id);
        });
      }
      return {
        ok: true as const,
        dryRun: body.dryRun,
        count: inputs.length,
        preview: inputs.slice(0, 20),
        analysis,
      };
    },
  );
}
