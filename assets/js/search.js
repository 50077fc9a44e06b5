// gp-search: the search page. The index is built by guidepack at build time
// (tools/internal/search) and written as classic scripts that call
// gpSearch.add: they load under file:// (no fetch, no module, no worker) and
// under a strict CSP. Nothing is loaded until the reader types; then the
// metadata (search/meta.js: the list of chunks, the word pattern, stop words,
// contractions and limits: the rules Go indexed with), and only the chunks the
// words need. The index maps every word form to its stem and holds each word's
// BM25F score in each document, so no stemmer or ranking model runs here: the
// scores of a query's words are added. A word with no match is corrected to
// the nearest word of the vocabulary of its first letters. Results are built
// with DOM methods and textContent: author text never becomes HTML. Every map
// keyed by words or ids has no prototype: "constructor" is a word.
(function () {
  'use strict';
  var root = document.querySelector('[data-module="gp-search"]');
  if (!root) return;
  var base = root.getAttribute('data-gp-root') || '';
  var input = root.querySelector('input[name="q"]');
  var status = root.querySelector('.gp-search__status');
  var list = root.querySelector('.gp-search__results');
  var loaded = dict(), waiting = dict(), cache = dict();
  var M, STOP, CON, DIGIT, GROUP, RE; // from the metadata
  var PREFIX = 0.6; // a word matched only as the start of another counts less
  var ENGLISH = 'No results. This pack\u2019s search covers English words.';
  root.classList.add('gp-search--js');

  function dict() { return Object.create(null); }

  window.gpSearch = {
    add: function (name, data) {
      loaded[name] = data;
      var w = waiting[name] || [];
      delete waiting[name];
      w.forEach(function (f) { f(); });
    }
  };

  // need loads the named chunks, each once, then calls done. Only chunks the
  // metadata lists are ever named, so no load fails in a sound pack.
  function need(names, done) {
    var left = names.filter(function (n) { return !(n in loaded); }), count = left.length;
    if (!count) return done();
    left.forEach(function (n) {
      (waiting[n] = waiting[n] || []).push(function () { if (--count === 0) done(); });
      if (document.getElementById('gp-s-' + n)) return;
      var s = document.createElement('script');
      s.id = 'gp-s-' + n;
      s.src = base + 'search/' + n + '.js';
      s.onerror = function () { window.gpSearch.add(n, null); };
      document.head.appendChild(s);
    });
  }

  function ready(done) {
    need(['meta'], function () {
      if (!M && loaded.meta) {
        M = loaded.meta;
        STOP = dict(); CON = dict(); DIGIT = dict(); GROUP = [];
        M.stop.split(' ').forEach(function (w) { STOP[w] = 1; });
        Object.keys(M.con).forEach(function (k) { CON[k] = M.con[k].split(' '); });
        for (var i = 0; i < M.alphabet.length; i++) DIGIT[M.alphabet[i]] = i;
        RE = new RegExp(M.pattern, 'g');
        dec(M.g).forEach(function (n, g) { while (n--) GROUP.push(g); });
      }
      done(!!M);
    });
  }

  // dec decodes numbers written by Go's enc: 5 bits a digit, low bits first.
  function dec(s) {
    var out = [], v = 0, m = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s[i]];
      if (d > 31) { v += (d - 32) * m; m *= 32; } else { out.push(v + d * m); v = 0; m = 1; }
    }
    return out;
  }

  function fold(s) { return s.toLowerCase().normalize('NFKD').replace(/\p{Mn}/gu, '').replace(/[\u2018\u2019\u02bc]/g, "'"); }
  // words splits a query as Go splits the pages (search.Words).
  function words(s) {
    var out = [];
    (fold(s).match(RE) || []).forEach(function (t) {
      (CON[t] || t.split("'")).forEach(function (w) { if (w && !STOP[w]) out.push(w); });
    });
    return out;
  }
  // foreign says whether q has letters or digits outside a–z and 0–9 (another script).
  function foreign(q) { return /[\p{L}\p{N}]/u.test(fold(q).replace(/[a-z0-9]/g, '')); }
  function lower(a, w) { // the first index of sorted a with a[i] >= w
    var lo = 0, hi = a.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (a[m] < w) lo = m + 1; else hi = m; }
    return lo;
  }
  function starts(s, w) { return s.lastIndexOf(w, 0) === 0; }

  // span returns the term chunks a word needs: the one that holds it and, as
  // a prefix, the next ones that start with it (three at most).
  function span(w, prefix) {
    var i = Math.max(lower(M.t, w + '\0') - 1, 0), out = ['t-' + i];
    while (prefix && out.length < 3 && i + 1 < M.t.length && starts(M.t[i + 1], w)) out.push('t-' + ++i);
    return out;
  }
  function spans(ws, prefix) {
    var out = [];
    ws.forEach(function (w, i) {
      span(w, prefix && i === ws.length - 1 && w.length >= M.minPrefix).forEach(function (n) { if (out.indexOf(n) < 0) out.push(n); });
    });
    return out;
  }

  // look finds a word's stems (as [chunk, stem, weight]) and every form of them.
  function look(w, prefix) {
    var st = [], forms = [], n = 0;
    prefix = prefix && w.length >= M.minPrefix;
    span(w, prefix).forEach(function (name) {
      var c = loaded[name], got = dict();
      if (!c) return;
      var j = lower(c.f, w);
      if (c.f[j] === w) got[c.s[j]] = 1;
      for (; prefix && j < c.f.length && starts(c.f[j], w) && n < M.maxPrefix; j++, n++) if (!got[c.s[j]]) got[c.s[j]] = PREFIX;
      Object.keys(got).forEach(function (s) { st.push([name, s, got[s]]); });
      c.f.forEach(function (f, k) { if (got[c.s[k]]) forms.push(f); });
    });
    return { st: st, forms: forms };
  }

  function postings(name, s) {
    var k = name + ':' + s;
    return cache[k] || (cache[k] = dec(loaded[name].p[s]));
  }

  // osa is the edit distance with swaps of two letters (freind → friend: 1).
  function osa(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var low = max + 1;
      for (j = 1; j <= b.length; j++) {
        var c = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        low = Math.min(low, d[i][j]);
      }
      if (low > max) return max + 1;
    }
    return d[a.length][b.length];
  }
  // nearest returns the commonest word nearest to w in the vocabularies of
  // its first two letters, or nothing.
  function nearest(w) {
    var max = w.length >= M.typo[1] ? 2 : 1, best = null, bd = max + 1;
    [w[0], w[1]].forEach(function (l) {
      (loaded['v-' + l] || '').split(' ').forEach(function (v) {
        var d = v && v !== w ? osa(w, v, max) : bd;
        if (d < bd) { bd = d; best = v; }
      });
    });
    return best;
  }

  var seq = 0;
  function run(q, exact) {
    var mine = ++seq;
    try { history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) + (exact ? '&exact=1' : '') : location.pathname); } catch (e) { /* some browsers refuse under file:// */ }
    if (!q) return show(q, '');
    ready(function (ok) {
      if (mine !== seq) return;
      if (!ok) return show(q, 'Search is not available in this copy of the pack.');
      var ws = words(q);
      if (!ws.length) return show(q, foreign(q) ? ENGLISH : '');
      need(spans(ws, true), function () {
        if (mine !== seq) return;
        var ms = ws.map(function (w, i) { return look(w, i === ws.length - 1); }), bad = [], vs = [];
        ms.forEach(function (m, i) {
          if (!m.st.length && !exact && ws[i].length >= M.typo[0] && /[a-z]/.test(ws[i])) bad.push(i);
        });
        bad.forEach(function (i) {
          [ws[i][0], ws[i][1]].forEach(function (l) { if (M.v.indexOf(l) >= 0 && vs.indexOf('v-' + l) < 0) vs.push('v-' + l); });
        });
        if (!vs.length) return rank(q, ws, ms, null, mine);
        need(vs, function () {
          if (mine !== seq) return;
          var fixed = ws.slice();
          bad.forEach(function (i) { fixed[i] = nearest(ws[i]) || ws[i]; });
          if (fixed.join(' ') === ws.join(' ')) return rank(q, ws, ms, null, mine);
          need(spans(fixed, false), function () {
            if (mine !== seq) return;
            rank(q, fixed, fixed.map(function (w, i) { return bad.indexOf(i) >= 0 ? look(w, false) : ms[i]; }), ws, mine);
          });
        });
      });
    });
  }

  // rank adds up each document's scores, keeps the best document of each
  // group (a scenario and its steps are one result), and orders the groups:
  // those matching every word first; when fewer than three do, those
  // matching most words follow.
  function rank(q, ws, ms, typed, mine) {
    var per = dict(), groups = dict(), marks = [];
    ms.forEach(function (m) {
      var best = dict();
      m.st.forEach(function (s) {
        var p = postings(s[0], s[1]), d = 0;
        for (var k = 0; k < p.length; k += 2) {
          d += p[k];
          var sc = p[k + 1] * s[2];
          if (!(best[d] >= sc)) best[d] = sc;
        }
      });
      for (var d in best) { var e = per[d] || (per[d] = [0, 0]); e[0]++; e[1] += best[d]; }
      marks = marks.concat(m.forms);
    });
    for (var d in per) {
      var g = GROUP[d], e = per[d], b = groups[g];
      if (!b || e[0] > b[1] || e[0] === b[1] && e[1] > b[2]) groups[g] = [+d, e[0], e[1]];
    }
    var res = Object.keys(groups).map(function (g) { return groups[g]; }), n = ws.length;
    res.sort(function (a, b) { return b[1] - a[1] || b[2] - a[2] || a[0] - b[0]; });
    var full = res.filter(function (r) { return r[1] === n; }), part = [];
    if (full.length < 3 && n > 1) part = res.filter(function (r) { return r[1] < n && r[1] * 2 >= n; });
    var top = full.slice(0, M.show), more = part.slice(0, M.show - top.length), docs = [];
    top.concat(more).forEach(function (r) {
      var c = 'd-' + (lower(M.d, r[0] + 1) - 1);
      if (docs.indexOf(c) < 0) docs.push(c);
    });
    need(docs, function () {
      if (mine !== seq) return;
      show(q, '', { ws: ws, typed: typed, full: full.length, top: top, more: more, marks: marks });
    });
  }

  function el(tag, cls, parent, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function link(href, parent, text, cls) { var a = el('a', cls, parent, text); a.href = href; return a; }

  function show(q, message, r) {
    list.textContent = '';
    Array.prototype.forEach.call(root.querySelectorAll('.gp-search__extra'), function (e) { e.remove(); });
    status.textContent = message;
    if (r) {
      var n = r.full, said = '“' + (r.typed ? r.ws.join(' ') : q) + '”';
      status.textContent = n ? n + (n === 1 ? ' result' : ' results') + ' for ' + said + (n > M.show ? ', the first ' + M.show + ' shown' : '') :
        r.more.length ? 'No result has every word of ' + said + '.' :
        foreign(q) ? ENGLISH : 'No results for “' + q + '”. Try fewer or other words, or the A–Z index.';
      if (r.typed) {
        var p = el('p', 'gp-search__note gp-search__extra');
        p.appendChild(document.createTextNode('Showing results for '));
        el('strong', '', p, r.ws.join(' '));
        p.appendChild(document.createTextNode('. Search for '));
        link('?q=' + encodeURIComponent(q) + '&exact=1', p, q);
        p.appendChild(document.createTextNode(' instead?'));
        list.parentNode.insertBefore(p, list);
      }
      r.top.forEach(function (x) { list.appendChild(item(x, r.marks)); });
      if (r.more.length) {
        var after = list;
        [el('p', 'gp-search__note gp-search__extra', null, 'These match some of your words, not all:'),
          el('ol', 'gp-search__results gp-search__results--partial gp-search__extra')].forEach(function (e) {
          after.parentNode.insertBefore(e, after.nextSibling);
          after = e;
        });
        r.more.forEach(function (x) { after.appendChild(item(x, r.marks)); });
      }
    }
    root.setAttribute('data-gp-shown', q); // what is on screen: for tests and styles
  }

  // item is one result: its page (a step's scenario), a passage, and the
  // step or heading that matched best.
  function item(r, marks) {
    var c = lower(M.d, r[0] + 1) - 1, d = loaded['d-' + c][r[0] - M.d[c]];
    var li = el('li', 'gp-search__result'), part = d[5];
    mark(link(base + (part ? d[0].split('#')[0] : d[0]), li, '', 'gp-search__link'), part || d[1], marks);
    if (d[2]) el('p', 'gp-search__section', li, d[2]);
    var p = el('p', 'gp-search__snippet', li), at = passage(p, d[3], marks), sub = null;
    if (part) sub = [d[0], d[1]];
    else d[4].forEach(function (h) { if (at >= h[0]) sub = [d[0] + '#' + h[1], h[2]]; });
    if (sub) {
      var s = el('p', 'gp-search__sub', li, 'Best match: ');
      mark(link(base + sub[0], s, ''), sub[1], marks);
    }
    return li;
  }

  // finder returns a regular expression for the marked word forms.
  function finder(marks) {
    var fs = marks.filter(function (f) { return f.length > 1; }).sort(function (a, b) { return b.length - a.length; });
    return fs.length ? new RegExp('(?<![a-z0-9])(' + fs.map(function (f) { return f.replace(/[^a-z0-9'.]/g, '').replace(/\./g, '\\.'); }).join('|') + ')(?![a-z0-9])', 'g') : null;
  }
  function same(text) { var f = fold(text); return f.length === text.length ? f : text.toLowerCase(); }

  // mark appends text to e with the matched word forms in <mark>.
  function mark(e, text, marks) {
    var re = finder(marks), f = same(text), last = 0, m;
    while (re && (m = re.exec(f))) {
      e.appendChild(document.createTextNode(text.slice(last, m.index)));
      el('mark', '', e, text.slice(m.index, m.index + m[0].length));
      last = m.index + m[0].length;
    }
    e.appendChild(document.createTextNode(text.slice(last)));
  }

  // passage appends the passage of about 25 words with the most matched
  // words (the first such) to e, and returns where its first match is.
  function passage(e, text, marks) {
    var re = finder(marks), f = same(text), hits = [], ws = [], m, W = 25;
    var sp = /\S+/g;
    while ((m = sp.exec(f))) ws.push(m.index);
    while (re && (m = re.exec(f))) hits.push([m.index, m[0]]);
    var best = 0, bs = -1, at = -1;
    hits.forEach(function (h) {
      var s = Math.max(lower(ws, h[0] + 1) - 1 - 4, 0), end = s + W < ws.length ? ws[s + W] : f.length, seen = dict(), k = 0;
      hits.forEach(function (o) { if (o[0] >= ws[s] && o[0] < end && !seen[o[1]]) { seen[o[1]] = 1; k++; } });
      if (k > bs) { bs = k; best = s; at = h[0]; }
    });
    var from = ws.length ? ws[best] : 0, to = best + W < ws.length ? ws[best + W] : text.length;
    if (from > 0) e.appendChild(document.createTextNode('… '));
    mark(e, text.slice(from, to).trim(), marks);
    if (to < text.length) e.appendChild(document.createTextNode(' …'));
    return at;
  }

  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value.trim()); }, 80);
  });
  root.querySelector('form').addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value.trim());
  });
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) { input.value = m[1]; } // ?q=% is not a valid escape
    run(input.value.trim(), /[?&]exact=1/.test(location.search));
  }
})();
