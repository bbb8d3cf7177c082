import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { PatternList } from '../../src/contract/patterns.ts';
import { classifyPattern } from '../../src/domain/analysis/spectrum.ts';
import { DEMO_EXAMPLES } from '../../src/server/seed/demo-patterns.ts';

/**
 * The conference's two examples — "paid but documents withheld", "never paid" — are in the demo
 * data and land where the rule (docs/spectrum.md) says: the first is serious exploitation (a
 * menace of penalty, ILO 7, but free to leave), the second forced labour (never paid and unable
 * to leave: coercion and involuntariness together).
 */
describe.each(testBackends().slice(0, 1))(
  'the demo seed’s spectrum examples on $name',
  (backend) => {
    let h: ApiHarness;
    beforeAll(async () => {
      h = await startApi(backend);
    });
    afterAll(async () => h?.close());

    it('are in the demo data at the levels the rule gives them', async () => {
    const cookie = await h.adminCookie();
    const list = (
      await h.app.inject({ method: 'GET', url: '/api/patterns?limit=200', headers: { cookie } })
    ).json<PatternList>();
    expect(list.total).toBeGreaterThanOrEqual(10);
    const expected = {
      paidDocumentsWithheld: { level: 'serious_exploitation', reasons: ['ilo7_retention_of_documents'] },
      neverPaid: { level: 'forced_labour', reasons: ['cannot_leave', 'ilo8_withholding_of_wages', 'never_paid'] },
    } as const;
    for (const [name, example] of Object.entries(DEMO_EXAMPLES)) {
      const shown = list.items.find((p) => p.notes === example.notes);
      expect(shown, name).toBeDefined();
      expect(shown).toMatchObject({ paid: example.paid, canLeave: example.canLeave, indicators: example.indicators });
      // the rule, applied to the facts as seeded, and the level the API shows agree with the docs
      expect(classifyPattern(example)).toMatchObject(expected[name as keyof typeof expected]);
      expect({ level: shown!.level, reasons: shown!.reasons }).toEqual(expected[name as keyof typeof expected]);
    }
    // the spread: the demo shows more than one level, up to trafficking
    const levels = new Set(list.items.map((p) => p.level));
    expect(levels.size).toBeGreaterThanOrEqual(4);
    expect(levels.has('trafficking')).toBe(true);
  }); // prettier-ignore
  },
);
