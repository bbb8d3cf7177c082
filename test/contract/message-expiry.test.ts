/**
 * Facilitator messages can expire (issue 12): "show for 10 minutes" clears the message at the
 * server's time, as a state change, so phones and projectors connected then, resuming later or
 * loading a snapshot all stop showing it. The clock is the harness's injected one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

describe.each(testBackends())('message expiry on $name', (backend) => {
  let h: ApiHarness;
  let cookie: string;
  let base: string;
  let ev: EventDetail;
  let token: string;

  const connect = async (opts: { participantToken?: string; lastSeq?: number }) => {
    const c = await TestLiveClient.connect(
      `${base}/api/live/${ev.id}`,
      opts.participantToken ? {} : { cookie },
    );
    return { c, welcome: (await c.hello(opts)) as Welcome };
  };

  beforeAll(async () => {
    h = await startApi(backend);
    cookie = await h.adminCookie();
    base = `ws://127.0.0.1:${await listen(h.app)}`;
    ev = await demoEvent(h.app, cookie);
    const people = (
      await h.app.inject({
        method: 'GET',
        url: `/api/events/${ev.id}/participants`,
        headers: { cookie },
      })
    ).json().items as { id: string; joined: boolean }[];
    token = (
      await h.app.inject({
        method: 'POST',
        url: `/api/join/${ev.joinCode}/claim`,
        payload: { participantId: people.find((p) => !p.joined)!.id },
      })
    ).json().token as string;
  });
  afterAll(async () => h?.close());

  it('a message shown for 10 minutes disappears from phones and snapshots at the server’s time, not before', async () => {
    const f = await connect({});
    const phone = await connect({ participantToken: token });
    const sentAt = h.clock.now.getTime();
    const ack = await f.c.intent({ type: 'broadcast', text: 'Coffee in the lobby', minutes: 10 });
    expect(ack).toMatchObject({ type: 'ack' });
    const shown = await phone.c.next(
      (m) => m.type === 'change' && m.change.kind === 'state' && m.change.state.message !== null,
    );
    expect(shown).toMatchObject({
      change: { state: { message: { text: 'Coffee in the lobby', expiresAt: sentAt + 600_000 } } },
    });
    // One second early: still shown, also to a phone that reconnects with a snapshot.
    h.clock.advance(599_000);
    expect(await h.app.liveHub.expireMessage(ev.id)).toBe(false);
    const early = await connect({ participantToken: token });
    expect(early.welcome.snapshot!.state.message?.text).toBe('Coffee in the lobby');
    const seqBefore = early.welcome.seq;
    await early.c.close();
    // At the expiry the server clears it: a state change every screen receives.
    h.clock.advance(1_000);
    expect(await h.app.liveHub.expireMessage(ev.id)).toBe(true);
    const cleared = await phone.c.next(
      (m) => m.type === 'change' && m.change.kind === 'state' && m.change.state.message === null,
    );
    expect(cleared.type).toBe('change');
    // A phone resuming from before the expiry gets the clearing frame; a new one a clean snapshot.
    const resumed = await connect({ participantToken: token, lastSeq: seqBefore });
    expect(resumed.welcome.snapshot).toBeUndefined();
    const frame = await resumed.c.next((m) => m.type === 'change');
    expect(frame).toMatchObject({ change: { kind: 'state', state: { message: null } } });
    const fresh = await connect({});
    expect(fresh.welcome.snapshot!.state.message).toBeNull();
    // Nothing left to expire.
    expect(await h.app.liveHub.expireMessage(ev.id)).toBe(false);
    await Promise.all([f.c.close(), phone.c.close(), resumed.c.close(), fresh.c.close()]);
  });

  it('a message without a duration stays until cleared; a duration outside 1–480 minutes is refused', async () => {
    const f = await connect({});
    expect(await f.c.intent({ type: 'broadcast', text: 'Until cleared' })).toMatchObject({
      type: 'ack',
    });
    h.clock.advance(24 * 3600_000);
    expect(await h.app.liveHub.expireMessage(ev.id)).toBe(false);
    expect((await connect({})).welcome.snapshot!.state.message).toMatchObject({
      text: 'Until cleared',
      expiresAt: null,
    });
    expect(await f.c.intent({ type: 'broadcast', text: 'x', minutes: 0 })).toMatchObject({
      type: 'reject',
    });
    expect(await f.c.intent({ type: 'broadcast', text: 'x', minutes: 481 })).toMatchObject({
      type: 'reject',
    });
    await f.c.close();
  });
});
