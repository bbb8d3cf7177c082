/**
 * Issue 10, item 10, in real Chromium: with the Content-Security-Policy on (no inline script, no
 * inline style element, nothing framed), every screen family and the API docs still work — any
 * blocked script, style, font, worker or connection shows as a console error, which fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('Content-Security-Policy in Chromium', () => {
  it('the web app, the phone page and /api/docs run under it with no violation', async () => {
    const { context, page } = await h.newPage({ width: 1280, height: 800 });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    const res = await page.goto(`${h.url}/login`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('#login-email').fill(DEMO_ADMIN.email);
    await page.locator('#login-password').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    for (const path of ['/directory', '/events', '/atlas']) {
      await page.goto(`${h.url}${path}`);
      await page.locator('main h1, h1').first().waitFor();
    }
    // The map draws its boundaries (fonts, canvas/SVG) under the policy.
    await page.locator('.atlas-map svg path[fill]').nth(50).waitFor();
    await page.goto(`${h.url}/join`);
    await page.locator('input').first().waitFor();
    await page.goto(`${h.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(violations).toEqual([]);
    expect(h.problems).toEqual([]);
    await context.close();
  });

  it('a page on another site cannot frame Mosaic', async () => {
    const { context, page } = await h.newPage({ width: 800, height: 600 });
    await page.goto(`${h.url}/login`);
    const framed = await page.evaluate(async (url) => {
      const f = document.createElement('iframe');
      // the frame's load event fires whether its document was shown or refused (an error page)
      const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
      f.src = url;
      document.body.append(f);
      await loaded;
      try {
        return Boolean(f.contentDocument?.querySelector('#login-email'));
      } catch {
        return false;
      }
    }, `${h.url}/login`);
    // Even the same origin may not frame it (frame-ancestors 'none').
    expect(framed).toBe(false);
    h.problems.length = 0; // the refused frame is logged by Chromium: that is the point
    await context.close();
  });
});
