// bitexto: pair highlighting, jumps from the summary and quotes to the text, copy buttons.
// The page is complete without this file (anchors jump, :target highlights); it only adds
// behaviour. Loaded from /static because the Content-Security-Policy forbids inline script.
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function segmentsOf(sid) {
    return document.querySelectorAll('.bitext .seg[data-sid="' + CSS.escape(sid) + '"]');
  }

  function closestSegment(node) {
    return node && node.closest ? node.closest(".bitext .seg[data-sid]") : null;
  }

  // --- A sentence and its translation light up together --------------------------------
  // Pointer and keyboard are tracked apart, so moving the mouse does not undo where the
  // keyboard focus is (and the other way round).
  var hovered = null;
  var focused = null;

  function refreshLinked() {
    document.querySelectorAll(".seg.is-linked").forEach(function (el) {
      el.classList.remove("is-linked");
    });
    [hovered, focused].forEach(function (sid) {
      if (!sid) return;
      segmentsOf(sid).forEach(function (el) { el.classList.add("is-linked"); });
    });
  }

  document.addEventListener("mouseover", function (event) {
    var seg = closestSegment(event.target);
    var sid = seg ? seg.dataset.sid : null;
    if (sid !== hovered) {
      hovered = sid;
      refreshLinked();
    }
  });
  document.addEventListener("mouseout", function (event) {
    if (!event.relatedTarget && hovered) {  // the pointer left the window
      hovered = null;
      refreshLinked();
    }
  });
  document.addEventListener("focusin", function (event) {
    var seg = closestSegment(event.target);
    focused = seg ? seg.dataset.sid : null;
    refreshLinked();
  });
  document.addEventListener("focusout", function (event) {
    if (!closestSegment(event.relatedTarget)) {
      focused = null;
      refreshLinked();
    }
  });

  // --- Summary sentences and quotes jump to the pair they come from ----------------------
  function showPair(sid, quoteId, smooth) {
    var row = document.getElementById(sid);
    if (!row || !row.classList.contains("pair")) return false;
    document.querySelectorAll(".is-target").forEach(function (el) { el.classList.remove("is-target"); });
    row.querySelectorAll(".seg").forEach(function (el) { el.classList.add("is-target"); });
    if (quoteId) {
      row.querySelectorAll('.quote-span[data-qid="' + CSS.escape(quoteId) + '"]').forEach(function (el) {
        el.classList.add("is-target");
      });
    }
    row.scrollIntoView({ behavior: smooth && !reduceMotion ? "smooth" : "auto", block: "center" });
    // Keyboard users continue reading from there.
    var first = row.querySelector(".seg");
    if (first) first.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.jump[data-sid]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (showPair(link.dataset.sid, link.dataset.qid, true)) {
      event.preventDefault();
      history.replaceState(null, "", "#" + link.dataset.sid);
    }
  });

  if (location.hash.length > 1) {
    showPair(decodeURIComponent(location.hash.slice(1)), null, false);
  }

  // --- The paste form says it is working (a long article takes a few seconds) ------------
  function resetBusy() {
    document.querySelectorAll("button[data-busy][data-label]").forEach(function (button) {
      button.textContent = button.dataset.label;
      button.disabled = false;
    });
  }

  document.querySelectorAll("form.paste-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit][data-busy]");
      if (!button) return;
      button.dataset.label = button.textContent;
      button.textContent = button.dataset.busy;
      button.disabled = true;  // and no second submission of the same article
    });
  });
  // Coming back with the Back button restores the page from cache: make the button usable.
  window.addEventListener("pageshow", resetBusy);

  // --- Copy buttons ---------------------------------------------------------------------
  function texts(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (el) {
      return el.textContent.replace(/\s+/g, " ").trim();
    }).filter(Boolean);
  }

  function englishArticle() {
    var blocks = document.querySelectorAll(".bitext .block:not(.is-furniture)");
    return Array.prototype.map.call(blocks, function (block) {
      return texts("#" + CSS.escape(block.id) + " .seg-en .seg-text").join(" ");
    }).filter(Boolean).join("\n\n");
  }

  function summary() {
    return texts("#summary-en a").join("\n") + "\n\n" + texts("#summary-es a").join("\n");
  }

  var sources = { english: englishArticle, summary: summary };

  // data-copy-from="id": copy that field's value as is (the newsletter snippet's markup).
  function fieldValue(id) {
    var field = document.getElementById(id);
    return field ? function () { return field.value; } : null;
  }

  if (navigator.clipboard && navigator.clipboard.writeText) {
    document.querySelectorAll(".copy-button[data-copy], .copy-button[data-copy-from]").forEach(function (button) {
      var source = button.dataset.copyFrom ? fieldValue(button.dataset.copyFrom) : sources[button.dataset.copy];
      if (!source) return;
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source()).then(function () {
          button.textContent = button.dataset.copied || label;
          button.classList.add("is-done");
          setTimeout(function () {
            button.textContent = label;
            button.classList.remove("is-done");
          }, 2000);
        });
      });
    });
  }

  // --- The glossary box is remembered in this browser -----------------------------------
  // localStorage only: the glossary is sent with each article, never kept by the server.
  // A box the server filled (the form shown again after an error) keeps what was sent.
  document.querySelectorAll("textarea[data-remember]").forEach(function (box) {
    var key = box.dataset.remember;
    try {
      if (!box.value) {
        var saved = window.localStorage.getItem(key);
        if (saved) {
          box.value = saved;
          var details = box.closest("details");
          if (details) details.open = true;
        }
      }
      box.addEventListener("input", function () {
        if (box.value.trim()) window.localStorage.setItem(key, box.value);
        else window.localStorage.removeItem(key);
      });
    } catch (error) {
      // Storage disabled (private mode, policy): the box still works, unremembered.
    }
  });
})();
