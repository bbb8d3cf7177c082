import { describe, expect, it } from 'vitest';
import { leastPairs } from './bounds.ts';
import { planCafe, planNetworking, type Participant } from './index.ts';
import { checkHardRules, classesFit, DEFAULT_RULES, type SessionRules } from './rules.ts';
import { splitEvenly } from './sizes.ts';
import { InfeasibleError } from './types.ts';

const SECTORS = [
  'ngo',
  'government',
  'lawEnforcement',
  'un',
  'academia',
  'business',
  'survivorLed',
];

/** The issue's room: 150 people from 16 organisations of 9-10 (6 of 10, 10 of 9). */
function room(): Participant[] {
  const people: Participant[] = [];
  for (let o = 0; o < 16; o++)
    for (let i = 0; i < (o < 6 ? 10 : 9); i++)
      people.push({
        id: `p${people.length}`,
        organisation: `Org ${o}`,
        sector: SECTORS[(o + i) % SECTORS.length] ?? null,
        country: ['TH', 'KH', 'MM', 'VN'][(o * 7 + i) % 4] ?? null,
      });
  return people;
}

const rules = (over: Partial<SessionRules>): SessionRules => ({ ...DEFAULT_RULES, ...over });
const quick = { seed: 1, maxIterations: 2_000, timeLimitMs: 8_000 };
/** 150 people at tables of 25: a move costs milliseconds, and the test needs only the trend. */
const brief = { seed: 1, maxIterations: 600, timeLimitMs: 8_000 };

describe('hard rules that cannot hold', () => {
  it('explains keep-apart at 6 tables with the fewest tables that work', () => {
    const participants = room();
    const x = checkHardRules({ participants, sizes: splitEvenly(150, 6) });
    expect(x).toEqual({
      code: 'keepApartTables',
      params: { organisations: 16, largest: 10, needed: 10, tables: 6, people: 150 },
      fixes: [
        { kind: 'tables', tables: 10 },
        { kind: 'soften', rule: 'keepApart' },
      ],
    });
    // The suggestion is the smallest: one table fewer still does not fit, and at 10 the room plans.
    expect(checkHardRules({ participants, sizes: splitEvenly(150, 9) })?.code).toBe(
      'keepApartTables',
    );
    expect(checkHardRules({ participants, sizes: splitEvenly(150, 10) })).toBeNull();
    const plan = planCafe({ participants, tables: 10, issues: 5, rounds: 3 }, quick);
    expect(plan.quality.totalViolations).toBe(0);
    expect(() => planCafe({ participants, tables: 6, issues: 5, rounds: 3 }, quick)).toThrow(
      /16 organisations send more than 6 people \(up to 10\): keeping colleagues apart needs at least 10 tables — you have 6/,
    );
  });

  it('carries the explanation on the error for callers to word', () => {
    try {
      planCafe({ participants: room(), tables: 6, issues: 5, rounds: 3 }, quick);
      expect.unreachable('planning must refuse');
    } catch (err) {
      expect(err).toBeInstanceOf(InfeasibleError);
      expect((err as InfeasibleError).detail?.fixes[0]).toEqual({ kind: 'tables', tables: 10 });
    }
  });

  it('offers only "make it a preference" for pairs, where tables cannot be added', () => {
    const participants: Participant[] = Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      organisation: i < 6 ? 'Big' : `Solo ${i}`,
    }));
    const x = checkHardRules({ participants, sizes: [2, 2, 2, 2, 2], pairs: true });
    expect(x?.code).toBe('keepApartPairs');
    expect(x?.fixes).toEqual([{ kind: 'soften', rule: 'keepApart' }]);
    expect(() => planNetworking(participants, 3, quick)).toThrow(InfeasibleError);
    const soft = planNetworking(
      participants,
      3,
      quick,
      rules({ keepApart: { mode: 'soft', weight: 5 } }),
    );
    expect(soft.quality.totalViolations).toBe(0);
    // 6 colleagues in 5 pairs: at least one pair of colleagues a round, and the plan meets it.
    expect(soft.quality.softBreaks.together).toBe(3);
  });

  it('explains a hard cross-sector rule, with the tables it needs when a room can have them', () => {
    const participants: Participant[] = Array.from({ length: 24 }, (_, i) => ({
      id: `p${i}`,
      sector: i < 8 ? 'ngo' : i < 14 ? 'government' : `other${i}`,
    }));
    const x = checkHardRules({
      participants,
      sizes: splitEvenly(24, 4),
      rules: rules({ crossSector: { mode: 'hard', weight: 1 } }),
    });
    expect(x).toMatchObject({
      code: 'crossSectorTables',
      params: { sectors: 2, largest: 8, needed: 8, tables: 4 },
    });
    expect(x?.fixes).toEqual([
      { kind: 'tables', tables: 8 },
      { kind: 'soften', rule: 'crossSector' },
    ]);
  });

  it('counts hosts: colleagues of a host cannot join their table', () => {
    // Two tables of 2: the host's colleague must take the other table, which a second host's
    // colleague also needs.
    const groups = [
      [0, 1],
      [2, 3],
    ];
    expect(classesFit(groups, [2, 2], [])).toBe(true);
    expect(classesFit(groups, [2, 2], [{ person: 0, table: 0 }])).toBe(true);
    expect(
      classesFit(
        [
          [0, 1],
          [2, 3],
        ],
        [3, 1],
        [],
      ),
    ).toBe(false);
    expect(
      classesFit(
        [[0, 1]],
        [2, 2],
        [
          { person: 0, table: 0 },
          { person: 1, table: 0 },
        ],
      ),
    ).toBe(false);
  });
});

