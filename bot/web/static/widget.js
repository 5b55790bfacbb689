/*
 * Orienteur chat widget — dependency-free, accessible (RGAA / WCAG 2.1 AA), CSP-ready.
 *
 *   <script src="https://…/static/widget.js" data-server="https://rasa.example" defer></script>
 *
 * Options (data-* attributes of the script tag):
 *   data-server   Rasa server URL (socket.io channel)                        required
 *   data-open     "true": open the panel when the page loads
 *   data-css      "none": do not load widget.css (the site styles the widget itself)
 *
 * Security: every text from the assistant or the directory is inserted with textContent or
 * DOM APIs, never as HTML; links are only http(s) and tel.
 *
 * Keeping an answer: each card offers the desk's one-page sheet of the place (print or save as
 * PDF), served by the web server the script comes from (/fiche/…), and sends it by SMS or e-mail
 * only when that server says a provider is configured (/fiche/options). The number or address
 * typed is sent once and kept nowhere (not in the transcript).
 *
 * Protocol: Rasa's socket.io channel (session_request / session_confirm / user_uttered /
 * bot_uttered) with session_persistence. The session id is kept in localStorage, the
 * transcript of this tab in sessionStorage, so a reload continues the conversation.
 */
(function () {
  "use strict";

  if (window.Orienteur && window.Orienteur.loaded) return;

  var script = document.currentScript || document.querySelector("script[data-server][src*='widget.js']");
  var base = script && script.src ? script.src.replace(/[^/]*$/, "") : "";
  var server = ((script && script.getAttribute("data-server")) || "").replace(/\/+$/, "");
  var web = base.replace(/static\/$/, ""); // the web server that serves this script and the sheets

  var KEY_SESSION = "orienteur:session_id";
  var KEY_TRANSCRIPT = "orienteur:transcript";
  var KEY_OPEN = "orienteur:open";
  var MAX_TRANSCRIPT = 200;
  // A letter pasted whole (3,000 characters, where the person lives at its end) is sent whole:
  // the assistant reads its start, its end and the sentences that ask (bot/channels/guard.py)
  // and says so. 6,000 characters stay under the socket.io channel's 32 KB in any script.
  var MAX_MESSAGE = 6000;

  var storage = {
    get: function (store, key) {
      try { return window[store].getItem(key); } catch (e) { return null; }
    },
    set: function (store, key, value) {
      try { window[store].setItem(key, value); } catch (e) { /* private mode, quota */ }
    },
    remove: function (store, key) {
      try { window[store].removeItem(key); } catch (e) { /* ignore */ }
    }
  };

  // ---- Safe DOM helpers -------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = String(value);
        else if (name === "className") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function safeUrl(value) {
    if (typeof value !== "string" || !value.trim()) return null;
    try {
      var url = new URL(value.trim());
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** The payload's dialable "tel:+33…" (written by the assistant), or null. */
  function telHref(tel) {
    return typeof tel === "string" && /^tel:\+\d{6,15}$/.test(tel) ? tel : null;
  }

  function isNumber(value) {
    return typeof value === "number" && isFinite(value);
  }

  function srOnly(text) {
    return el("span", { className: "orienteur-sr-only", text: text });
  }

  function externalLink(href, label, context) {
    var a = el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, [label]);
    if (context) a.appendChild(srOnly(" — " + context));
    a.appendChild(srOnly(" (nouvelle fenêtre)"));
    return a;
  }

  /**
   * French typesetting: the space before « : ; ! ? » » and after « « » and « n° » does not
   * break, so no line starts with a colon or a closing quote, and « n° 2 » stays whole. Done
   * here, not by the assistant: its text also goes to SMS, where a no-break space is not in the
   * GSM alphabet.
   */
  function french(text) {
    return String(text).replace(/ ([:;!?»])/g, "\u00a0$1").replace(/(«|n°) /g, "$1\u00a0");
  }

  // A time or a range of times: « 8 h », « 13 h 30 », « 9 h–12 h », « 13 h 30-17 h » (the SMS's).
  var TIME = /(\d{1,2} h(?: \d\d)?(?: ?[–-] ?\d{1,2} h(?: \d\d)?)?)(?![\w])/;

  /**
   * French text whose times are never cut across two lines (« 13 | h 30 », « 9 h– | 12 h »):
   * each time in a span that does not wrap, its characters unchanged (copied as they are into
   * an SMS, where a no-break space is not in the GSM alphabet).
   */
  function typeset(text) {
    return String(text).split(TIME).map(function (part, i) {
      return i % 2 === 1 ? el("span", { className: "orienteur-time", text: part })
        : document.createTextNode(french(part));
    });
  }

  /** Text with its web addresses as links (built node by node, never parsed as HTML). */
  function richText(text) {
    var p = el("p", { className: "orienteur-text" });
    var parts = String(text).split(/(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g);
    parts.forEach(function (part, i) {
      var href = i % 2 === 1 ? safeUrl(part) : null;
      if (href) p.appendChild(externalLink(href, part));
      else typeset(part).forEach(function (node) { p.appendChild(node); });
    });
    return p;
  }

  // ---- Widget DOM -------------------------------------------------------------------------
  var root = el("div", { className: "orienteur-widget", id: "orienteur-widget", "data-connection": "idle" });
  var launcher = el("button", {
    type: "button", className: "orienteur-launcher", "aria-expanded": "false",
    "aria-controls": "orienteur-panel", text: "Besoin d'aide avec le numérique ?"
  });
  var panel = el("section", {
    id: "orienteur-panel", className: "orienteur-panel", "aria-labelledby": "orienteur-title",
    hidden: true
  });
  var closeButton = el("button", {
    type: "button", className: "orienteur-close", "aria-label": "Fermer l'assistant"
  }, [el("span", { "aria-hidden": "true", text: "×" })]);
  var header = el("div", { className: "orienteur-header" }, [
    el("h2", { id: "orienteur-title", className: "orienteur-title", text: "Orienteur — trouver de l'aide numérique" }),
    closeButton
  ]);
  var intro = el("p", {
    className: "orienteur-intro",
    text: "Dites-moi ce que vous voulez faire et où vous êtes : je vous indique un lieu où l'on vous aide gratuitement."
  });
  var log = el("div", {
    id: "orienteur-log", className: "orienteur-log", role: "log", "aria-live": "polite",
    "aria-relevant": "additions", "aria-label": "Conversation avec Orienteur", tabindex: "0"
  });
  var status = el("p", { id: "orienteur-status", className: "orienteur-status", role: "status" });
  var input = el("input", {
    id: "orienteur-input", className: "orienteur-input", type: "text", autocomplete: "off",
    maxlength: String(MAX_MESSAGE), "aria-describedby": "orienteur-status", placeholder: "Écrivez votre message"
  });
  var form = el("form", { className: "orienteur-form", novalidate: true }, [
    el("label", { "for": "orienteur-input", className: "orienteur-label", text: "Votre message" }),
    el("div", { className: "orienteur-row" }, [
      input,
      el("button", { type: "submit", className: "orienteur-send", text: "Envoyer" })
    ])
  ]);
  var geoButton = el("button", { type: "button", className: "orienteur-secondary orienteur-geo", text: "Partager ma position" });
  var resetButton = el("button", { type: "button", className: "orienteur-secondary orienteur-reset", text: "Nouvelle conversation" });
  var tools = el("div", { className: "orienteur-tools" }, [geoButton, resetButton]);
  panel.appendChild(header);
  panel.appendChild(intro);
  panel.appendChild(log);
  panel.appendChild(status);
  panel.appendChild(form);
  panel.appendChild(tools);
  root.appendChild(panel);
  root.appendChild(launcher);
  if (!("geolocation" in navigator)) geoButton.hidden = true;

  // ---- Rendering --------------------------------------------------------------------------
  function messageNode(role, children) {
    var label = role === "user" ? "Vous" : "Orienteur";
    var node = el("div", { className: "orienteur-msg orienteur-msg--" + role }, [
      el("p", { className: "orienteur-role", text: label + " :" })
    ]);
    children.forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function text(value) {
    return typeof value === "string" && value ? value : null;
  }

  function sameWords(a, b) {
    function plain(s) { return String(s).replace(/\s+/g, " ").trim().toLowerCase(); }
    return plain(a) === plain(b);
  }

  function routeUrl(lat, lon) {
    if (!isNumber(lat) || !isNumber(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    return "https://www.openstreetmap.org/directions?route=%3B" + lat.toFixed(5) + "%2C" + lon.toFixed(5);
  }

  /**
   * One place, once: what the assistant wrote in the payload (distance, phone, hours are already
   * written there), and what one can do: call, the route, an appointment, the week's hours.
   * `full`: the place asked for by its number ("le deuxième"), given in full: the week's hours
   * and what to bring are open in the card, not folded. `weekOpen`: the week's hours unfolded
   * (places asked for a day, "ouverts le samedi": that day's hours are what the person looks for).
   */
  function card(item, toBring, full, weekOpen) {
    var name = text(item.name) || "Lieu sans nom";
    var number = isNumber(item.number) ? item.number + ". " : "";
    var body = [el("h3", { className: "orienteur-card-title", text: number + name })];
    var facts = el("ul", { className: "orienteur-card-facts" });
    function fact(className, value) {
      if (value) facts.appendChild(el("li", { className: className, text: value }));
    }
    fact("orienteur-card-same-desk", text(item.same_desk));
    fact("orienteur-card-distance", text(item.distance_text) && "À " + item.distance_text);
    fact("orienteur-card-address", text(item.address));
    // A stop of a mobile service named as the service itself ("Bus France services …"): its
    // name is the card's title already.
    var mobile = text(item.mobile_service);
    if (mobile) fact("orienteur-card-mobile", sameWords(mobile, name) ? "Service itinérant" : "Service itinérant : " + mobile);
    fact("orienteur-card-open orienteur-card-open--" + String(item.open_now), text(item.opening_text));
    fact("orienteur-card-why", text(item.why));
    fact("orienteur-card-ahead", text(item.ahead));
    if (!telHref(item.tel)) fact("orienteur-card-phone", text(item.phone_text) ? "Téléphone : " + item.phone_text : "Pas de téléphone connu");
    body.push(facts);
    var week = el("ul", { className: "orienteur-card-hours" });
    (Array.isArray(item.hours) ? item.hours : []).forEach(function (line) {
      if (text(line)) week.appendChild(el("li", null, typeset(line)));
    });
    if (week.childNodes.length && full) {
      body.push(el("h4", { className: "orienteur-card-subtitle", text: "Horaires de la semaine" }), week);
    } else if (week.childNodes.length) {
      body.push(el("details", { className: "orienteur-card-week", open: !!weekOpen }, [
        el("summary", null, ["Horaires de la semaine", srOnly(" — " + name)]), week
      ]));
    }
    var bringList = full && item.bring_here !== false ? listOf(toBring || [], "orienteur-bring-list") : null;
    if (bringList) body.push(el("h4", { className: "orienteur-card-subtitle", text: "À apporter" }), bringList);

    var actions = el("ul", { className: "orienteur-card-actions" });
    var tel = telHref(item.tel);
    if (tel) {
      actions.appendChild(el("li", null, [
        el("a", { href: tel, className: "orienteur-card-tel" }, ["Appeler le " + (text(item.phone_text) || tel.slice(4)), srOnly(" — " + name)])
      ]));
    }
    var route = routeUrl(item.lat, item.lon);
    if (route) {
      var a = externalLink(route, "Itinéraire", name);
      a.className = "orienteur-card-route";
      actions.appendChild(el("li", null, [a]));
    }
    var appointment = safeUrl(item.appointment_url);
    if (appointment) {
      actions.appendChild(el("li", null, [externalLink(appointment, "Prendre rendez-vous", name)]));
    }
    var website = safeUrl(item.website);
    if (website && !appointment) actions.appendChild(el("li", null, [externalLink(website, "Site web", name)]));
    if (actions.childNodes.length) body.push(actions);
    body.push(keep(item, name, toBring || []));
    return el("article", { className: "orienteur-card" + (full ? " orienteur-card--full" : "") }, body);
  }

  function cards(items, label, toBring, weekOpen) {
    var list = el("ul", { className: "orienteur-cards", "aria-label": label });
    items.forEach(function (item) {
      if (item && typeof item === "object") {
        list.appendChild(el("li", { className: "orienteur-card-item" }, [card(item, toBring, false, weekOpen)]));
      }
    });
    return list.childNodes.length ? list : null;
  }

  /** The one place of a `delivery: "detail"` answer: one complete card, not a list. */
  function placeInFull(items, toBring) {
    var item = items.filter(function (i) { return i && typeof i === "object"; })[0];
    return item ? card(item, toBring, true) : null;
  }

  // ---- Keeping an answer: the sheet, by SMS or e-mail when the server can send them --------
  var keepOptions = null; // a promise of {sms, email}, asked once

  function sendOptions() {
    if (!keepOptions) {
      keepOptions = (window.fetch ? fetch(web + "fiche/options", { credentials: "omit" }) : Promise.reject())
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return keepOptions;
  }

  function sheetHref(id, toBring) {
    var query = toBring.map(function (item) { return "apporter=" + encodeURIComponent(item); }).join("&");
    return web + "fiche/" + encodeURIComponent(id) + (query ? "?" + query : "");
  }

  function sendForm(way, id, name, toBring) {
    var sms = way === "sms";
    var field = el("input", {
      className: "orienteur-input", name: sms ? "phone" : "email", required: true,
      type: sms ? "tel" : "email", autocomplete: sms ? "tel" : "email", inputmode: sms ? "tel" : "email",
      maxlength: "120"
    });
    field.id = "orienteur-keep-" + way + "-" + Math.random().toString(36).slice(2);
    var status = el("p", { className: "orienteur-keep-status", role: "status" });
    var button = el("button", { type: "submit", className: "orienteur-secondary" }, [
      sms ? "Recevoir par SMS" : "Recevoir par e-mail", srOnly(" — " + name)
    ]);
    var form = el("form", { className: "orienteur-keep-form" }, [
      el("label", { "for": field.id, text: sms ? "Votre numéro de portable" : "Votre adresse e-mail" }),
      el("div", { className: "orienteur-row" }, [field, button]),
      status
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { apporter: toBring };
      body[sms ? "phone" : "email"] = field.value;
      button.disabled = true;
      status.textContent = "Envoi…";
      fetch(web + "fiche/" + encodeURIComponent(id) + "/" + way, {
        method: "POST", credentials: "omit",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (answer) {
          status.textContent = text(answer.message) || (r.ok ? "Envoyé." : "L'envoi n'a pas abouti.");
          if (r.ok) field.value = ""; // used once, kept nowhere
        });
      }).catch(function () {
        status.textContent = "L'envoi n'a pas abouti : vérifiez votre connexion.";
      }).then(function () { button.disabled = false; });
    });
    return form;
  }

  /** "Garder cette adresse": the sheet to print or save as PDF; SMS and e-mail when offered. */
  function keep(item, name, toBring) {
    var id = text(item.id);
    if (!id) return null;
    var sheet = externalLink(sheetHref(id, toBring), "Fiche à imprimer ou enregistrer (PDF)", name);
    sheet.className = "orienteur-keep-sheet";
    var box = el("details", { className: "orienteur-keep-place" }, [
      el("summary", null, ["Garder cette adresse", srOnly(" — " + name)]), el("p", null, [sheet])
    ]);
    var offered = false;
    box.addEventListener("toggle", function () {
      if (!box.open || offered) return;
      offered = true;
      sendOptions().then(function (options) {
        if (options.sms === true) box.appendChild(sendForm("sms", id, name, toBring));
        if (options.email === true) box.appendChild(sendForm("email", id, name, toBring));
      });
    });
    return box;
  }

  function textList(values) {
    return Array.isArray(values) ? values.filter(text).slice(0, 20) : [];
  }

  function listOf(items, className) {
    var list = el("ul", { className: className });
    items.forEach(function (item) { if (text(item)) list.appendChild(el("li", { text: item })); });
    return list.childNodes.length ? list : null;
  }

  /** "Pensez à apporter", once per answer, folded. */
  function bring(items, forWhom) {
    var list = listOf(items, "orienteur-bring-list");
    if (!list) return null;
    var heading = text(forWhom) ? forWhom + ", pensez à apporter" : "Pensez à apporter";
    return el("details", { className: "orienteur-bring" }, [
      el("summary", { text: heading + " (" + list.childNodes.length + ")" }), list
    ]);
  }

  /** "Envoyez-le moi": the places to keep, one line each with its sheet, and a button to print. */
  function keepList(items, toBring) {
    var list = el("ol", { className: "orienteur-keep" });
    items.forEach(function (item) {
      if (!item || typeof item !== "object") return;
      list.appendChild(el("li", null, [
        el("p", { text: [item.name, item.address, item.phone_text].filter(text).join(" — ") }),
        keep(item, text(item.name) || "Lieu sans nom", toBring)
      ]));
    });
    if (!list.childNodes.length) return null;
    var print = el("button", { type: "button", className: "orienteur-secondary", text: "Imprimer cette liste" });
    print.addEventListener("click", function () { window.print(); });
    return el("div", null, [list, print]);
  }

  function choices(buttons) {
    var group = el("div", { className: "orienteur-choices", role: "group", "aria-label": "Réponses proposées" });
    buttons.forEach(function (b) {
      if (!b || typeof b.title !== "string") return;
      var payload = typeof b.payload === "string" ? b.payload : b.title;
      var button = el("button", { type: "button", className: "orienteur-choice", text: french(b.title) });
      button.addEventListener("click", function () {
        if (button.disabled) return;
        send(payload, b.title);
        button.setAttribute("aria-pressed", "true");
        input.focus();
      });
      group.appendChild(button);
    });
    return group.childNodes.length ? group : null;
  }

  function handoff(o) {
    var links = el("ul", { className: "orienteur-card-actions" });
    var tel = telHref(o.tel);
    if (tel) links.appendChild(el("li", null, [el("a", { href: tel }, ["Appeler le " + (text(o.phone) || tel.slice(4))])]));
    var url = safeUrl(o.url);
    if (url) links.appendChild(el("li", null, [externalLink(url, "Aide en ligne")]));
    return links.childNodes.length ? links : null;
  }

  // The numbers of an emergency or a danger check (actions/helplines.py): a call or SMS link each.
  function numberLinks(numbers) {
    var links = el("ul", { className: "orienteur-card-actions" });
    numbers.forEach(function (n) {
      var number = n && text(n.number);
      if (!number || !/^[0-9]{2,5}$/.test(number)) return;
      var sms = typeof n.href === "string" && n.href.indexOf("sms:") === 0;
      var label = sms ? "Envoyer un SMS au " + number : "Appeler le " + number;
      links.appendChild(el("li", null, [el("a", { href: (sms ? "sms:" : "tel:") + number }, [label])]));
    });
    return links.childNodes.length ? links : null;
  }

  /** Whether the search asked for places open on a given day (the payload's `filters`). */
  function dayAsked(filters) {
    return !!filters && typeof filters === "object" &&
      (filters.open_on_saturday === true || filters.open_on_sunday === true);
  }

  function orienteurPayload(msg) {
    var candidates = [msg.orienteur, msg.custom && msg.custom.orienteur, msg.data && msg.data.orienteur];
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i] && typeof candidates[i] === "object") return candidates[i];
    }
    return null;
  }

  function botNode(msg) {
    if (!msg || typeof msg !== "object") return null;
    var parts = [];
    if (typeof msg.text === "string" && msg.text) parts.push(richText(msg.text));
    var o = orienteurPayload(msg);
    if (o) {
      if (text(o.text)) parts.push(richText(o.text));
      if (text(o.notice)) parts.push(el("p", { className: "orienteur-notice", text: o.notice }));
      var results = Array.isArray(o.results) ? o.results : [];
      var detail = o.type === "recommendation" && o.delivery === "detail";
      if (o.type === "recommendation" && o.delivery === "summary") parts.push(keepList(results, textList(o.bring)));
      else if (detail) parts.push(placeInFull(results, textList(o.bring)));
      else if (results.length) parts.push(cards(results, "Lieux proposés", textList(o.bring), dayAsked(o.filters)));
      if (Array.isArray(o.lines)) o.lines.forEach(function (line) { if (text(line)) parts.push(richText(line)); });
      if (Array.isArray(o.notes)) o.notes.forEach(function (note) { if (text(note)) parts.push(richText(note)); });
      if (Array.isArray(o.bring) && !detail) parts.push(bring(o.bring, o.bring_for));
      if (o.type === "handoff") parts.push(handoff(o));
      if (Array.isArray(o.numbers)) parts.push(numberLinks(o.numbers));
      if (Array.isArray(o.follow_ups)) parts.push(choices(o.follow_ups));
    }
    var image = msg.attachment && msg.attachment.payload && safeUrl(msg.attachment.payload.src);
    if (image) parts.push(el("img", { src: image, alt: "", className: "orienteur-image" }));
    var buttons = msg.quick_replies || msg.buttons;
    if (Array.isArray(buttons)) parts.push(choices(buttons));
    parts = parts.filter(Boolean);
    return parts.length ? messageNode("bot", parts) : null;
  }

  function userNode(text) {
    return messageNode("user", [el("p", { className: "orienteur-text", text: String(text) })]);
  }

  function loadTranscript() {
    try {
      var items = JSON.parse(storage.get("sessionStorage", KEY_TRANSCRIPT) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (e) {
      return [];
    }
  }
  var transcript = loadTranscript();

  function remember(entry) {
    transcript.push(entry);
    if (transcript.length > MAX_TRANSCRIPT) transcript = transcript.slice(-MAX_TRANSCRIPT);
    storage.set("sessionStorage", KEY_TRANSCRIPT, JSON.stringify(transcript));
  }

  /** Buttons already answered: disabled, so they also leave the Tab order. */
  function closeChoices() {
    var buttons = log.querySelectorAll(".orienteur-choice:not([disabled])");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
  }

  /** Scroll the conversation so that `node` starts at its top. */
  function showStart(node) {
    log.scrollTop += node.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  }

  var answerStart = null; // the first bot message after the person's last message

  function talking() {
    root.classList.toggle("orienteur-widget--talking", log.childNodes.length > 0);
  }

  function append(node) {
    if (!node) return null;
    log.appendChild(node);
    talking();
    if (node.classList.contains("orienteur-msg--user")) {
      answerStart = null;
      showStart(node);
    } else {
      answerStart = answerStart || node; // an answer is read from its start, however long
      showStart(answerStart);
    }
    return node;
  }

  /**
   * The call and SMS links of a danger question or an emergency come from the assistant as a
   * message of their own, after the question and its "Oui" / "Non": they join the message they
   * belong to, before its buttons, so that "Appeler le 112" follows "appelez le 112". True when
   * joined to `previous` (the bot message just before, of the same answer).
   */
  function joinNumbers(msg, previous) {
    var o = msg && orienteurPayload(msg);
    if (!o || !Array.isArray(o.numbers) || text(msg.text) || text(o.text)) return false;
    if (Object.keys(o).some(function (key) { return key !== "type" && key !== "numbers"; })) return false;
    if (!previous || !previous.classList.contains("orienteur-msg--bot")) return false;
    var links = numberLinks(o.numbers);
    if (!links) return false;
    var buttons = null;
    for (var child = previous.firstElementChild; child; child = child.nextElementSibling) {
      if (child.classList.contains("orienteur-choices")) buttons = buttons || child;
    }
    previous.insertBefore(links, buttons);
    return true;
  }

  /** Public: render one bot message (the object Rasa's socket.io channel emits). */
  function renderBotMessage(msg) {
    if (answerStart && joinNumbers(msg, log.lastElementChild)) {
      remember({ role: "bot", msg: msg });
      return log.lastElementChild;
    }
    var node = append(botNode(msg));
    if (node) remember({ role: "bot", msg: msg });
    return node;
  }

  function renderUserMessage(text) {
    closeChoices();
    remember({ role: "user", text: String(text) });
    return append(userNode(text));
  }

  // The history is rendered before the live region is in the page, so it is not read again;
  // buttons answered since are disabled.
  transcript.forEach(function (entry) {
    if (entry && entry.role === "user") {
      closeChoices();
      log.appendChild(userNode(entry.text));
    } else if (!joinNumbers(entry && entry.msg, log.lastElementChild)) {
      var node = botNode(entry && entry.msg);
      if (node) log.appendChild(node);
    }
  });

  talking();

  /** After a reload: the latest message, from its start. */
  function showLatest() {
    var last = log.lastElementChild;
    if (last) showStart(last);
  }

  // ---- Connection -------------------------------------------------------------------------
  var socket = null;
  var sessionId = storage.get("localStorage", KEY_SESSION);
  var ready = false;
  var queue = [];
  var typingTimer = null;

  function setStatus(text) {
    status.textContent = text || "";
  }

  function typing(on) {
    clearTimeout(typingTimer);
    if (on) {
      setStatus("Orienteur écrit…");
      typingTimer = setTimeout(function () { setStatus(""); }, 20000);
    } else if (status.textContent === "Orienteur écrit…") {
      setStatus("");
    }
  }

  function loadSocketIo(callback) {
    if (window.io) return callback();
    var tag = el("script", { src: base + "vendor/socket.io.min.js", async: true });
    tag.addEventListener("load", callback);
    tag.addEventListener("error", function () {
      setStatus("Le service de discussion n'a pas pu être chargé. Réessayez plus tard.");
    });
    document.head.appendChild(tag);
  }

  function connect() {
    if (socket || !server) {
      if (!server) setStatus("Assistant non configuré (attribut data-server manquant).");
      return;
    }
    setStatus("Connexion…");
    root.setAttribute("data-connection", "connecting");
    loadSocketIo(function () {
      if (socket) return;
      socket = window.io(server, { transports: ["websocket"], path: "/socket.io" });
      socket.on("connect", function () {
        socket.emit("session_request", { session_id: sessionId || null });
      });
      socket.on("session_confirm", function (data) {
        var id = typeof data === "string" ? data : data && data.session_id;
        if (id) {
          sessionId = id;
          storage.set("localStorage", KEY_SESSION, id);
        }
        ready = true;
        root.setAttribute("data-connection", "ready");
        if (status.textContent === "Connexion…" || status.textContent.indexOf("Connexion perdue") === 0) setStatus("");
        var pending = queue;
        queue = [];
        pending.forEach(emitMessage);
      });
      socket.on("bot_uttered", function (msg) {
        typing(false);
        var o = msg && orienteurPayload(msg);
        if (o && o.type === "forget_me") forgetOnThisDevice();
        else renderBotMessage(msg);
      });
      socket.on("disconnect", function () {
        ready = false;
        root.setAttribute("data-connection", "offline");
        setStatus("Connexion perdue, nouvelle tentative…");
      });
      socket.on("connect_error", function () {
        ready = false;
        root.setAttribute("data-connection", "offline");
        setStatus("Connexion perdue, nouvelle tentative…");
      });
    });
  }

  function emitMessage(item) {
    var data = { message: item.message, session_id: sessionId };
    if (item.metadata) data.metadata = item.metadata;
    socket.emit("user_uttered", data);
    typing(true);
  }

  /**
   * Public: send a message (text or "/intent{...}" payload) to the assistant, showing `shown`
   * in the conversation; `metadata` reaches the actions as the message's metadata.
   */
  function send(message, shown, metadata) {
    message = String(message || "").trim();
    if (!message) return;
    renderUserMessage(shown === undefined || shown === null ? message : shown);
    var item = { message: message, metadata: metadata || null };
    if (ready && socket && socket.connected) emitMessage(item);
    else {
      queue.push(item);
      connect();
    }
  }

  // ---- Interactions -----------------------------------------------------------------------
  function open(focus) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("orienteur-widget--open");
    storage.set("sessionStorage", KEY_OPEN, "1");
    connect();
    showLatest();
    if (focus !== false) input.focus({ preventScroll: true });
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("orienteur-widget--open");
    storage.remove("sessionStorage", KEY_OPEN);
    launcher.focus();
  }

  launcher.addEventListener("click", function () {
    if (panel.hidden) open();
    else close();
  });
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  // Never cut without a word: at the limit of the field, the person is told.
  input.addEventListener("input", function () {
    if (input.value.length >= MAX_MESSAGE) {
      setStatus("Message trop long : " + MAX_MESSAGE + " caractères au plus. Envoyez la suite dans un autre message.");
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      setStatus("Écrivez un message avant d'envoyer.");
      input.focus();
      return;
    }
    input.value = "";
    send(text);
    input.focus();
  });

  geoButton.addEventListener("click", function () {
    setStatus("Recherche de votre position…");
    navigator.geolocation.getCurrentPosition(function (position) {
      setStatus("");
      // About 100 m: enough to find the nearest places, no more precise than needed.
      var lat = Math.round(position.coords.latitude * 1000) / 1000;
      var lon = Math.round(position.coords.longitude * 1000) / 1000;
      // The assistant reads the `latitude` / `longitude` entities of an `inform` message (and,
      // as a fallback, the message's metadata.location).
      send("/inform" + JSON.stringify({ latitude: lat, longitude: lon }), "Ma position (partagée)",
        { location: { lat: lat, lon: lon } });
    }, function (error) {
      setStatus(error && error.code === 1
        ? "Position refusée. Vous pouvez écrire le nom de votre commune."
        : "Position introuvable. Vous pouvez écrire le nom de votre commune.");
      input.focus();
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });

  /** Forgets the conversation id and transcript kept in this browser; a new session follows. */
  function newSession() {
    transcript = [];
    storage.remove("sessionStorage", KEY_TRANSCRIPT);
    storage.remove("localStorage", KEY_SESSION);
    sessionId = null;
    if (socket) {
      ready = false;
      root.setAttribute("data-connection", "connecting");
      socket.disconnect();
      socket.connect();
    }
  }

  // "Oublie-moi": the assistant confirmed in text; the browser forgets too.
  function forgetOnThisDevice() {
    newSession();
    setStatus("Conversation effacée de cet appareil.");
  }

  resetButton.addEventListener("click", function () {
    newSession();
    while (log.firstChild) log.removeChild(log.firstChild);
    talking();
    setStatus("Nouvelle conversation.");
    input.focus();
  });

  // ---- Start --------------------------------------------------------------------------------
  function mount() {
    if (!script || script.getAttribute("data-css") !== "none") {
      var css = el("link", { rel: "stylesheet", href: base + "widget.css" });
      css.addEventListener("load", showLatest); // the layout is final once styled
      document.head.appendChild(css);
    }
    document.body.appendChild(root);
    var wasOpen = storage.get("sessionStorage", KEY_OPEN) === "1";
    if (wasOpen || (script && script.getAttribute("data-open") === "true")) open(false);
    else if (transcript.length) connect();
    showLatest();
  }

  window.Orienteur = {
    loaded: true,
    open: open,
    close: close,
    send: send,
    renderBotMessage: renderBotMessage,
    sessionId: function () { return sessionId; },
    isReady: function () { return ready; }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
