import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { enforceRoutePolicies } from '../../src/server/http/route-policies.ts';
import { openDb, migrateToLatest } from '../../src/server/db/index.ts';
import type { App } from '../../src/server/context.ts';
import {
  POLICY,
  ROOM_POLICY,
  can,
  canInRoom,
  type Actor,
  type RoomStanding,
} from '../../src/server/auth/policy.ts';
import { ROLES, VISIBILITIES } from '../../src/domain/taxonomy/codes.ts';

describe('policy coverage', () => {
  let app: App;
  let dir: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-policy-'));
    const web = path.join(dir, 'web');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(web, 'assets', 'app.js'), '');
    const { db } = openDb({ dataDir: dir });
    await migrateToLatest(db);
    app = await buildApp({ db, backend: 'sqlite', webRoot: web });
    close = async () => {
      await app.close();
      await db.destroy();
    };
  });
  afterAll(async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('every registered route declares a policy', () => {
    const routes = app.routeTable.map((r) => ({
      route: `${String(r.method)} ${r.url}`,
      policy: r.config?.policy,
    }));
    console.log(`[policy] ${routes.length} routes checked`);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.policy).map((r) => r.route)).toEqual([]);
    // Open routes must say why they are open.
    for (const r of routes)
      if (r.policy?.kind === 'open') expect(r.policy.why.length, r.route).toBeGreaterThan(5);
  });

  it('an app with a route that declares no policy refuses to start, naming the route', async () => {
    const f = Fastify();
    enforceRoutePolicies(f);
    f.get('/api/declared', { config: { policy: { kind: 'authenticated' } } }, async () => 'ok');
    f.get('/api/undeclared', async () => 'x');
    await expect(f.ready()).rejects.toThrow('routes without a policy: GET /api/undeclared');
  });

  const user = (role: (typeof ROLES)[number], organisationId: string | null = 'org-a'): Actor => ({
    kind: 'user',
    userId: 'u',
    coalitionId: 'c1',
    role,
    organisationId,
  });

  it.each(VISIBILITIES)('anonymous visitors read only public records (%s)', (visibility) => {
    const ok = can({ kind: 'anonymous' }, 'read', 'organisation', {
      coalitionId: 'c1',
      owningOrganisationId: 'org-a',
      visibility,
    });
    expect(ok).toBe(visibility === 'public');
  });

  it('nobody outside a coalition reads its non-public records; everyone reads public ones', () => {
    for (const role of ROLES)
      for (const visibility of VISIBILITIES) {
        const ok = can(user(role), 'read', 'organisation', {
          coalitionId: 'c2',
          owningOrganisationId: 'org-a',
          visibility,
        });
        expect(ok, `${role} ${visibility}`).toBe(visibility === 'public');
      }
  });

  it('organisation-only records are read by that organisation and coordinators/admins only', () => {
    const rec = {
      coalitionId: 'c1',
      owningOrganisationId: 'org-b',
      visibility: 'organisation' as const,
    };
    expect(can(user('viewer'), 'read', 'organisation', rec)).toBe(false);
    expect(can(user('member'), 'read', 'organisation', rec)).toBe(false);
    expect(can(user('member', 'org-b'), 'read', 'organisation', rec)).toBe(true);
    expect(can(user('coordinator'), 'read', 'organisation', rec)).toBe(true);
    expect(can(user('admin'), 'read', 'organisation', rec)).toBe(true);
  });

  it('writes: viewers never; members only their own organisation; coordinators and admins their coalition', () => {
    const own = {
      coalitionId: 'c1',
      owningOrganisationId: 'org-a',
      visibility: 'coalition' as const,
    };
    const other = { ...own, owningOrganisationId: 'org-b' };
    expect(can(user('viewer'), 'update', 'organisation', own)).toBe(false);
    expect(can(user('member'), 'update', 'organisation', own)).toBe(true);
    expect(can(user('member'), 'update', 'organisation', other)).toBe(false);
    expect(can(user('member'), 'delete', 'organisation', own)).toBe(false);
    expect(can(user('member'), 'create', 'organisation', other)).toBe(false);
    for (const role of ['coordinator', 'admin'] as const)
      for (const action of ['create', 'update', 'delete'] as const)
        expect(can(user(role), action, 'organisation', other), `${role} ${action}`).toBe(true);
    expect(POLICY.some((r) => r.who === 'anonymous' && r.action !== 'read')).toBe(false);
  });

  it('live room: cards added by anyone in it, changed by their author or a facilitator; the hand-over note by the table host or a facilitator; routes by participants', () => {
    const standings: RoomStanding[][] = [
      ['participant'],
      ['participant', 'tableHost'],
      ['facilitator'],
      [],
    ];
    expect(standings.map((s) => canInRoom(s, 'writeHandover'))).toEqual([false, true, true, false]);
    // a participant as such may add cards, (in a mapping session) routes, experience patterns and
    // learnings, nothing else; a card's author may change it
    expect(
      ROOM_POLICY.filter((r) => r.who === 'participant')
        .map((r) => r.action)
        .sort(),
    ).toEqual(['addCard', 'addPattern', 'addRoute', 'postLearning', 'voteLearning']);
    expect(standings.map((s) => canInRoom(s, 'addPattern'))).toEqual([true, true, true, false]);
    // the learnings wall: participants post and vote, facilitators moderate (issue 14)
    expect(standings.map((s) => canInRoom(s, 'voteLearning'))).toEqual([true, true, false, false]);
    expect(standings.map((s) => canInRoom(s, 'moderateLearnings'))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    // routes from the room are participants' only: signed-in users use the atlas
    expect(standings.map((s) => canInRoom(s, 'addRoute'))).toEqual([true, true, false, false]);
    const change = standings.map((s) => canInRoom(s, 'changeCard'));
    expect(change).toEqual([false, false, true, false]);
    expect(canInRoom(['participant', 'cardAuthor'], 'changeCard')).toBe(true);
    expect(canInRoom([], 'addCard')).toBe(false);
    // the facilitators of a room are the users the event rules let update the event
    const event = {
      coalitionId: 'c1',
      owningOrganisationId: null,
      visibility: 'coalition' as const,
    };
    expect(ROLES.filter((role) => can(user(role), 'update', 'event', event)).sort()).toEqual([
      'admin',
      'coordinator',
    ]);
  });
});
