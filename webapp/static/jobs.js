// bitexto: the progress page of a long article (templates/job.html). Polls the job once a
// second, moves the bar, and opens the article when it is ready. Any other change of state
// (queued → running, failed) reloads the page, which the server renders. Without this file
// the page refreshes itself (meta refresh), so the reader gets there either way.
(function () {
  "use strict";

  var card = document.getElementById("job");
  if (!card || !card.dataset.statusUrl) return;

  var POLL_MS = 1000;
  var RETRY_MS = 3000;
  var state = card.dataset.state;
  var bar = document.getElementById("job-progress");
  var doneLabel = document.getElementById("job-done");
  var totalLabel = document.getElementById("job-total");
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function show(progress) {
    if (!progress || !progress.total) return;
    bar.max = progress.total;
    bar.value = progress.done;
    doneLabel.textContent = numbers.format(progress.done);
    totalLabel.textContent = numbers.format(progress.total);
  }

  function poll() {
    fetch(card.dataset.statusUrl, { headers: { Accept: "application/json" }, cache: "no-store",
                                    credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (job) {
        if (job.state === "done" && job.article_url) {
          location.replace(job.article_url);
        } else if (job.state !== state) {
          location.reload();
        } else {
          show(job.progress);
          setTimeout(poll, POLL_MS);
        }
      })
      .catch(function () {
        // The API may need a key on this server, or the network blinked: the page
        // itself always answers, so fall back to reloading it.
        setTimeout(function () { location.reload(); }, RETRY_MS);
      });
  }

  setTimeout(poll, POLL_MS);
})();
