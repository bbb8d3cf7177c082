import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';

/**
 * An outside probe of every GET route's query strings with a NUL byte (day-of-issue-14 probe):
 * PostgreSQL refuses NUL in text, so a free-text query parameter that reached SQL unchecked was a
 * 500. Each is refused with 400 naming the parameter, on both databases.
 */
describe.each(testBackends())('query strings with control characters on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startApi(backend);
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  it.each([
    ['/api/organisations', 'q'],
    ['/api/overlap', 'coalition'],
    ['/api/patterns', 'issueKey'],
    ['/api/patterns/distribution/public', 'coalition'],
    ['/api/commitments', 'groupKey'],
  ])('%s?%s= with a NUL: 400 naming it', async (url, param) => {
    for (const v of ['\u0000', 'a\u0000b'])
      for (const cookie of [admin, undefined]) {
        const r = await h.app.inject({
          method: 'GET',
          url: `${url}?${param}=${encodeURIComponent(v)}`,
          headers: cookie ? { cookie } : {},
        });
        if (!cookie && r.statusCode === 401) continue; // not for the public: refused before
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toContain(
          param,
        );
      }
  });
});
