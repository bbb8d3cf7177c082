import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  EntityImportQuery,
  EntityImportResult,
  IMPORT_BODY_LIMIT,
  ImportFailure,
  ImportRequest,
  MAX_ENTITY_IMPORT_ROWS,
  type ImportEntity,
  type ImportProgress,
} from '../../../contract/imports.ts';
import { analyseEntity, type EntityDescriptor } from '../../../domain/import/entity.ts';
import { problem, type ImportProblem, type ProblemCode } from '../../../domain/import/problems.ts';
import type { SourceRow } from '../../../domain/import/table.ts';
import type { Vocabulary } from '../../../domain/import/values.ts';
import type { Action, Actor, Resource } from '../../auth/policy.ts';
import type { App, AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Database } from '../../db/schema.ts';
import { ROUTE_ERRORS, unauthenticated } from '../../http/errors.ts';
import { choiceMaps, loadMappings, recordImport } from './mappings.ts';
import { breathe, type ImportProgressBoard } from './progress.ts';
import { checkChoices, failure, settle, tableOf } from './source.ts';

export type User = Extract<Actor, { kind: 'user' }>;

/** A problem of one row, found after the domain's checks (the schema, the gazetteer, the policy). */
export type Report = (
  line: number,
  field: string,
  code: ProblemCode,
  message: string,
  params?: Record<string, number>,
) => void;

/**
 * One importable entity on the server: the domain's descriptor, the policy rule the route
 * declares, its vocabularies, the checks that need the database or the policy (each row's draft
 * → what is stored, or problems), and how the rows are stored — all inside one transaction.
 */
export interface EntityImporter<D, I, C> {
  entity: ImportEntity;
  descriptor: EntityDescriptor<D>;
  policy: { resource: Resource; action: Action };
  summary: string;
  /** What the checks need, read once per request (the event, existing names…). */
  prepare(db: Db, actor: User, query: EntityImportQuery): Promise<C>;
  vocabularies(c: C): Record<string, Vocabulary>;
  check(actor: User, c: C, rows: { line: number; draft: D }[], report: Report): I[];
  /** Stores the rows; `onBatch` after each statement's rows with how many are written. */
  commit(
    trx: Transaction<Database>,
    actor: User,
    c: C,
    inputs: I[],
    now: string,
    onBatch: (written: number) => Promise<void>,
  ): Promise<void>;
  /** Called after a committed import (live updates, caches). */
  after?(actor: User, c: C): void;
}

/** Schema problems of one draft as row problems, in the column the field came from. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  descriptor: EntityDescriptor<unknown>,
  line: number,
  report: Report,
): void {
  const said = new Set<string>();
  for (const issue of issues) {
    const target = String(issue.path[0] ?? '');
    const field = descriptor.fields.find((f) => (f.target ?? f.key) === target)?.key ?? target;
    // one problem per field: the first thing wrong with it
    if (said.has(field)) continue;
    said.add(field);
    report(line, field, 'value_invalid', issue.message);
  }
}

/**
 * `POST /api/imports/<entity>`: the file (or pasted text) and the person's choices so far → the
 * analysis (a dry run, the default) or the import itself, all or nothing in one transaction.
 * A file that cannot be imported as it is answers 422 with the analysis: the column table, each
 * unmatched value once, and the row problems grouped. Nothing is stored unless every row is ready.
 */
