import type { App, AppContext } from '../../context.ts';
import { entityImportRoute } from './entities.ts';
import { organisationImporter } from './organisations.ts';

/** `POST /api/imports/<entity>` for each importable entity (the roster's is under its event). */
export function importRoutes(app: App, ctx: AppContext): void {
  entityImportRoute(app, ctx, organisationImporter);
}
