// Reception console: keyboard shortcuts and SMS without leaving the page.
// Server values are shown with textContent only (never as HTML).
(function () {
  "use strict";
  var base = "/staff/";

  function selected() {
    var el = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest(".place") : null;
    return el || document.querySelector(".place.selected") || document.querySelector(".place");
  }

  function select(card) {
    if (!card) return;
    document.querySelectorAll(".place.selected").forEach(function (c) { c.classList.remove("selected"); });
    card.classList.add("selected");
    card.focus();
  }

  function nextCitizen() {
    // A fresh GET: the note, the results and any typed number are gone.
    window.location.assign(base);
  }

  document.addEventListener("keydown", function (ev) {
    var inPhone = ev.target && ev.target.name === "phone";
    if (ev.key === "Escape" && !ev.ctrlKey && !ev.altKey) {
      if (inPhone && ev.target.value) { ev.target.value = ""; ev.preventDefault(); return; }
      ev.preventDefault(); nextCitizen(); return;
    }
    if (ev.altKey && !ev.ctrlKey && ev.code === "KeyN") { ev.preventDefault(); nextCitizen(); return; }
    if (ev.altKey && !ev.ctrlKey && /^Digit[1-3]$/.test(ev.code)) {
      ev.preventDefault(); select(document.getElementById("place-" + ev.code.slice(5))); return;
    }
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && (ev.key === "p" || ev.key === "P")) {
      var card = selected();
      var link = card && card.querySelector("a.print");
      if (link) {
        ev.preventDefault();
        window.open(link.getAttribute("href") + (link.getAttribute("href").indexOf("?") < 0 ? "?" : "&") + "print=1", "_blank", "noopener");
      }
      return;
    }
    if (ev.altKey && !ev.ctrlKey && ev.code === "KeyS") {
      var c = selected();
      var input = c && c.querySelector("input[name=phone]");
      if (input) { ev.preventDefault(); select(c); input.focus(); }
    }
  });

  document.querySelectorAll("form.sms").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var status = form.querySelector(".sms-status");
      var phone = form.querySelector("input[name=phone]");
      var button = form.querySelector("button");
      button.disabled = true;
      status.textContent = "Envoi…";
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (r) { return r.json(); })
        .then(function (data) {
          status.textContent = data.message || "";
          status.className = "sms-status " + (data.ok ? "ok" : "ko");
          if (data.ok) phone.value = "";  // used once, not kept
        })
        .catch(function () { status.textContent = "Échec de l'envoi."; status.className = "sms-status ko"; })
        .then(function () { button.disabled = false; });
    });
  });

  var first = document.querySelector(".place");
  if (first) first.classList.add("selected");
  document.querySelectorAll(".place").forEach(function (card) {
    card.addEventListener("click", function () { select(card); });
  });
})();
