// keep-download.js, on the download page of the hosted pack: the button that
// keeps the pack on this device (it registers the worker, sw.js, which caches
// every file of the pack and tells the count), and the one that removes it
// (unregisters the worker, deletes this pack's caches). Under file://, in the
// zip's copy of the page, or in a browser without service workers, it does nothing: the page's text says what
// keeping needs.
(() => {
  const box = document.querySelector('[data-gp-keep]');
  const sw = navigator.serviceWorker;
  const me = document.currentScript;
  if (!box || !/^https?:$/.test(location.protocol) || !sw || !window.caches || !me) return;
  // Only the hosted site's copy has the size (the build writes it there): the
  // copy in the zip, even put on a web server, has no worker to register.
  if (!box.querySelector('[data-gp-keep-size]').textContent) return;
  const root = new URL('../', me.src).href;
  const on = box.querySelector('[data-gp-keep-on]');
  const off = box.querySelector('[data-gp-keep-off]');
  const status = box.querySelector('[data-gp-keep-status]');
  // The worker's cache names start so (assets/js/sw.js).
  const prefix = 'gp-keep ' + box.getAttribute('data-gp-pack') + ' ' + root + ' ';
  box.querySelector('[data-gp-keep-needs]').hidden = true;
  box.querySelector('[data-gp-keep-buttons]').hidden = false;
  const say = (t) => { status.textContent = t; };
  const kept = (yes) => { on.hidden = yes; off.hidden = !yes; };
  let keeping = false;
  const failed = () => {
    keeping = false;
    say('The pack could not be kept on this device. Check the connection and try again.');
  };
  sw.getRegistration(root).then((reg) => {
    kept(!!(reg && reg.active));
    if (reg && reg.active) say('This pack is kept on this device.');
  });
  sw.addEventListener('message', (e) => {
    const d = e.data || {};
    if (!keeping) return;
    if (d.t === 'progress') say('Keeping the pack on this device: ' + d.n + ' of ' + d.of + ' files.');
    if (d.t === 'failed') failed();
    if (d.t === 'done') {
      keeping = false;
      kept(true);
      say('Done: this pack is kept on this device. It works with no connection.');
      status.focus();
    }
  });
  on.addEventListener('click', () => {
    if (keeping) return;
    keeping = true;
    say('Keeping the pack on this device…');
    sw.register(root + 'sw.js', { scope: root }).catch(failed);
  });
  off.addEventListener('click', async () => {
    const reg = await sw.getRegistration(root);
    if (reg) await reg.unregister();
    for (const k of await caches.keys()) {
      if (k.startsWith(prefix)) await caches.delete(k);
    }
    kept(false);
    say('Removed: this pack is no longer kept on this device.');
    on.focus();
  });
})();
