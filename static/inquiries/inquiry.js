/*
 * The inquiry form works without this file. With it:
 * - the error summary takes focus after a failed submission;
 * - chosen files are listed at once, with hints about size, type and count;
 * - files are sent with a progress bar (XMLHttpRequest), and the server's page
 *   (thank-you, or the form with its errors and kept files) is shown after.
 */
(function () {
  "use strict";

  var KNOWN_TYPES = /\.(pdf|jpe?g|png|dcm|dicom)$/i;
  // The page language's words (static/inquiries/words.js, loaded before).
  var words = window.cancerfaxWords;
  var gettext = words.gettext;
  var ngettext = words.ngettext;
  var fill = words.fill;

  function formatSize(bytes) {
    if (bytes >= 1024 * 1024) {
      return (bytes / (1024 * 1024)).toFixed(1) + " MB";
    }
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function number(form, name) {
    return parseInt(form.getAttribute("data-" + name), 10) || 0;
  }

  function showHints(form, input, hints) {
    var maxFiles = number(form, "max-files");
    var maxFileSize = number(form, "max-file-size");
    var maxTotal = number(form, "max-total-size");
    var count = number(form, "staged-count");
    var total = number(form, "staged-size");
    var list = document.createElement("ul");

    hints.textContent = "";
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement("li");
      var problem = "";
      count += 1;
      total += file.size;
      if (file.size > maxFileSize) {
        problem = fill(gettext("larger than %(size)s, so it will be refused"), {
          size: formatSize(maxFileSize)
        });
      } else if (file.name.indexOf(".") !== -1 && !KNOWN_TYPES.test(file.name)) {
        problem = gettext("only PDF, JPEG, PNG and DICOM files are accepted");
      }
      item.textContent = file.name + " (" + formatSize(file.size) + ")" +
        (problem ? ": " + problem : "");
      if (problem) {
        item.className = "upload-hints__problem";
      }
      list.appendChild(item);
    });
    if (!input.files.length) {
      return;
    }
    hints.appendChild(list);
    var summary = document.createElement("p");
    summary.textContent = fill(
      gettext("%(count)s of at most %(max)s files, %(size)s of at most %(total)s in all."),
      {count: count, max: maxFiles, size: formatSize(total), total: formatSize(maxTotal)}
    );
    if (count > maxFiles || total > maxTotal) {
      summary.className = "upload-hints__problem";
      summary.textContent += " " + gettext("That is too much: please leave some files out.");
    }
    hints.appendChild(summary);
  }

  function replacePage(html) {
    var next = new DOMParser().parseFromString(html, "text/html");
    var main = next.querySelector("main");
    if (!main) {
      document.open();
      document.write(html);
      document.close();
      return;
    }
    document.title = next.title;
    document.querySelector("main").replaceWith(document.importNode(main, true));
    init();
    window.scrollTo(0, 0);
  }

  function submitWithProgress(event, form) {
    var input = form.querySelector('input[type="file"]');
    if (!input || !input.files.length || !window.FormData || !window.DOMParser) {
      return; // an ordinary submission
    }
    event.preventDefault();
    var progress = document.getElementById("upload-progress");
    var bar = document.getElementById("upload-progress-bar");
    var text = document.getElementById("upload-progress-text");
    var button = form.querySelector('button[type="submit"]');
    var request = new XMLHttpRequest();

    progress.hidden = false;
    button.disabled = true;
    request.open("POST", form.getAttribute("action") || window.location.href);
    request.upload.addEventListener("progress", function (progressEvent) {
      if (progressEvent.lengthComputable) {
        var percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
        bar.value = percent;
        text.textContent = fill(gettext("%(percent)s sent"), {percent: percent + "%"});
      }
    });
    request.addEventListener("load", function () {
      var landed = request.responseURL ? new URL(request.responseURL) : null;
      if (landed && landed.pathname !== window.location.pathname) {
        window.location.assign(request.responseURL);
        return;
      }
      replacePage(request.responseText);
    });
    request.addEventListener("error", function () {
      text.textContent = gettext(
        "The connection failed and your inquiry was not sent. " +
          "Please check your connection and send it again."
      );
      button.disabled = false;
    });
    request.send(new FormData(form));
  }

  function init() {
    var form = document.querySelector(".inquiry-form");
    if (!form) {
      return;
    }
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
    var input = form.querySelector('input[type="file"]');
    var hints = document.getElementById("upload-hints");
    if (input && hints) {
      input.addEventListener("change", function () {
        showHints(form, input, hints);
      });
    }
    form.addEventListener("submit", function (event) {
      submitWithProgress(event, form);
    });
  }

  init();
}());
