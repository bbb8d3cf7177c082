import { randomUUID } from 'node:crypto';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCoalition } from '../../src/server/db/repos/accounts.ts';
import {
  deleteParticipant,
  deleteSession,
  findEvent,
  findEventByCode,
  findParticipant,
  findParticipantByCodeHash,
  findSession,
  insertEvent,
  insertParticipants,
  insertSession,
  listSessions,
  savePlan,
  type EventRecord,
  type ParticipantRecord,
  type SessionRecord,
  updateEvent,
  updateParticipant,
} from '../../src/server/db/repos/events.ts';
import {
  deleteOrganisation,
  findOrganisation,
  insertOrganisation,
  updateOrganisation,
} from '../../src/server/db/repos/organisations.ts';
import { newParticipant } from '../../src/server/events/service.ts';
import { testBackends, type TestDb } from '../support/backends.ts';
import { DEFAULT_SESSION_RULES } from '../../src/contract/events.ts';

const AT = '2026-11-28T09:00:00.000Z';

/**
 * The repositories themselves keep a child inside its parent (the API checks the policy first, so
 * only here can a wrong parent reach them): a child named under another parent is neither read
 * nor changed, and neither are its children.
 */
describe.each(testBackends())('repositories key children by their parent on $name', (backend) => {
  let store: TestDb;
  let coalitionA: string;
  let coalitionB: string;
  let eventA: string;
  let eventB: string;
  beforeAll(async () => {
    store = await backend.open();
    const db = store.db;
    await db.transaction().execute(async (trx) => {
      coalitionA = await insertCoalition(trx, { name: 'A', slug: 'a', isDemo: false }, AT);
      coalitionB = await insertCoalition(trx, { name: 'B', slug: 'b', isDemo: false }, AT);
      for (const [id, coalition, code] of [
        [(eventA = randomUUID()), coalitionA, 'AAAAAAAA'],
        [(eventB = randomUUID()), coalitionB, 'BBBBBBBB'],
      ] as const)
        await insertEvent(trx, {
          id,
          coalitionId: coalition,
          name: 'E',
          startsOn: '2026-12-01',
          endsOn: '2026-12-01',
          venue: '',
          timeZone: 'UTC',
          joinCode: code,
          walkInsAllowed: false,
          issues: [],
          expertiseGroups: [],
          createdAt: AT,
          updatedAt: AT,
        });
    });
  });
  afterAll(async () => store?.close());

  it("an event's session or participant is out of reach through another event", async () => {
    const db = store.db;
    const sessionB = randomUUID();
    await insertSession(db, {
      id: sessionB,
      eventId: eventB,
      kind: 'cafe',
      title: 'B',
      rounds: 1,
      minutesPerRound: 5,
      position: 0,
      plan: null,
      quality: null,
      rules: null,
    });
    const person = newParticipant(
      eventB,
      {
        name: 'P',
        organisation: 'O',
        sector: 'ngo',
        country: null,
        choices: [],
        languages: [],
        email: null,
      },
      0,
      AT,
    );
    await db.transaction().execute((trx) => insertParticipants(trx, [person]));

    expect(await findSession(db, eventA, sessionB)).toBeUndefined();
    await savePlan(db, eventA, sessionB, [], null);
    expect(await deleteSession(db, eventA, sessionB)).toBe(false);
    expect(await findParticipant(db, eventA, person.id)).toBeUndefined();
    await updateParticipant(db, eventA, person.id, { status: 'absent' });

    expect((await findSession(db, eventB, sessionB))?.plan).toBeNull();
    expect((await findParticipant(db, eventB, person.id))?.status).toBe('expected');
    expect(await deleteSession(db, eventB, sessionB)).toBe(true);
  });

  it('a session comes back as the record that went in: numbers, plan, quality and rules typed', async () => {
    const session: SessionRecord = {
      id: randomUUID(),
      eventId: eventA,
      kind: 'cafe',
      title: 'Café',
      rounds: 2,
      minutesPerRound: 7,
      position: 3,
      plan: [
        {
          groups: [
            { tableId: null, spot: 0, issueKey: 'a', groupKey: null, participantIds: ['p1'] },
          ],
        },
      ],
      quality: {
        repeatedPairs: 1,
        maxMeetings: 2,
        crossSectorShare: 0.5,
        violations: 0,
        choices: null,
      },
      rules: { ...DEFAULT_SESSION_RULES, keepApart: { mode: 'soft', weight: 3 } },
    };
    await insertSession(store.db, session);
    const back = await findSession(store.db, eventA, session.id);
    expect(back).toEqual(session);
    expect(typeof back?.rounds).toBe('number');
    expect((await listSessions(store.db, eventA)).find((s) => s.id === session.id)).toEqual(
      session,
    );
    expect(await deleteSession(store.db, eventA, session.id)).toBe(true);
  });

  it('a participant comes back as the record that went in, and a patch changes only its fields', async () => {
    const person: ParticipantRecord = {
      ...newParticipant(
        eventA,
        {
          name: 'Somchai',
          organisation: 'Mekong Shelter',
          sector: 'government',
          country: 'TH',
          choices: ['legal', 'care'],
          languages: ['th', 'en'],
          email: 's@example.org',
        },
        4,
        AT,
      ),
      status: 'present',
    };
    await store.db.transaction().execute((trx) => insertParticipants(trx, [person]));
    const back = await findParticipant(store.db, eventA, person.id);
    expect(back).toEqual(person);
    expect(typeof back?.position).toBe('number');
    const later = '2026-11-28T10:00:00.000Z';
    await updateParticipant(store.db, eventA, person.id, {
      joinedAt: later,
      personalCodeHash: 'h',
    });
    expect(await findParticipant(store.db, eventA, person.id)).toEqual({
      ...person,
      joinedAt: later,
      personalCodeHash: 'h',
    });
    expect(await findParticipantByCodeHash(store.db, 'h')).toEqual({
      ...person,
      joinedAt: later,
      personalCodeHash: 'h',
    });
    expect(
      await store.db.transaction().execute((trx) => deleteParticipant(trx, eventA, person.id)),
    ).toBe(true);
  });

  it('an event comes back as the record that went in, and a patch changes only its fields', async () => {
    const event: EventRecord = {
      id: randomUUID(),
      coalitionId: coalitionA,
      name: 'Records',
      startsOn: '2026-12-02',
      endsOn: '2026-12-03',
      venue: 'Hall',
      timeZone: 'Asia/Bangkok',
      joinCode: 'CCCCCCCC',
      walkInsAllowed: true,
      issues: [{ key: 'a', label: 'A', forms: [], sectors: [], populations: [] }],
      expertiseGroups: [{ key: 'g', label: 'G' }],
      createdAt: AT,
      updatedAt: AT,
    };
    await store.db.transaction().execute((trx) => insertEvent(trx, event));
    expect(await findEvent(store.db, event.id)).toEqual(event);
    const patch = {
      walkInsAllowed: false,
      endsOn: '2026-12-04',
      updatedAt: '2026-11-29T00:00:00.000Z',
    };
    await store.db.transaction().execute((trx) => updateEvent(trx, event, patch));
    expect(await findEventByCode(store.db, 'CCCCCCCC')).toEqual({ ...event, ...patch });
    // Another coalition's patch changes nothing.
    await store.db
      .transaction()
      .execute((trx) => updateEvent(trx, { id: event.id, coalitionId: coalitionB }, { name: 'x' }));
    expect((await findEvent(store.db, event.id))?.name).toBe('Records');
  });

  it('an organisation is changed or deleted only within its coalition, facets included', async () => {
    const id = await store.db.transaction().execute((trx) =>
      insertOrganisation(
        trx,
        coalitionB,
        {
          name: 'Org B',
          type: 'NGO',
          website: null,
          publicContact: null,
          description: '',
          visibility: 'organisation',
          facets: {
            kindsOfWork: ['protection'],
            supportServices: [],
            forms: [],
            populations: [],
            languages: [],
            countries: ['TH'],
            provinces: [],
          },
        },
        AT,
      ),
    );
    const changed = await store.db
      .transaction()
      .execute(async (trx) => [
        await updateOrganisation(
          trx,
          coalitionA,
          id,
          { name: 'renamed', facets: { countries: [] } },
          AT,
        ),
        await deleteOrganisation(trx, coalitionA, id),
      ]);
    expect(changed).toEqual([false, false]);
    const rec = await findOrganisation(store.db, id);
    expect(rec?.name).toBe('Org B');
    expect(rec?.facets.countries).toEqual(['TH']);
    expect(
      await store.db.transaction().execute((trx) => deleteOrganisation(trx, coalitionB, id)),
    ).toBe(true);
  });
});

describe('the lint rule that keeps queries scoped', () => {
  it('refuses an event child or a coalition record addressed by its own id alone', async () => {
    const eslint = new ESLint();
    const code = [
      "import type { Db } from '../db/index.ts';",
      'export async function f(db: Db, id: string) {',
      "  await db.deleteFrom('event_sessions').where('id', '=', id).execute();",
      "  await db.selectFrom('cards as c').selectAll().where('c.id', '=', id).execute();",
      "  await db.updateTable('routes').set({ notes: '' }).where('id', '=', id).execute();",
      "  return db.selectFrom('routes').selectAll().where('id', '=', id).execute();",
      '}',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: 'src/server/api/example.ts' });
    const refused = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax');
    // Three refused; a read of a coalition record by id stays allowed (can() decides after it).
    expect(refused.map((m) => m.line)).toEqual([3, 4, 5]);
  }, 60_000);
});
