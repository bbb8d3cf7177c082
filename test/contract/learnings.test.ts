import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import type { ApiHarness } from '../support/api.ts';
import { demoEventSetup, type DemoEventSetup, type LiveRoom } from '../support/demo-event.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';
import { LearningsList, ThemeSuggestions, type Learning } from '../../src/contract/learnings.ts';
import type { ServerMessage } from '../../src/contract/live.ts';
import { type Snapshot } from '../../src/contract/live.ts';

/**
 * The learnings wall (issue 14, LEARN-1..5 in docs/sync-spec.md): phones post and vote through
 * the live room, each applied once; facilitators hide, pin, merge and theme posts; phones and the
 * projector never see hidden posts; merged duplicates count each voter once.
 */
describe.each(testBackends())('learnings wall on $name', (backend) => {
  let setup: DemoEventSetup;
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let room: LiveRoom;
  let url: string;
  let sessionId: string;
  let tickets: JoinTicket[];
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    ({ h, admin, event } = setup);
    room = await setup.live();
    url = room.url;
    sessionId = await setup.addSession('learnings', 'What we learnt');
    tickets = (await setup.claim(4)).map((c) => c.ticket);
  });
  afterAll(async () => setup?.close());

  const phone = (i: number) => room.phone(tickets[i]!);
  const facilitator = () => room.facilitator();
  const intent = (c: TestLiveClient, body: object, id?: string) => room.intent(c, body, id);
  const post = (text: string, showOrg = false) => ({
    type: 'postLearning',
    learningId: randomUUID(),
    sessionId,
    text,
    showOrg,
  });
  const vote = (learningId: string, up = true) => ({ type: 'voteLearning', learningId, up });
  const stored = () =>
    h.store.db.selectFrom('learnings').selectAll().where('event_id', '=', event.id).execute();
  const votesOf = (ids: string[]) =>
    h.store.db
      .selectFrom('learning_votes')
      .selectAll()
      .where('event_id', '=', event.id)
      .where('learning_id', 'in', ids)
      .execute();
  const wall = async (cookie?: string) => {
    const r = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/learnings`,
      headers: cookie ? { cookie } : {},
    });
    return {
      status: r.statusCode,
      body: r.statusCode === 200 ? LearningsList.parse(r.json()) : null,
    };
  };
  /** The last state of a post in the `learnings` changes a client received. */
  const lastSeen = (c: TestLiveClient, id: string): Learning | 'removed' | undefined => {
    let out: Learning | 'removed' | undefined;
    for (const m of c.changes())
      if (m.change.kind === 'learnings') {
        const l = m.change.learnings.find((x) => x.id === id);
        if (l) out = l;
        if (m.change.removed?.includes(id)) out = 'removed';
      }
    return out;
  };

  it('a learnings session starts without a plan: generate answers 409 no_plan_needed', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/sessions/${sessionId}/plan`,
      headers: { cookie: admin },
      payload: {},
    });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ error: 'no_plan_needed' });
    const { c: f } = await facilitator();
    expect(await intent(f, { type: 'startSession', sessionId })).toMatchObject({ type: 'ack' });
    await f.close();
  });

  it('LEARN-1: a post reaches every phone and the projector once, anonymous or with the organisation; a resend after a dropped ack is stored once', async () => {
    const { c: a } = await phone(0);
    const { c: b } = await phone(1);
    const body = post('เราต้องลงทุนในคน — we must invest in people! 🙂', true);
    const anon = post('Need for robust compensation mechanisms');
    expect(await intent(a, body)).toMatchObject({ type: 'ack' });
    expect(await intent(a, anon)).toMatchObject({ type: 'ack' });
    await b.next(
      (m) =>
        m.type === 'change' &&
        m.change.kind === 'learnings' &&
        m.change.learnings[0]?.id === anon.learningId,
    );
    const seen = lastSeen(b, body.learningId) as Learning;
    expect(seen).toMatchObject({ text: body.text, votes: 0, hidden: false, mergedInto: null });
    expect(seen.organisation).toBeTruthy();
    expect(lastSeen(b, anon.learningId)).toMatchObject({ organisation: null });
    // nobody, facilitators included, is told who posted
    const { w: fw, c: f } = await facilitator();
    expect(JSON.stringify(fw.snapshot?.learnings)).not.toContain(tickets[0]!.participantId);

    // The ack is lost: the phone drops the link right after sending, comes back and resends.
    const again = post('Use of technology for disrupting trafficking');
    const id = randomUUID().replaceAll('-', '');
    const { c: lost } = await phone(2);
    lost.send({ type: 'intent', id, intent: again });
    lost.ws.terminate();
    const { c: back } = await phone(2);
    const first = await intent(back, again, id);
    const second = await intent(back, again, id);
    // and the same post under another intent id (a reload that lost the intent's id)
    const third = await intent(back, again);
    expect(first).toMatchObject({ type: 'ack' });
    expect(second).toEqual({ ...first });
    expect(third.type).toBe('ack');
    expect((await stored()).filter((r) => r.id === again.learningId)).toHaveLength(1);
    const row = (await stored()).find((r) => r.id === body.learningId)!;
    expect(row).toMatchObject({ participant_id: tickets[0]!.participantId, show_org: 1 });
    expect(Number(row.hidden)).toBe(0);
    // the text is counted in code points, like a card: 280 emoji fit, 281 do not
    expect(await intent(a, post('🙂'.repeat(280)))).toMatchObject({ type: 'ack' });
    expect(await intent(a, post('🙂'.repeat(281)))).toMatchObject({
      type: 'reject',
      error: 'invalid_intent',
      field: 'text',
    });
    // not a learnings session of this event
    expect(await intent(a, { ...post('x'), sessionId: event.sessions[0]!.id })).toMatchObject({
      type: 'reject',
      error: 'not_learnings_session',
    });
    // the projector and facilitators do not post
    expect(await intent(f, post('from the console'))).toMatchObject({
      type: 'reject',
      error: 'forbidden',
    });
    await Promise.all([a.close(), b.close(), back.close(), f.close()]);
  });

  it('LEARN-2: one vote per participant per post, withdrawn and changed; a resent vote counts once', async () => {
    const { c: a } = await phone(0);
    const { c: b } = await phone(1);
    const p = post('Survivors should lead the design of services');
    expect(await intent(a, p)).toMatchObject({ type: 'ack' });
    const id = randomUUID().replaceAll('-', '');
    const once = await intent(b, vote(p.learningId), id);
    expect(once).toMatchObject({ type: 'ack' });
    expect(await intent(b, vote(p.learningId), id)).toEqual(once); // the same intent resent
    expect(await intent(b, vote(p.learningId))).toMatchObject({ type: 'ack' }); // voted already
    expect(await intent(a, vote(p.learningId))).toMatchObject({ type: 'ack' });
    expect(await votesOf([p.learningId])).toHaveLength(2);
    await a.next(
      (m) =>
        m.type === 'change' &&
        m.change.kind === 'learnings' &&
        m.change.learnings.some((l) => l.id === p.learningId && l.votes === 2),
    );
    expect(await intent(b, vote(p.learningId, false))).toMatchObject({ type: 'ack' });
    await a.next(
      (m) =>
        m.type === 'change' &&
        m.change.kind === 'learnings' &&
        m.change.learnings.some((l) => l.id === p.learningId && l.votes === 1),
    );
    // the phone learns on a fresh welcome which posts it voted for and wrote
    const { w } = await phone(0);
    expect(w.myVotes).toContain(p.learningId);
    expect(w.myLearningIds).toContain(p.learningId);
    const { w: wb } = await phone(1);
    expect(wb.myVotes ?? []).not.toContain(p.learningId);
    expect(await intent(b, vote(randomUUID()))).toMatchObject({
      type: 'reject',
      error: 'not_found',
    });
    await Promise.all([a.close(), b.close()]);
  });

  it('LEARN-3: merging duplicates carries votes over exactly — a person who voted for both counts once', async () => {
    const { c: f } = await facilitator();
    const phones = await Promise.all([0, 1, 2, 3].map((i) => phone(i)));
    const [p0, p1, p2, p3] = phones.map((x) => x.c) as [
      TestLiveClient,
      TestLiveClient,
      TestLiveClient,
      TestLiveClient,
    ];
    const keep = post('Invest in people');
    const dup = post('We must invest in people!');
    await intent(p0, keep);
    await intent(p1, dup);
    // votes: keep ← 0, 1, 2; dup ← 1, 2, 3 (1 and 2 voted for both)
    for (const c of [p0, p1, p2])
      expect(await intent(c, vote(keep.learningId))).toMatchObject({ type: 'ack' });
    for (const c of [p1, p2, p3])
      expect(await intent(c, vote(dup.learningId))).toMatchObject({ type: 'ack' });
    expect(
      await intent(f, {
        type: 'mergeLearnings',
        learningId: dup.learningId,
        intoId: keep.learningId,
      }),
    ).toMatchObject({ type: 'ack' });
    const change = (await p3.next(
      (m) =>
        m.type === 'change' &&
        m.change.kind === 'learnings' &&
        m.change.learnings.some((l) => l.id === dup.learningId && l.mergedInto !== null),
    )) as Extract<ServerMessage, { type: 'change' }>;
    const merged = change.change.kind === 'learnings' ? change.change.learnings : [];
    expect(merged.find((l) => l.id === keep.learningId)).toMatchObject({ votes: 4 });
    expect(merged.find((l) => l.id === dup.learningId)).toMatchObject({
      mergedInto: keep.learningId,
      votes: 0,
    });
    // every vote is kept where it was cast (nothing lost, nothing doubled)
    expect(await votesOf([keep.learningId, dup.learningId])).toHaveLength(6);
    // a vote for the merged duplicate counts for the post it joined: p0 has voted there already
    expect(await intent(p0, vote(dup.learningId))).toMatchObject({ type: 'ack' });
    expect(await votesOf([keep.learningId, dup.learningId])).toHaveLength(6);
    // withdrawing takes back that person's vote on both: 4 → 3
    expect(await intent(p1, vote(keep.learningId, false))).toMatchObject({ type: 'ack' });
    let list = (await wall(admin)).body!;
    expect(list.learnings.find((l) => l.id === keep.learningId)?.votes).toBe(3);
    // a third duplicate, merged into the duplicate, lands on the root; its voters (p0, p3) count
    // there already: still 3
    const third = post('people first');
    await intent(p2, third);
    await intent(p0, vote(third.learningId));
    await intent(p3, vote(third.learningId));
    expect(
      await intent(f, {
        type: 'mergeLearnings',
        learningId: third.learningId,
        intoId: dup.learningId,
      }),
    ).toMatchObject({ type: 'ack' });
    list = (await wall(admin)).body!;
    expect(list.learnings.find((l) => l.id === keep.learningId)?.votes).toBe(3);
    expect(list.learnings.find((l) => l.id === third.learningId)?.mergedInto).toBe(keep.learningId);
    expect(
      await intent(f, {
        type: 'mergeLearnings',
        learningId: keep.learningId,
        intoId: dup.learningId,
      }),
    ).toMatchObject({ type: 'reject', error: 'merge_into_itself' });
    // phones may not moderate
    expect(
      await intent(p0, {
        type: 'mergeLearnings',
        learningId: third.learningId,
        intoId: keep.learningId,
      }),
    ).toMatchObject({ type: 'reject', error: 'forbidden' });
    await Promise.all([f.close(), ...phones.map((x) => x.c.close())]);
  });

  it('LEARN-4: a hidden post leaves phones and the projector and is not in their snapshots; facilitators still see it', async () => {
    const { c: f } = await facilitator();
    const { c: a } = await phone(0);
    const viewer = await h.userWith('viewer');
    const screen = await TestLiveClient.connect(url, { cookie: viewer });
    expect(await screen.hello()).toMatchObject({ role: 'screen' });
    const p = post('Something off-topic with a phone number 0812345678');
    await intent(a, p);
    expect(
      await intent(f, { type: 'hideLearning', learningId: p.learningId, hidden: true }),
    ).toMatchObject({
      type: 'ack',
    });
    for (const c of [a, screen])
      await c.next(
        (m) =>
          m.type === 'change' &&
          m.change.kind === 'learnings' &&
          (m.change.removed ?? []).includes(p.learningId),
      );
    expect(lastSeen(a, p.learningId)).toBe('removed');
    expect(JSON.stringify(screen.changes().at(-1))).not.toContain('0812345678');
    expect(lastSeen(f, p.learningId)).toMatchObject({ hidden: true });
    const { w: pw } = await phone(1);
    expect(JSON.stringify((pw.snapshot as Snapshot).learnings)).not.toContain(p.learningId);
    expect(JSON.stringify((pw.snapshot as Snapshot).learnings)).not.toContain('0812345678');
    const { w: fw } = await facilitator();
    expect(fw.snapshot?.learnings?.find((l) => l.id === p.learningId)).toMatchObject({
      hidden: true,
    });
    // phones cannot vote for it; the HTTP wall leaves it out for anyone who does not run the event
    expect(await intent(a, vote(p.learningId))).toMatchObject({
      type: 'reject',
      error: 'not_found',
    });
    const member = await h.userWith('member');
    const seenByMember = await wall(member);
    expect(seenByMember.status).toBe(200);
    expect(seenByMember.body!.learnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(seenByMember.body)).not.toContain(p.learningId);
    expect((await wall(admin)).body!.learnings.some((l) => l.id === p.learningId)).toBe(true);
    // anonymous: the event's public posts only (the demo wall publishes some), never this one
    const anon = await wall();
    expect(anon.status).toBe(200);
    expect(anon.body!.learnings.every((l) => l.visibility === 'public' && !l.hidden)).toBe(true);
    expect(JSON.stringify(anon.body)).not.toContain(p.learningId);
    // unhidden, it comes back to phones
    expect(
      await intent(f, { type: 'hideLearning', learningId: p.learningId, hidden: false }),
    ).toMatchObject({
      type: 'ack',
    });
    await a.next(
      (m) =>
        m.type === 'change' &&
        m.change.kind === 'learnings' &&
        m.change.learnings.some((l) => l.id === p.learningId && !l.hidden),
    );
    await Promise.all([a.close(), f.close(), screen.close()]);
  });

  it('LEARN-5: facilitators pin posts and group them into themes, with suggestions from the factor suggester', async () => {
    const { c: f } = await facilitator();
    const { c: a } = await phone(0);
    const themeId = randomUUID();
    const add = { type: 'addLearningTheme', themeId, label: 'Compensation for survivors' };
    expect(await intent(f, add)).toMatchObject({ type: 'ack' });
    expect(await intent(f, add)).toMatchObject({ type: 'ack' }); // a retry is one theme
    await a.next((m) => m.type === 'change' && m.change.kind === 'learningTheme');
    const p = post('Survivors wait years for compensation from traffickers');
    await intent(a, p);
    const s = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/learnings/suggestions`,
      headers: { cookie: admin },
    });
    expect(s.statusCode, s.body).toBe(200);
    const mine = ThemeSuggestions.parse(s.json()).suggestions.find(
      (x) => x.learningId === p.learningId,
    )!;
    // (the demo wall's own theme on compensation may rank beside it)
    const ours = mine.themes.find((x) => x.themeId === themeId);
    expect(ours).toBeDefined();
    expect(ours!.matched.join(' ')).toMatch(/compensation/i);
    expect(
      await intent(f, { type: 'themeLearning', learningId: p.learningId, themeId }),
    ).toMatchObject({
      type: 'ack',
    });
    expect(
      await intent(f, { type: 'pinLearning', learningId: p.learningId, pinned: true }),
    ).toMatchObject({
      type: 'ack',
    });
    expect(
      await intent(f, { type: 'themeLearning', learningId: p.learningId, themeId: randomUUID() }),
    ).toMatchObject({ type: 'reject', error: 'not_found' });
    const list = (await wall(admin)).body!;
    expect(list.themes.filter((t) => t.id === themeId)).toHaveLength(1);
    expect(list.learnings.find((l) => l.id === p.learningId)).toMatchObject({
      themeId,
      pinned: true,
    });
    expect(
      (
        await h.store.db
          .selectFrom('learning_themes')
          .selectAll()
          .where('id', '=', themeId)
          .execute()
      ).length,
    ).toBe(1);
    // suggestions are for those who run the event
    const anon = await h.app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/learnings/suggestions`,
    });
    expect([401, 403, 404]).toContain(anon.statusCode);
    await Promise.all([a.close(), f.close()]);
  });
});
