/*
 * Keeps what the sender typed in this tab's sessionStorage, so a failed send
 * (server error, lost connection, database down) loses nothing: back on the
 * form, the text is filled in again. Files are never kept (browsers cannot
 * restore them), nor the consent boxes, which are ticked anew each time. The
 * copy lives only as long as the tab, and the thank-you page deletes it.
 */
(function () {
  "use strict";

  var KEY = "cancerfax.inquiry-draft";
  var SKIPPED = ["csrfmiddlewaretoken", "form_token", "guide", "website",
    "consent", "marketing_consent", "remove_files", "medical_records"];

  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null; // storage switched off: the form still works
    }
  }

  function kept(field) {
    return field.name && SKIPPED.indexOf(field.name) === -1 &&
      field.type !== "file" && field.type !== "hidden" &&
      field.type !== "submit" && field.type !== "button";
  }

  function save(form) {
    var store = storage();
    if (!store) {
      return;
    }
    var draft = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(field)) {
        return;
      }
      draft[field.name] = draft[field.name] || [];
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) {
          draft[field.name].push(field.value);
        }
      } else if (field.tagName === "SELECT" && field.multiple) {
        Array.prototype.forEach.call(field.selectedOptions, function (option) {
          draft[field.name].push(option.value);
        });
      } else {
        draft[field.name].push(field.value);
      }
    });
    store.setItem(KEY, JSON.stringify(draft));
  }

  function restore(form) {
    var store = storage();
    var draft;
    try {
      draft = JSON.parse((store && store.getItem(KEY)) || "null");
    } catch (error) {
      draft = null;
    }
    if (!draft) {
      return;
    }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(field) || !Object.prototype.hasOwnProperty.call(draft, field.name)) {
        return;
      }
      var values = draft[field.name];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = values.indexOf(field.value) !== -1;
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = values.indexOf(option.value) !== -1;
        });
      } else if (values.length) {
        field.value = values[0];
      }
    });
  }

  var clear = document.querySelector("[data-draft-clear]");
  if (clear) {
    var store = storage();
    if (store) {
      store.removeItem(KEY);
    }
    return;
  }
  var form = document.querySelector(".inquiry-form");
  // A form the server sent back with errors already holds what was posted.
  if (form && form.getAttribute("data-draft") === "fresh") {
    restore(form);
  }
  // Listen on the document: inquiry.js may replace the form after an upload.
  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target.form;
      if (target && target.classList.contains("inquiry-form")) {
        save(target);
      }
    });
  });
})();
