#!/usr/bin/env python3
"""Is batching across articles worth it? One call per article vs translate_many vs workers.

    python bench/batch_bench.py [--articles 100] [--data PATH.jsonl] [--workers-max N]
                                [--repeat 3] [--group-sentences 400] [--argos] [--skip-cli]
                                [--queue]

A benchmark, not a test: it prints numbers and ratios and asserts nothing. Without
--data the articles are made from the seed article (its paragraphs rotated and the
sentences of each paragraph shuffled, so no two are equal); with --data they are the
JSONL file's "text" fields, cycled up to --articles. It times, on the same articles and
the same engine (Apertium; with --argos also a tiny random-weight Argos package):

  (a) one `analyse_article` call per article (one engine call each);
  (b) `translate_many` over all of them (sentences of several articles per engine call);
  (c) `bitexto batch FILE.jsonl --workers N` for N = 1 … --workers-max (default: the CPU
      count), as a fresh process each, startup included; --repeat rounds alternating
      1, 2, …, 1, 2, … and the row is the median of each worker count;
  (d) with --queue, `bitexto batch --queue` served by 1 … --workers-max `bitexto worker`
      processes already running (SQLite queue; one job per article, short ones analysed in
      groups of up to 16 jobs per engine call).

Every row shows `cores`: the CPU time of this process and everything it waited for
(Apertium's pipeline, the batch process and its workers) divided by the wall time, i.e.
how many cores the path kept busy. An `apertium: one call` row shows how many cores a
single Apertium call of one group uses by itself: it is a pipeline of ~10 processes, and
on 2 cores one call of 400 sentences already uses ~1.9. The closing lines give, per
worker count, the speed-up over --workers 1 and its ceiling on this machine: the CPU
time of --workers 1 spread over all the CPUs (workers cannot do less work than that).

Numbers on shared 2-core machines vary by 30% or more between runs: compare the
ratios within one run. Before each measurement the script waits (up to --max-wait s)
for other processes to leave the CPUs alone, and the `others` column shows the share of
the CPUs they used during it: a row with more than a few percent is disturbed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ on sys.path, not the repository root.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SEED_ARTICLE = REPO_ROOT / "seeds" / "000_957073114899cdb1.txt"

from translate_bench import machine_busy_seconds, wait_for_quiet  # noqa: E402  (bench/ sibling)


def log(message: str) -> None:
    """Progress goes to stderr so stdout holds only the report."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def seed_variants(count: int, seed: int = 0) -> list[str]:
    """`count` distinct articles from the seed: paragraphs rotated, sentences shuffled."""
    from bitexto.translate.segment import split_sentences

    paragraphs = [p for p in SEED_ARTICLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        shift = number % len(paragraphs)
        rotated = paragraphs[shift:] + paragraphs[:shift]
        shuffled = []
        for paragraph in rotated:
            sentences = [paragraph[start:end] for start, end in split_sentences(paragraph)]
            rng.shuffle(sentences)
            shuffled.append(" ".join(sentences))
        articles.append("\n".join(shuffled))
    return articles


def jsonl_articles(path: Path, count: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return [texts[i % len(texts)] for i in range(count)]


@dataclass
class Row:
    label: str
    seconds: float
    others: float
    articles: int
    sentences: int
    calls: int | None = None
    cpu: float | None = None  # CPU seconds of this process and the processes it waited for

    @property
    def cores(self) -> float:
        return self.cpu / self.seconds if self.cpu is not None and self.seconds > 0 else 0.0

    def line(self, baseline: float | None) -> str:
        speedup = f"{baseline / self.seconds:6.2f}x" if baseline else "     -"
        calls = f"{self.calls:6d}" if self.calls is not None else "     -"
        cores = f"{self.cores:5.2f}" if self.cpu is not None else "    -"
        return (f"{self.label:<38} {self.seconds:8.2f} {cores} {self.others:6.0%} "
                f"{self.articles / self.seconds:10.1f} {self.sentences / self.seconds:12.1f} "
                f"{calls} {speedup}")


HEADER = (f"{'path':<38} {'seconds':>8} {'cores':>5} {'others':>6} {'articles/s':>10} "
          f"{'sentences/s':>12} {'calls':>6} {'speedup':>7}")
MAX_WAIT = 60.0


def own_cpu_seconds() -> float:
    """CPU time of this process and its waited-for children (Apertium, bitexto batch, workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def measure(work, max_wait: float):
    """(result, wall seconds, share of the CPUs other processes used meanwhile, own CPU seconds).

    Own CPU counts children only once they are waited for: `work` must wait for every
    process it starts (subprocess.run does, and so does a process for its pool).
    """
    wait_for_quiet(max_wait)
    busy, own, started = machine_busy_seconds(), own_cpu_seconds(), time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    cpu = own_cpu_seconds() - own
    others = (machine_busy_seconds() - busy) - cpu
    return result, seconds, max(0.0, others) / (seconds * (os.cpu_count() or 1)), cpu


class CountingEngine:
    """Counts engine calls; otherwise the wrapped engine, untouched."""

    def __init__(self, engine):
        self.engine, self.info, self.calls = engine, engine.info, 0
        self.placeholders = getattr(engine, "placeholders", None)

    def translate(self, sentences, on_progress=None):
        self.calls += 1
        return self.engine.translate(sentences, on_progress=on_progress)


def time_single_vs_many(label: str, engine, texts: list[str], settings, group_sentences: int,
                        max_wait: float) -> list[Row]:
    from bitexto.analysis import analyse_article
    from bitexto.batch import translate_many

    analyse_article(texts[0], engine, settings=settings)  # warm-up: language model, first call
    single = CountingEngine(engine)

    def one_by_one() -> int:
        return sum(sum(1 for _ in analyse_article(text, single, settings=settings).document.sentences())
                   for text in texts)

    sentences, seconds, others, cpu = measure(one_by_one, max_wait)
    rows = [Row(f"{label}: analyse_article × {len(texts)}", seconds, others, len(texts), sentences,
                single.calls, cpu)]
    log(rows[-1].line(None))
    many = CountingEngine(engine)
    results, seconds, others, cpu = measure(
        lambda: list(translate_many(texts, many, settings=settings, group_sentences=group_sentences)),
        max_wait)
    failed = [r for r in results if not r.ok]
    if failed:
        log(f"{len(failed)} articles failed in translate_many, e.g. {failed[0].error}")
    rows.append(Row(f"{label}: translate_many", seconds, others, len(texts),
                    sum(r.sentences for r in results), many.calls, cpu))
    log(rows[-1].line(rows[0].seconds))
    return rows


def time_apertium_call(texts: list[str], settings, group_sentences: int, max_wait: float,
                       runs: int = 3) -> Row:
    """One Apertium call over one group's sentences (the best of `runs`): its cores used."""
    from bitexto.translate.engines import create_engine
    from bitexto.translate.engines.apertium import CHUNK_SENTENCES
    from bitexto.translate.pipeline import segment_article

    engine = create_engine("apertium", settings.translate)
    sentences: list[str] = []
    for text in texts:
        sentences += [s.source for s in segment_article(text, settings.translate).sentences()]
        if len(sentences) >= group_sentences:
            break
    sentences = sentences[:min(group_sentences, CHUNK_SENTENCES)]  # one process
    best = None
    for _ in range(runs):
        _, seconds, others, cpu = measure(lambda: engine.translate(sentences), max_wait)
        if best is None or seconds < best.seconds:
            best = Row(f"apertium: one call of {len(sentences)} sentences", seconds, others, 0,
                       len(sentences), 1, cpu)
    log(best.line(None))
    return best


def articles_file(texts: list[str], folder: Path) -> Path:
    source = folder / "articles.jsonl"
    if not source.exists():
        source.write_text("".join(json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=False) + "\n"
                                  for i, t in enumerate(texts)), encoding="utf-8")
    return source


def time_cli(texts: list[str], workers: int, group_sentences: int, folder: Path, max_wait: float) -> Row:
    source = articles_file(texts, folder)
    out = folder / f"out-{workers}.jsonl"
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bitexto", "batch", str(source), "--out", str(out),
               "--engine", "apertium", "--workers", str(workers),
               "--group-sentences", str(group_sentences)]
    done, seconds, others, cpu = measure(
        lambda: subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT), max_wait)
    if done.returncode not in (0, 1):
        raise SystemExit(f"bitexto batch failed:\n{done.stderr[-2000:]}")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sentences = sum(len(b["sentences"]) for r in records if r["status"] == "ok" for b in r["blocks"])
    row = Row(f"bitexto batch --workers {workers}", seconds, others, len(records), sentences, None, cpu)
    report = next((line for line in done.stderr.splitlines() if line.startswith("Batch finished")), "")
    log(row.line(None) + "   " + report[:100])
    return row


