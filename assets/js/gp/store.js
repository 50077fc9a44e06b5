// gp/store: what scenario.js and record.js share, bundled into each by js.Build
// (layouts/_partials/js.html: one classic script each, no module in the output).
//
// Where a learner's answers live: this browser's localStorage, one key per
// scenario, namespaced by the pack (params.pack in config.toml, fixed across
// versions): "gp:<pack>:scenario:<id>". Under file:// every unzipped pack shares
// one storage; the pack in the key keeps two packs' answers apart, and the same
// key in every version of a pack lets a learner's answers carry over to a new
// version.
//
// What is kept: {hash, sig, path, choices, explored, answers, notes, done, title}.
// hash is the scenario's hash and sig the hash of each step the state refers to
// (computed by guidepack: tools/internal/quiz/hash.go; text is not in them).
// Read back by a scenario whose hash changed, an answer is kept when its step
// still exists with the same hash (a note: while the step is still a
// reflection); the path is cut at the first step that no longer exists, and
// ends at the first one that changed. Anything else in storage (not JSON, wrong
// types, numbers out of range, prototype names as step ids, huge values) is
// ignored and replaced, never an error.
//
// Keys of guidepack before 1.1 ("gp-scenario:<id>", shared by every pack opened
// from file://) are ignored and left as they were: nothing tells which pack
// wrote them, and adopting them is the mixing this guards against.

export var JUDGED = { good: 'a good choice', risky: 'a risky choice', poor: 'a poor choice' };

// Limits on what is read back: a note's length, and a saved state's (or a
// record file's) size in characters.
export var MAX_NOTE = 20000;
export var MAX_SAVED = 4000000;

export function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

