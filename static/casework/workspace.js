// The workspace: pick a template and its text fills the message box without a
// page load (the "Use this template" button does the same without JavaScript).
(function () {
  "use strict";
  var data = document.getElementById("cw-templates");
  var select = document.getElementById("id_template");
  var body = document.getElementById("id_body");
  if (!data || !select || !body) { return; }
  var templates = JSON.parse(data.textContent);
  var lastFilled = body.value;

  function fill() {
    var text = templates[select.value];
    if (text === undefined) { return; }
    var edited = body.value.trim() !== "" && body.value !== lastFilled;
    if (edited && !window.confirm(select.dataset.confirm || "Replace the text you wrote?")) {
      return;
    }
    body.value = text;
    lastFilled = text;
    body.focus();
  }

  select.addEventListener("change", fill);
  var insert = document.querySelector(".cw-insert");
  if (insert) {
    insert.hidden = true;  // choosing a template is enough with JavaScript on
  }
})();
