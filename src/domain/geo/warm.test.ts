import { describe, expect, it } from 'vitest';
import { searchPlaces, warmGazetteerIndex } from './search.ts';

/**
 * A restarted server loads the gazetteer in slices between requests (`warmGazetteerIndex`), and a
 * search arriving meanwhile finishes the same job at once rather than starting another.
 */
describe('loading the gazetteer in the background', () => {
  it('gives the event loop many turns while loading, and a search meanwhile gets full answers', async () => {
    let turns = 0;
    let loading = true;
    const other = (async () => {
      while (loading) {
        await new Promise((r) => setImmediate(r));
        turns++;
      }
    })();
    const warm = warmGazetteerIndex(5);
    // Twenty turns of other work while it loads; then a search finishes, at once, the rest of the same job.
    while (turns < 20) await new Promise((r) => setImmediate(r));
    const hits = searchPlaces('Mae Sot', { limit: 3 });
    expect(hits[0]?.place.id).toBe('city:1152188');
    await warm;
    loading = false;
    await other;
    expect(turns).toBeGreaterThanOrEqual(20);
    // Warming again once loaded is immediate and harmless.
    await warmGazetteerIndex();
    expect(searchPlaces('Thailand', { limit: 1 })[0]?.place.id).toBe('TH');
  });
});