export function button(text, cls, onClick) {
  var b = el('button', 'gp-button ' + (cls || ''), text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

// dict copies an object's own keys into a map without a prototype: maps keyed by
// step ids, anchors or hashes (user data) must not find "constructor".
export function dict(o) {
  var d = Object.create(null);
  if (isObject(o)) Object.keys(o).forEach(function (k) { d[k] = o[k]; });
  return d;
}

// own returns o[k] when o has k as its own key.
export function own(o, k) {
  return isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

export function isObject(o) {
  return !!o && typeof o === 'object' && !Array.isArray(o);
}

// letter is a choice's or option's label: A, B, C…
export function letter(i) { return String.fromCharCode(65 + i); }

// longDate writes 2026-12-01 as 1 December 2026.
export function longDate(iso) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return Number(m[3]) + ' ' + months[Number(m[2]) - 1] + ' ' + m[1];
}

// storage is this browser's localStorage, or null where it is blocked (some
// browsers under file://, private modes).
export var storage = (function () {
  try {
    var k = 'gp:probe';
    window.localStorage.setItem(k, k);
    window.localStorage.removeItem(k);
    return window.localStorage;
  } catch (e) {
    return null;
  }
})();

export function key(pack, id) { return 'gp:' + pack + ':scenario:' + id; }

// parse reads a saved state: an object, or null.
export function parse(raw) {
  if (typeof raw !== 'string' || raw.length > MAX_SAVED) return null;
  try {
    var o = JSON.parse(raw);
    return isObject(o) ? o : null;
  } catch (e) {
    return null;
  }
}

export function read(pack, id) {
  try {
    return storage ? parse(storage.getItem(key(pack, id))) : null;
  } catch (e) {
    return null;
  }
}

// model is what fit needs to know of a scenario: its hash, its start and, by
// step id, each step's kind k, hash h, next steps n, number of choices nc and of
// options no.
export function model(hash, start, steps) {
  var m = { hash: hash, start: start, steps: Object.create(null) };
  steps.forEach(function (s) { m.steps[s.id] = s; });
  return m;
}

export function blank() {
  return { path: [], choices: dict(), explored: dict(), answers: dict(), notes: dict() };
}

// fit returns a saved state o (parsed, or null) cleaned and fitted to the
// scenario m (see the top of this file), and whether anything was dropped
// because the scenario changed.
export function fit(o, m) {
  var st = blank();
  if (!o) return { state: st, dropped: false };
  var same = o.hash === m.hash;
  var sig = dict(o.sig);
  var dropped = false;
  function step(id) { return typeof id === 'string' ? m.steps[id] : undefined; }
  function fits(id) { return same || sig[id] === step(id).h; }
  function indexes(a, n) {
    var out = [];
    if (Array.isArray(a)) {
      for (var i = 0; i < a.length && out.length < n; i++) {
        var j = a[i];
        if (typeof j === 'number' && j % 1 === 0 && j >= 0 && j < n && out.indexOf(j) < 0) out.push(j);
      }
    }
    return out.sort(function (x, y) { return x - y; });
  }
  function keep(kind, from, each) {
    var d = dict(from);
    Object.keys(d).forEach(function (id) {
      var s = step(id);
      if (s && s.k === kind && (kind === 'reflection' || fits(id))) {
        if (each(id, s, d[id])) return;
      }
      if (!same) dropped = true;
    });
  }
  keep('situation', o.choices, function (id, s, v) {
    if (indexes([v], s.nc).length !== 1) return false;
    st.choices[id] = v;
    return true;
  });
  keep('situation', o.explored, function (id, s, v) {
    if (st.choices[id] === undefined) return false;
    var ex = indexes(v, s.nc).filter(function (j) { return j !== st.choices[id]; });
    if (ex.length) st.explored[id] = ex;
    return true;
  });
  keep('question', o.answers, function (id, s, v) {
    if (!Array.isArray(v)) return false;
    st.answers[id] = indexes(v, s.no);
    return true;
  });
  keep('reflection', o.notes, function (id, s, v) {
    if (typeof v !== 'string') return false;
    if (v) st.notes[id] = v.slice(0, MAX_NOTE);
    return true;
  });
  var path = Array.isArray(o.path) ? o.path : [];
  for (var i = 0; i < path.length; i++) {
    var s = step(path[i]);
    if (!s || st.path.indexOf(path[i]) >= 0) break;
    st.path.push(path[i]);
    if (!fits(path[i])) break; // the step changed: the path cannot go on past it
  }
  if (!same && st.path.length < path.length) dropped = true;
  var last = st.path.length ? step(st.path[st.path.length - 1]) : null;
  if (typeof o.done === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.done) && (same || (last && last.k === 'ending'))) st.done = o.done;
  if (typeof o.title === 'string') st.title = o.title.slice(0, 500);
  return { state: st, dropped: dropped };
}

// stamp returns st as it is written: with the scenario's hash and the hash of
// every step it refers to.
export function stamp(st, m) {
  var sig = Object.create(null);
  var ids = st.path.concat(Object.keys(st.choices), Object.keys(st.answers), Object.keys(st.notes));
  ids.forEach(function (id) { if (m.steps[id]) sig[id] = m.steps[id].h; });
  var out = { hash: m.hash, sig: sig };
  Object.keys(st).forEach(function (k) { out[k] = st[k]; });
  return out;
}

// write keeps st for the scenario m (id) of pack; false when it could not.
export function write(pack, id, m, st) {
  try {
    if (!storage) return false;
    storage.setItem(key(pack, id), JSON.stringify(stamp(st, m)));
    return true;
  } catch (e) {
    return false; // storage full or blocked: answers just are not kept
  }
}

export function forget(pack, id) {
  try {
    if (storage) storage.removeItem(key(pack, id));
  } catch (e) { /* nothing kept */ }
}

// start runs new Module(root) on each element sel finds: one broken component
// must not stop the others; the page still reads without it.
export function start(sel, Module) {
  var roots = document.querySelectorAll(sel);
  for (var i = 0; i < roots.length; i++) {
    try {
      new Module(roots[i]);
    } catch (e) {
      if (window.console) console.warn('guidepack:', e);
    }
  }
}
