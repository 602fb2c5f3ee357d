// Linimasa's service worker: after the first visit, the whole app (page, both workers, styles,
// icons) is served from a versioned cache, so it opens, plans and reloads without a network.
// The file list and version are written into this file at build time by scripts/precache.py.
// A new version installs beside the old one and waits: the page offers "Update now", which
// sends 'skip-waiting'; nothing is swapped under a user's unsaved work.
const VERSION = /*VERSION*/'dev';
const FILES = /*FILES*/[];
const CACHE = 'linimasa-' + VERSION;
const INDEX = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(new URL(f, self.registration.scope), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('linimasa-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route is the single page: the cached one, or the network when not cached yet.
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match(INDEX))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
