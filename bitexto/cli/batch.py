"""`bitexto batch`: many articles into one JSONL file or a folder of per-article files.

The work is bitexto.batch.run_batch (here) or bitexto.batch.queue.run_batch_on_queue
(--queue: by the workers); this module only parses options, shows progress on stderr and
prints the final report. The batch modules are imported when the command
runs: they pull in the summariser, which would slow down every other command's start.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from bitexto.batch.render import FORMATS
from bitexto.cli.common import glossary_option, load_glossary
from bitexto.settings import Settings
from bitexto.translate.engines import ENGINE_NAMES, create_engine

if TYPE_CHECKING:
    from bitexto.batch import BatchStats

# The defaults of bitexto.analysis, spelled out to keep imports light
# (tests/test_batch_cli.py checks that they agree).
DEFAULT_SUMMARY_LENGTH = "3"
DEFAULT_ALGORITHM = "default"
DEFAULT_GROUP_SENTENCES = 400

PROGRESS_STEPS = 10  # without a terminal, a progress line at every 10%…
PROGRESS_INTERVAL = 10.0  # …and at least every this many seconds
FAILURES_LISTED = 50


class BatchProgress:
    """Progress on stderr: a bar with rate and ETA on a terminal, plain lines otherwise.

    Plain lines (for logs and CI) come at every 10% of the articles and at least every
    `interval` seconds.
    """

    def __init__(self, total: int, *, stream: TextIO | None = None, tty: bool | None = None,
                 interval: float = PROGRESS_INTERVAL):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.bar = None
        self.last_line = time.monotonic()
        self.last_step = 0

    def __call__(self, stats: BatchStats) -> None:
        if self.tty:
            self._update_bar(stats)
            return
        step = stats.processed * PROGRESS_STEPS // max(self.total, 1)
        now = time.monotonic()
        if step > self.last_step or now - self.last_line >= self.interval:
            self.last_step, self.last_line = step, now
            click.echo(progress_line(stats, self.total), file=self.stream)

    def _update_bar(self, stats: BatchStats) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=self.total, label="Translating", file=self.stream,
                                         show_eta=True, show_pos=True,
                                         item_show_func=lambda s: s and f"{_rate(s):.1f} articles/s")
            self.bar.__enter__()
        self.bar.update(stats.processed - self.bar.pos, stats)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _rate(stats: BatchStats) -> float:
    """Articles processed per second; skipped ones cost nothing and are not counted."""
    worked = stats.done + stats.failed
    return worked / stats.seconds if stats.seconds > 0 else 0.0


def progress_line(stats: BatchStats, total: int) -> str:
    rate = _rate(stats)
    remaining = total - stats.processed
    eta = f"{remaining / rate:.0f} s" if rate > 0 else "?"
    percent = 100 * stats.processed // max(total, 1)
    return (f"batch: {stats.processed}/{total} articles ({percent}%), {stats.done} done, "
            f"{stats.failed} failed, {stats.skipped} skipped, {stats.sentences:,} sentences, "
            f"{rate:.1f} articles/s, ETA {eta}")


def _queued_run(summary_length: str, algorithm: str):
    """run(items, output, **options) on the configured job queue and article store."""
    from bitexto.batch.queue import run_batch_on_queue
    from bitexto.jobs import JobSettings, open_configured_queue, sqlite_queue_file
    from bitexto.store import open_store

    settings = Settings.from_env()
    database = settings.database_location()
    queue = open_configured_queue(JobSettings.from_settings(settings), sqlite_queue_file(database, settings.instance_dir))
    store = open_store(database)

    def run(items, output, **options):
        try:
            return run_batch_on_queue(items, output, queue=queue, store=store, summary_length=summary_length,
                                      algorithm=algorithm, on_warning=lambda text: click.echo(text, err=True),
                                      **options)
        finally:
            queue.close()

    return run


def report_lines(stats: BatchStats, out: Path) -> list[str]:
    lines = [
        f"Batch finished: {stats.done} done, {stats.failed} failed, {stats.skipped} skipped "
        f"(already done); {stats.sentences:,} sentences in {stats.seconds:.1f} s "
        f"({stats.sentences_per_second:.1f} sentences/s).",
        f"Output: {out}",
    ]
    if stats.failures:
        lines.append("Failed articles:")
        lines += [f"  {article_id}: {reason}" for article_id, reason in stats.failures[:FAILURES_LISTED]]
        if len(stats.failures) > FAILURES_LISTED:
            more = len(stats.failures) - FAILURES_LISTED
            lines.append(f"  … and {more} more (their reasons are in the output).")
    return lines


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
# A plain string, not a Path: a trailing "/" (a directory is meant) must survive.
@click.option("--out", "out", required=True, type=click.Path(),
              help="A .jsonl file, or a directory (with --format html/md, or a trailing /).")
@click.option("--format", "format_", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one JSON result per article; html/md: side-by-side pages in a directory.")
@click.option("--summary-length", default=DEFAULT_SUMMARY_LENGTH, show_default=True,
              help="Summary length: sentences (5) or a share of each article (20%).")
@click.option("--algorithm", default=DEFAULT_ALGORITHM, show_default=True, help="Summary algorithm.")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default=None,
              help="Translation engine (default: BITEXTO_ENGINE or auto).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes translating in parallel (each loads its own engine).")
@click.option("--group-sentences", type=click.IntRange(min=1), default=DEFAULT_GROUP_SENTENCES,
              show_default=True, help="Most sentences sent to the engine in one call.")
@click.option("--queue", "use_queue", is_flag=True,
              help="Don't translate here: queue the articles for `bitexto worker` processes on any "
                   "number of machines (BITEXTO_QUEUE, BITEXTO_DATABASE_URL) and collect their results.")
@click.option("--progress-interval", type=float, default=PROGRESS_INTERVAL, hidden=True)
@glossary_option
@click.pass_context
def batch(ctx, inputs, out, format_, summary_length, algorithm, engine, workers, group_sentences, use_queue,
          progress_interval, glossary_file):
    """Translate, summarise and quote many articles; rerun the same command to resume.

    INPUT is a .txt or .html file, a directory (searched recursively for .txt/.html), a
    JSONL file of {"id", "text"} objects, or - for stdin (one article, or JSONL).
    Articles already in the output with the same id and content are skipped. Exits with
    status 1 when any article failed; the reasons are listed and kept in the output.
    """
    from bitexto.batch import check_summary_options, run_batch
    from bitexto.batch.inputs import STDIN, InputSet
    from bitexto.batch.output import open_output

    settings = Settings.from_env()
    check_summary_options(summary_length, algorithm)
    if glossary_file:
        load_glossary(settings, glossary_file)  # a bad glossary fails before any work
        settings = dataclasses.replace(settings, glossary=Path(glossary_file).resolve())
    stdin = sys.stdin.buffer.read() if STDIN in inputs else None
    items = InputSet(inputs, stdin=stdin, max_chars=settings.max_chars, exclude=Path(out))
    if not len(items):
        click.echo("No articles found: give .txt/.html files, folders holding some, JSONL files "
                   "or - for stdin.", err=True)
        return
    if use_queue:
        local_only = [f"--{name.removesuffix('_file').replace('_', '-')}"
                      for name in ("engine", "workers", "group_sentences", "glossary_file")
                      if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE]
        if local_only:
            raise click.UsageError(f"{', '.join(local_only)}: with --queue the workers translate, "
                                   "with their own settings.")
        run = _queued_run(summary_length, algorithm)
    else:
        # One process: create the engine here, so a missing engine fails before any work.
        translator = create_engine(engine, settings.translate) if workers == 1 else engine

        def run(items, output, **options):
            return run_batch(items, output, engine=translator, workers=workers, group_sentences=group_sentences,
                             summary_length=summary_length, algorithm=algorithm, settings=settings, **options)
    output = open_output(out, format_)
    progress = BatchProgress(len(items), interval=progress_interval)
    try:
        stats = run(items, output, total=len(items), on_progress=progress)
    except KeyboardInterrupt:
        progress.close()
        click.echo("Interrupted. Everything written so far is complete: rerun the same command "
                   "to continue.", err=True)
        sys.exit(130)
    progress.close()
    for line in report_lines(stats, out):
        click.echo(line, err=True)
    if stats.failed:
        sys.exit(1)
