import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDb } from '../../../test/support/backends.ts';
import { BackOff } from './backoff.ts';

describe.each(testBackends())('BackOff on $name', (backend) => {
  let store: TestDb;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => store?.close());

  it('lets the first failures through, then doubles the wait up to the cap', async () => {
    const b = new BackOff(store.db, 3, 1000, 8000, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(await b.waitMs('a', 0)).toBe(0);
      await b.recordFailure('a', 0);
    }
    expect(await b.waitMs('a', 0)).toBe(1000);
    expect(await b.waitMs('a', 1000)).toBe(0);
    await b.recordFailure('a', 1000);
    expect(await b.waitMs('a', 1000)).toBe(2000);
    for (let i = 0; i < 10; i++) await b.recordFailure('a', 2000);
    expect(await b.waitMs('a', 2000)).toBe(8000); // capped
    expect(await b.waitMs('b', 2000)).toBe(0);
  });

  it('forgets after a quiet period and on clear', async () => {
    const b = new BackOff(store.db, 1, 1000, 8000, 60_000);
    await b.recordFailure('c', 0);
    await b.recordFailure('c', 0);
    expect(await b.waitMs('c', 0)).toBeGreaterThan(0);
    expect(await b.waitMs('c', 60_000)).toBe(0);
    // After the quiet period the count starts again from one (1 s), not from three (4 s).
    await b.recordFailure('c', 60_000);
    expect(await b.waitMs('c', 60_000)).toBe(1000);
    await b.recordFailure('d', 0);
    await b.recordFailure('d', 0);
    await b.clear('d');
    expect(await b.waitMs('d', 0)).toBe(0);
  });

  it('counts failures from many callers at once, and stores no key in the clear', async () => {
    const b = new BackOff(store.db, 5, 1000, 8000, 60_000);
    await Promise.all(Array.from({ length: 20 }, () => b.recordFailure('someone@example.org', 0)));
    const rows = await store.db.selectFrom('auth_backoff').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('someone@example.org');
    // 20 failures, 5 free: the wait is capped at 8 s.
    expect(await b.waitMs('someone@example.org', 0)).toBe(8000);
  });
});
