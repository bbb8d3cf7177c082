import {
  ImportProgress,
  ImportProgressParams,
  type EntityImportQuery,
  type ImportEntity,
  type ImportRequest,
} from '../../../contract/imports.ts';
import { ROUTE_ERRORS, unauthenticated } from '../../http/errors.ts';
import { ImportProgressBoard } from './progress.ts';
import type { App, AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { entityImportRoute, runImport, type ImportOutcome, type User } from './entities.ts';
import { cardImporter } from './cards-import.ts';
import { organisationImporter } from './organisations.ts';
import { routeImporter } from './routes-import.ts';

/** `POST /api/imports/<entity>` for each importable entity (the roster's is under its event). */
export function importRoutes(
  app: App,
  ctx: AppContext,
  routesChanged: (coalitionId: string) => void,
): void {
  const board = new ImportProgressBoard();
  entityImportRoute(app, ctx, organisationImporter, board);
  entityImportRoute(app, ctx, routeImporter(routesChanged), board);
  entityImportRoute(app, ctx, cardImporter, board);
  app.get(
    '/api/imports/progress/:id',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['imports'],
        summary:
          'How far one of your running imports is (the id it was started with as ?progress=): lines checked, then rows stored; `waiting` for an id not begun',
        params: ImportProgressParams,
        response: { 200: ImportProgress, ...ROUTE_ERRORS },
      },
    },
    async (request): Promise<ImportProgress> => {
      const actor = request.actor;
      if (actor.kind === 'anonymous') throw unauthenticated();
      // an id not begun yet (the page asks from the start) or not the asker's: nothing to tell
      return board.get(actor.userId, request.params.id) ?? { phase: 'waiting', done: 0, total: 0 };
    },
  );
}

/** One import of a named entity, for the command line (no live clients to tell). */
export function runNamedImport(
  db: Db,
  at: Date,
  entity: ImportEntity,
  actor: User,
  body: ImportRequest,
  query: EntityImportQuery,
): Promise<ImportOutcome> {
  switch (entity) {
    case 'organisations':
      return runImport(db, at, organisationImporter, actor, body, query);
    case 'routes':
      return runImport(
        db,
        at,
        routeImporter(() => {}),
        actor,
        body,
        query,
      );
    case 'cards':
      return runImport(db, at, cardImporter, actor, body, query);
  }
}
