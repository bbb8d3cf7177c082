import { DEFAULT_SESSION_RULES } from '../../contract/events.ts';
import { describe, expect, it } from 'vitest';
import { PlanJobs, PlanStopped } from './jobs.ts';
import type { PlanningInput } from './engine.ts';
import type { ParticipantRecord } from '../db/repos/events.ts';

const silent = new URL('../../../test/support/silent-worker.js', import.meta.url);

function person(i: number): ParticipantRecord {
  return {
    id: `p${i}`,
    eventId: 'e',
    name: `Person ${i}`,
    organisation: `Org ${i}`,
    sector: 'ngo',
    country: null,
    choices: [],
    languages: [],
    email: null,
    status: 'expected',
    joinedAt: null,
    personalCodeHash: null,
    position: i,
    createdAt: '2026-11-28T09:00:00Z',
  };
}

/** Six people, 12 rounds of pairs: repeats are unavoidable, so the solver uses its whole budget. */
const hard = (timeLimitMs: number): PlanningInput => ({
  kind: 'networking',
  rounds: 12,
  participants: Array.from({ length: 6 }, (_, i) => person(i)),
  tables: [],
  issues: [],
  expertiseGroups: [],
  rules: DEFAULT_SESSION_RULES,
  seed: 1,
  timeLimitMs,
});

const stopped = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlanStopped);
  return (err as PlanStopped).reason;
};

describe('planning jobs (worker threads)', () => {
  it('plans in a worker, reporting progress, and returns the best plan when its time is up', async () => {
    const jobs = new PlanJobs();
    const started = Date.now();
    const run = jobs.generate('e:s', hard(1500), 10_000);
    let seen = jobs.progress('e:s');
    expect(seen).toMatchObject({ kind: 'generate' });
    // progress with a figure arrives while it runs (a loaded machine may start the worker late,
    // so wait for it, up to the moment the job settles — no fixed window)
    let settled = false;
    void run.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled && seen?.repeats == null) {
      await new Promise((r) => setTimeout(r, 20));
      seen = jobs.progress('e:s') ?? seen;
    }
    expect(seen?.repeats).not.toBeNull();
    expect(seen?.fraction).toBeGreaterThan(0);
    const r = await run;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(r.plan).toHaveLength(12);
    for (const round of r.plan)
      expect(round.groups.flatMap((g) => g.participantIds).sort()).toEqual(
        ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].sort(),
      );
    expect(jobs.progress('e:s')).toBeUndefined();
  });

  it('says why the input cannot be planned', async () => {
    const jobs = new PlanJobs();
    await expect(
      jobs.generate('e:s', { ...hard(100), participants: [person(0)] }, 10_000),
    ).rejects.toThrow(/at least 2/);
  });

  it('stops a worker past its deadline with "timed out"', async () => {
    const jobs = new PlanJobs({ entry: silent });
    const t0 = Date.now();
    expect(await stopped(jobs.generate('e:s', hard(100), 300))).toBe('timed_out');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(jobs.progress('e:s')).toBeUndefined();
  });

  it('a newer job for the same session supersedes the older; cancel stops a job; the cap refuses', async () => {
    const jobs = new PlanJobs({ entry: silent, maxWorkers: 2 });
    const first = jobs.generate('e:s', hard(100), 60_000);
    const second = jobs.generate('e:s', hard(100), 60_000);
    expect(await stopped(first)).toBe('superseded');
    const other = jobs.generate('e:t', hard(100), 60_000);
    expect(await stopped(jobs.generate('e:u', hard(100), 60_000))).toBe('busy');
    expect(jobs.cancel('e:s')).toBe(true);
    expect(await stopped(second)).toBe('cancelled');
    expect(jobs.cancel('e:s')).toBe(false);
    jobs.stopAll();
    expect(await stopped(other)).toBe('shutdown');
  });
});
