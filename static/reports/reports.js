// The "Báo cáo" pages: show only the fields the chosen report needs; follow a job's progress.
// No inline scripts or styles (CSP): widths are set through the CSSOM from JSON the server sends.
(function () {
  "use strict";

  var FIELDS = {
    annual: ["year", "signer"],
    final: ["signer"],
    proposal: ["round", "signer", "decision_signer"],
    unit: ["year", "unit", "signer"]
  };
  var OPTIONAL = ["year", "round", "unit", "signer", "decision_signer"];
  // Who may sign depends on these: the page draws its "Người ký" fields again for their new values.
  var SIGNERS_DEPEND_ON = ["kind", "campaign", "round", "unit"];
  var SIGNER_FIELDS = ["signer", "decision_signer"];

  function toggleFields(form) {
    var kind = form.querySelector("[name=kind]");
    if (!kind) { return; }
    OPTIONAL.forEach(function (name) {
      var wrapper = form.querySelector("#div_id_" + name);
      if (wrapper) {
        wrapper.classList.toggle("d-none", (FIELDS[kind.value] || []).indexOf(name) === -1);
      }
    });
  }

  function refreshSigners(form) {
    var query = new URLSearchParams();
    SIGNERS_DEPEND_ON.concat(["year", "format"]).forEach(function (name) {
      var input = form.querySelector("[name=" + name + "]");
      if (input && input.value) { query.set(name, input.value); }
    });
    fetch(window.location.pathname + "?" + query.toString(), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html");
        SIGNER_FIELDS.forEach(function (name) {
          var now = form.querySelector("#div_id_" + name);
          var next = fresh.getElementById("div_id_" + name);
          if (now && next) { now.replaceWith(document.importNode(next, true)); }
        });
        toggleFields(form);
      })
      .catch(function () { /* the form still works: the service says which signer to choose */ });
  }

  var form = document.getElementById("report-request-form");
  if (form) {
    toggleFields(form);
    form.addEventListener("change", function (event) {
      if (event.target.name === "kind") { toggleFields(form); }
      if (SIGNERS_DEPEND_ON.indexOf(event.target.name) !== -1) { refreshSigners(form); }
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
