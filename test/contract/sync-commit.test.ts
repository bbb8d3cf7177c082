/**
 * SYNC-8: nothing is broadcast before commit. A write that fails inside its transaction — here
 * the very last statement, the intent's record, refused by a trigger — must reach no client, take
 * no sequence number and leave nothing behind; the writer is told it failed, and the room goes on
 * with the next number as if the failed write had never been tried.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { demoEvent, listen, startApi, type ApiHarness } from '../support/api.ts';
import { TestLiveClient, addCard } from '../support/live-client.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type { ServerMessage } from '../../src/contract/live.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

describe.each(testBackends())('SYNC-8 on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  let url: string;
  let event: EventDetail;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
    url = `ws://127.0.0.1:${await listen(h.app)}/api/live/`;
    event = await demoEvent(h.app, admin);
    // The failure comes last in the transaction: after the card, its history and the change log.
    if (backend.name === 'sqlite')
      await sql`CREATE TRIGGER sync8_fail BEFORE INSERT ON live_intents
        WHEN NEW.intent_id LIKE 'fail%'
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(h.store.db);
    else {
      await sql`CREATE FUNCTION sync8_fail() RETURNS trigger AS $$
        BEGIN
          IF NEW.intent_id LIKE 'fail%' THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`.execute(h.store.db);
      await sql`CREATE TRIGGER sync8_fail BEFORE INSERT ON live_intents
        FOR EACH ROW EXECUTE FUNCTION sync8_fail()`.execute(h.store.db);
    }
  });
  afterAll(async () => h?.close());

  const seqOf = async () =>
    Number(
      (
        await h.store.db
          .selectFrom('live_state')
          .select('seq')
          .where('event_id', '=', event.id)
          .executeTakeFirst()
      )?.seq ?? 0,
    );
  const connect = async () => {
    const c = await TestLiveClient.connect(`${url}${event.id}`, { cookie: admin });
    const w = (await c.hello()) as Welcome;
    expect(w.type).toBe('welcome');
    return c;
  };

  it('SYNC-8: a write that fails in its transaction reaches nobody, takes no sequence number and leaves nothing', async () => {
    const writer = await connect();
    const watcher = await connect();
    // a first change, so the room's log is not empty
    writer.send({
      type: 'intent',
      id: `ok${randomUUID()}`,
      intent: addCard(randomUUID(), 'forcedMarriage', 'first'),
    });
    await watcher.next((m) => m.type === 'change');
    const before = await seqOf();
    const frames = () =>
      [...writer.messages, ...watcher.messages].filter((m) => m.type === 'change').length;
    const seen = frames();

    const lost = randomUUID();
    writer.send({
      type: 'intent',
      id: 'fail0001',
      intent: addCard(lost, 'forcedMarriage', 'never stored'),
    });
    const answer = await writer.next(
      (m) =>
        m.type === 'error' || ((m.type === 'ack' || m.type === 'reject') && m.id === 'fail0001'),
    );
    expect(answer.type).not.toBe('ack');
    // The room carries on: the next write takes the very next number, and it is the next frame
    // everyone receives: no frame of the failed write came before it, nor any gap.
    const next = randomUUID();
    writer.send({
      type: 'intent',
      id: `ok${randomUUID()}`,
      intent: addCard(next, 'forcedMarriage', 'after'),
    });
    const frame = await watcher.next(
      (m) => m.type === 'change' && m.change.kind === 'card' && m.change.card.id === next,
    );
    expect(frame).toMatchObject({ seq: before + 1 });
    expect(frames()).toBe(seen + 2); // the next write's frame, to each of the two
    const cardFrames = [...writer.messages, ...watcher.messages].filter(
      (m) => m.type === 'change' && m.change.kind === 'card' && m.change.card.id === lost,
    );
    expect(cardFrames).toEqual([]);
    // Nothing of it was stored.
    const db = h.store.db;
    expect(await seqOf()).toBe(before + 1);
    expect(
      await db
        .selectFrom('cards')
        .select('id')
        .where('event_id', '=', event.id)
        .where('id', '=', lost)
        .execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom('card_history')
        .select('card_id')
        .where('event_id', '=', event.id)
        .where('card_id', '=', lost)
        .execute(),
    ).toEqual([]);
    const log = await db
      .selectFrom('live_changes')
      .select(['seq', 'change'])
      .where('event_id', '=', event.id)
      .where('seq', '>', before)
      .execute();
    expect(log.map((r) => Number(r.seq))).toEqual([before + 1]);
    expect(log[0]!.change).toContain(next);
    await writer.close();
    await watcher.close();
  });
});
