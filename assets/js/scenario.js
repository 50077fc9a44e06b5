// gp-scenario: turns a scenario that reads as a whole page (JavaScript off) into
// one step at a time. The step lives in the URL hash, so Back, Forward and reload
// work, under file:// too. Choices and reflections are kept in this browser's
// localStorage when it allows (never sent anywhere); "Forget my answers" clears them.
// Author text is already HTML in the page: this script moves and clones those
// nodes and writes only its own words, with textContent.
(function () {
  'use strict';
  var doc = document;
  var PREFIX = 'gp-scenario:';

  var store = (function () {
    try {
      var k = PREFIX + 'test';
      window.localStorage.setItem(k, k);
      window.localStorage.removeItem(k);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  })();

  function load(id) {
    try {
      return (store && JSON.parse(store.getItem(PREFIX + id))) || {};
    } catch (e) {
      return {};
    }
  }
  function save(id, state) {
    try {
      if (store) store.setItem(PREFIX + id, JSON.stringify(state));
    } catch (e) { /* storage full or blocked: answers just are not kept */ }
  }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(text, cls, onClick) {
    var b = el('button', 'gp-button ' + (cls || ''), text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function q(root, sel) { return root.querySelector(sel); }
  function qa(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

  var JUDGED = { good: 'a good choice', risky: 'a risky choice', poor: 'a poor choice' };

  function Scenario(root) {
    var data = JSON.parse(q(root, '.gp-scenario__data').textContent);
    var steps = data.steps;
    var byAnchor = {};
    Object.keys(steps).forEach(function (id) { byAnchor[steps[id].a] = id; });
    var state = load(data.id);
    state.path = state.path || [];
    state.choices = state.choices || {};
    state.notes = state.notes || {};
    state.answers = state.answers || {};
    var current = null;

    root.classList.add('gp-scenario--js');
    var bar = el('div', 'gp-scenario__bar');
    var progress = el('p', 'gp-scenario__progress');
    var live = el('p', 'gp-visually-hidden');
    live.setAttribute('aria-live', 'polite');
    var back = button('Back', 'gp-button--secondary', function () { history.back(); });
    var restart = button('Start again', 'gp-button--secondary', function () { go(data.start, true); });
    bar.appendChild(progress);
    bar.appendChild(back);
    bar.appendChild(restart);
    root.insertBefore(bar, q(root, '.gp-scenario__steps'));
    root.appendChild(live);

    function stepEl(id) { return doc.getElementById(steps[id].a); }

    function go(id, fresh) {
      if (fresh || id === data.start) state.path = [];
      var hash = '#' + steps[id].a;
      // Setting the hash navigates to the step's element, and Chrome then resets
      // focus to the document: show the step (and focus it) after that.
      if (location.hash !== hash) location.hash = hash;
      show(id, true);
    }

    function show(id, focus) {
      current = id;
      var at = state.path.indexOf(id);
      state.path = at >= 0 ? state.path.slice(0, at + 1) : state.path.concat(id);
      save(data.id, state);
      qa(root, '.gp-scenario__step').forEach(function (s) { s.hidden = s.getAttribute('data-step') !== id; });
      var s = stepEl(id);
      var kind = steps[id].k;
      reset(s);
      if (kind === 'situation') situation(id, s);
      else if (kind === 'question') question(id, s);
      else if (kind === 'reflection') reflection(id, s);
      else ending(id, s);
      var n = state.path.indexOf(id) + 1;
      progress.textContent = kind === 'ending' ?
        'The end: ' + n + ' steps taken' :
        'Step ' + n + ' of your path · the best path has ' + data.best + ' steps';
      back.hidden = n < 2;
      restart.hidden = n < 2;
      if (focus) {
        var h = q(s, '.gp-scenario__title');
        h.focus();
        // The browser's focus fixup after a fragment navigation can run later.
        setTimeout(function () { if (current === id && doc.activeElement !== h && !s.contains(doc.activeElement)) h.focus(); }, 0);
      }
    }

    // reset removes what an earlier visit to the step added.
    function reset(s) {
      qa(s, '.gp-scenario__added').forEach(function (e) { e.parentNode.removeChild(e); });
      qa(s, '.gp-scenario__choice').forEach(function (c) { c.classList.remove('gp-scenario__choice--chosen'); });
    }

    function continueTo(next, label) {
      return button(label || 'Continue', 'gp-scenario__continue', function () { go(next); });
    }

    function situation(id, s) {
      var list = el('div', 'gp-scenario__added gp-scenario__buttons');
      var out = el('div', 'gp-scenario__added gp-scenario__result');
      out.setAttribute('tabindex', '-1');
      qa(s, '.gp-scenario__choice').forEach(function (c, i) {
        var text = q(c, '.gp-scenario__choice-text').cloneNode(true);
        var b = button('', 'gp-scenario__choose', function () { choose(i); });
        b.appendChild(el('span', 'gp-scenario__label', q(c, '.gp-scenario__label').textContent + ' '));
        b.appendChild(text);
        b.setAttribute('aria-pressed', 'false');
        list.appendChild(b);
      });
      q(s, '.gp-scenario__choices').parentNode.insertBefore(list, q(s, '.gp-scenario__choices'));
      list.parentNode.insertBefore(out, list.nextSibling);

      function choose(i) {
        var c = qa(s, '.gp-scenario__choice')[i];
        var label = q(c, '.gp-scenario__label').textContent.replace('.', '');
        state.choices[id] = i;
        save(data.id, state);
        qa(list, 'button').forEach(function (b, j) { b.setAttribute('aria-pressed', String(i === j)); });
        while (out.firstChild) out.removeChild(out.firstChild);
        var body = q(c, '.gp-scenario__feedback-body').cloneNode(true);
        qa(body, '.gp-scenario__go').forEach(function (g) { g.parentNode.removeChild(g); });
        out.appendChild(el('h3', 'gp-scenario__result-title', 'You chose ' + label));
        out.appendChild(body);
        out.appendChild(continueTo(steps[id].n[i]));
        live.textContent = 'You chose ' + label + ': ' + JUDGED[steps[id].j[i]] + '.';
        out.focus();
      }
      if (state.choices[id] !== undefined && state.path[state.path.length - 1] !== id) {
        qa(list, 'button')[state.choices[id]].setAttribute('aria-pressed', 'true');
      }
    }

    function question(id, s) {
      var inputs = qa(s, '.gp-scenario__options input');
      var saved = state.answers[id] || [];
      inputs.forEach(function (inp, i) {
        inp.checked = saved.indexOf(i) >= 0;
        // A property, not a listener: each visit to the step sets it again.
        inp.onchange = function () {
          state.answers[id] = inputs.map(function (x, j) { return x.checked ? j : -1; }).filter(function (j) { return j >= 0; });
          save(data.id, state);
        };
      });
      var out = el('div', 'gp-scenario__added gp-scenario__result');
      out.setAttribute('tabindex', '-1');
      var check = button('Check my answer', 'gp-scenario__added gp-scenario__check', function () {
        var chosen = inputs.map(function (x, j) { return x.checked ? j : -1; }).filter(function (j) { return j >= 0; });
        var right = steps[id].c;
        var ok = chosen.length === right.length && chosen.every(function (j) { return right.indexOf(j) >= 0; });
        while (out.firstChild) out.removeChild(out.firstChild);
        out.appendChild(el('h3', 'gp-scenario__result-title', ok ? 'Right' : 'Not quite'));
        var items = q(s, '.gp-scenario__answers').cloneNode(true);
        qa(items, 'li').forEach(function (li, j) {
          if (chosen.indexOf(j) >= 0) li.insertBefore(el('span', 'gp-scenario__yours', 'Your answer. '), li.firstChild);
        });
        out.appendChild(items);
        out.appendChild(continueTo(steps[id].n[0]));
        live.textContent = ok ? 'Right.' : 'Not quite. See which answers are right.';
        out.focus();
      });
      var fs = q(s, '.gp-scenario__options');
      fs.parentNode.insertBefore(check, fs.nextSibling);
      check.parentNode.insertBefore(out, check.nextSibling);
    }

    function reflection(id, s) {
      var t = q(s, '.gp-scenario__notes');
      t.value = state.notes[id] || '';
      t.oninput = function () { state.notes[id] = t.value; save(data.id, state); };
      var c = el('p', 'gp-scenario__added');
      c.appendChild(continueTo(steps[id].n[0]));
      s.appendChild(c);
    }

    function ending(id, s) {
      var box = el('div', 'gp-scenario__added gp-scenario__summary');
      box.appendChild(el('h3', '', 'Your path'));
      var ol = el('ol', 'gp-scenario__path');
      state.path.forEach(function (sid) {
        var st = steps[sid];
        var li = el('li', '', st.t);
        if (st.k === 'situation' && state.choices[sid] !== undefined) {
          var i = state.choices[sid];
          li.appendChild(doc.createTextNode(': you chose ' + String.fromCharCode(65 + i) + ', ' + JUDGED[st.j[i]] + '.'));
        }
        ol.appendChild(li);
      });
      box.appendChild(ol);
      var actions = el('p', 'gp-scenario__actions');
      actions.appendChild(button('Start again', '', function () { go(data.start, true); }));
      actions.appendChild(button('Forget my answers', 'gp-button--secondary', function () {
        try { if (store) store.removeItem(PREFIX + data.id); } catch (e) { /* nothing kept */ }
        state = { path: [], choices: {}, notes: {}, answers: {} };
        live.textContent = 'Your answers have been forgotten.';
        go(data.start, true);
      }));
      box.appendChild(actions);
      if (!state.done) state.done = new Date().toISOString().slice(0, 10);
      state.title = q(doc, 'h1') ? q(doc, 'h1').textContent : data.id;
      save(data.id, state);
      s.appendChild(box);
    }

    function fromHash(focus) {
      var id;
      try {
        id = byAnchor[decodeURIComponent(location.hash.slice(1))];
      } catch (e) { /* a malformed hash names no step */ }
      if (id === current) return; // go() has shown it already
      if (id) show(id, focus);
      else if (current === null || !location.hash) {
        state.path = []; // a fresh start
        show(data.start, current !== null);
      }
    }
    window.addEventListener('hashchange', function () { fromHash(true); });
    fromHash(false);
  }

  // The scenario index: a filter by service.
  function Filter(root) {
    var groups = qa(root, '[data-service]');
    var fs = el('fieldset', 'gp-filter');
    fs.appendChild(el('legend', '', 'Show scenarios for'));
    [['', 'Every service'], ['children', "Children's services"], ['adults', 'Adult services']].forEach(function (o, i) {
      var id = 'gp-filter-' + (o[0] || 'any');
      var inp = el('input');
      inp.type = 'radio';
      inp.name = 'gp-filter';
      inp.id = id;
      inp.checked = i === 0;
      inp.addEventListener('change', function () {
        groups.forEach(function (g) {
          var s = g.getAttribute('data-service');
          g.hidden = !!o[0] && s !== o[0] && s !== 'all';
        });
      });
      var lab = el('label', '', o[1]);
      lab.htmlFor = id;
      var wrap = el('span', 'gp-filter__option');
      wrap.appendChild(inp);
      wrap.appendChild(lab);
      fs.appendChild(wrap);
    });
    root.insertBefore(fs, root.firstChild);
  }

  function start(sel, Module) {
    qa(doc, sel).forEach(function (root) {
      try {
        new Module(root);
      } catch (e) {
        // One broken component must not stop the others; the page still reads without it.
        if (window.console) console.warn('guidepack:', e);
      }
    });
  }
  start('[data-module="gp-scenario"]', Scenario);
  start('[data-module="gp-scenario-filter"]', Filter);
})();
