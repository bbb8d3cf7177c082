import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import type { ApiHarness } from '../support/api.ts';
import { demoEventSetup, type DemoEventSetup } from '../support/demo-event.ts';
import { secondCoalition } from '../support/coalitions.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type {
  CommitmentDetail,
  CommitmentList,
  FollowUpList,
  Progress,
} from '../../src/contract/commitments.ts';

const DAY = 86_400_000;

describe.each(testBackends())('commitments on $name', (backend) => {
  let setup: DemoEventSetup;
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let orgA: string;
  let orgB: string;
  let card: { id: string; text: string };
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    ({ h, admin, event } = setup);
    orgA = await setup.organisation('Commit Org A');
    orgB = await setup.organisation('Commit Org B');
    card = await h.store.db
      .selectFrom('cards')
      .select(['id', 'text'])
      .where('event_id', '=', event.id)
      .where('deleted', '=', 0)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => setup?.close());

  const call: DemoEventSetup['call'] = (...args) => setup.call(...args);
  const count = async () =>
    Number(
      (
        await h.store.db
          .selectFrom('commitments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) +
    Number(
      (
        await h.store.db
          .selectFrom('commitment_links')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('promotes a card to a commitment of a group, linked to a gap, and traces it on the timeline', async () => {
    const group = event.expertiseGroups[0]!;
    const res = await call('POST', '/api/commitments', admin, {
      title: 'Train labour inspectors on document retention',
      eventId: event.id,
      groupKey: group.key,
      ownerOrganisationId: orgA,
      secondOrganisationId: orgB,
      targetDate: '2027-03-31',
      links: [{ kind: 'card', ref: card.id }, { kind: 'gap', ref: 'TH-10|ForcedLabour', label: 'Bangkok: forced labour, no protection' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CommitmentDetail>();
    expect(c).toMatchObject({
      status: 'planned', groupKey: group.key, groupLabel: group.label,
      owner: { id: orgA, name: 'Commit Org A' }, second: { id: orgB, name: 'Commit Org B' },
      state: { overdue: false, due: false, stale: null, daysSinceUpdate: 0 },
    });
    expect(c.links.map((l) => [l.kind, l.ref, l.source])).toEqual([['card', card.id, true], ['gap', 'TH-10|ForcedLabour', false]]);
    expect(c.links[0]!.label).toBe(card.text);

    h.clock.advance(2 * DAY);
    const upd = await call('POST', `/api/commitments/${c.id}/updates`, admin, { status: 'in_progress', note: 'First workshop booked' });
    expect(upd.statusCode, upd.body).toBe(201);
    h.clock.advance(DAY);
    await call('POST', `/api/commitments/${c.id}/updates`, admin, { status: 'done', note: 'Held for 40 inspectors' });
    const d = (await call('GET', `/api/commitments/${c.id}`, admin)).json<CommitmentDetail>();
    expect(d.status).toBe('done');
    expect(d.updates.map((u) => [u.status, u.note, u.by])).toEqual([
      ['in_progress', 'First workshop booked', 'Demo Admin'],
      ['done', 'Held for 40 inspectors', 'Demo Admin'],
    ]);
    expect(d.timeline.map((s) => [s.kind, s.what])).toEqual([
      ['source', 'card'], ['commitment', 'created'], ['link', 'gap'], ['update', 'in_progress'], ['update', 'done'],
    ]);
    expect(d.timeline[0]!.text).toBe(card.text);
    expect(d.timeline[3]!.at).toBe(new Date(h.clock.now.getTime() - DAY).toISOString());
    expect(d.progressAt).toBe(h.clock.now.toISOString());
  }); // prettier-ignore

  it('the timeline shows the factor the source card was grouped under', async () => {
    const factors = (await call('GET', '/api/factors', admin)).json<{ factors: { id: string; labels: { en: string }; status: string }[] }>();
    const factor = factors.factors.find((f) => f.status === 'active')!;
    const put = await call('PUT', `/api/events/${event.id}/cards/${card.id}/factor`, admin, { factor: factor.id });
    expect([200, 201, 204], put.body).toContain(put.statusCode);
    const c = (await call('POST', '/api/commitments', admin, { title: 'Second one from the same card', eventId: event.id, ownerOrganisationId: orgA, targetDate: '2027-01-01', links: [{ kind: 'card', ref: card.id }, { kind: 'issue', ref: event.issues[0]!.key }] })).json<CommitmentDetail>();
    expect(c.timeline.slice(0, 2)).toMatchObject([{ kind: 'source', what: 'card', text: card.text }, { kind: 'theme', what: 'factor', text: factor.labels.en }]);
    expect(c.links[1]).toMatchObject({ kind: 'issue', label: event.issues[0]!.label });
  }); // prettier-ignore

  it('promotes a learning of the event (not a hidden one), and the timeline starts from it', async () => {
    const at = h.clock.now.toISOString();
    const learning = (id: string, text: string, hidden: number) => ({
      event_id: event.id, id, coalition_id: h.coalitionId, session_id: null, text, show_org: 0,
      organisation_name: '', organisation_id: null, participant_id: null, hidden, pinned: 0,
      merged_into: null, theme_id: null, visibility: 'coalition' as const, created_at: at, updated_at: at,
    });
    await h.store.db.insertInto('learnings').values([
      learning('6f0c0a4e-1111-4aaa-8bbb-000000000001', 'We must invest in people!', 0),
      learning('6f0c0a4e-1111-4aaa-8bbb-000000000002', 'A hidden one', 1),
    ]).execute();
    const ok = await call('POST', '/api/commitments', admin, { title: 'Invest in people', eventId: event.id, ownerOrganisationId: orgA, targetDate: '2027-05-01', links: [{ kind: 'learning', ref: '6f0c0a4e-1111-4aaa-8bbb-000000000001' }] });
    expect(ok.statusCode, ok.body).toBe(201);
    const c = ok.json<CommitmentDetail>();
    expect(c.links[0]).toMatchObject({ kind: 'learning', label: 'We must invest in people!', source: true });
    expect(c.timeline[0]).toMatchObject({ kind: 'source', what: 'learning', text: 'We must invest in people!' });
    const hidden = await call('POST', '/api/commitments', admin, { title: 'x', eventId: event.id, ownerOrganisationId: orgA, targetDate: '2027-05-01', links: [{ kind: 'learning', ref: '6f0c0a4e-1111-4aaa-8bbb-000000000002' }] });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().fields[0].field).toBe('links.0.ref');
  }); // prettier-ignore

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await count();
    const ok = { title: 'Fine', ownerOrganisationId: orgA, targetDate: '2027-01-01' };
    const bad = [
      [{ ...ok, title: '' }, 'title'],
      [{ ...ok, targetDate: '2027-02-30' }, 'targetDate'],
      [{ ...ok, targetDate: 'soon' }, 'targetDate'],
      [{ ...ok, status: 'finished' }, 'status'],
      [{ ...ok, ownerOrganisationId: 'nope' }, 'ownerOrganisationId'],
      [{ ...ok, ownerOrganisationId: '00000000-0000-4000-8000-000000000009' }, 'ownerOrganisationId'],
      [{ ...ok, secondOrganisationId: orgA }, 'secondOrganisationId'],
      [{ ...ok, groupKey: 'legal' }, 'groupKey'],
      [{ ...ok, eventId: event.id, groupKey: 'notAGroup' }, 'groupKey'],
      [{ ...ok, eventId: '00000000-0000-4000-8000-000000000009' }, 'eventId'],
      [{ ...ok, links: [{ kind: 'card', ref: card.id }] }, 'links.0.eventId'],
      [{ ...ok, eventId: event.id, links: [{ kind: 'card', ref: 'not-a-card' }] }, 'links.0.ref'],
      [{ ...ok, links: [{ kind: 'gap', ref: 'Atlantis|ForcedLabour' }] }, 'links.0.ref'],
      [{ ...ok, links: [{ kind: 'gap', ref: 'TH-10|Nope' }] }, 'links.0.ref'],
      [{ ...ok, links: [{ kind: 'factor', ref: 'push.nothing' }] }, 'links.0.ref'],
      [{ ...ok, links: [{ kind: 'rumour', ref: 'x' }] }, 'links.0.kind'],
      [{ ...ok, owner: 'x' }, 'owner'],
    ] as const;
    for (const [payload, field] of bad) {
      const r = await call('POST', '/api/commitments', admin, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().fields.map((f: { field: string }) => f.field), JSON.stringify(payload)).toContain(field);
    }
    const made = (await call('POST', '/api/commitments', admin, ok)).json<CommitmentDetail>();
    const before2 = await count();
    for (const [url, method, payload, field] of [
      [`/api/commitments/${made.id}/updates`, 'POST', { status: 'half' }, 'status'],
      [`/api/commitments/${made.id}/updates`, 'POST', { status: 'done', note: 'x'.repeat(1001) }, 'note'],
      [`/api/commitments/${made.id}`, 'PATCH', {}, 'body'],
      [`/api/commitments/${made.id}`, 'PATCH', { targetDate: '2027-13-01' }, 'targetDate'],
      [`/api/commitments/${made.id}/links`, 'POST', { links: [{ kind: 'gap', ref: 'nowhere' }] }, 'links.0.ref'],
    ] as const) {
      const r = await call(method, url, admin, payload);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await count()).toBe(before2);
    expect(before2).toBe(before + 1);
    expect((await call('GET', `/api/commitments/${made.id}`, admin)).json<CommitmentDetail>().updates).toEqual([]);
  }); // prettier-ignore

  it('follows the policy table: the owner organisation reports progress, others read or not', async () => {
    const memberA = await h.userWith('member', orgA);
    const memberB = await h.userWith('member', orgB);
    const viewer = await h.userWith('viewer', orgA);
    const coordinator = await h.userWith('coordinator');
    const body = { title: 'Owned by A', ownerOrganisationId: orgA, targetDate: '2027-06-30', visibility: 'organisation' };
    const made = await call('POST', '/api/commitments', memberA, body);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<CommitmentDetail>().id;
    expect(made.json<CommitmentDetail>().can).toEqual({ update: true, delete: false });
    // a member records commitments of their own organisation only
    expect((await call('POST', '/api/commitments', memberA, { ...body, ownerOrganisationId: orgB })).statusCode).toBe(403);
    expect((await call('POST', '/api/commitments', viewer, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/commitments', null, body)).statusCode).toBe(401);
    // reading the organisation-only one
    for (const who of [memberA, viewer, coordinator, admin]) expect((await call('GET', `/api/commitments/${id}`, who)).statusCode).toBe(200);
    expect((await call('GET', `/api/commitments/${id}`, memberB)).statusCode).toBe(404);
    expect((await call('GET', `/api/commitments/${id}`, null)).statusCode).toBe(404);
    expect((await call('GET', '/api/commitments?limit=500', memberB)).json<CommitmentList>().items.map((c) => c.id)).not.toContain(id);
    expect((await call('GET', `/api/commitments?organisationId=${orgA}`, memberA)).json<CommitmentList>().items.map((c) => c.id)).toContain(id);
    // progress: the owner organisation's member and a coordinator; not another organisation's member or a viewer
    expect((await call('POST', `/api/commitments/${id}/updates`, memberA, { status: 'in_progress', note: 'started' })).statusCode).toBe(201);
    expect((await call('POST', `/api/commitments/${id}/updates`, viewer, { status: 'done' })).statusCode).toBe(403);
    expect((await call('POST', `/api/commitments/${id}/updates`, memberB, { status: 'done' })).statusCode).toBe(404);
    expect((await call('POST', `/api/commitments/${id}/updates`, coordinator, { status: 'done', note: 'checked' })).statusCode).toBe(201);
    // a member cannot hand it to another organisation
    expect((await call('PATCH', `/api/commitments/${id}`, memberA, { ownerOrganisationId: orgB })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/commitments/${id}`, memberA, { title: 'Owned by A, renamed' })).json<CommitmentDetail>().title).toBe('Owned by A, renamed');
    // another coalition sees nothing
    const foreign = await secondCoalition(h);
    const foreignAdmin = await foreign.userWith('admin');
    expect((await call('GET', `/api/commitments/${id}`, foreignAdmin)).statusCode).toBe(404);
    expect((await call('GET', '/api/commitments', foreignAdmin)).json<CommitmentList>().total).toBe(0);
    expect((await call('DELETE', `/api/commitments/${id}`, foreignAdmin)).statusCode).toBe(404);
    expect((await call('POST', '/api/commitments', foreignAdmin, { ...body, visibility: 'coalition' })).statusCode).toBe(400);
    // removing: coordinators and admins only
    expect((await call('DELETE', `/api/commitments/${id}`, memberA)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/commitments/${id}`, coordinator)).statusCode).toBe(204);
    expect((await call('GET', `/api/commitments/${id}`, admin)).statusCode).toBe(404);
    // the follow-up list is the coordinators'
    expect((await call('GET', '/api/commitments/follow-up', memberA)).statusCode).toBe(403);
    expect((await call('GET', '/api/commitments/follow-up', null)).statusCode).toBe(401);
  }); // prettier-ignore

  it('as the clock moves, commitments fall due, overdue and unreported for 30/60/90 days; progress counts them', async () => {
    const today = h.clock.now.toISOString().slice(0, 10);
    const mk = async (title: string, targetDate: string) =>
      (await call('POST', '/api/commitments', admin, { title, eventId: event.id, groupKey: event.expertiseGroups[1]!.key, ownerOrganisationId: orgB, targetDate })).json<CommitmentDetail>().id;
    const dueToday = await mk('Due today', today);
    const later = await mk('Due in a year', `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    // Sessions end while the clock moves months: sign in again for each look.
    const reasons = async () => {
      admin = await h.adminCookie();
      const res = await call('GET', '/api/commitments/follow-up', admin);
      expect(res.statusCode, res.body).toBe(200);
      return new Map(res.json<FollowUpList>().items.map((i) => [i.id, i.reasons]));
    };
    let r = await reasons();
    expect(r.get(dueToday)).toEqual(['due']);
    expect(r.has(later)).toBe(false);
    h.clock.advance(DAY);
    r = await reasons();
    expect(r.get(dueToday)).toEqual(['overdue']);
    h.clock.advance(29 * DAY);
    r = await reasons();
    expect(r.get(dueToday)).toEqual(['overdue', 'stale30']);
    expect(r.get(later)).toEqual(['stale30']);
    await call('POST', `/api/commitments/${later}/updates`, admin, { status: 'in_progress', note: 'on track' });
    h.clock.advance(60 * DAY);
    r = await reasons();
    expect(r.get(dueToday)).toEqual(['overdue', 'stale90']);
    expect(r.get(later)).toEqual(['stale60']);
    await call('POST', `/api/commitments/${dueToday}/updates`, admin, { status: 'dropped', note: 'no funding' });
    r = await reasons();
    expect(r.has(dueToday)).toBe(false);

    const p = (await call('GET', '/api/commitments/progress', admin)).json<Progress>();
    const list = (await call('GET', '/api/commitments?limit=500', admin)).json<CommitmentList>();
    expect(p.all.total).toBe(list.total);
    expect(p.all.done).toBe(list.items.filter((c) => c.status === 'done').length);
    expect(p.all.overdue).toBe(list.items.filter((c) => c.state.overdue).length);
    expect(p.all.stale90).toBe(list.items.filter((c) => c.state.stale === 90).length);
    const g = p.byGroup.find((x) => x.eventId === event.id && x.groupKey === event.expertiseGroups[1]!.key)!;
    expect(g).toMatchObject({ eventName: event.name, groupLabel: event.expertiseGroups[1]!.label });
    expect(g.total).toBe(list.items.filter((c) => c.eventId === event.id && c.groupKey === event.expertiseGroups[1]!.key).length);
    const b = p.byOrganisation.find((x) => x.organisation.id === orgB)!;
    expect(b.dropped).toBe(list.items.filter((c) => c.owner.id === orgB && c.status === 'dropped').length);
    expect(b.dropped).toBeGreaterThan(0);
    expect((await call('GET', '/api/commitments/progress', null)).statusCode).toBe(401);
  }); // prettier-ignore
});
