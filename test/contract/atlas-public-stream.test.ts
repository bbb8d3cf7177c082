import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasMap } from '../../src/contract/atlas.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import { testBackends } from '../support/backends.ts';

/**
 * Issue 10, hole 7: the anonymous change stream and the public map's `version` counted every write,
 * organisation-only ones included — activity the public must not see. Public readers now get a
 * version that changes only when something public changes.
 */
describe.each(testBackends())('public atlas version, on $name', (backend) => {
  let h: ApiHarness;
  let member: string;
  beforeAll(async () => {
    h = await startApi(backend);
    const org = await h.store.db
      .selectFrom('organisations')
      .select('id')
      .where('coalition_id', '=', h.coalitionId)
      .executeTakeFirstOrThrow();
    member = await h.userWith('member', org.id);
  });
  afterAll(async () => h?.close());

  const route = (visibility: string, source: string, destination: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/atlas/routes',
      headers: { cookie: member },
      payload: {
        source,
        destination,
        forms: ['ForcedLabour'],
        confidence: 'likely',
        basis: 'casework',
        visibility,
      },
    });
  const publicVersion = async () =>
    ((await h.app.inject({ method: 'GET', url: '/api/atlas/map' })).json() as AtlasMap).version;

  it('organisation-only and coalition writes change neither the public stream nor the public version', async () => {
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    try {
      const res = await fetch(`${address}/api/atlas/stream`, { signal: ctrl.signal });
      const reader = res.body!.getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      };
      await readUntil('event: hello');
      const v0 = await publicVersion();
      expect(text).toContain(`event: hello\ndata: {"version":${v0}}`);

      for (const visibility of ['organisation', 'coalition'])
        expect((await route(visibility, 'KH-12', 'LA')).statusCode).toBe(201);
      expect(await publicVersion()).toBe(v0);

      // A public route in a new corridor adds a published figure: that is announced.
      expect((await route('public', 'KH-12', 'LA')).statusCode).toBe(201);
      await readUntil('event: change');
      const v1 = await publicVersion();
      expect(v1).not.toBe(v0);
      const changes = [...text.matchAll(/event: change\ndata: (\{[^\n]*\})/g)].map((m) => m[1]);
      // The only change announced is the public one, carrying the public version.
      expect(changes).toEqual([JSON.stringify({ version: v1 })]);
    } finally {
      ctrl.abort();
    }
  });
});
