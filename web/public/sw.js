// Thaksa's service worker for the volunteer pages (scope /volunteer…; decision 010). It keeps the app shell
// and the scripts it has loaded, so a volunteer with a weak or lost connection can reopen the page; API
// calls go to the network (activities logged offline wait in the page's own queue), except the knowledge
// hub's articles and covers a volunteer opened, kept for reading offline (decision 012).
const CACHE = 'thaksa-shell-v1';
const ARTICLES = 'thaksa-articles-v1';
const KEEP = [CACHE, ARTICLES];
const isArticle = (path) => path.startsWith('/api/hub/articles/') || path.startsWith('/api/hub/covers/');
const SHELL = '/volunteer';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch(SHELL, { cache: 'no-cache' });
      if (res.ok) {
        const html = await res.clone().text();
        await cache.put(SHELL, res);
        const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await cache.addAll(assets);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (!KEEP.includes(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (isArticle(url.pathname)) {
    // Network first, so a corrected article is read when online; the last copy opened when not.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) (await caches.open(ARTICLES)).put(req, res.clone());
          return res;
        } catch {
          return (await caches.match(req, { cacheName: ARTICLES })) ?? Response.error();
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    // Network first: a fresh page when online, the cached shell when not.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) (await caches.open(CACHE)).put(SHELL, res.clone());
          return res;
        } catch {
          return (await caches.match(SHELL)) ?? Response.error();
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change: cache first.
    event.respondWith(
      (async () => {
        const hit = await caches.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) (await caches.open(CACHE)).put(req, res.clone());
        return res;
      })(),
    );
  }
});
