import { describe, expect, it } from 'vitest';
import { runSeed } from './cards-fuzz.ts';

/**
 * SYNC-1…SYNC-10 under random drops, delays and a server restart (docs/sync-spec.md).
 * `npm run fuzz -- --from N --count M` runs other seeds; a seed that ever fails is added to
 * REGRESSIONS with what it found, and stays there.
 */
const REGRESSIONS: { seed: number; found: string }[] = [];
const SEEDS = 200;
const PARALLEL = 4;

describe('world-café sheets converge (seeded fuzz through the real server)', () => {
  it(`${SEEDS} seeds: every phone and the database hold identical sheets; acknowledged adds exist once`, async () => {
    const seeds = Array.from({ length: SEEDS }, (_, i) => i);
    const failures: string[] = [];
    let cards = 0;
    const worker = async () => {
      for (let s = seeds.shift(); s !== undefined; s = seeds.shift()) {
        const r = await runSeed(s);
        cards += r.cards;
        if (!r.ok) failures.push(`seed ${s}: ${r.problems.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(`[fuzz] ${SEEDS} seeds, ${cards} cards stored, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 600_000);

  it.each(REGRESSIONS)('regression seed $seed ($found)', async ({ seed }) => {
    const r = await runSeed(seed);
    expect(r.problems).toEqual([]);
  });
});
