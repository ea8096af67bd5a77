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
    // The character counter (counter.js) counts on input events.
    body.dispatchEvent(new Event("input", { bubbles: true }));
    body.focus();
  }

  select.addEventListener("change", fill);
  var insert = document.querySelector(".cw-insert");
  if (insert) {
    insert.hidden = true;  // choosing a template is enough with JavaScript on
  }
  // A template chosen while this script was still on its way (a slow line)
  // fills the empty box now: the button that would have inserted it is gone.
  if (select.value && body.value.trim() === "") {
    fill();
  }
})();

// The send button names the status it will set; it depends on the template
// ("Records requested" makes the reply a records request).
(function () {
  "use strict";
  var data = document.getElementById("cw-reply-sets");
  var select = document.getElementById("id_template");
  var sets = document.getElementById("cw-send-sets");
  var status = document.getElementById("id_to_status");
  if (!data || !select || !sets) { return; }
  var phrases = JSON.parse(data.textContent);

  function update() {
    // A status chosen in the panel wins over the one the reply would set.
    var chosen = status && status.value !== "";
    sets.textContent = chosen ? "" : (phrases[select.value] || "");
  }

  select.addEventListener("change", update);
  if (status) { status.addEventListener("change", update); }
  if (select.value) { update(); }  // a choice made before this script ran
})();
