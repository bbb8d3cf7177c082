/* global self, caches */
/* Mosaic phone service worker: keeps the phone page and its files so that reloading /live/… with
 * no network still opens it (the schedule itself comes from IndexedDB). Network first for the page,
 * cache first for content-hashed /assets/. It never touches /api. */
const CACHE = 'mosaic-phone-v1';
const SHELL = '/__phone-shell';
const PHONE_PATH = /^\/(join$|join\/|j\/|live\/)/;

// On install, keep the phone page and every file it names, so even the page that registered
// this worker (loaded before it existed) can be reopened offline.
async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch('/join', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put(SHELL, res);
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(files);
  // and what the stylesheets name (the Thai font)
  for (const css of files.filter((f) => f.endsWith('.css'))) {
    const text = await (await cache.match(css)).text();
    const more = [...text.matchAll(/url\((\/assets\/[^)]+)\)/g)].map((m) => m[1]);
    await cache.addAll(more);
  }
}

self.addEventListener('install', (e) =>
  e.waitUntil(
    precache()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  ),
);
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

function keep(key, res) {
  if (res.ok) {
    const copy = res.clone();
    void caches.open(CACHE).then((c) => c.put(key, copy));
  }
  return res;
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    if (!PHONE_PATH.test(url.pathname)) return;
    e.respondWith(
      fetch(req)
        .then((res) => keep(SHELL, res))
        .catch(() => caches.match(SHELL).then((hit) => hit || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => keep(req, res))));
  }
});
