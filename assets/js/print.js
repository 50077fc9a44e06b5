// Print buttons: [data-module="gp-print"] elements, hidden in the markup, are shown
// and print the page when pressed. Nothing prints by itself. Each button is started
// on its own, so one failure leaves the others working.
(function () {
  var buttons = document.querySelectorAll('[data-module="gp-print"]');
  for (var i = 0; i < buttons.length; i++) {
    try {
      start(buttons[i]);
    } catch (e) {
      if (window.console) console.error("gp-print", e);
    }
  }
  function start(el) {
    if (typeof window.print !== "function") return;
    el.addEventListener("click", function () {
      window.print();
    });
    el.hidden = false;
  }
})();
