import type { EntityImportQuery, ImportEntity, ImportRequest } from '../../../contract/imports.ts';
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
  entityImportRoute(app, ctx, organisationImporter);
  entityImportRoute(app, ctx, routeImporter(routesChanged));
  entityImportRoute(app, ctx, cardImporter);
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
