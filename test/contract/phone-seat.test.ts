/**
 * Issue 12, "Phones on the day": a person whose name has joined on one phone continues on another
 * with their personal code, and the seat moves: the first phone's token stops opening the room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness, demoEvent } from '../support/api.ts';
import { TestLiveClient } from '../support/live-client.ts';
import type { EventDetail, JoinTicket } from '../../src/contract/events.ts';

describe.each(testBackends())('moving a seat to another phone on $name', (backend) => {
  let h: ApiHarness;
  let base: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    const admin = await h.adminCookie();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    base = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    event = await demoEvent(h.app, admin);
  });
  afterAll(async () => h?.close());

  const hello = async (token: string) => {
    const phone = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    try {
      return await phone.hello({ participantToken: token });
    } finally {
      await phone.close();
    }
  };

  it('the personal code moves the seat: the new phone is in, the old one is out', async () => {
    const roster = (
      await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
    ).json().roster as { id: string; joined: boolean }[];
    const person = roster.find((r) => !r.joined)!;
    const claim = () =>
      h.app.inject({
        method: 'POST',
        url: `/api/join/${event.joinCode}/claim`,
        payload: { participantId: person.id },
      });
    const first = await claim();
    expect(first.statusCode).toBe(200);
    const a = first.json() as JoinTicket;
    expect(await hello(a.token)).toMatchObject({ type: 'welcome', participantId: person.id });

    // The second phone picks the same name: refused, it needs the personal code.
    const again = await claim();
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('already_joined');

    const moved = await h.app.inject({
      method: 'POST',
      url: '/api/join/rejoin',
      payload: { personalCode: a.personalCode },
    });
    expect(moved.statusCode).toBe(200);
    const b = moved.json() as JoinTicket;
    expect(b).toMatchObject({ participantId: person.id, personalCode: a.personalCode });
    expect(await hello(b.token)).toMatchObject({ type: 'welcome', participantId: person.id });
    expect(await hello(a.token)).toMatchObject({ type: 'error', error: 'not_allowed' });

    // A wrong code moves nothing.
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/join/rejoin',
      payload: { personalCode: 'AAAAAAAAAA' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(await hello(b.token)).toMatchObject({ type: 'welcome' });
  });

  it('a phone still connected when its seat moves is closed at once, and told to join again', async () => {
    const roster = (
      await h.app.inject({ method: 'GET', url: `/api/join/${event.joinCode}` })
    ).json().roster as { id: string; joined: boolean }[];
    const person = roster.find((r) => !r.joined)!;
    const a = (
      await h.app.inject({
        method: 'POST',
        url: `/api/join/${event.joinCode}/claim`,
        payload: { participantId: person.id },
      })
    ).json() as JoinTicket;
    // The old phone stays connected; another person's phone too.
    const old = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    expect(await old.hello({ participantToken: a.token })).toMatchObject({ type: 'welcome' });
    const other = roster.find((r) => !r.joined && r.id !== person.id)!;
    const o = (
      await h.app.inject({
        method: 'POST',
        url: `/api/join/${event.joinCode}/claim`,
        payload: { participantId: other.id },
      })
    ).json() as JoinTicket;
    const bystander = await TestLiveClient.connect(`${base}/api/live/${event.id}`);
    expect(await bystander.hello({ participantToken: o.token })).toMatchObject({ type: 'welcome' });
    const closed = new Promise<number | 'still open after 5 s'>((resolve) => {
      old.ws.once('close', (code) => resolve(code));
      setTimeout(() => resolve('still open after 5 s'), 5000);
    });

    const moved = await h.app.inject({
      method: 'POST',
      url: '/api/join/rejoin',
      payload: { personalCode: a.personalCode },
    });
    expect(moved.statusCode).toBe(200);
    expect(await closed).toBe(4001);
    // Reconnecting, the old phone is refused; the new one and the bystander are in.
    expect(await hello(a.token)).toMatchObject({ type: 'error', error: 'not_allowed' });
    expect(await hello((moved.json() as JoinTicket).token)).toMatchObject({ type: 'welcome' });
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    await bystander.close();
  });
});
