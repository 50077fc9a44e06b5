// gp-record: fills the learning record from what the scenario script keeps in this
// browser (localStorage "gp-scenario:<id>": {path, choices, explored, answers, notes,
// done}): choices holds the reader's first decision at each step, explored the
// other choices read afterwards.
// Reads only; writes nothing; sends nothing. Builds every element with textContent.
// With no record on this device (or JavaScript off) the blank form stays.
(function () {
  'use strict';
  var PREFIX = 'gp-scenario:';
  var JUDGED = { good: 'a good choice', risky: 'a risky choice', poor: 'a poor choice' };

  var roots = document.querySelectorAll('[data-module="gp-record"]');
  for (var i = 0; i < roots.length; i++) {
    try {
      start(roots[i]);
    } catch (e) {
      if (window.console) console.error('gp-record', e);
    }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // own returns o[k] when o has k as its own key: kept answers are keyed by step
  // ids (user data), which must not find "constructor" or "__proto__".
  function own(o, k) {
    return o && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
  }

  function kept(id) {
    try {
      return JSON.parse(window.localStorage.getItem(PREFIX + id));
    } catch (e) {
      return null; // storage blocked (some browsers under file://) or not JSON
    }
  }

  function start(root) {
    var data = JSON.parse(root.querySelector('.gp-record__data').textContent);
    var box = root.querySelector('[data-gp-record-entries]');
    var blank = root.querySelector('[data-gp-record-blank]');
    var n = 0;
    data.forEach(function (s) {
      var st = kept(s.id);
      if (!st || !st.path || !st.path.length) return;
      box.appendChild(entry(s, st));
      n++;
    });
    if (!n) return;
    box.hidden = false;
    blank.hidden = true;
  }

  function entry(s, st) {
    var steps = Object.create(null);
    s.steps.forEach(function (x) { steps[x.id] = x; });
    var e = el('section', 'gp-record__entry');
    var h = el('h3', 'gp-record__title');
    if (s.url) {
      var a = el('a', '', s.title);
      a.href = s.url;
      h.appendChild(a);
    } else {
      h.textContent = s.title;
    }
    e.appendChild(h);
    e.appendChild(el('p', 'gp-record__date', st.done ? 'Completed on ' + date(st.done) + '.' : 'Started, not yet finished.'));
    var ol = el('ol', 'gp-record__path');
    st.path.forEach(function (id) {
      var x = typeof id === 'string' ? steps[id] : undefined;
      if (!x) return;
      var li = el('li', '');
      li.appendChild(el('strong', '', x.t));
      var ci = own(st.choices, id);
      if (x.k === 'situation' && ci !== undefined && x.c[ci]) {
        li.appendChild(document.createTextNode(': you chose ' + x.c[ci].l + ', “' + x.c[ci].t + '” (' + (JUDGED[x.c[ci].j] || x.c[ci].j) + ')'));
        // Choices read afterwards, to see their feedback: explored, not decided.
        var ex = own(st.explored, id);
        ex = (Array.isArray(ex) ? ex : []).filter(function (j) { return x.c[j]; });
        if (ex.length) {
          li.appendChild(document.createTextNode('; afterwards you explored ' + ex.map(function (j) { return x.c[j].l; }).join(', ')));
        }
      }
      var ans = own(st.answers, id);
      if (x.k === 'question' && Array.isArray(ans) && ans.length) {
        li.appendChild(document.createTextNode(': you answered ' + ans.map(function (j) {
          return x.o[j] ? x.o[j].l + ', “' + x.o[j].t + '”' : '';
        }).join('; ')));
      }
      var note = own(st.notes, id);
      if (x.k === 'reflection' && note) {
        li.appendChild(document.createTextNode(': you wrote:'));
        li.appendChild(el('blockquote', 'gp-record__note', note));
      }
      if (x.k === 'ending') li.appendChild(document.createTextNode(' (the outcome you reached).'));
      ol.appendChild(li);
    });
    e.appendChild(ol);
    return e;
  }

  function date(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!m) return iso;
    var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return Number(m[3]) + ' ' + months[Number(m[2]) - 1] + ' ' + m[1];
  }
})();
