/** Issue 10, item 10: expired sessions are deleted at start and on a timer, not kept for ever. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import { buildApp } from '../../src/server/app.ts';

describe.each(testBackends())('expired sessions on $name', (backend) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(backend);
  });
  afterAll(async () => h?.close());

  const tokens = async () =>
    (await h.store.db.selectFrom('sessions').select('token_hash').execute()).map(
      (r) => r.token_hash,
    );

  it('deletes them when a server starts, keeping live ones', async () => {
    await h.adminCookie(); // a live session
    const admin = await h.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@demo.mosaic.test')
      .executeTakeFirstOrThrow();
    await h.store.db
      .insertInto('sessions')
      .values({
        token_hash: 'expired-yesterday',
        user_id: admin.id,
        coalition_id: h.coalitionId,
        created_at: '2026-11-20T09:00:00.000Z',
        expires_at: '2026-11-27T09:00:00.000Z',
      })
      .execute();
    const live = (await tokens()).filter((t) => t !== 'expired-yesterday');
    expect(live.length).toBeGreaterThan(0);
    const app = await buildApp({
      db: h.store.db,
      backend: h.store.backend,
      now: () => h.clock.now,
    });
    try {
      expect((await tokens()).sort()).toEqual(live.sort());
    } finally {
      await app.close();
    }
  });
});
