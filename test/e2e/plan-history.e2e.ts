/**
 * Changing a running session from the screens (issue 12), in real Chromium: the console's plan
 * history lists every change and restores the rounds not yet held; a message shown for a set time
 * says until when; the set-up page removes a participant after a confirmation, and the running
 * session's rounds still to come are re-planned without them while held rounds stay exactly.
 * Screenshots (looked at) go to test-results/history-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, Participant, PlannedRound } from '../../src/contract/events.ts';
import type { PlanVersionList } from '../../src/contract/plans.ts';
import { DEMO_ADMIN, RESULTS, screenshots, startHarness, type Harness } from './harness.ts';

let h: Harness;
const { shot, problems: a11y } = screenshots(RESULTS, { prefix: 'history-' });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('a running session changed from the console and the set-up page', () => {
  it('restores a version from the plan history, shows a timed message, removes a participant', async () => {
    const { context, page: f } = await h.newPage({ width: 1366, height: 900 });
    f.setDefaultTimeout(20_000);
    const api = context.request;
    expect((await api.post(`${h.url}/api/auth/login`, { data: DEMO_ADMIN })).status()).toBe(200);
    const events = (await (await api.get(`${h.url}/api/events`)).json()) as {
      items: { id: string }[];
    };
    const eventId = events.items[0]!.id;
    const read = async () => ({
      event: (await (await api.get(`${h.url}/api/events/${eventId}`)).json()) as EventDetail,
      people: (
        (await (await api.get(`${h.url}/api/events/${eventId}/participants`)).json()) as {
          items: Participant[];
        }
      ).items,
    });
    const { event: e0 } = await read();
    const sessionId = e0.sessions.find((s) => s.kind === 'networking')!.id;
    const planOf = async () =>
      (await read()).event.sessions.find((s) => s.id === sessionId)!.plan as PlannedRound[];
    const planned = await api.post(`${h.url}/api/events/${eventId}/sessions/${sessionId}/plan`, {
      data: { seed: 7, timeLimitSeconds: 3 },
    });
    expect(planned.status()).toBe(200);
    const generated = await planOf();

    // ---- the console starts the session and moves to round 2 ----
    await f.goto(`${h.url}/events/${eventId}/facilitate`);
    await f.getByLabel('Session to start').selectOption(sessionId);
    await f.getByRole('button', { name: 'Start', exact: true }).click();
    await f.getByTestId('console-round').filter({ hasText: 'Round 1 of 4' }).waitFor();
    await f.getByRole('button', { name: 'Next round' }).click();
    await f.getByTestId('console-round').filter({ hasText: 'Round 2 of 4' }).waitFor();

    // A swap in round 3 (not held yet) makes version 2.
    const [x, y] = [generated[2]!.groups[0]!, generated[2]!.groups[1]!].map(
      (g) => g.participantIds[0]!,
    );
    const swapped = await api.post(`${h.url}/api/events/${eventId}/sessions/${sessionId}/swap`, {
      data: { round: 2, a: x, b: y, confirm: true },
    });
    expect(swapped.status()).toBe(200);
    expect(await planOf()).not.toEqual(generated);

    // ---- the plan history in the console: version 1 restored for the rounds not yet held ----
    const panel = f.getByRole('region', { name: 'Plan history', exact: true });
    await panel.getByRole('button', { name: 'Plan history' }).click();
    const history = panel.getByTestId('plan-history');
    const v1 = history.locator('li[data-version="1"]');
    await v1.getByText('Generated').waitFor();
    await history.locator('li[data-version="2"]').getByText('Two people swapped').waitFor();
    await history.locator('li[data-version="2"]').getByText('current').waitFor();
    await history
      .locator('li[data-version="2"]')
      .getByText('made once round 2 had started')
      .waitFor();
    await history.scrollIntoViewIfNeeded();
    await shot(f, 'console');
    await v1.getByRole('button', { name: 'Restore rounds not yet held — Version 1' }).click();
    await history
      .getByText('Version 1 restored for the rounds not yet held; held rounds did not change.')
      .waitFor();
    await history.locator('li[data-version="3"]').getByText('from version 1').waitFor();
    expect(await planOf()).toEqual(generated);

    // ---- a message for 10 minutes: the console says until when ----
    await f.getByRole('textbox', { name: 'Message' }).fill('Coffee is served in the hall');
    await f.getByLabel('Show for').selectOption({ label: '10 minutes' });
    await f.getByRole('button', { name: 'Send' }).click();
    const until = f.getByTestId('message-until');
    await until.waitFor();
    expect(await until.textContent()).toMatch(/until \d{1,2}:\d{2}/);
    await until.scrollIntoViewIfNeeded();
    await shot(f, 'console-message');

    // ---- the set-up page removes someone, after a confirmation ----
    const { people } = await read();
    const gone = people.find((p) =>
      generated[3]!.groups.some((g) => g.participantIds[0] === p.id),
    )!;
    await f.goto(`${h.url}/events/${eventId}`);
    const confirmations: string[] = [];
    f.on('dialog', (d) => {
      confirmations.push(d.message());
      void d.accept();
    });
    await f.getByRole('button', { name: `Remove ${gone.name} (${gone.organisation})` }).click();
    await f.getByText(`${gone.name} was removed.`).waitFor();
    expect(confirmations).toEqual([
      `Remove ${gone.name} (${gone.organisation}) from this event? Rounds already held keep them; a session under way is re-planned for its rounds still to come (kept in its plan history).`,
    ]);
    const after = await read();
    expect(after.people.map((p) => p.id)).not.toContain(gone.id);
    const plan = after.event.sessions.find((s) => s.id === sessionId)!.plan!;
    expect(plan.slice(0, 2)).toEqual(generated.slice(0, 2));
    for (const r of plan.slice(2))
      expect(r.groups.flatMap((g) => g.participantIds)).not.toContain(gone.id);
    const versions = (await (
      await api.get(`${h.url}/api/events/${eventId}/sessions/${sessionId}/plan/versions`)
    ).json()) as PlanVersionList;
    expect(versions.items[0]).toMatchObject({ reason: 'participant_removed', current: true });

    // The set-up page's history shows it too; a version seating the removed person is refused.
    const card = f.getByTestId('session').filter({ hasText: 'Speed networking' });
    await card.getByRole('button', { name: 'Plan history' }).click();
    const list = card.getByTestId('plan-history');
    await list
      .locator(`li[data-version="${versions.items[0]!.version}"]`)
      .getByText('Re-planned after someone was removed')
      .waitFor();
    await list.getByRole('button', { name: 'Restore rounds not yet held — Version 1' }).click();
    await list.getByText(/That version cannot be restored/).waitFor();
    await list.scrollIntoViewIfNeeded();
    await shot(f, 'setup');
    expect((await planOf()).slice(2)).toEqual(plan.slice(2));

    expect(a11y).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
