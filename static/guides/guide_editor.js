/* The guide editor: sections and items on one page.
 *
 * django-nested-admin adds, removes and drags the forms. This adds what the
 * keyboard needs (Move up / Move down, open one section at a time), the jump
 * list and "Insert a section here", asks before removing, shows only the fields
 * a section's kind uses, and gives a new section the kind chosen next to "Add a
 * section". The section being edited is open again after "Save and continue
 * editing". Served from our static files; no inline script.
 */
(function () {
  "use strict";
  var live = null;

  function announce(text) {
    if (!live) {
      live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = text;
  }

  function kindFields() {
    var group = document.querySelector(".guide-sections");
    return group ? JSON.parse(group.getAttribute("data-kind-fields")) : {};
  }

  function directChild(parent, selector) {
    return Array.prototype.find.call(parent.children, function (child) {
      return child.matches(selector);
    });
  }

  function sectionKind(section) {
    var select = section.querySelector("select[name$='-kind']");
    if (select && !select.disabled && select.value) {
      return select.value;
    }
    return section.getAttribute("data-kind") || (select && select.value) || "";
  }

  // Show the rows a section's kind uses, and its items only if it has any.
  function applyKind(section) {
    var spec = kindFields()[sectionKind(section)];
    var body = directChild(section, ".guide-section__body");
    if (!body) {
      return;
    }
    body.querySelectorAll(":scope > fieldset > .form-row").forEach(function (row) {
      var name = (row.className.match(/field-(\w+)/) || [])[1];
      if (!name || name === "kind" || row.classList.contains("hidden")) {
        return;
      }
      row.hidden = Boolean(spec) && spec.fields.indexOf(name) === -1;
    });
    var items = body.querySelector(":scope > .guide-items");
    if (!items) {
      return;
    }
    items.hidden = Boolean(spec) && spec.items.length === 0;
    items.querySelectorAll(".guide-item .form-row").forEach(function (row) {
      var name = (row.className.match(/field-(\w+)/) || [])[1];
      if (!name || row.classList.contains("hidden")) {
        return;
      }
      row.hidden = Boolean(spec) && spec.items.indexOf(name) === -1;
    });
  }

  function applyAllKinds() {
    document.querySelectorAll(".guide-section:not(.empty-form)").forEach(applyKind);
  }

  // The hidden order fields follow the forms' order on the page, as
  // nested-admin's own renumbering does when the form is submitted. Returns a
  // function giving a form's position (1-based).
  function renumber(container) {
    var forms = Array.prototype.filter.call(container.children, function (child) {
      return (
        child.classList.contains("djn-inline-form") &&
        !child.classList.contains("empty-form")
      );
    });
    forms.forEach(function (child, index) {
      var order = child.querySelector("input[name='" + child.id + "-order']");
      if (order) {
        order.value = index;
      }
      var label = child.querySelector(".inline_label");
      if (label) {
        label.textContent = "#" + (index + 1);
      }
    });
    return function (form) {
      return forms.indexOf(form) + 1;
    };
  }

  function move(form, direction) {
    var sibling = form;
    do {
      sibling =
        direction === "up" ? sibling.previousElementSibling : sibling.nextElementSibling;
    } while (
      sibling &&
      (!sibling.classList.contains("djn-item") ||
        sibling.classList.contains("djn-no-drag") ||
        sibling.classList.contains("empty-form"))
    );
    if (!sibling) {
      announce(direction === "up" ? "Already first." : "Already last.");
      return;
    }
    if (direction === "up") {
      sibling.before(form);
    } else {
      sibling.after(form);
    }
    var position = renumber(form.parentNode);
    announce("Moved to position " + position(form));
  }

  var OPEN_KEY = "guide-editor-open:" + window.location.pathname;

  function setOpen(section, open) {
    var button = section.querySelector(".guide-toggle");
    var body = directChild(section, ".guide-section__body");
    if (!button || !body) {
      return;
    }
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.querySelector(".guide-toggle__word").textContent = open ? "Close" : "Edit";
    body.hidden = !open;
  }

  // One saved section open at a time: the one being edited. New sections stay
  // open until saved, so nothing typed in them is out of sight.
  function openOnly(section) {
    document.querySelectorAll(".guide-section.has_original").forEach(function (other) {
      if (other !== section) {
        setOpen(other, false);
      }
    });
    setOpen(section, true);
    var header = directChild(section, ".guide-section__header");
    if (header && header.id) {
      window.sessionStorage.setItem(OPEN_KEY, header.id);
    }
  }

  function toggle(button) {
    var section = button.closest(".guide-section");
    if (button.getAttribute("aria-expanded") === "true") {
      setOpen(section, false);
      window.sessionStorage.removeItem(OPEN_KEY);
    } else {
      openOnly(section);
    }
  }

  // A jump-list link, a link to a commented part or the address's #part:
  // open the section holding it and move the focus there.
  function reveal(id) {
    var target = id && document.getElementById(id);
    var section = target && target.closest(".guide-section");
    if (!section) {
      return false;
    }
    openOnly(section);
    target.focus();
    target.scrollIntoView({ block: "start" });
    return true;
  }

  var insertBefore = null;

  function insertSection(button) {
    insertBefore = button.closest(".guide-section");
    var add = document.querySelector(".guide-add-section .djn-add-handler");
    if (add) {
      add.click();
    }
  }

  // Runs before nested-admin's own handlers (capture phase): a "No" stops the
  // removal from reaching them.
  document.addEventListener(
    "click",
    function (event) {
      var remove = event.target.closest(".guide-remove");
      if (!remove) {
        return;
      }
      var form = remove.closest(".djn-inline-form");
      var undoing = form.classList.contains("grp-predelete");
      if (!undoing && !window.confirm(remove.getAttribute("data-confirm"))) {
        event.stopPropagation();
        event.preventDefault();
        return;
      }
      window.setTimeout(function () {
        var removed = form.classList.contains("grp-predelete");
        remove.textContent = removed ? "Undo remove" : "Remove";
        announce(removed ? "Marked for removal when you save." : "Kept.");
      }, 0);
    },
    true
  );

  document.addEventListener("click", function (event) {
    var moveButton = event.target.closest(".guide-move");
    if (moveButton) {
      event.preventDefault();
      move(moveButton.closest(".djn-inline-form"), moveButton.getAttribute("data-move"));
      moveButton.focus();
      return;
    }
    var toggleButton = event.target.closest(".guide-toggle");
    if (toggleButton) {
      event.preventDefault();
      toggle(toggleButton);
      return;
    }
    var insertButton = event.target.closest(".guide-insert__button");
    if (insertButton) {
      event.preventDefault();
      insertSection(insertButton);
      return;
    }
    var link = event.target.closest("a[href^='#section']");
    if (link && reveal(link.getAttribute("href").slice(1))) {
      event.preventDefault();
      window.history.replaceState(null, "", link.getAttribute("href"));
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches(".guide-section select[name$='-kind']")) {
      applyKind(event.target.closest(".guide-section"));
    }
  });

  function added(form) {
    if (!form.classList.contains("guide-section")) {
      var section = form.closest(".guide-section");
      if (section) {
        applyKind(section);
      }
      var firstField = form.querySelector("input:not([type=hidden]), textarea, select");
      if (firstField) {
        firstField.focus();
      }
      return;
    }
    if (insertBefore) {
      // Before the section whose "Insert a section here" was pressed.
      insertBefore.before(form);
      insertBefore = null;
      renumber(form.parentNode);
    }
    var picker = document.getElementById("guide-new-section-kind");
    var select = form.querySelector("select[name$='-kind']");
    if (picker && select) {
      select.value = picker.value;
      form.setAttribute("data-kind", picker.value);
      form.querySelector(".guide-section__name").textContent =
        "New section: " + picker.options[picker.selectedIndex].text;
    }
    applyKind(form);
    // The first field the kind uses (the others are hidden).
    var first = Array.prototype.find.call(
      form.querySelectorAll(".guide-section__body > fieldset input:not([type=hidden]), " +
        ".guide-section__body > fieldset textarea"),
      function (field) {
        return field.offsetParent !== null;
      }
    );
    (first || select).focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    applyAllKinds();
    // A section the server opened (it has errors) wins over the one last edited.
    var failed = document.querySelector(
      ".guide-section.has_original .guide-toggle[aria-expanded='true']"
    );
    if (!failed && !reveal(window.location.hash.slice(1))) {
      var last = document.getElementById(window.sessionStorage.getItem(OPEN_KEY) || "");
      if (last) {
        setOpen(last.closest(".guide-section"), true);
      }
    }
    // Looked up now: the admin's jQuery may load after this file.
    var $ = window.django && window.django.jQuery;
    if ($) {
      $(document).on("formset:added", function (event, $form) {
        if ($form && $form[0]) {
          added($form[0]);
        }
      });
    }
  });
})();
