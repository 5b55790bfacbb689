(function () {
  "use strict";
  var button = document.getElementById("print-now");
  if (button) button.addEventListener("click", function () { window.print(); });
  if (document.body.classList.contains("auto-print")) {
    window.addEventListener("load", function () { window.print(); });
  }
})();
