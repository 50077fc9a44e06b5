// The service worker (sw.js at the pack's root: its scope is the whole pack), on
// the hosted site only and only once the reader turns it on (download page,
// keep-download.js). The build writes the list of the pack's files, with a hash
// of each, into self.GP_KEEP on the worker's first line (tools/internal/keep), so
// a new version of the pack is a new worker for the browser.
//
// First time (installing, no older worker): every listed file goes into this
// version's cache, with the count told to the pages; then the worker takes over
// and serves the pack's files from the cache, online or not.
// A new version (installing while an older one is active): nothing is
// downloaded until the reader taps Update (keep.js sends 'update'); then only
// the files whose hash changed come from the network, the rest are copied from
// the old cache; only then does the new worker take over and delete old caches.
// Caches are named by pack id, scope, version and list: two packs (or one pack
// in two folders) on one origin never share or delete each other's.
// This is the one script of the pack that uses fetch.
(() => {
  const K = self.GP_KEEP;
  const scope = self.registration.scope;
  const prefix = 'gp-keep ' + K.pack + ' ' + scope + ' ';
  const name = prefix + K.version + ' ' + K.id;
  const HASH = 'x-gp-keep-hash';
  const enc = (p) => p.split('/').map(encodeURIComponent).join('/');
  // address → hash; a Map, as paths are authors' names.
  const files = new Map(K.files.map(([p, h]) => [new URL(enc(p), scope).href, h]));

  const tell = (m) => self.clients.matchAll({ includeUncontrolled: true, type: 'window' })
    .then((cs) => cs.forEach((c) => c.postMessage(m)));

  const keep = async () => {
    const cache = await caches.open(name);
    const olds = [];
    for (const k of await caches.keys()) {
      if (k.startsWith(prefix) && k !== name) olds.push(await caches.open(k));
    }
    const all = [...files];
    let next = 0, done = 0, told = 0;
    const one = async () => {
      while (next < all.length) {
        const [url, hash] = all[next++];
        let r = await cache.match(url); // kept already (an interrupted keep, resumed)
        if (!r || r.headers.get(HASH) !== hash) {
          r = null;
          for (const old of olds) { // unchanged since the version kept before
            const m = await old.match(url);
            if (m && m.headers.get(HASH) === hash) { r = m; break; }
          }
          if (!r) {
            const got = await fetch(url, { cache: 'no-cache' });
            if (!got.ok) throw new Error(url + ': ' + got.status);
            // The host's headers (its security policy too), but for the
            // transfer's: the body kept is the decoded one.
            const headers = new Headers(got.headers);
            headers.delete('content-encoding');
            headers.delete('content-length');
            headers.set(HASH, hash);
            r = new Response(await got.blob(), { headers });
          }
          await cache.put(url, r);
        }
        done++;
        if (done === all.length || Date.now() - told > 200) {
          told = Date.now();
          tell({ t: 'progress', n: done, of: all.length });
        }
      }
    };
    await Promise.all([one(), one(), one(), one()]);
  };

  self.addEventListener('install', (e) => {
    if (self.registration.active) return; // a new version: it waits for the reader's tap
    e.waitUntil(keep().catch((err) => { tell({ t: 'failed' }); throw err; }));
  });

  self.addEventListener('activate', (e) => {
    e.waitUntil((async () => {
      for (const k of await caches.keys()) {
        if (k.startsWith(prefix) && k !== name) await caches.delete(k);
      }
      await self.clients.claim();
      await tell({ t: 'done', v: K.version });
    })());
  });

  self.addEventListener('message', (e) => {
    if (e.data === 'version?' && e.source) e.source.postMessage({ t: 'version', v: K.version });
    if (e.data === 'update') {
      e.waitUntil(keep().then(() => self.skipWaiting(), () => tell({ t: 'failed' })));
    }
  });

  self.addEventListener('fetch', (e) => {
    if (e.request.method !== 'GET') return;
    const u = new URL(e.request.url);
    let k = u.origin + u.pathname;
    if (k.endsWith('/')) k += 'index.html';
    if (!files.has(k)) return; // not a file of the pack: the browser's own way
    e.respondWith(caches.open(name).then((c) => c.match(k)).then((r) => r || fetch(e.request)));
  });
})();
