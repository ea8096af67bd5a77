// Enhancements only: every page reads and prints without this file.
(function () {
  "use strict";

  // The contents list is open in the HTML, for wide screens and for readers
  // without JavaScript; on a phone it would push the guide a screen down.
  if (!window.matchMedia("(min-width: 64rem)").matches) {
    document.querySelectorAll(".guide-contents details[open]").forEach(function (d) {
      d.open = false;
    });
  }

  // A closed <details> prints only its question: open them all for printing
  // and close again afterwards those the reader had closed.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (d) {
      d.open = false;
    });
    reopened = [];
  });
})();
