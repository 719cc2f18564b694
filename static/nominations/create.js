// Lập hồ sơ: show the nominee field that matches the chosen subject (collective or individual).
(function () {
  "use strict";
  var unitRow = document.getElementById("div_id_nominee_unit");
  var personRow = document.getElementById("div_id_nominee_person");
  if (!unitRow || !personRow) { return; }
  function update() {
    var checked = document.querySelector("input[name=subject]:checked");
    var subject = checked ? checked.value : "";
    unitRow.hidden = subject === "individual";
    personRow.hidden = subject === "collective";
  }
  document.querySelectorAll("input[name=subject]").forEach(function (el) {
    el.addEventListener("change", update);
  });
  update();
})();
