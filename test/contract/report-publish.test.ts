import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentList } from '../../src/contract/commitments.ts';
import type { EventDetail, Participant } from '../../src/contract/events.ts';
import type { LearningsList } from '../../src/contract/learnings.ts';
import type { OrganisationList } from '../../src/contract/organisations.ts';
import { ReportAnswer, ReportPublication } from '../../src/contract/report.ts';
import { demoEvent, startApi, type ApiHarness } from '../support/api.ts';
import { testBackends } from '../support/backends.ts';

/**
 * Issue 14: a coordinator publishes the public version of an event's report; anyone then reads it
 * at its public address, and nothing only members may read is in it. Unpublished: 404 again.
 */
describe.each(testBackends())('publishing the event report on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const req = (method: 'GET' | 'PUT', url: string, cookie: string | null, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  const publish = (published: boolean, cookie: string | null = admin) =>
    req('PUT', `/api/events/${event.id}/report/publication`, cookie, { published });
  const anonymousRead = () => req('GET', `/api/reports/${event.id}`, null);

  /** Every string only members may read: who reported, who wrote, who came, what is hidden. */
  async function memberOnlyStrings(): Promise<string[]> {
    const orgs: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (
        await req('GET', `/api/organisations?limit=200&offset=${offset}`, admin)
      ).json<OrganisationList>();
      orgs.push(...page.items.map((o) => o.name));
      if (page.items.length < 200) break;
    }
    const people = (await req('GET', `/api/events/${event.id}/participants`, admin)).json<{
      items: Participant[];
    }>().items;
    // Every live card's text, as the members' version quotes them.
    const cards = ReportAnswer.parse(
      (await req('GET', `/api/events/${event.id}/report`, admin)).json(),
    ).sheets.issues.flatMap((i) => i.items);
    const wall = (
      await req('GET', `/api/events/${event.id}/learnings`, admin)
    ).json<LearningsList>();
    const commitments = (
      await req('GET', `/api/commitments?eventId=${event.id}&limit=500`, admin)
    ).json<CommitmentList>().items;
    const out = [
      ...orgs,
      ...people.flatMap((p) => [p.name, p.organisation]),
      ...cards.map((c) => c.text),
      ...wall.learnings.filter((l) => l.hidden || l.visibility !== 'public').map((l) => l.text),
      ...wall.learnings.flatMap((l) => (l.organisation ? [l.organisation] : [])),
      ...commitments.flatMap((c) => [c.owner.name, ...(c.second ? [c.second.name] : [])]),
      ...commitments.filter((c) => c.visibility !== 'public').map((c) => c.title),
    ];
    expect(orgs.length).toBeGreaterThan(0);
    expect(people.length).toBeGreaterThan(0);
    expect(cards.length).toBeGreaterThan(0);
    expect(wall.learnings.some((l) => l.hidden)).toBe(true);
    expect(commitments.length).toBeGreaterThan(0);
    return [...new Set(out.map((s) => s.trim()).filter((s) => s.length > 3))];
  }

  it('is 404 for anyone until a coordinator publishes it; members cannot publish', async () => {
    expect((await anonymousRead()).statusCode).toBe(404);
    expect((await publish(true, null)).statusCode).toBe(401);
    const member = await h.userWith('member');
    expect((await publish(true, member)).statusCode).toBe(403);
    expect((await anonymousRead()).statusCode).toBe(404);
    const bad = await req('PUT', `/api/events/${event.id}/report/publication`, admin, {
      published: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('published');
    const unknown = await req('GET', '/api/reports/00000000-0000-4000-8000-000000000000', null);
    expect(unknown.statusCode).toBe(404);
  });

  it('published: anyone reads the public version, and no member-only string is in it', async () => {
    const coordinator = await h.userWith('coordinator');
    const res = await publish(true, coordinator);
    expect(res.statusCode, res.body).toBe(200);
    const p = ReportPublication.parse(res.json());
    expect(p).toMatchObject({ published: true, publicUrl: `/reports/${event.id}` });
    expect(p.publishedAt).not.toBeNull();

    const read = await anonymousRead();
    expect(read.statusCode, read.body).toBe(200);
    const pub = ReportAnswer.parse(read.json());
    expect(pub.view).toBe('public');
    expect(pub.publication).toMatchObject({ published: true, canPublish: false });
    // Exactly what members see as the public version (apart from who may publish it).
    const asMembers = ReportAnswer.parse(
      (await req('GET', `/api/events/${event.id}/report?view=public`, admin)).json(),
    );
    const strip = (r: ReportAnswer) => ({ ...r, generatedAt: '', publication: null });
    expect(strip(pub)).toEqual(strip(asMembers));
    expect(asMembers.publication.canPublish).toBe(true);
    const json = JSON.stringify(pub);
    const leaks = (await memberOnlyStrings()).filter((s) => json.includes(s));
    expect(leaks).toEqual([]);
    // The members' version names them: the scan would have found them there.
    const members = JSON.stringify(
      (await req('GET', `/api/events/${event.id}/report`, admin)).json(),
    );
    expect((await memberOnlyStrings()).filter((s) => members.includes(s)).length).toBeGreaterThan(
      0,
    );
  });

  it('unpublished: 404 for anyone again; publishing twice is one publication', async () => {
    expect((await publish(true)).statusCode).toBe(200);
    const again = ReportPublication.parse((await publish(true)).json());
    expect(again.published).toBe(true);
    const off = await publish(false);
    expect(off.statusCode).toBe(200);
    expect(ReportPublication.parse(off.json())).toMatchObject({ published: false });
    expect((await anonymousRead()).statusCode).toBe(404);
    const members = ReportAnswer.parse(
      (await req('GET', `/api/events/${event.id}/report`, admin)).json(),
    );
    expect(members.publication.published).toBe(false);
  });
});
