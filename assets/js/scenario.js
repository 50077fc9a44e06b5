// gp-scenario: turns a scenario that reads as a whole page (JavaScript off) into
// one step at a time. The step lives in the URL hash, so Back, Forward and reload
// work, under file:// too. Choices and reflections are kept in this browser's
// localStorage when it allows (never sent anywhere); "Forget my answers" clears them,
// once the reader confirms. What is kept (H5P Branching Scenario's model): the
// reader's FIRST decision at each step of an attempt, in choices; any other choice
// tried afterwards, to read its feedback, in explored; "Start again" begins a new
// attempt. Coming back to a half-done scenario offers to resume or start again.
// What is kept, and how it is read back when the scenario has changed since:
// assets/js/gp/store.js (shared with record.js).
// Author text is already HTML in the page: this script moves and clones those
// nodes and writes only its own words, with textContent.
import { JUDGED, button, dict, el, fit, forget as forgetKept, letter, model, read, start, storage, write } from './gp/store.js';

var doc = document;

function q(root, sel) { return root.querySelector(sel); }
function qa(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

function Scenario(root) {
  var data = JSON.parse(q(root, '.gp-scenario__data').textContent);
  var steps = dict(data.steps);
  var byAnchor = Object.create(null);
  Object.keys(steps).forEach(function (id) { byAnchor[steps[id].a] = id; });
  var shape = model(data.hash, data.start, Object.keys(steps).map(function (id) {
    var x = steps[id];
    return { id: id, k: x.k, h: x.h, n: x.n, nc: x.j.length, no: x.m };
  }));
  // Kept by this or another version of the pack: fitted to this scenario.
  var kept = fit(read(data.pack, data.id), shape);
  var state = kept.state;
  function save() { write(data.pack, data.id, shape, state); }
  var current = null;

  root.classList.add('gp-scenario--js');
  var bar = el('div', 'gp-scenario__bar');
  var progress = el('p', 'gp-scenario__progress');
  var live = el('p', 'gp-visually-hidden');
  live.setAttribute('aria-live', 'polite');
  var back = button('Back', 'gp-button--secondary', function () { history.back(); });
  var restart = button('Start again', 'gp-button--secondary', function () { go(data.start, true); });
  // A message that stays in view after an action that leaves the step (Forget).
  var notice = el('p', 'gp-scenario__notice');
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  bar.appendChild(progress);
  bar.appendChild(back);
  bar.appendChild(restart);
  root.insertBefore(bar, q(root, '.gp-scenario__steps'));
  root.insertBefore(notice, q(root, '.gp-scenario__steps'));
  root.appendChild(live);
  if (kept.dropped) {
    // Said once: what still fits is kept at once, under this version's hash.
    notice.textContent = 'This scenario has changed since you last worked on it: your answers to the steps that changed were removed, the rest are kept.';
    notice.hidden = false;
    save();
  }
  if (storage) qa(root, '.gp-scenario__kept').forEach(function (k) { k.hidden = false; });

  // The bar stays at the top of the screen (sticky, scenario.css): what the
  // reader moves to (a step's heading, the feedback, a control reached with
  // Shift+Tab) is scrolled into view below it, not under it (WCAG 2.4.11).
  function pad() {
    var sticky = !bar.hidden && window.getComputedStyle(bar).position === 'sticky';
    doc.documentElement.style.scrollPaddingTop = sticky ? bar.offsetHeight + 8 + 'px' : '';
  }
  window.addEventListener('resize', pad);

  function stepEl(id) { return doc.getElementById(steps[id].a); }

  function go(id, fresh) {
    if (fresh) {
      // A new attempt: its own first decisions. What was written stays.
      state = { path: [], choices: dict(), explored: dict(), answers: dict(), notes: state.notes };
    } else if (id === data.start) state.path = [];
    var hash = '#' + steps[id].a;
    // Setting the hash navigates to the step's element, and Chrome then resets
    // focus to the document: show the step (and focus it) after that.
    if (location.hash !== hash) location.hash = hash;
    show(id, true);
  }

  function show(id, focus) {
    current = id;
    if (resume) { resume.parentNode.removeChild(resume); resume = null; }
    bar.hidden = false;
    var at = state.path.indexOf(id);
    state.path = at >= 0 ? state.path.slice(0, at + 1) : state.path.concat(id);
    save();
    qa(root, '.gp-scenario__step').forEach(function (s) { s.hidden = s.getAttribute('data-step') !== id; });
    var s = stepEl(id);
    var kind = steps[id].k;
    reset(s);
    if (kind === 'situation') situation(id, s);
    else if (kind === 'question') question(id, s);
    else if (kind === 'reflection') reflection(id, s);
    else ending(id, s);
    var n = state.path.indexOf(id) + 1;
    // The heading is numbered by the reader's path, as the progress line is
    // (the authored number stays for print and for JavaScript off).
    var num = q(s, '.gp-scenario__n');
    if (num) num.parentNode.insertBefore(el('span', 'gp-scenario__added gp-scenario__pathn', 'Step ' + n + ': '), num);
    progress.textContent = kind === 'ending' ?
      'The end: ' + n + ' steps taken' :
      'Step ' + n + ' of your path · the best path has ' + data.best + ' steps';
    back.hidden = n < 2;
    restart.hidden = n < 2;
    pad();
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

    function labelOf(i) {
      return q(qa(s, '.gp-scenario__choice')[i], '.gp-scenario__label').textContent.replace('.', '');
    }
    function choose(i) {
      var c = qa(s, '.gp-scenario__choice')[i];
      var label = labelOf(i);
      var first = state.choices[id];
      if (first === undefined) {
        state.choices[id] = i;
      } else if (first !== i) {
        var ex = state.explored[id] || [];
        if (ex.indexOf(i) < 0) ex.push(i);
        state.explored[id] = ex;
      }
      save();
      mark(i);
      while (out.firstChild) out.removeChild(out.firstChild);
      var body = q(c, '.gp-scenario__feedback-body').cloneNode(true);
      qa(body, '.gp-scenario__go').forEach(function (g) { g.parentNode.removeChild(g); });
      out.appendChild(el('h3', 'gp-scenario__result-title', 'You chose ' + label));
      if (first !== undefined && first !== i) {
        out.appendChild(el('p', 'gp-scenario__explored', 'You are exploring another choice. Your first decision here was ' +
          labelOf(first) + ': that is the one your record keeps.'));
      }
      out.appendChild(body);
      out.appendChild(continueTo(steps[id].n[i]));
      live.textContent = 'You chose ' + label + ': ' + JUDGED[steps[id].j[i]] + '.';
      out.focus();
    }
    // pressed: the choice whose feedback shows; --first: the decision kept.
    function mark(shown) {
      qa(list, 'button').forEach(function (b, j) {
        b.setAttribute('aria-pressed', String(shown === j));
        b.classList.toggle('gp-scenario__choose--first', state.choices[id] === j);
      });
    }
    if (state.choices[id] !== undefined && state.path[state.path.length - 1] !== id) mark(state.choices[id]);
  }

  function question(id, s) {
    var inputs = qa(s, '.gp-scenario__options input');
    var saved = state.answers[id] || [];
    inputs.forEach(function (inp, i) {
      inp.checked = saved.indexOf(i) >= 0;
      // A property, not a listener: each visit to the step sets it again.
      inp.onchange = function () {
        state.answers[id] = inputs.map(function (x, j) { return x.checked ? j : -1; }).filter(function (j) { return j >= 0; });
        save();
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
        var mine = chosen.indexOf(j) >= 0, isRight = right.indexOf(j) >= 0;
        var say = mine ? (isRight ? 'You ticked this, and it is right. ' : 'You ticked this, but it is not right. ') :
          (isRight ? 'A right answer you did not tick. ' : '');
        if (say) li.insertBefore(el('span', 'gp-scenario__yours', say), li.firstChild);
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
    t.oninput = function () { state.notes[id] = t.value; save(); };
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
        li.appendChild(doc.createTextNode(': you chose ' + letter(i) + ', ' + JUDGED[st.j[i]] + '.'));
        var ex = state.explored[sid];
        if (ex && ex.length) {
          li.appendChild(doc.createTextNode(' You also explored ' + ex.map(function (j) { return letter(j); }).join(', ') + '.'));
        }
      }
      var ans = state.answers[sid];
      if (st.k === 'question' && ans) {
        li.appendChild(doc.createTextNode(ans.length ?
          ': you ticked ' + ans.map(function (j) { return letter(j); }).join(', ') + '.' :
          ': you ticked nothing.'));
      }
      if (st.k === 'reflection' && state.notes[sid]) {
        li.appendChild(doc.createTextNode(': you wrote:'));
        li.appendChild(el('blockquote', 'gp-scenario__note', state.notes[sid]));
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var actions = el('p', 'gp-scenario__actions');
    actions.appendChild(button('Start again', '', function () { go(data.start, true); }));
    var forget = button('Forget my answers', 'gp-button--secondary', function () {
      actions.hidden = true;
      confirm.hidden = false;
      q(confirm, 'button').focus();
    });
    actions.appendChild(forget);
    box.appendChild(actions);
    // Forgetting cannot be undone: ask first (GOV.UK: a question, then a clear outcome).
    var confirm = el('div', 'gp-scenario__confirm');
    confirm.hidden = true;
    confirm.appendChild(el('p', '', 'Forget your answers to this scenario? Your choices and what you wrote will be removed from this browser, and your learning record will no longer list this scenario.'));
    var yes = el('p', 'gp-scenario__actions');
    yes.appendChild(button('Yes, forget my answers', '', function () {
      forgetKept(data.pack, data.id);
      state = { path: [], choices: dict(), explored: dict(), notes: dict(), answers: dict() };
      go(data.start, true);
      // go() saved the fresh start: remove that too, so nothing at all is kept.
      forgetKept(data.pack, data.id);
      notice.textContent = 'Your answers to this scenario have been forgotten: this browser keeps nothing of them now.';
      notice.hidden = false;
    }));
    yes.appendChild(button('No, keep them', 'gp-button--secondary', function () {
      confirm.hidden = true;
      actions.hidden = false;
      forget.focus();
    }));
    confirm.appendChild(yes);
    box.appendChild(confirm);
    if (!state.done) state.done = new Date().toISOString().slice(0, 10);
    state.title = q(doc, 'h1') ? q(doc, 'h1').textContent : data.id;
    save();
    s.appendChild(box);
  }

  // resume: the offer to carry on, shown when the reader comes back (from the
  // Scenarios list, say) to an attempt that has got past its first step.
  var resume = null;
  function offerResume() {
    var path = state.path.slice();
    var last = path[path.length - 1];
    if (path.length < 2 || !steps[last]) return false;
    var finished = steps[last].k === 'ending';
    resume = el('div', 'gp-scenario__resume');
    resume.setAttribute('tabindex', '-1');
    resume.appendChild(el('h2', 'gp-scenario__resume-title', finished ? 'You have finished this scenario' : 'You have started this scenario'));
    resume.appendChild(el('p', '', finished ?
      'Your path and answers are kept in this browser. You can look at the end again, or start again.' :
      'You got to step ' + path.length + ': ' + steps[last].t + '.'));
    var acts = el('p', 'gp-scenario__actions');
    acts.appendChild(button(finished ? 'See the end again' : 'Resume where you left off', '', function () {
      state.path = path;
      current = null;
      location.hash = '#' + steps[last].a;
    }));
    acts.appendChild(button('Start again', 'gp-button--secondary', function () { go(data.start, true); }));
    resume.appendChild(acts);
    qa(root, '.gp-scenario__step').forEach(function (x) { x.hidden = true; });
    bar.hidden = true;
    pad();
    root.insertBefore(resume, q(root, '.gp-scenario__steps'));
    return true;
  }

  function fromHash(focus) {
    var id;
    try {
      id = byAnchor[decodeURIComponent(location.hash.slice(1))];
    } catch (e) { /* a malformed hash names no step */ }
    if (id === current) return; // go() has shown it already
    if (id) show(id, focus);
    else if (current === null && offerResume()) return;
    else if (current === null || !location.hash) {
      state.path = []; // back at the start
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

start('[data-module="gp-scenario"]', Scenario);
start('[data-module="gp-scenario-filter"]', Filter);
