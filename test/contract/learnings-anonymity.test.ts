import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEventSetup, type Claimed, type DemoEventSetup } from '../support/demo-event.ts';
import type { TestLiveClient } from '../support/live-client.ts';

/**
 * Issue 14, "anonymous to everyone": an outside probe of the learnings wall. A post made without
 * the organisation must not let anyone — the coordinator, a member of the coalition, the
 * projector, another phone — find the poster's organisation, by its name or by its id, on any API
 * answer or live message; a post shown with the organisation names it. Scripts counted in code
 * points: 280 Khmer, Thai (with its combining vowels) or emoji fit, 281 are refused naming the
 * field.
 */
describe.each(testBackends())('anonymous learnings on $name', (backend) => {
  let setup: DemoEventSetup;
  let poster: Claimed;
  let orgId: string;
  let sessionId: string;
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    sessionId = await setup.addSession('learnings', 'What we learnt');
    poster = (await setup.claim(1))[0]!;
    // The poster's roster organisation is one of the coalition's (the owner of what they post).
    const same = await setup.h.store.db
      .selectFrom('organisations')
      .select('id')
      .where('coalition_id', '=', setup.h.coalitionId)
      .where('name', '=', poster.organisation)
      .execute();
    orgId = same.length === 1 ? same[0]!.id : await setup.organisation(poster.organisation);
    const room = await setup.live();
    const { c } = await room.facilitator();
    expect(await room.intent(c, { type: 'startSession', sessionId })).toMatchObject({
      type: 'ack',
    });
    await c.close();
  });
  afterAll(async () => setup?.close());

  const post = (text: string, showOrg: boolean) => ({
    type: 'postLearning',
    learningId: randomUUID(),
    sessionId,
    text,
    showOrg,
  });

  it('an anonymous post names its organisation nowhere: not on the wall API, not to the room', async () => {
    const room = await setup.live();
    const { c: phone } = await room.phone(poster.ticket);
    const { c: other } = await room.phone((await setup.claim(1, 1))[0]!.ticket);
    const { c: console_ } = await room.facilitator();
    const anon = post('Anonymous: we must invest in people', false);
    const named = post('Named: need for robust compensation mechanisms', true);
    expect(await room.intent(phone, anon)).toMatchObject({ type: 'ack' });
    expect(await room.intent(phone, named)).toMatchObject({ type: 'ack' });
    const stored = await setup.h.store.db
      .selectFrom('learnings')
      .select(['id', 'organisation_id'])
      .where('id', '=', anon.learningId)
      .executeTakeFirstOrThrow();
    expect(stored.organisation_id).toBe(orgId); // kept for the policy table, never shown

    const member = await setup.h.userWith('member', await setup.organisation('Another NGO'));
    const coordinator = await setup.h.userWith('coordinator');
    for (const cookie of [setup.admin, coordinator, member]) {
      const r = await setup.call('GET', `/api/events/${setup.event.id}/learnings`, cookie);
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json<{ learnings: { id: string }[] }>().learnings;
      const a = items.find((l) => l.id === anon.learningId);
      const n = items.find((l) => l.id === named.learningId);
      expect(a).toBeDefined();
      expect(JSON.stringify(a)).not.toContain(orgId);
      expect(JSON.stringify(a)).not.toContain(poster.organisation);
      expect(n).toMatchObject({ organisation: poster.organisation });
    }
    // Every live message the other phone and the console received about the anonymous post.
    const seen = (c: TestLiveClient) =>
      c
        .changes()
        .filter((m) => JSON.stringify(m).includes(anon.learningId))
        .map((m) => JSON.stringify(m));
    await other.next((m) => JSON.stringify(m).includes(named.learningId));
    await console_.next((m) => JSON.stringify(m).includes(named.learningId));
    for (const c of [other, console_]) {
      const msgs = seen(c);
      expect(msgs.length).toBeGreaterThan(0);
      for (const m of msgs) {
        expect(m).not.toContain(orgId);
        expect(m).not.toContain(poster.organisation);
        expect(m).not.toContain(poster.participantId);
      }
    }
    // and a fresh snapshot (a reconnecting projector) neither
    const { w } = await room.facilitator();
    const snap = JSON.stringify(w.snapshot?.learnings?.find((l) => l.id === anon.learningId));
    expect(snap).toContain(anon.learningId);
    expect(snap).not.toContain(orgId);
    expect(snap).not.toContain(poster.organisation);
    // the learnings export names no organisation for it either
    const csv = await setup.call('GET', '/api/exports/learnings?format=json', setup.admin);
    const row = csv.json<{ items: { id: string }[] }>().items.find((i) => i.id === anon.learningId);
    expect(row).toMatchObject({ organisation: null });
    await Promise.all([phone.close(), other.close(), console_.close()]);
  });

  it('280 code points of Khmer, Thai with combining vowels or emoji fit; 281 are refused naming the text', async () => {
    const room = await setup.live();
    const { c: phone } = await room.phone(poster.ticket);
    const khmer = 'ក្ញុំ'.repeat(56); // 5 code points each, coeng and vowel signs included
    const thai = 'น้ำ'.repeat(93) + 'ก'; // 3 code points each
    const family = '👩‍👩‍👧'.repeat(56); // 5 code points each (two zero-width joiners)
    for (const text of [khmer, thai, family]) {
      expect([...text]).toHaveLength(280);
      const ok = post(text, false);
      expect(await room.intent(phone, ok)).toMatchObject({ type: 'ack' });
      const r = await setup.call('GET', `/api/events/${setup.event.id}/learnings`, setup.admin);
      expect(
        r
          .json<{ learnings: { id: string; text: string }[] }>()
          .learnings.find((l) => l.id === ok.learningId)?.text,
      ).toBe(text);
      const long = await room.intent(phone, post(`${text}ក`, false));
      expect(long).toMatchObject({ type: 'reject', error: 'invalid_intent', field: 'text' });
      expect(JSON.stringify(long)).toMatch(/at most 280/);
    }
    await phone.close();
  });
});
