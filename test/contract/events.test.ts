import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';

describe.each(testBackends())('events and joining on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let demo: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    const list = (
      await h.app.inject({ method: 'GET', url: '/api/events', headers: { cookie: admin } })
    ).json();
    demo = (
      await h.app.inject({
        method: 'GET',
        url: `/api/events/${list.items[0].id}`,
        headers: { cookie: admin },
      })
    ).json();
  });
  afterAll(async () => h?.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    // `null` calls anonymously.
    cookie: string | null = admin,
  ) =>
    h.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: cookie ? { cookie } : {},
    });

  it('seeds a demo event with the conference’s issues, six groups, tables and sessions', () => {
    expect(demo.name).toMatch(/demo/);
    expect(demo.issues.map((i) => i.key)).toContain('forcedLabourFishing');
    expect(demo.issues).toHaveLength(9);
    expect(demo.expertiseGroups).toHaveLength(6);
    expect(demo.tables).toHaveLength(6);
    expect(demo.sessions.map((s) => s.kind)).toEqual(['networking', 'cafe', 'groups', 'learnings']);
    expect(demo.participantCount).toBe(36);
    expect(demo.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });

  it('creates an event with defaults and refuses bad dates naming the field', async () => {
    const ok = await call('POST', '/api/events', {
      name: 'Bangkok follow-up',
      startsOn: '2027-01-10',
      endsOn: '2027-01-11',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().issues).toHaveLength(9);
    const bad = await call('POST', '/api/events', {
      name: 'x',
      startsOn: '2027-01-10',
      endsOn: '2027-01-09',
      timeZone: 'Mars/Olympus',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['endsOn', 'timeZone']);
    expect(
      (
        await call(
          'POST',
          '/api/events',
          { name: 'x', startsOn: '2027-01-10', endsOn: '2027-01-10' },
          null,
        )
      ).statusCode,
    ).toBe(401);
    const viewer = await h.userWith('viewer');
    expect(
      (
        await call(
          'POST',
          '/api/events',
          { name: 'x', startsOn: '2027-01-10', endsOn: '2027-01-10' },
          viewer,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('generates a networking plan with no repeats and no colleagues paired, and warns before a bad swap', async () => {
    const s = demo.sessions.find((x) => x.kind === 'networking')!;
    const res = await call('POST', `/api/events/${demo.id}/sessions/${s.id}/plan`, {
      seed: 3,
      timeLimitSeconds: 5,
    });
    expect(res.statusCode).toBe(200);
    const planned = (res.json() as EventDetail).sessions.find((x) => x.id === s.id)!;
    expect(planned.plan).toHaveLength(4);
    expect(planned.quality).toMatchObject({ repeatedPairs: 0, violations: 0 });
    for (const round of planned.plan!)
      expect(round.groups.flatMap((g) => g.participantIds).sort()).toHaveLength(36);
    // Swap two people of round 2 so that someone meets a round-1 partner again.
    const [r0, r1] = planned.plan!;
    const [x, y] = r0!.groups[0]!.participantIds;
    const gy = r1!.groups.find((g) => g.participantIds.includes(y!))!;
    const gx = r1!.groups.find((g) => g.participantIds.includes(x!))!;
    const other = gy.participantIds.find((id) => id !== y)!;
    const warn = await call('POST', `/api/events/${demo.id}/sessions/${s.id}/swap`, {
      round: 1,
      a: x,
      b: other,
    });
    expect(warn.statusCode).toBe(409);
    expect(warn.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'met_before', people: expect.arrayContaining([x]) }),
    );
    expect((warn.json().warnings as { message: string }[]).map((w) => w.message).join(' ')).toMatch(
      /meet in another round/,
    );
    const unchanged = (await call('GET', `/api/events/${demo.id}`)).json() as EventDetail;
    expect(unchanged.sessions.find((z) => z.id === s.id)!.plan).toEqual(planned.plan);
    const done = await call('POST', `/api/events/${demo.id}/sessions/${s.id}/swap`, {
      round: 1,
      a: x,
      b: other,
      confirm: true,
    });
    expect(done.statusCode).toBe(200);
    expect(gx).toBeDefined();
  });

  it('plans café rotation (hosts stay) and expertise groups by ranked choice', async () => {
    const cafe = demo.sessions.find((x) => x.kind === 'cafe')!;
    const host = (await call('GET', `/api/events/${demo.id}/participants`)).json().items[0]
      .id as string;
    expect(
      (
        await call('PUT', `/api/events/${demo.id}/tables/${demo.tables[0]!.id}/host`, {
          participantId: host,
        })
      ).statusCode,
    ).toBe(200);
    const c = (
      await call('POST', `/api/events/${demo.id}/sessions/${cafe.id}/plan`, {
        seed: 1,
        timeLimitSeconds: 5,
      })
    ).json() as EventDetail;
    const plan = c.sessions.find((x) => x.id === cafe.id)!.plan!;
    expect(plan).toHaveLength(5);
    for (const round of plan) {
      expect(round.groups[0]!.participantIds).toContain(host);
      expect(new Set(round.groups.map((g) => g.issueKey)).size).toBe(6);
    }
    for (let t = 0; t < 6; t++)
      expect(new Set(plan.map((r) => r.groups[t]!.issueKey)).size).toBe(5);
    const groups = demo.sessions.find((x) => x.kind === 'groups')!;
    const g = (
      await call('POST', `/api/events/${demo.id}/sessions/${groups.id}/plan`, {})
    ).json() as EventDetail;
    const gq = g.sessions.find((x) => x.id === groups.id)!.quality!;
    expect(gq.choices!.first + gq.choices!.second + gq.choices!.third + gq.choices!.none).toBe(36);
    expect(gq.choices!.first).toBeGreaterThan(18);
  });

  describe('joining by code', () => {
    it('shows the roster for a code typed loosely, and 404 for an unknown code', async () => {
      const code = demo.joinCode.toLowerCase().replace(/(....)/, '$1-');
      const info = await call('GET', `/api/join/${code}`, undefined, null);
      expect(info.statusCode).toBe(200);
      expect(info.json().roster).toHaveLength(36);
      expect(JSON.stringify(info.json())).not.toMatch(/@/); // no emails
      expect((await call('GET', '/api/join/ZZZZZZZZ', undefined, null)).statusCode).toBe(404);
    });

    it('claims a name once; the personal code rejoins on another device', async () => {
      const roster = (await call('GET', `/api/join/${demo.joinCode}`, undefined, null)).json()
        .roster;
      const target = roster.find((r: { joined: boolean }) => !r.joined);
      const first = await call(
        'POST',
        `/api/join/${demo.joinCode}/claim`,
        { participantId: target.id },
        undefined,
      );
      expect(first.statusCode).toBe(200);
      const t = first.json() as JoinTicket;
      expect(t.personalCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
      const again = await call(
        'POST',
        `/api/join/${demo.joinCode}/claim`,
        { participantId: target.id },
        undefined,
      );
      expect(again.statusCode).toBe(409);
      const rejoin = await call(
        'POST',
        '/api/join/rejoin',
        { personalCode: t.personalCode.toLowerCase() },
        undefined,
      );
      expect(rejoin.statusCode).toBe(200);
      expect(rejoin.json()).toMatchObject({
        participantId: target.id,
        personalCode: t.personalCode,
      });
      expect(rejoin.json().token).not.toBe(t.token);
      expect(
        (await call('POST', '/api/join/rejoin', { personalCode: 'AAAAAAAAAA' }, null)).statusCode,
      ).toBe(404);
    });

    it('registers walk-ins only where allowed', async () => {
      const walkIn = { name: 'Walk In', organisation: 'Somewhere', sector: 'ngo' };
      expect(
        (await call('POST', `/api/join/${demo.joinCode}/register`, walkIn, null)).statusCode,
      ).toBe(200);
      const closed = (
        await call('POST', '/api/events', {
          name: 'Closed',
          startsOn: '2027-01-10',
          endsOn: '2027-01-10',
        })
      ).json() as EventDetail;
      const res = await call('POST', `/api/join/${closed.joinCode}/register`, walkIn, null);
      expect(res.statusCode).toBe(403);
      const bad = await call(
        'POST',
        `/api/join/${demo.joinCode}/register`,
        { ...walkIn, sector: 'x', name: '' },
        undefined,
      );
      expect(bad.statusCode).toBe(400);
    });
  });
});
