// A decision form's signer: picking an official of the register from the name's list fills their title.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("input[list][name=signer_name]"), function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var title = input.form && input.form.querySelector("[name=signer_title]");
    if (!list || !title) { return; }
    input.addEventListener("input", function () {
      var chosen = Array.prototype.find.call(list.options, function (option) {
        return option.value === input.value;
      });
      if (chosen && chosen.dataset.title) { title.value = chosen.dataset.title; }
    });
  });
})();
