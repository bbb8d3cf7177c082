/**
 * Issue 11, point 8: end-to-end suites wait for what they need (a locator, `expect.poll`, an
 * event), never for a fixed time — a sleep is either too short on a slow machine (flaky) or longer
 * than needed everywhere (slow), and proves nothing about the condition it stands for. A deadline
 * raced against an event (`Promise.race([closed, timeout])`) is not a sleep and stays allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = path.join(import.meta.dirname, '../e2e');
/** `page.waitForTimeout(n)`, or a promise that only resolves after a time: `setTimeout(r, n)`. */
const SLEEP = /\.waitForTimeout\(|setTimeout\(\s*(?:r|res|resolve)\s*,|\bsleep\(/;

export function sleepsIn(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(
      ({ line }) =>
        SLEEP.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'),
    )
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

describe('end-to-end suites wait for conditions, not for time', () => {
  it('recognises a sleep, and leaves a raced deadline alone', () => {
    expect(sleepsIn('await page.waitForTimeout(100);')).toHaveLength(1);
    expect(sleepsIn('await new Promise((r) => setTimeout(r, 1000));')).toHaveLength(1);
    expect(sleepsIn('await sleep(200);')).toHaveLength(1);
    expect(sleepsIn('new Promise<number>((r) => setTimeout(() => r(-1), 3000)),')).toEqual([]);
    expect(sleepsIn('await expect.poll(spread, { timeout: 10_000 }).toBe(0);')).toEqual([]);
  });

  it('no e2e file sleeps', () => {
    const files = fs.readdirSync(E2E).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((f) =>
      sleepsIn(fs.readFileSync(path.join(E2E, f), 'utf8')).map((x) => `${f}:${x}`),
    );
    expect(found).toEqual([]);
  });
});
