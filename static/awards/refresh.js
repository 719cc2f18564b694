// Reload the page while a background job runs: an element with data-refresh-seconds asks for it.
(function () {
  "use strict";
  var el = document.querySelector("[data-refresh-seconds]");
  if (el) {
    window.setTimeout(function () { window.location.reload(); }, parseInt(el.dataset.refreshSeconds, 10) * 1000);
  }
})();
