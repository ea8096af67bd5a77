/* The image search boxes (Django's autocomplete, select2) take their name from
 * the chosen image only: an empty box had no name for a screen reader (axe:
 * aria-input-field-name). Each box, and the read-only text showing its choice,
 * is named after its field's label as well,
 * also the boxes of sections and items added later. No inline script.
 */
(function () {
  "use strict";
  var count = 0;
  var pending = false;

  function name(selection) {
    var box = selection.closest(".select2");
    var select = box && box.previousElementSibling;
    if (!select || !select.id) {
      return;
    }
    var label = document.querySelector('label[for="' + select.id + '"]');
    if (!label) {
      return;
    }
    if (!label.id) {
      count += 1;
      label.id = "search-box-label-" + count;
    }
    var own = selection.getAttribute("aria-labelledby") || "";
    if (own.split(" ").indexOf(label.id) === -1) {
      selection.setAttribute("aria-labelledby", (label.id + " " + own).trim());
    }
    // The text showing the choice is a read-only textbox: named the same way.
    var shown = selection.querySelector('[role="textbox"]');
    if (shown && shown.id) {
      shown.setAttribute("aria-labelledby", label.id + " " + shown.id);
    }
  }

  function nameAll() {
    pending = false;
    document
      .querySelectorAll('.select2-selection[role="combobox"]')
      .forEach(name);
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameAll();
    new MutationObserver(function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(nameAll);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
