import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testBackends } from '../support/backends.ts';
import type { ApiHarness } from '../support/api.ts';
import { demoEventSetup, type DemoEventSetup } from '../support/demo-event.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import type { Intent, ServerMessage } from '../../src/contract/live.ts';
import type { Pattern, PatternList } from '../../src/contract/patterns.ts';
import { LiveCore } from '../../src/core/client.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

/**
 * Patterns entered from a phone during the café go through the live room's intents: queued while
 * offline, sent when back, stored exactly once (SYNC-2 by intent id, SYNC-3 by pattern id), never
 * broadcast to the room.
 */
describe.each(testBackends())('experience patterns from phones on $name', (backend) => {
  let setup: DemoEventSetup;
  let h: ApiHarness;
  let admin: string;
  let url: string;
  let event: EventDetail;
  let tickets: JoinTicket[];
  let orgOf: string[];
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    ({ h, admin, event } = setup);
    url = (await setup.live()).url;
    const claimed = await setup.claim(2);
    tickets = claimed.map((c) => c.ticket);
    orgOf = claimed.map((c) => c.organisation);
  });
  afterAll(async () => setup?.close());

  const pattern = (extra: object = {}): Intent => ({
    type: 'addPattern',
    patternId: randomUUID(),
    issueKey: 'domesticWorkers',
    form: 'ForcedLabour',
    sector: 'DomesticWork',
    population: 'migrants',
    indicators: [8],
    paid: 'never',
    canLeave: false,
    recruitment: 'free',
    moved: false,
    notes: '',
    ...extra,
  });
  const stored = (id: string) =>
    h.store.db.selectFrom('experience_patterns').selectAll().where('id', '=', id).execute();

  it('a pattern queued offline arrives once, though the link drops before the answer and it is sent again', async () => {
    const phone = await TestLiveClient.connect(url);
    const w = (await phone.hello({ participantToken: tickets[0]!.token })) as Welcome;
    let n = 0;
    const core = new LiveCore({ participantToken: tickets[0]!.token, newId: () => `pattern${String(n++).padStart(6, '0')}` });
    core.receive(w);
    core.closed();
    await phone.close();
    // offline: queued, nothing sent
    const body = pattern();
    expect(core.queue(body).send).toBeNull();
    const id = core.outbox[0]!.id;
    const connect = async () => {
      const c = await TestLiveClient.connect(url);
      c.send(core.hello());
      const welcome = await c.next((m) => m.type === 'welcome');
      for (const m of core.receive(welcome).send) c.send(m);
      return c;
    };
    const first = await connect();
    // the intent reached the server; the answer is lost with the link
    await first.next((m) => m.type === 'ack' && m.id === id);
    first.ws.terminate();
    core.closed();
    expect(core.outbox.length).toBe(1);
    const second = await connect();
    const ack = await second.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
    expect(ack.type).toBe('ack');
    core.receive(ack);
    expect(core.outbox).toEqual([]);
    const rows = await stored((body as { patternId: string }).patternId);
    expect(rows.length).toBe(1);
    expect(rows[0]).toMatchObject({ event_id: event.id, issue_key: 'domesticWorkers', source: 'phone', visibility: 'coalition', paid: 'never', can_leave: 0 });
    // the same pattern under a new intent id (a phone that lost its outbox) is still one pattern
    expect((await second.intent(body)).type).toBe('ack');
    expect((await stored((body as { patternId: string }).patternId)).length).toBe(1);
    // nothing about it was broadcast to the room
    expect(second.changes().filter((c) => JSON.stringify(c).includes((body as { patternId: string }).patternId))).toEqual([]);
    await second.close();
    // the coalition reads it with its level and the rule's reasons
    const list = (await h.app.inject({ method: 'GET', url: `/api/patterns?eventId=${event.id}&limit=200`, headers: { cookie: admin } })).json<PatternList>();
    expect(list.items.find((p) => p.id === (body as { patternId: string }).patternId)).toMatchObject({ source: 'phone', level: 'forced_labour', reasons: ['cannot_leave', 'ilo8_withholding_of_wages', 'never_paid'] });
  }); // prettier-ignore

  it('refuses a bad pattern naming the field, an unknown issue, and the projector; stores nothing', async () => {
    const phone = await TestLiveClient.connect(url);
    await phone.hello({ participantToken: tickets[1]!.token });
    const before = (await h.store.db.selectFrom('experience_patterns').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const bad = await phone.intent(pattern({ indicators: [12] }));
    expect(bad).toMatchObject({ type: 'reject', error: 'invalid_intent', field: 'indicators.0' });
    const noIssue = await phone.intent(pattern({ issueKey: 'nope' }));
    expect(noIssue).toMatchObject({ type: 'reject', error: 'unknown_issue' });
    await phone.close();
    const screen = await TestLiveClient.connect(url, { cookie: await h.userWith('viewer') });
    await screen.hello();
    expect(await screen.intent(pattern())).toMatchObject({ type: 'reject' });
    await screen.close();
    const after = (await h.store.db.selectFrom('experience_patterns').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
  }); // prettier-ignore

  it('is owned by the participant’s organisation (matched by name) or the facilitator’s, shared with the coalition', async () => {
    const orgs = await h.store.db.selectFrom('organisations').select(['id', 'name']).where('coalition_id', '=', h.coalitionId).execute();
    const participantOrg = orgs.find((o) => o.name === orgOf[1]);
    expect(participantOrg, `roster organisation ${orgOf[1]} is one of the coalition's`).toBeDefined();
    const phone = await TestLiveClient.connect(url);
    await phone.hello({ participantToken: tickets[1]!.token });
    const fromPhone = pattern();
    expect((await phone.intent(fromPhone)).type).toBe('ack');
    await phone.close();
    const [row] = await stored((fromPhone as { patternId: string }).patternId);
    expect(row).toMatchObject({ source: 'phone', organisation_id: participantOrg!.id, visibility: 'coalition', event_id: event.id });

    // a facilitator at the console: their membership's organisation (another one than the phone's)
    const otherOrg = orgs.find((o) => o.id !== participantOrg!.id)!;
    const coordinator = await h.userWith('coordinator', otherOrg.id);
    const console_ = await TestLiveClient.connect(url, { cookie: coordinator });
    await console_.hello();
    const fromConsole = pattern({ issueKey: null });
    expect((await console_.intent(fromConsole)).type).toBe('ack');
    await console_.close();
    const [row2] = await stored((fromConsole as { patternId: string }).patternId);
    expect(row2).toMatchObject({ organisation_id: otherOrg.id, visibility: 'coalition' });

    // the policy reads the ownership: a member of the owning organisation may remove it, a member of
    // another organisation reads it (coalition-visible) but may not
    const own = await h.userWith('member', participantOrg!.id);
    const other = await h.userWith('member', otherOrg.id);
    const read = async (cookie: string) => (await h.app.inject({ method: 'GET', url: `/api/patterns/${(fromPhone as { patternId: string }).patternId}`, headers: { cookie } })).json<Pattern>();
    expect((await read(own)).can.delete).toBe(true);
    expect((await read(other)).can.delete).toBe(false);
    expect((await read(admin)).organisation).toEqual({ id: participantOrg!.id, name: participantOrg!.name });
  }); // prettier-ignore
});
