// gp-record: fills the learning record from what the scenario script keeps in this
// browser (assets/js/gp/store.js: one key per scenario, under the pack's id;
// choices holds the reader's first decision at each step, explored the other
// choices read afterwards), and keeps the record as a file the learner holds:
// "Save my record as a file" (a Blob and <a download>, no network) and "Load a
// record you saved" (<input type=file> and FileReader), in another browser or
// after this one's storage was cleared. A loaded file is checked strictly: not a
// record, damaged or holding nothing for this pack: a plain message and nothing
// changed; saved from another pack, or replacing answers this browser has: the
// learner is asked first. Its answers are fitted to this pack's scenarios as
// stored answers are (a changed scenario keeps what still fits).
// Sends nothing. Builds every element with textContent. With no record on this
// device (or JavaScript off) the blank form stays.
import { JUDGED, MAX_SAVED, el, fit, isObject, longDate, model, own, parse, read, stamp, start, write } from './gp/store.js';

// What a saved file says it is.
var FORMAT = 'guidepack learning record';

function Record(root) {
  var data = JSON.parse(root.querySelector('.gp-record__data').textContent);
  var box = root.querySelector('[data-gp-record-entries]');
  var blank = root.querySelector('[data-gp-record-blank]');
  var models = data.scenarios.map(function (s) {
    return model(s.hash, s.start, s.steps.map(function (x) {
      return { id: x.id, k: x.k, h: x.h, n: x.n, nc: x.c.length, no: x.o.length };
    }));
  });
  // What the page shows, by scenario: kept in this browser, or loaded from a
  // file (where the browser keeps nothing, only on this page).
  var states = data.scenarios.map(function (s, i) { return fit(read(data.pack, s.id), models[i]).state; });
  render();
  var nojs = root.querySelector('[data-gp-record-nojs]');
  if (nojs) nojs.hidden = true;
  var file = root.querySelector('[data-gp-record-file]');
  if (file) setUpFile(file);

  function render() {
    while (box.firstChild) box.removeChild(box.firstChild);
    var n = 0;
    data.scenarios.forEach(function (s, i) {
      if (!states[i].path.length) return;
      box.appendChild(entry(s, states[i]));
      n++;
    });
    box.hidden = !n;
    blank.hidden = !!n;
  }

  function setUpFile(file) {
    var message = file.querySelector('[data-gp-record-message]');
    var ask = file.querySelector('[data-gp-record-ask]');
    var input = file.querySelector('[data-gp-record-load]');
    var pending = null;
    file.hidden = false;

    function say(text) {
      message.textContent = text;
    }

    file.querySelector('[data-gp-record-save]').addEventListener('click', function () {
      var out = Object.create(null);
      var n = 0;
      data.scenarios.forEach(function (s, i) {
        if (!states[i].path.length) return;
        out[s.id] = stamp(states[i], models[i]);
        n++;
      });
      if (!n) {
        say('There is nothing to save yet: work through a scenario first, then save your record.');
        return;
      }
      var today = new Date().toISOString().slice(0, 10);
      var name = data.pack + '-learning-record-' + today + '.json';
      var body = JSON.stringify({
        format: FORMAT, version: 1, pack: data.pack, title: data.title, packVersion: data.version,
        saved: today, scenarios: out
      }, null, 1);
      var a = el('a');
      a.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      // The download has the Blob by now; free it a while later.
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
      say('Your record was saved as the file “' + name + '” (usually in your Downloads folder). Keep it: to carry on in another browser or on another device, load it on this page there.');
    });

    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      if (!f) return;
      ask.hidden = true;
      pending = null;
      if (f.size > MAX_SAVED) {
        say('“' + f.name + '” is too big to be a learning record. Nothing was changed.');
        input.value = '';
        return;
      }
      var r = new FileReader();
      r.onload = function () {
        input.value = '';
        take(String(r.result), f.name);
      };
      r.onerror = function () {
        input.value = '';
        say('“' + f.name + '” could not be read. Nothing was changed.');
      };
      r.readAsText(f);
    });

    ask.querySelector('[data-gp-record-yes]').addEventListener('click', function () {
      ask.hidden = true;
      if (pending) pending();
      pending = null;
    });
    ask.querySelector('[data-gp-record-no]').addEventListener('click', function () {
      ask.hidden = true;
      pending = null;
      say('Nothing was changed.');
      input.focus();
    });

    // take checks a file's text and loads it, asking first where it must.
    function take(text, name) {
      var o = parse(text);
      if (!o || o.format !== FORMAT || o.version !== 1 || typeof o.pack !== 'string' || !isObject(o.scenarios)) {
        say('“' + name + '” is not a learning record saved from a guidance pack, or it is damaged. Nothing was changed.');
        return;
      }
      var got = [];
      var dropped = false;
      data.scenarios.forEach(function (s, i) {
        var v = own(o.scenarios, s.id);
        if (!isObject(v)) return;
        var f = fit(v, models[i]);
        dropped = dropped || f.dropped;
        if (f.state.path.length) got.push({ i: i, state: f.state });
      });
      if (!got.length) {
        say('“' + name + '” holds no answers to this pack’s scenarios. Nothing was changed.');
        return;
      }
      var why = [];
      if (o.pack !== data.pack) {
        why.push('This record was saved from another pack, “' + String(typeof o.title === 'string' && o.title ? o.title : o.pack).slice(0, 200) + '”.');
      }
      var replaced = got.filter(function (g) { return states[g.i].path.length; }).length;
      if (replaced) {
        why.push('This browser already has your answers to ' + replaced + (replaced === 1 ? ' scenario' : ' scenarios') +
          ' in the file: loading it replaces them.');
      }
      if (!why.length) return load(got, name, dropped);
      pending = function () { load(got, name, dropped); };
      ask.querySelector('[data-gp-record-question]').textContent = why.join(' ') + ' Load it?';
      say('');
      ask.hidden = false;
      ask.focus();
    }

    function load(got, name, dropped) {
      var kept = true;
      got.forEach(function (g) {
        states[g.i] = g.state;
        if (!write(data.pack, data.scenarios[g.i].id, models[g.i], g.state)) kept = false;
      });
      render();
      say('Your record from “' + name + '” was loaded: ' + got.length + (got.length === 1 ? ' scenario.' : ' scenarios.') +
        (dropped ? ' Some scenarios have changed since it was saved: answers to the steps that changed were left out.' : '') +
        (kept ? '' : ' This browser does not let the pack keep answers, so they show on this page only until you leave it.'));
    }
  }
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
  e.appendChild(el('p', 'gp-record__date', st.done ? 'Completed on ' + longDate(st.done) + '.' : 'Started, not yet finished.'));
  var ol = el('ol', 'gp-record__path');
  st.path.forEach(function (id) {
    var x = steps[id];
    if (!x) return;
    var li = el('li', '');
    li.appendChild(el('strong', '', x.t));
    var ci = own(st.choices, id);
    if (x.k === 'situation' && ci !== undefined && x.c[ci]) {
      li.appendChild(document.createTextNode(': you chose ' + x.c[ci].l + ', “' + x.c[ci].t + '” (' + (JUDGED[x.c[ci].j] || x.c[ci].j) + ')'));
      // Choices read afterwards, to see their feedback: explored, not decided.
      var ex = (own(st.explored, id) || []).filter(function (j) { return x.c[j]; });
      if (ex.length) {
        li.appendChild(document.createTextNode('; afterwards you explored ' + ex.map(function (j) { return x.c[j].l; }).join(', ')));
      }
    }
    var ans = own(st.answers, id);
    if (x.k === 'question' && ans && ans.length) {
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

start('[data-module="gp-record"]', Record);
