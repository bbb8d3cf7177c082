/**
 * Seating rules people can relax (issue 12), on every backend: a café for 150 people from 16
 * organisations at 6 tables is refused with the reason in codes and the smallest changes that
 * work; making "different organisations" a preference plans it; the quality report says how few
 * repeats any plan of that size can have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import { rosterCsv } from '../support/roster150.ts';
import {
  DEFAULT_SESSION_RULES,
  type EventDetail,
  type PlanRefusal,
  type SessionRules,
} from '../../src/contract/events.ts';

describe.each(testBackends())('session rules on $name', (backend) => {
  let h: ApiHarness;
  let cookie: string;
  let ev: EventDetail;
  let sessionId: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });
  const rulesUrl = () => `/api/events/${ev.id}/sessions/${sessionId}/rules`;
  const plan = () =>
    call('POST', `/api/events/${ev.id}/sessions/${sessionId}/plan`, {
      seed: 1,
      timeLimitSeconds: 1,
    });
  const session = async () =>
    ((await call('GET', `/api/events/${ev.id}`)).json() as EventDetail).sessions.find(
      (s) => s.id === sessionId,
    )!;

  beforeAll(async () => {
    h = await startApi(backend);
    cookie = await h.adminCookie();
    ev = (
      await call('POST', '/api/events', {
        name: 'Regional convening',
        startsOn: '2026-12-01',
        endsOn: '2026-12-01',
      })
    ).json() as EventDetail;
    const imported = await call('POST', `/api/events/${ev.id}/participants/import`, {
      csv: rosterCsv(),
      dryRun: false,
    });
    expect(imported.statusCode).toBe(200);
    const tables = Array.from({ length: 6 }, (_, i) => ({ name: `Table ${i + 1}`, capacity: 25 }));
    expect((await call('PUT', `/api/events/${ev.id}/tables`, { tables })).statusCode).toBe(200);
    ev = (
      await call('POST', `/api/events/${ev.id}/sessions`, {
        kind: 'cafe',
        title: 'World café',
        rounds: 3,
        minutesPerRound: 10,
      })
    ).json() as EventDetail;
    sessionId = ev.sessions.at(-1)!.id;
  });
  afterAll(async () => h?.close());

  it('starts a session with the default rules', async () => {
    expect((await session()).rules).toEqual(DEFAULT_SESSION_RULES);
  });

  it('refuses keep-apart at 6 tables with the reason and the smallest changes that work', async () => {
    const res = await plan();
    expect(res.statusCode).toBe(422);
    const body = res.json() as PlanRefusal;
    expect(body.error).toBe('cannot_plan');
    expect(body.message).toMatch(/needs at least 10 tables — you have 6/);
    expect(body.reason).toEqual({
      code: 'keepApartTables',
      params: { organisations: 16, largest: 10, needed: 10, tables: 6, people: 150 },
      fixes: [
        { kind: 'tables', tables: 10 },
        { kind: 'soften', rule: 'keepApart' },
      ],
    });
    expect((await session()).plan).toBeNull();
  });

  it('refuses bad rules naming the field, and changes nothing', async () => {
    const bad = await call('PUT', rulesUrl(), {
      ...DEFAULT_SESSION_RULES,
      keepApart: { mode: 'soft', weight: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/keepApart\.weight/);
    const unknownMode = await call('PUT', rulesUrl(), {
      ...DEFAULT_SESSION_RULES,
      hosts: { mode: 'sometimes', weight: 3 },
    });
    expect(unknownMode.statusCode).toBe(400);
    expect((await session()).rules).toEqual(DEFAULT_SESSION_RULES);
  });

  it('plans once keeping colleagues apart is a preference, and reports the least possible repeats', async () => {
    const relaxed: SessionRules = {
      ...DEFAULT_SESSION_RULES,
      keepApart: { mode: 'soft', weight: 7 },
    };
    const put = await call('PUT', rulesUrl(), relaxed);
    expect(put.statusCode).toBe(200);
    expect((put.json() as EventDetail).sessions.find((s) => s.id === sessionId)!.rules).toEqual(
      relaxed,
    );
    const res = await plan();
    expect(res.statusCode).toBe(200);
    const s = (res.json() as EventDetail).sessions.find((x) => x.id === sessionId)!;
    expect(s.rules).toEqual(relaxed);
    expect(s.plan).toHaveLength(3);
    const q = s.quality!;
    expect(q.violations).toBe(0);
    // Spread over 6 tables, an organisation of 10 still seats 4 pairs of colleagues together a
    // round (2+2+2+2+1+1) and one of 9 seats 3.
    expect(q.softBreaks!.together).toBeGreaterThanOrEqual(3 * (6 * 4 + 10 * 3));
    expect(q.leastRepeats).toBeGreaterThan(0);
    expect(q.leastRepeats).toBeLessThanOrEqual(q.repeatedPairs);
  });

  it('keeps rules given when the session is made, and answers 404 for a session of another event', async () => {
    const sectorsApart: SessionRules = {
      ...DEFAULT_SESSION_RULES,
      crossSector: { mode: 'hard', weight: 1 },
    };
    const made = await call('POST', `/api/events/${ev.id}/sessions`, {
      kind: 'networking',
      title: 'Pairs',
      rounds: 2,
      minutesPerRound: 5,
      rules: sectorsApart,
    });
    expect(made.statusCode).toBe(201);
    expect((made.json() as EventDetail).sessions.at(-1)!.rules).toEqual(sectorsApart);
    const other = (
      await call('POST', '/api/events', {
        name: 'Another event',
        startsOn: '2026-12-02',
        endsOn: '2026-12-02',
      })
    ).json() as EventDetail;
    const cross = await call(
      'PUT',
      `/api/events/${other.id}/sessions/${sessionId}/rules`,
      DEFAULT_SESSION_RULES,
    );
    expect(cross.statusCode).toBe(404);
    expect((await session()).rules.keepApart.mode).toBe('soft');
  });
});
