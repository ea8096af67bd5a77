/* Staff forms: a stray Enter never saves a form, and leaving a page with
 * unsaved edits asks first. Loaded on every admin page (templates/admin/
 * base_site.html); a page may also load it itself. No inline script needed.
 *
 * How a form opts in, with a data attribute on the <form> itself or, where the
 * form tag is not ours to change (Django admin's change form), on any element
 * inside the form (e.g. <span hidden data-unsaved-warning></span> in the
 * change form's {% block form_top %}):
 *
 *   data-unsaved-warning  Leaving the page (a link, reload, closing the tab)
 *                         while the form holds values other than those it was
 *                         loaded with asks first. Submitting the form does not.
 *   data-enter-stays      Enter in a one-line field (text, number, date, ...)
 *                         does not submit the form. Every admin change form
 *                         (<body class="change-form">) has this without asking.
 *
 * "Unsaved" compares the form's values (FormData) with those it had when the
 * page finished loading, so moving, adding and removing rows with a script,
 * and rich-text editors that write back to their <textarea>, count too.
 */
(function () {
  "use strict";

  var ONE_LINE = [
    "text", "email", "number", "search", "tel", "url", "password",
    "date", "datetime-local", "month", "time", "week",
  ];

  function formsMarked(attribute) {
    var forms = [];
    document.querySelectorAll("[" + attribute + "]").forEach(function (element) {
      var form = element.tagName === "FORM" ? element : element.closest("form");
      if (form && forms.indexOf(form) === -1) {
        forms.push(form);
      }
    });
    return forms;
  }

  function values(form) {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      pairs.push([name, typeof value === "string" ? value : value.name]);
    });
    return JSON.stringify(pairs);
  }

  function guardEnter(form) {
    form.addEventListener("keydown", function (event) {
      var field = event.target;
      if (
        event.key === "Enter" &&
        field.tagName === "INPUT" &&
        ONE_LINE.indexOf(field.type) !== -1
      ) {
        event.preventDefault();
      }
    });
  }

  function warnUnsaved(forms) {
    var loaded = forms.map(values);
    var leaving = false;
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        // A button that opens its result elsewhere (a preview) leaves the page.
        var target = event.submitter && event.submitter.getAttribute("formtarget");
        if (!target || target === "_self") {
          leaving = true;
        }
      });
    });
    window.addEventListener("pageshow", function () {
      leaving = false; // back on the page from the browser's history
    });
    window.addEventListener("beforeunload", function (event) {
      if (leaving) {
        return;
      }
      var changed = forms.some(function (form, index) {
        return document.contains(form) && values(form) !== loaded[index];
      });
      if (changed) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function start() {
    var enter = formsMarked("data-enter-stays");
    if (document.body.classList.contains("change-form")) {
      document.querySelectorAll("#content-main form[method='post']").forEach(
        function (form) {
          if (enter.indexOf(form) === -1) {
            enter.push(form);
          }
        }
      );
    }
    enter.forEach(guardEnter);
    var unsaved = formsMarked("data-unsaved-warning");
    if (unsaved.length) {
      warnUnsaved(unsaved);
    }
  }

  // After "load": the admin's and nested-admin's own scripts have set their
  // fields by then (numbering, rich-text editors), which is not an edit.
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
