// gp-search: the search page. The index is built by guidepack at build time and
// written as classic scripts (search/t-<letter>.js, search/d-<n>.js) that call
// gpSearch.add: they load under file:// (no fetch, no module, no worker) and
// under a strict CSP. Nothing is loaded until the reader types; then only the
// chunks the words need. Words are folded and split as the Go index does; the
// index maps every word form to its stem, so no stemmer runs here. Results are
// built with DOM methods and textContent: author text never becomes HTML.
(function () {
  'use strict';
  var root = document.querySelector('[data-module="gp-search"]');
  if (!root) return;
  // The same stop words as tools/internal/search (a test keeps them equal).
  var STOP = Object.create(null);
  'a an and are as at be but by can could do does for from has have how i if in is it its me my of on or s should t that the their them they this to was we what when where which who why will with would you your'
    .split(' ').forEach(function (w) { STOP[w] = 1; });
  var MAX_PREFIX = 40, SHOW = 20, PER_CHUNK = 100;
  var base = root.getAttribute('data-gp-root') || '';
  var input = root.querySelector('input[name="q"]');
  var status = root.querySelector('.gp-search__status');
  var list = root.querySelector('.gp-search__results');
  var loaded = Object.create(null), waiting = Object.create(null);
  root.classList.add('gp-search--js');

  window.gpSearch = {
    add: function (name, data) {
      loaded[name] = data;
      (waiting[name] || []).forEach(function (f) { f(); });
      delete waiting[name];
    }
  };

  function need(names, done) {
    var left = names.filter(function (n) { return !(n in loaded); });
    var count = left.length;
    if (!count) return done();
    left.forEach(function (n) {
      (waiting[n] = waiting[n] || []).push(function () { if (--count === 0) done(); });
      if (document.getElementById('gp-s-' + n)) return;
      var s = document.createElement('script');
      s.id = 'gp-s-' + n;
      s.src = base + 'search/' + n + '.js';
      s.onerror = function () { window.gpSearch.add(n, null); }; // no words with this letter
      document.head.appendChild(s);
    });
  }

  function fold(s) { return s.toLowerCase().normalize('NFKD').replace(/\p{Mn}/gu, ''); }
  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(function (w) { return w && !STOP[w]; });
  }
  // foreign says whether q has letters or digits outside a–z and 0–9 (another script).
  function foreign(q) { return /[\p{L}\p{N}]/u.test(fold(q).replace(/[a-z0-9]/g, '')); }
  function lowerBound(a, w) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (a[m] < w) lo = m + 1; else hi = m; }
    return lo;
  }

  // find returns the results, best first, as [doc, score], and the word forms matched.
  function find(ws) {
    var total = null, forms = [];
    ws.forEach(function (w, i) {
      var c = loaded['t-' + w[0]], stems = Object.create(null);
      if (c) {
        var j = lowerBound(c.f, w);
        if (c.f[j] === w) stems[c.s[j]] = 1;
        if (i === ws.length - 1 || !Object.keys(stems).length) {
          for (var n = 0; j < c.f.length && c.f[j].lastIndexOf(w, 0) === 0 && n < MAX_PREFIX; j++, n++) stems[c.s[j]] = 1;
        }
        c.f.forEach(function (f, k) { if (stems[c.s[k]]) forms.push(f); });
      }
      var scores = Object.create(null);
      Object.keys(stems).forEach(function (si) {
        var p = c.p[si];
        for (var k = 0; k < p.length; k += 2) if (p[k + 1] > (scores[p[k]] || 0)) scores[p[k]] = p[k + 1];
      });
      if (total === null) total = scores;
      else Object.keys(total).forEach(function (d) { if (d in scores) total[d] += scores[d]; else delete total[d]; });
    });
    var res = Object.keys(total || {}).map(function (d) { return [+d, total[d]]; });
    res.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { results: res, forms: forms };
  }

  // marked appends text to el with the matched word forms in <mark>.
  function marked(el, text, forms) {
    if (!forms.length || fold(text).length !== text.length) { el.appendChild(document.createTextNode(text)); return; }
    var re = new RegExp('\\b(' + forms.map(function (f) { return f.replace(/[^a-z0-9]/g, ''); }).sort(function (a, b) { return b.length - a.length; }).join('|') + ')', 'g');
    var f = fold(text), last = 0, m;
    while ((m = re.exec(f))) {
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mk = document.createElement('mark');
      mk.textContent = text.slice(m.index, m.index + m[0].length);
      el.appendChild(mk);
      last = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  function snippet(text, forms) {
    var f = fold(text), at = -1;
    forms.forEach(function (w) {
      var i = f.search(new RegExp('\\b' + w.replace(/[^a-z0-9]/g, '')));
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    var start = Math.max(0, at - 60);
    if (start > 0) start = text.indexOf(' ', start) + 1;
    var s = text.slice(start, start + 200);
    return (start > 0 ? '… ' : '') + s + (start + 200 < text.length ? ' …' : '');
  }

  var seq = 0;
  function run(q) {
    var mine = ++seq;
    var ws = words(q);
    try { history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname); } catch (e) { /* some browsers refuse under file:// */ }
    if (!ws.length) {
      list.textContent = '';
      // Letters the index does not hold (another script): say so, not nothing.
      status.textContent = foreign(q) ? 'No results. This pack\u2019s search covers English words.' : '';
      root.setAttribute('data-gp-shown', q);
      return;
    }
    var chunks = [];
    ws.forEach(function (w) { if (chunks.indexOf('t-' + w[0]) < 0) chunks.push('t-' + w[0]); });
    need(chunks, function () {
      if (mine !== seq) return;
      var found = find(ws), top = found.results.slice(0, SHOW);
      var docs = [];
      top.forEach(function (r) { var n = 'd-' + Math.floor(r[0] / PER_CHUNK); if (docs.indexOf(n) < 0) docs.push(n); });
      need(docs, function () {
        if (mine !== seq) return;
        show(q, found, top);
      });
    });
  }

  function show(q, found, top) {
    list.textContent = '';
    var n = found.results.length;
    status.textContent = n === 0 ? (foreign(q) ? 'No results. This pack\u2019s search covers English words.' : 'No results for “' + q + '”. Try fewer or other words, or the A–Z index.') :
      n + (n === 1 ? ' result' : ' results') + ' for “' + q + '”' + (n > SHOW ? ', the first ' + SHOW + ' shown' : '');
    top.forEach(function (r) {
      var d = loaded['d-' + Math.floor(r[0] / PER_CHUNK)][r[0] % PER_CHUNK];
      var li = document.createElement('li');
      li.className = 'gp-search__result';
      var a = document.createElement('a');
      a.href = base + d[0];
      a.className = 'gp-search__link';
      marked(a, d[1], found.forms);
      li.appendChild(a);
      if (d[2]) {
        var sec = document.createElement('p');
        sec.className = 'gp-search__section';
        sec.textContent = d[2];
        li.appendChild(sec);
      }
      var p = document.createElement('p');
      p.className = 'gp-search__snippet';
      marked(p, snippet(d[3], found.forms), found.forms);
      li.appendChild(p);
      list.appendChild(li);
    });
    root.setAttribute('data-gp-shown', q); // what is on screen: for tests and styles
  }

  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value.trim()); }, 80);
  });
  root.querySelector('form').addEventListener('submit', function (e) {
    e.preventDefault();
    run(input.value.trim());
  });
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) { input.value = m[1]; } // ?q=% is not a valid escape
    run(input.value.trim());
  }
})();