export function entityImportRoute<D, I, C>(
  app: App,
  ctx: AppContext,
  importer: EntityImporter<D, I, C>,
  board: ImportProgressBoard,
): void {
  const what = importer.entity;
  app.post(
    `/api/imports/${what}`,
    {
      config: { policy: { kind: 'resource', ...importer.policy } },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: importer.summary,
        querystring: EntityImportQuery,
        body: ImportRequest,
        response: { 200: EntityImportResult, 422: ImportFailure, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous') throw unauthenticated();
      const id = request.query.progress;
      const report = id ? (p: ImportProgress) => board.report(actor.userId, id, p) : undefined;
      const r = await runImport(
        ctx.db,
        ctx.now(),
        importer,
        actor,
        request.body,
        request.query,
        report,
      ).catch((err: unknown) => {
        report?.({ phase: 'refused', done: 0, total: 0 });
        throw err;
      });
      return reply.code(r.status).send(r.body);
    },
  );
}

export type ImportOutcome =
  { status: 200; body: EntityImportResult } | { status: 422; body: ImportFailure };

/**
 * One import, for the route and the command line alike: read the file, match columns and values
 * (the person's choices first, then the coalition's remembered ones), check every row, and — when
 * nothing is left and it is not a dry run — store every row in one transaction with the choices
 * and one audit record. Nothing is stored otherwise.
 */
export async function runImport<D, I, C>(
  db: Db,
  at: Date,
  importer: EntityImporter<D, I, C>,
  actor: User,
  body: ImportRequest,
  query: EntityImportQuery,
  /** Told how far the import is: after every few thousand lines checked and every batch stored. */
  report: (p: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
  const what = importer.entity;
  const c = await importer.prepare(db, actor, query);
  const vocabularies = importer.vocabularies(c);
  const chosen = choiceMaps(body.choices);
  checkChoices(chosen, importer.descriptor.fields, vocabularies);

  const refused = (total: number) => report({ phase: 'refused', done: 0, total });
  const read = await tableOf(body, MAX_ENTITY_IMPORT_ROWS);
  if (!read.ok) {
    refused(0);
    return { status: 422, body: failure([read.problem], [], null, 'file_unreadable') };
  }
  const table = read.table;
  // the lines after the header
  const total = Math.max(0, table.rows.length - 1);
  report({ phase: 'checking', done: 0, total });
  const saved = await loadMappings(db, actor.coalitionId, what, Object.keys(vocabularies));
  const a = await analyseEntity(
    table,
    importer.descriptor,
    vocabularies,
    chosen,
    saved,
    MAX_ENTITY_IMPORT_ROWS,
    async (checked) => {
      report({ phase: 'checking', done: Math.min(checked, total), total });
      await breathe();
    },
  );
  const late: ImportProblem[] = [];
  let byLine: Map<number, SourceRow> | undefined;
  const columnOf = new Map(a.columns.filter((x) => x.field).map((x) => [x.field!, x.header]));
  const inputs = importer.check(actor, c, a.drafts, (line, field, code, message, params) =>
    late.push(
      problem(code, message, {
        line,
        column: columnOf.get(field) ?? null,
        field,
        value: valueAt(
          (byLine ??= new Map(table.rows.map((r) => [r.line, r]))),
          line,
          a.columns,
          field,
        ),
        params: params ?? {},
      }),
    ),
  );
  a.problems.push(...late);
  const { analysis, refusal } = settle(
    a,
    table,
    importer.descriptor.fields,
    vocabularies,
    inputs.length,
    what,
  );
  if (refusal) {
    refused(a.rowCount);
    return { status: 422, body: refusal };
  }
  if (!body.dryRun) {
    const now = at.toISOString();
    const n = inputs.length;
    report({ phase: 'storing', done: 0, total: n });
    await db.transaction().execute(async (trx) => {
      await importer.commit(trx, actor, c, inputs, now, async (written) => {
        report({ phase: 'storing', done: written, total: n });
        await breathe();
      });
      await recordImport(trx, actor, what, chosen, now, null);
    });
    importer.after?.(actor, c);
  }
  report({ phase: 'done', done: inputs.length, total: inputs.length });
  return {
    status: 200,
    body: { ok: true as const, dryRun: body.dryRun, entity: what, count: inputs.length, analysis },
  };
}

/** The cell a late problem is about, as written (the first column feeding the field). */
function valueAt(
  rows: ReadonlyMap<number, SourceRow>,
  line: number,
  columns: readonly { index: number; field: string | null }[],
  field: string,
): string | null {
  const col = columns.find((c) => c.field === field);
  const row = rows.get(line);
  const v = col && row ? (row.cells[col.index] ?? '').trim() : '';
  return v || null;
}
