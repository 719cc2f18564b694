// The "Báo cáo" pages: show only the fields the chosen report needs; follow a job's progress.
// No inline scripts or styles (CSP): widths are set through the CSSOM from JSON the server sends.
(function () {
  "use strict";

  var FIELDS = { annual: ["year"], final: [], proposal: ["round"], unit: ["year", "unit"] };

  function toggleFields(form) {
    var kind = form.querySelector("[name=kind]");
    if (!kind) { return; }
    ["year", "round", "unit"].forEach(function (name) {
      var wrapper = form.querySelector("#div_id_" + name);
      if (wrapper) {
        wrapper.classList.toggle("d-none", (FIELDS[kind.value] || []).indexOf(name) === -1);
      }
    });
  }

  var form = document.getElementById("report-request-form");
  if (form) {
    toggleFields(form);
    form.addEventListener("change", function (event) {
      if (event.target.name === "kind") { toggleFields(form); }
    });
  }

  var box = document.getElementById("report-job");
  if (!box || box.dataset.state === "done" || box.dataset.state === "failed") { return; }
  var bar = box.querySelector(".progress-bar");
  var progress = document.getElementById("report-progress");
  var step = document.getElementById("report-step");
  var percent = document.getElementById("report-percent");
  var delay = 1000;

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        bar.style.width = data.progress + "%";
        progress.setAttribute("aria-valuenow", data.progress);
        percent.textContent = data.progress + "%";
        step.textContent = data.step || data.state_label;
        if (data.finished) {
          // The page as the server renders it: the download button, or the error and "Thử lại".
          window.location.reload();
          return;
        }
        delay = 1000;
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000);
        window.setTimeout(poll, delay);
      });
  }
  window.setTimeout(poll, 500);
})();
