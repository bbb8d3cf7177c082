import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { Actor } from '../../src/server/auth/policy.ts';
import {
  insertCoalition,
  insertMembership,
  insertUser,
} from '../../src/server/db/repos/accounts.ts';
import type { Role } from '../../src/domain/taxonomy/codes.ts';
import type { Db } from '../../src/server/db/index.ts';
import { toJson } from '../../src/server/db/json.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import { cookieOf, demoEvent, startApi, TEST_PASSWORD, type ApiHarness } from '../support/api.ts';
import type { TestBackend } from '../support/backends.ts';

/** The people of the authorisation matrix: every role, two organisations, two coalitions. */
export const ACTOR_NAMES = [
  'anonymous',
  'participant',
  'viewer',
  'memberA',
  'memberB',
  'coordinator',
  'admin',
  'foreignAdmin',
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export interface WorldActor {
  name: ActorName;
  /** What the policy table sees (a participant has no account: anonymous to it). */
  actor: Actor;
  cookie?: string;
  participantToken?: string;
}

/** An event with a table, a session and a card: the parent of every child resource. */
export interface WorldEvent {
  coalitionId: string;
  detail: EventDetail;
  tableId: string;
  sessionId: string;
  cardId: string;
  issueKey: string;
  participantId: string;
}

export interface World {
  h: ApiHarness;
  c1: string;
  c2: string;
  orgA: string;
  orgB: string;
  actors: Record<ActorName, WorldActor>;
  /** Coalition 1's event (the demo's) and an event of coalition 2. */
  event1: WorldEvent;
  event2: WorldEvent;
  req(
    who: { cookie?: string } | undefined,
    method: string,
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let n = 0;
const NO_TAGS = toJson({ forms: [], sectors: [], populations: [], ilo: [] });

/**
 * Coalition 1 is the seeded demo with organisations A and B and a user of every role; coalition 2
 * has its own admin, organisation and event. Records are made through the API as the people who
 * may make them, so the world is what the app itself would hold.
 */
export async function buildWorld(
  backend: TestBackend,
  extra: Parameters<typeof startApi>[1] = {},
): Promise<World> {
  const h = await startApi(backend, extra);
  const c1 = h.coalitionId;
  const db = h.store.db;
  const hash = await hashPassword(TEST_PASSWORD);
  const at = h.clock.now.toISOString();
  const req: World['req'] = (who, method, url, payload) =>
    h.app.inject({
      method: method as 'GET',
      url,
      headers: who?.cookie ? { cookie: who.cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function user(coalitionId: string, role: Role, organisationId: string | null) {
    const email = `matrix${++n}-${role}@test.mosaic.test`;
    const userId = await db.transaction().execute(async (trx) => {
      const id = await insertUser(
        trx,
        { email, displayName: `Matrix ${role}`, passwordHash: hash },
        at,
      );
      await insertMembership(trx, { userId: id, coalitionId, role, organisationId }, at);
      return id;
    });
    const cookie = cookieOf(await h.login(email, TEST_PASSWORD));
    return { actor: { kind: 'user', userId, coalitionId, role, organisationId } as Actor, cookie };
  }

  const admin = await user(c1, 'admin', null);
  const mkOrg = async (who: { cookie: string }, name: string) => {
    const r = await req(who, 'POST', '/api/organisations', {
      name,
      type: 'NGO',
      visibility: 'coalition',
    });
    if (r.statusCode !== 201) throw new Error(`organisation: ${r.statusCode} ${r.body}`);
    return r.json<{ id: string }>().id;
  };
  const orgA = await mkOrg(admin, 'Matrix Organisation A');
  const orgB = await mkOrg(admin, 'Matrix Organisation B');

  const c2 = await db
    .transaction()
    .execute((trx) =>
      insertCoalition(trx, { name: 'Other Coalition', slug: 'other-coalition', isDemo: false }, at),
    );
  const foreign = await user(c2, 'admin', null);

  const event1 = await completeEvent(req, db, admin, (await demoEvent(h.app, admin.cookie)).id, c1);
  const event2 = await newEvent(req, db, foreign, c2);

  const join = await req(undefined, 'POST', `/api/join/${event1.detail.joinCode}/claim`, {
    participantId: event1.participantId,
  });
  if (join.statusCode !== 200) throw new Error(`join: ${join.statusCode} ${join.body}`);

  const actors: Record<ActorName, WorldActor> = {
    anonymous: { name: 'anonymous', actor: { kind: 'anonymous' } },
    participant: {
      name: 'participant',
      actor: { kind: 'anonymous' },
      participantToken: join.json<{ token: string }>().token,
    },
    viewer: { name: 'viewer', ...(await user(c1, 'viewer', orgA)) },
    memberA: { name: 'memberA', ...(await user(c1, 'member', orgA)) },
    memberB: { name: 'memberB', ...(await user(c1, 'member', orgB)) },
    coordinator: { name: 'coordinator', ...(await user(c1, 'coordinator', null)) },
    admin: { name: 'admin', ...admin },
    foreignAdmin: { name: 'foreignAdmin', ...foreign },
  };
  return { h, c1, c2, orgA, orgB, actors, event1, event2, req, close: () => h.close() };
}

/** A member of coalition 1 with this role, made directly (members' cases change or remove one). */
export async function freshMember(w: World, role: Role): Promise<string> {
  const at = w.h.clock.now.toISOString();
  return w.h.store.db.transaction().execute(async (trx) => {
    const id = await insertUser(
      trx,
      { email: `fresh${++n}@test.mosaic.test`, displayName: 'Fresh member', passwordHash: 'x' },
      at,
    );
    await insertMembership(trx, { userId: id, coalitionId: w.c1, role, organisationId: null }, at);
    return id;
  });
}

/** A new, complete event in coalition 1 (made by its admin) or 2 (by the foreign admin). */
export function cloneEvent(w: World, coalition: 'c1' | 'c2'): Promise<WorldEvent> {
  const who = coalition === 'c1' ? w.actors.admin : w.actors.foreignAdmin;
  return newEvent(w.req, w.h.store.db, who as { cookie: string }, w[coalition]);
}

async function newEvent(
  req: World['req'],
  db: Db,
  who: { cookie: string },
  coalitionId: string,
): Promise<WorldEvent> {
  const created = await req(who, 'POST', '/api/events', {
    name: `Convening ${++n}`,
    startsOn: '2026-12-01',
    endsOn: '2026-12-02',
    tables: [{ name: 'T1', capacity: 6 }],
  });
  if (created.statusCode !== 201) throw new Error(`event: ${created.statusCode} ${created.body}`);
  return completeEvent(req, db, who, created.json<{ id: string }>().id, coalitionId);
}

/** A card on an event's first sheet, with its history entry, as the live room would write it. */
export async function plantCard(
  db: Db,
  e: { eventId: string; issueKey: string },
  text: string,
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('cards')
    .values({
      id,
      event_id: e.eventId,
      issue_key: e.issueKey,
      kind: 'cause',
      level: 'individual',
      text,
      tags: NO_TAGS,
      table_id: null,
      round: null,
      participant_id: null,
      user_id: null,
      version: 1,
      deleted: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('card_history')
    .values({
      card_id: id,
      event_id: e.eventId,
      n: 1,
      version: 1,
      text,
      kind: 'cause',
      level: 'individual',
      tags: NO_TAGS,
      deleted: 0,
      reason: 'add',
      by_key: 'matrix',
      at,
    })
    .execute();
  return id;
}

/** Gives an event what child resources hang on: a table, a participant, a session, a card. */
async function completeEvent(
  req: World['req'],
  db: Db,
  who: { cookie: string },
  eventId: string,
  coalitionId: string,
): Promise<WorldEvent> {
  const ok = async (r: Promise<LightMyRequestResponse>) => {
    const res = await r;
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res;
  };
  await ok(
    req(who, 'POST', `/api/events/${eventId}/participants`, {
      name: `Matrix participant ${++n}`,
      organisation: 'Matrix',
      sector: 'ngo',
    }),
  );
  await ok(
    req(who, 'POST', `/api/events/${eventId}/sessions`, {
      kind: 'cafe',
      title: 'Matrix café',
      rounds: 2,
      minutesPerRound: 10,
    }),
  );
  const detail = (await ok(req(who, 'GET', `/api/events/${eventId}`))).json<EventDetail>();
  const participants = (await ok(req(who, 'GET', `/api/events/${eventId}/participants`))).json<{
    items: { id: string; joined: boolean }[];
  }>();
  const participantId = participants.items.find((p) => !p.joined)!.id;
  const issueKey = detail.issues[0]!.key;
  const at = new Date().toISOString();
  const cardId = await plantCard(db, { eventId, issueKey }, 'Matrix card', at);
  return {
    coalitionId,
    detail,
    tableId: detail.tables[0]!.id,
    sessionId: detail.sessions.at(-1)!.id,
    cardId,
    issueKey,
    participantId,
  };
}
