/**
 * The demo coalition's slug and its admin's published login (README). Here, not in seed/, because
 * the API says whether the demo exists (api/auth/demo.ts) and the seed uses the API's services:
 * `api` must not import `seed` (no cycle between folders, test/architecture/folders.test.ts).
 */
export const DEMO_SLUG = 'demo';
export const DEMO_LOGIN = { email: 'admin@demo.mosaic.test', password: 'mosaic-demo' } as const;
