/* "Insert a library picture" beside every rich-text editor (templates/images/
 * picture_picker.html): a modal <dialog> searches the approved pictures
 * (images.views.library) and inserts the chosen one into that field's CKEditor
 * with its rendition address and reviewed alt text. The editor has no button
 * for an address typed in, and the server keeps no other picture anyway.
 * One dialog serves the page; fields added later (inlines) work the same.
 * No inline script (the CSP allows none).
 */
(function () {
  "use strict";
  var dialog = null;
  var picker = null; // the .picture-picker whose button opened the dialog
  var timer = null;
  var asked = 0;

  function editorOf(pickerEl) {
    var field = pickerEl.closest(".rich-text-field");
    var textarea = field && field.querySelector("textarea.django_ckeditor_5");
    return textarea && window.editors ? window.editors[textarea.id] : null;
  }

  function say(text) {
    dialog.querySelector(".picture-picker__status").textContent = text;
  }

  function choice(item) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "picture-picker__choice";
    var img = document.createElement("img");
    img.src = item.thumbnail;
    img.alt = ""; // the button's text says what it shows
    img.width = 96;
    img.loading = "lazy";
    var title = document.createElement("strong");
    title.textContent = item.title;
    var alt = document.createElement("span");
    alt.textContent = item.decorative
      ? picker.dataset.decorative
      : picker.dataset.alt + " " + item.alt;
    button.append(img, title, alt);
    button.addEventListener("click", function () {
      insert(item);
    });
    li.append(button);
    return li;
  }

  function search() {
    var query = dialog.querySelector("input[type=search]").value;
    var url = picker.dataset.library + "?q=" + encodeURIComponent(query);
    var mine = (asked += 1);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (mine !== asked) {
          return; // a later search answers instead
        }
        var list = dialog.querySelector(".picture-picker__results");
        list.replaceChildren.apply(list, data.results.map(choice));
        say(
          data.results.length
            ? picker.dataset.found.replace("%(count)s", data.results.length)
            : picker.dataset.none
        );
      })
      .catch(function () {
        if (mine === asked) {
          say(picker.dataset.failed);
        }
      });
  }

  function insert(item) {
    var editor = editorOf(picker);
    dialog.close();
    if (!editor) {
      return;
    }
    editor.execute("insertImage", { source: [{ src: item.src, alt: item.alt }] });
    editor.editing.view.focus();
  }

  function build(template) {
    dialog = template.content.firstElementChild.cloneNode(true);
    document.body.append(dialog);
    dialog.querySelector(".picture-picker__close").addEventListener("click", function () {
      dialog.close();
    });
    var input = dialog.querySelector("input[type=search]");
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        window.clearTimeout(timer);
        search();
      }
    });
    // Closed without a choice (Escape, Cancel): back to the button that opened it.
    dialog.addEventListener("close", function () {
      var active = document.activeElement;
      if (picker && (!active || active === document.body)) {
        picker.querySelector(".picture-picker__open").focus();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest(".picture-picker__open");
    if (!opener) {
      return;
    }
    picker = opener.closest(".picture-picker");
    if (!dialog) {
      build(picker.querySelector("template"));
    }
    dialog.querySelector(".picture-picker__results").replaceChildren();
    say("");
    dialog.showModal();
    dialog.querySelector("input[type=search]").focus();
    search();
  });
})();
