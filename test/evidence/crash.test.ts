import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/index.ts';
import { testBackends } from '../support/backends.ts';
import { checkDatabase } from '../support/db-check.ts';
import { crashTarget, runCrashCycles } from '../crash/crash.ts';

/**
 * The CI-sized crash test: a few SIGKILLs of a real `mosaic serve` per backend (the full run,
 * 100 + 30 cycles, is `npm run test:crash`). The seed is printed; a failure names the cycle.
 */
describe.each(testBackends())('crash safety on $name', (backend) => {
  const adminUrl = backend.name === 'postgres' ? process.env.MOSAIC_TEST_DATABASE_URL : undefined;

  it('every acknowledged write survives SIGKILL and the database stays sound', async () => {
    const seed = Math.floor(Math.random() * 1e9);
    console.log(`[crash ${backend.name}] seed ${seed} (npm run test:crash -- --seed ${seed})`);
    const { target, dispose } = await crashTarget(adminUrl);
    try {
      const r = await runCrashCycles({ target, cycles: 3, seed });
      console.log(
        `[crash ${backend.name}] ${r.cycles} kills, ${r.acked.organisations + r.acked.routes} REST + ${r.acked.intents} live writes acknowledged, ${r.ms} ms`,
      );
      expect(r.problems).toEqual([]);
      // every cycle waited for at least one of each before its kill (or reported a problem)
      expect(r.acked.organisations + r.acked.routes).toBeGreaterThanOrEqual(r.cycles);
      expect(r.acked.intents).toBeGreaterThanOrEqual(r.cycles);

      // The checker itself must see damage: a lost acknowledged write and a summary out of step.
      const { db } = openDb('databaseUrl' in target ? { ...target, dataDir: '' } : target);
      const lost = await db.selectFrom('routes').select('id').limit(1).executeTakeFirstOrThrow();
      for (const child of ['route_stops', 'route_facets'] as const)
        await db.deleteFrom(child).where('route_id', '=', lost.id).execute();
      await db.deleteFrom('routes').where('id', '=', lost.id).execute();
      await db.destroy();
      const found = await checkDatabase(target, {
        organisations: [],
        routes: [lost.id],
        intents: [],
      });
      expect(found.some((p) => p.includes('acknowledged routes missing'))).toBe(true);
      expect(found.some((p) => p.startsWith('atlas summary'))).toBe(true);
    } finally {
      await dispose();
    }
  }, 240_000);
});