describe('soft rules', () => {
  it('make the issue room plannable at 6 tables and keep colleagues apart as far as possible', () => {
    const participants = room();
    const soft = planCafe(
      {
        participants,
        tables: 6,
        issues: 6,
        rounds: 3,
        rules: rules({ keepApart: { mode: 'soft', weight: 5 } }),
      },
      brief,
    );
    expect(soft.quality.totalViolations).toBe(0);
    // The fewest colleague pairs a round can have: each organisation spread over the 6 tables.
    const sizes = new Map<string, number>();
    for (const p of participants)
      sizes.set(p.organisation ?? '', (sizes.get(p.organisation ?? '') ?? 0) + 1);
    const least =
      3 * [...sizes.values()].reduce((sum, n) => sum + leastPairs(n, Array<number>(6).fill(25)), 0);
    expect(soft.quality.softBreaks.together).toBeGreaterThanOrEqual(least);
    expect(soft.quality.softBreaks.together).toBeLessThan(least * 1.2);
    // Without the rule, seating ignores organisations: many more colleagues share tables.
    const ignored = planCafe(
      {
        participants: participants.map((p) => ({ ...p, organisation: null })),
        tables: 6,
        issues: 6,
        rounds: 3,
      },
      brief,
    );
    const together = (schedule: number[][][]) =>
      schedule.flat().reduce((sum, g) => {
        let c = 0;
        for (let i = 0; i < g.length; i++)
          for (let j = i + 1; j < g.length; j++)
            if (
              participants[g[i] as number]?.organisation ===
              participants[g[j] as number]?.organisation
            )
              c++;
        return sum + c;
      }, 0);
    expect(together(soft.result.schedule)).toBe(soft.quality.softBreaks.together);
    expect(together(ignored.result.schedule)).toBeGreaterThan(
      soft.quality.softBreaks.together * 1.3,
    );
  });

  it('keep a soft host at their table far more often than no rule would', () => {
    const participants: Participant[] = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      organisation: `o${i}`,
    }));
    const hosts = [
      { person: 0, table: 0 },
      { person: 1, table: 1 },
      { person: 2, table: 2 },
    ];
    const soft = planCafe(
      {
        participants,
        tables: 3,
        issues: 3,
        rounds: 3,
        hosts,
        rules: rules({ hosts: { mode: 'soft', weight: 10 } }),
      },
      quick,
    );
    expect(soft.problem.fixed).toEqual([]);
    expect(soft.problem.prefer).toHaveLength(3);
    expect(soft.quality.totalViolations).toBe(0);
    const free = planCafe({ participants, tables: 3, issues: 3, rounds: 3 }, quick);
    const awayIn = (schedule: number[][][]) =>
      hosts.reduce(
        (sum, h) => sum + schedule.filter((round) => !round[h.table]?.includes(h.person)).length,
        0,
      );
    expect(awayIn(soft.result.schedule)).toBe(soft.quality.softBreaks.away);
    expect(soft.quality.softBreaks.away).toBeLessThan(awayIn(free.result.schedule));
  });
});
