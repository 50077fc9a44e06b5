// Folded sections: <details data-module="gp-fold"> elements are OPEN in the markup,
// so with JavaScript off nothing is folded and every #id on the page can be seen.
// This script folds them, except the one holding the address's #id, and opens a
// folded section whenever the reader follows a link to an #id inside it (or to the
// section itself): on load, on hashchange, and on a click on a link to the current
// #id (which fires no hashchange). GOV.UK accordion behaviour, on native <details>.
(function () {
  function target() {
    var id = location.hash.slice(1);
    if (!id) return null;
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      return null;
    }
    return document.getElementById(id);
  }
  function reveal(el) {
    for (var n = el; n; n = n.parentElement) {
      if (n.tagName === "DETAILS") n.open = true;
    }
  }
  function show(scroll) {
    var el = target();
    if (!el) return;
    reveal(el);
    if (scroll && el.scrollIntoView) el.scrollIntoView();
  }
  try {
    var folds = document.querySelectorAll('details[data-module="gp-fold"]');
    var el = target();
    for (var i = 0; i < folds.length; i++) {
      if (!el || !folds[i].contains(el)) folds[i].open = false;
    }
    show(true);
    window.addEventListener("hashchange", function () {
      show(true);
    });
    document.addEventListener("click", function (ev) {
      var a = ev.target && ev.target.closest ? ev.target.closest("a[href]") : null;
      if (!a || a.hash === "" || a.pathname !== location.pathname || a.hash !== location.hash) return;
      show(false);
    });
  } catch (e) {
    if (window.console) console.error("gp-fold", e);
  }
})();
