// keep.js, on every page. On the hosted pack (http: or https:, never file://,
// where it does nothing): links the web app manifest (once kept, or on the
// download page), shows the footer link to
// "Keep this pack on this device", and, once the reader has kept the pack,
// tells them when a new version is available and updates it at their tap
// (the worker, sw.js, does the work). Budget: 1 KB gzip.
(() => {
  const sw = navigator.serviceWorker;
  const me = document.currentScript;
  if (!/^https?:$/.test(location.protocol) || !sw || !me) return;
  const root = new URL('../', me.src).href;
  // The manifest, where it is known to be: in a kept pack, or on the hosted
  // download page (the build wrote the size there). An unzipped pack put on a
  // web server has none.
  const size = document.querySelector('[data-gp-keep-size]');
  if (sw.controller || (size && size.textContent)) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = root + 'manifest.webmanifest';
    document.head.appendChild(link);
  }
  document.querySelectorAll('[data-gp-keep-link]').forEach((a) => { a.hidden = false; });
  const box = document.querySelector('[data-gp-keep-update]');
  if (!box || !sw.controller) return; // not kept: nothing more
  const line = box.querySelector('p');
  const says = box.querySelector('span');
  const button = box.querySelector('button');
  let updating = false;
  sw.getRegistration(root).then((reg) => {
    if (!reg) return;
    const ask = () => { if (reg.waiting) reg.waiting.postMessage('version?'); };
    sw.addEventListener('message', (e) => {
      const d = e.data || {};
      if (d.t === 'version' && !updating) {
        says.textContent = 'Version ' + d.v + ' of this pack is available.';
        line.hidden = button.hidden = false;
      }
      if (!updating) return;
      if (d.t === 'progress') says.textContent = 'Updating: ' + d.n + ' of ' + d.of + ' files.';
      if (d.t === 'failed') {
        updating = false;
        says.textContent = 'The update stopped; this version still works. Try again when connected.';
        button.hidden = false;
      }
    });
    button.addEventListener('click', () => {
      if (!reg.waiting) return;
      updating = true;
      says.textContent = 'Updating…';
      says.focus();
      button.hidden = true;
      reg.waiting.postMessage('update');
    });
    sw.addEventListener('controllerchange', () => { if (updating) location.reload(); });
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => { if (w.state === 'installed') ask(); });
    });
    ask();
    if (navigator.onLine) reg.update().catch(() => {});
  });
})();
