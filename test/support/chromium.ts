/**
 * Debian's Chromium, as the e2e tests and the browser benchmarks drive it (no downloads: the
 * machine reaches only npm and Debian). `CHROMIUM_PATH` points elsewhere if needed.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet headless run: no GPU, no QUIC, nothing fetched in the background. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
