// Rich paste: when the reader pastes a browser selection into the empty article box and
// the clipboard also carries it as HTML, the form sends that HTML (format "html") so the
// server reads the page's structure — title, captions, bylines, boxes of links — instead
// of guessing it from the text. The box still shows the plain text. Without JavaScript,
// when the clipboard has no HTML, or once the reader edits the pasted text, the form
// sends the box's plain text as before.
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("paste");
    var box = document.getElementById("text");
    if (!form || !box) return;
    var richHtml = null;
    var pastedText = null;

    box.addEventListener("paste", function (event) {
      var data = event.clipboardData;
      var html = data ? data.getData("text/html") : "";
      if (!html || box.value.trim() !== "") {
        richHtml = null;  // a paste into existing text: the HTML would cover only part of it
        return;
      }
      // Insert the plain text ourselves, so the box holds exactly what goes with the HTML.
      event.preventDefault();
      box.value = data.getData("text/plain");
      box.dispatchEvent(new Event("input", { bubbles: true }));
      richHtml = html;
      pastedText = box.value;
    });

    form.addEventListener("submit", function () {
      if (richHtml === null || box.value !== pastedText) return;
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "text";
      field.value = richHtml;
      box.removeAttribute("name");
      form.appendChild(field);
      var format = form.querySelector('input[name="format"][value="html"]');
      if (format) format.checked = true;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