def process_tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a running process and of the children it has waited for (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime, stime, cutime, cstime: fields 14-17 of stat(5), counted after the ")".
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def time_queue(texts: list[str], workers: int, folder: Path, max_wait: float) -> Row:
    """`bitexto batch --queue` served by `workers` long-running `bitexto worker` processes.

    A fresh data folder per run (SQLite queue and store, empty translation cache); the
    workers are started before the clock and their CPU is read from /proc."""
    source = articles_file(texts, folder)
    data = Path(tempfile.mkdtemp(prefix=f"queue-{workers}-", dir=folder))
    env = {**os.environ, "BITEXTO_DATA_DIR": str(data), "BITEXTO_ENGINE": "apertium"}
    for name in ("BITEXTO_QUEUE", "BITEXTO_DATABASE_URL", "BITEXTO_DATABASE"):
        env.pop(name, None)
    fleet = [subprocess.Popen([sys.executable, "-m", "bitexto", "worker"], env=env, cwd=REPO_ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
    try:
        time.sleep(3)  # let them start: a fleet is running before work arrives
        before = sum(process_tree_cpu_seconds(worker.pid) for worker in fleet)
        out = data / "out.jsonl"
        command = [sys.executable, "-m", "bitexto", "batch", str(source), "--out", str(out), "--queue"]
        done, seconds, others, cpu = measure(
            lambda: subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, env=env), max_wait)
        fleet_cpu = sum(process_tree_cpu_seconds(worker.pid) for worker in fleet) - before
    finally:
        for worker in fleet:
            worker.kill()
            worker.wait()
    if done.returncode not in (0, 1):
        raise SystemExit(f"bitexto batch --queue failed:\n{done.stderr[-2000:]}")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sentences = sum(len(b["sentences"]) for r in records if r["status"] == "ok" for b in r["blocks"])
    # The fleet's CPU also counted as "others" by measure(): take it back out.
    others = max(0.0, others - fleet_cpu / (seconds * (os.cpu_count() or 1)))
    row = Row(f"bitexto batch --queue, {workers} worker(s)", seconds, others, len(records), sentences,
              None, cpu + fleet_cpu)
    log(row.line(None))
    return row


def time_cli_rounds(texts: list[str], workers_max: int, repeat: int, group_sentences: int,
                    folder: Path, max_wait: float) -> list[Row]:
    """`repeat` rounds of --workers 1 … workers_max, alternating; the median row per count."""
    runs: dict[int, list[Row]] = {workers: [] for workers in range(1, workers_max + 1)}
    for _ in range(repeat):
        for workers in runs:
            runs[workers].append(time_cli(texts, workers, group_sentences, folder, max_wait))
    rows = []
    for workers, timed in runs.items():
        median = Row(f"bitexto batch --workers {workers}", statistics.median(r.seconds for r in timed),
                     statistics.median(r.others for r in timed), timed[0].articles, timed[0].sentences,
                     None, statistics.median(r.cpu for r in timed))
        if repeat > 1:
            median.label += f" (median of {repeat})"
        rows.append(median)
    return rows


def argos_engine(data_dir: Path, settings_overrides: dict):
    """A tiny random-weight Argos package, installed into a scratch data dir."""
    from bitexto.settings import Settings
    from bitexto.translate.engines.argos import ArgosEngine
    from bitexto.translate.models import install_package
    from bitexto.translate.testing import build_argos_package

    os.environ["BITEXTO_DATA_DIR"] = str(data_dir)
    settings = Settings.from_env(**settings_overrides)
    install_package(build_argos_package(data_dir / "build"), options=settings.translate)
    # Random weights make nearly every output loop; retries would double the work.
    return ArgosEngine(settings.translate, retry_degenerate=False), settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--data", type=Path, help="JSONL file of {\"text\": …} articles")
    parser.add_argument("--workers-max", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the bitexto batch runs (alternating worker counts; medians)")
    parser.add_argument("--group-sentences", type=int, default=400)
    parser.add_argument("--argos", action="store_true", help="also time a tiny random-weight Argos package")
    parser.add_argument("--skip-cli", action="store_true", help="skip the bitexto batch --workers runs")
    parser.add_argument("--queue", action="store_true",
                        help="also time bitexto batch --queue with 1 … --workers-max bitexto worker processes")
    parser.add_argument("--max-wait", type=float, default=MAX_WAIT,
                        help="seconds to wait for a quiet machine before each measurement")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bitexto-batch-bench-") as scratch:
        scratch = Path(scratch)
        os.environ["BITEXTO_DATA_DIR"] = str(scratch / "data")
        from bitexto.settings import Settings
        from bitexto.translate.engines import create_engine

        texts = (jsonl_articles(args.data, args.articles) if args.data
                 else seed_variants(args.articles))
        source = f"{args.data}" if args.data else f"{SEED_ARTICLE.name} (rotated, shuffled)"
        settings = Settings.from_env()
        log(f"{len(texts)} articles from {source}; {os.cpu_count()} CPUs")
        call = time_apertium_call(texts, settings, args.group_sentences, args.max_wait)
        rows = time_single_vs_many("apertium", create_engine("apertium", settings.translate), texts, settings,
                                   args.group_sentences, args.max_wait)
        if args.argos:
            engine, argos_settings = argos_engine(scratch / "argos", {"argos_max_decoding_length": 16})
            rows += time_single_vs_many("argos tiny", engine, texts, argos_settings, args.group_sentences,
                                        args.max_wait)
        cli_rows = [] if args.skip_cli else time_cli_rounds(
            texts, max(1, args.workers_max), max(1, args.repeat), args.group_sentences, scratch,
            args.max_wait)
        queue_rows = [time_queue(texts, workers, scratch, args.max_wait)
                      for workers in range(1, max(1, args.workers_max) + 1)] if args.queue else []

    print(f"\n{len(texts)} articles from {source}, {sum(len(t) for t in texts):,} characters; "
          f"{os.cpu_count()} CPUs; group of at most {args.group_sentences} sentences\n")
    print(HEADER)
    print(call.line(None))
    for first, second in zip(rows[::2], rows[1::2]):
        print(first.line(None))
        print(second.line(first.seconds))
    if cli_rows:
        for row in cli_rows:
            print(row.line(cli_rows[0].seconds))
    for row in queue_rows:
        print(row.line(queue_rows[0].seconds))
    print()
    for first, second in zip(rows[::2], rows[1::2]):
        engine = first.label.split(":")[0]
        print(f"{engine}: translate_many is {first.seconds / second.seconds:.2f}x faster per article "
              f"than one call per article ({first.seconds / first.articles * 1000:.0f} ms → "
              f"{second.seconds / second.articles * 1000:.0f} ms per article; "
              f"{first.calls} → {second.calls} engine calls)")
    print(f"apertium: one call of {call.sentences} sentences keeps {call.cores:.2f} of "
          f"{os.cpu_count()} cores busy by itself")
    if cli_rows:
        one = cli_rows[0]
        ceiling = one.seconds / (one.cpu / (os.cpu_count() or 1))
        print(f"bitexto batch --workers 1: {one.seconds:.2f} s, {one.cores:.2f} cores busy; its "
              f"{one.cpu:.1f} CPU-s on all {os.cpu_count()} CPUs would take {one.cpu / (os.cpu_count() or 1):.2f} s: "
              f"workers can gain at most {ceiling:.2f}x here")
    for workers, row in enumerate(cli_rows[1:], 2):
        print(f"bitexto batch --workers {workers}: {cli_rows[0].seconds / row.seconds:.2f}x the "
              f"articles/s of --workers 1, {row.cores:.2f} cores busy, {row.cpu:.1f} CPU-s "
              f"({row.cpu / cli_rows[0].cpu:.2f}x the CPU time of --workers 1; process start-up included)")
    for workers, row in enumerate(queue_rows[1:], 2):
        print(f"bitexto batch --queue with {workers} workers: {queue_rows[0].seconds / row.seconds:.2f}x the "
              f"articles/s of 1 worker ({row.cores:.2f} cores busy)")


if __name__ == "__main__":
    main()
