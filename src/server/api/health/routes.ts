import { Health } from '../../../contract/auth.ts';
import type { App } from '../../context.ts';

export function healthRoutes(app: App): void {
  app.get(
    '/api/health',
    {
      config: { policy: { kind: 'open', why: 'liveness probe; reveals nothing' } },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );
}
