/*
 * A character counter under every textarea with a data-limit. The server
 * refuses a longer text and keeps it whole; nothing here cuts it either (no
 * maxlength, which lets a browser drop the end of a paste without a word).
 * Counts code points after turning CRLF into LF, as the server does.
 * The visible count changes at each key; screen readers hear it once typing
 * pauses, through a separate polite live region.
 */
(function () {
  "use strict";

  var PAUSE_MS = 1000;
  // The page language's words (static/inquiries/words.js, loaded before).
  var words = window.cancerfaxWords;
  var gettext = words.gettext;
  var ngettext = words.ngettext;
  var fill = words.fill;

  function format(number) {
    return number.toLocaleString("en-GB");
  }

  function length(text) {
    return Array.from(text.replace(/\r\n/g, "\n")).length;
  }

  function sentence(used, limit) {
    if (used > limit) {
      var over = used - limit;
      return fill(ngettext(
        "%(over)s character too many: shorten the text to %(limit)s characters " +
          "or fewer. Nothing is removed for you.",
        "%(over)s characters too many: shorten the text to %(limit)s characters " +
          "or fewer. Nothing is removed for you.",
        over
      ), {over: format(over), limit: format(limit)});
    }
    var left = limit - used;
    return fill(ngettext(
      "You have %(left)s character left of %(limit)s.",
      "You have %(left)s characters left of %(limit)s.",
      left
    ), {left: format(left), limit: format(limit)});
  }

  function attach(textarea) {
    var limit = parseInt(textarea.getAttribute("data-limit"), 10);
    if (!limit || textarea.hasAttribute("data-counted")) {
      return;
    }
    textarea.setAttribute("data-counted", "");
    var shown = document.createElement("p");
    var spoken = document.createElement("p");
    var timer = null;
    shown.className = "field__counter";
    shown.id = textarea.id + "_counter";
    shown.setAttribute("aria-hidden", "true");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", shown);
    shown.insertAdjacentElement("afterend", spoken);

    function update(announce) {
      var used = length(textarea.value);
      var text = sentence(used, limit);
      shown.textContent = text;
      shown.classList.toggle("field__counter--over", used > limit);
      window.clearTimeout(timer);
      if (announce) {
        timer = window.setTimeout(function () {
          spoken.textContent = text;
        }, PAUSE_MS);
      }
    }

    textarea.addEventListener("input", function () {
      update(true);
    });
    update(false);
  }

  function attachAll() {
    Array.prototype.forEach.call(
      document.querySelectorAll("textarea[data-limit]"),
      attach
    );
  }

  // Loaded after draft.js, which has filled the fields in again by now.
  attachAll();
  // inquiry.js swaps in the server's page (the form with its errors) after an
  // upload: count in its textareas too.
  new MutationObserver(attachAll).observe(document.body, {
    childList: true,
    subtree: true
  });
}());
