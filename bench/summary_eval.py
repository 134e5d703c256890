#!/usr/bin/env python3
"""ROUGE and speed of every summary algorithm on Spanish news with reference summaries.

    python bench/summary_eval.py --data PATH.jsonl [--limit N] [--length 3] [--long] [--tune]

PATH.jsonl holds one article a line: {"id", "text", "summary"} (e.g. the MLSUM-es
development slice). Each article is segmented with translate.pipeline.segment_article
(untranslated) and summarised by every algorithm in summarize.summary.ALGORITHMS; the
summary's Spanish sentences are scored against the reference summary.

ROUGE here is a small implementation of its own, printed as F1 × 100:
- tokens: lowercase Unicode `\\w+` runs, so accented letters are KEPT ("acción" is one
  token; the common rouge_score tokenizer would split it and drop "ó"); no stemming,
  no stop-word removal;
- ROUGE-1/2: clipped n-gram overlap counts;
- ROUGE-L: longest common subsequence between the whole summary (its sentences
  concatenated) and the reference: summary-level LCS without the union-LCS variant.

The articles are also split deterministically by id (sha1(id) mod 3 == 0 is the
held-out third) because the default ranker's weights were tuned on the other two
thirds only. The held-out third is small (33 articles), so the paired-bootstrap
interval of default - lead is printed with it.

--tune re-runs the default ranker's weight tuning: coordinate ascent over a small grid
of content weights (summarize.news_ranker.Weights; the shape penalties stay fixed) from
a lead-heavy prior, maximising R-1 + (R-2 + R-L)/2 on the tune split; then prints the
tuned weights, their scores on both splits, and a nested 2 x 5-fold cross-validation
over all articles (tuning inside every training fold), a less noisy estimate than the
33-article held-out split. Slow: minutes.

--long times every algorithm on a synthetic ~400-sentence article (dev articles
concatenated as paragraphs), with and without the candidate prefilter for the algorithms
that have a quadratic step. If summarize.quotes.extract_quotes exists, the cost of
summary + quotes on the seed article is also printed relative to its Apertium
translation time. Timings are wall-clock on a possibly shared machine: compare the
algorithms with each other within one run, not with another run. LSA's numpy SVD
is tiny but, with multi-threaded OpenBLAS on a busy 2-core machine, can take a second
per call; OPENBLAS_NUM_THREADS=1 makes it milliseconds.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import fields, replace
from pathlib import Path
from typing import Sequence

from bitexto.summarize.body import body_of
from bitexto.summarize.news_ranker import DEFAULT_WEIGHTS, NewsRanker, Weights, mmr_order, score, sentence_features
from bitexto.summarize.summary import ALGORITHMS, summarize
from bitexto.summarize.vectors import prefilter, sentence_vectors
from bitexto.translate.document import AlignedDocument
from bitexto.translate.pipeline import segment_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_957073114899cdb1.txt"
LONG_SENTENCES = 400
RECALL_BUDGET = 75

_TOKEN = re.compile(r"\w+")


# --- ROUGE ---------------------------------------------------------------------------


def rouge_tokens(text: str) -> list[str]:
    """Lowercase `\\w+` tokens; Unicode-aware, so accents stay inside the word."""
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, candidate_total: int, reference_total: int) -> float:
    if not overlap or not candidate_total or not reference_total:
        return 0.0
    precision = overlap / candidate_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 with clipped counts: each reference n-gram matches at most as often as it occurs."""
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (two-row dynamic programming)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 from the LCS of the concatenated summary and the reference."""
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge_scores(summary_text: str, reference_text: str) -> tuple[float, float, float]:
    candidate, reference = rouge_tokens(summary_text), rouge_tokens(reference_text)
    return rouge_n(candidate, reference, 1), rouge_n(candidate, reference, 2), rouge_l(candidate, reference)


def unigram_recall_at(summary_text: str, reference_text: str, budget: int = 75) -> float:
    """ROUGE-1 recall of the summary cut to its first `budget` tokens (DUC-style, length-fair).

    F1 at a fixed sentence count rewards short sentences merely for being short (the
    references are ~23 words); recall at a word budget does not, so both are printed.
    """
    candidate = Counter(rouge_tokens(summary_text)[:budget])
    reference = Counter(rouge_tokens(reference_text))
    total = sum(reference.values())
    return sum((candidate & reference).values()) / total if total else 0.0


# --- Evaluation ----------------------------------------------------------------------


def load_articles(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def is_held_out(article_id: str) -> bool:
    """The deterministic held-out third: the default ranker was never tuned on these."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def evaluate(rows: list[dict], documents: list[AlignedDocument], length: str) -> dict[str, dict]:
    """Per algorithm: per-article (R1, R2, RL) lists, summary word counts and seconds."""
    results: dict[str, dict] = {}
    for name in ALGORITHMS:
        scores, recalls, words, seconds = [], [], [], []
        for row, document in zip(rows, documents):
            started = time.perf_counter()
            summary = summarize(document, length, name)
            seconds.append(time.perf_counter() - started)
            text = " ".join(s.source for s in summary.sentences)
            scores.append(rouge_scores(text, row["summary"]))
            recalls.append(unigram_recall_at(text, row["summary"], RECALL_BUDGET))
            words.append(len(rouge_tokens(text)))
        results[name] = {"scores": scores, "recalls": recalls, "words": words, "seconds": seconds}
    return results


def _mean_rouge(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(100 * statistics.fmean(s[k] for s in scores) for k in range(3))  # type: ignore[return-value]


def print_table(results: dict[str, dict], rows: list[dict], length: str) -> None:
    held = [is_held_out(row["id"]) for row in rows]
    print(f"\n{len(rows)} articles, summary length {length!r} (body sentences)")
    print("ROUGE F1 x100; tokens: lowercase Unicode \\w+ (accents kept), no stemming;")
    print("ROUGE-L: LCS over the concatenated summary vs the reference (not union-LCS)")
    print(f"R1-R@{RECALL_BUDGET}: ROUGE-1 recall with each summary cut to {RECALL_BUDGET} tokens (length-fair)\n")
    header = (
        f"{'algorithm':<11} {'R-1':>6} {'R-2':>6} {'R-L':>6} {f'R1-R@{RECALL_BUDGET}':>9}"
        f" {'words':>6} {'ms/article':>11}"
    )
    print(header)
    print("-" * len(header))
    ordered = sorted(results, key=lambda n: -_mean_rouge(results[n]["scores"])[0])
    for name in ordered:
        result = results[name]
        r1, r2, rl = _mean_rouge(result["scores"])
        label = "lead (L-3)" if name == "lead" and length == "3" else name
        print(
            f"{label:<11} {r1:6.2f} {r2:6.2f} {rl:6.2f} {100 * statistics.fmean(result['recalls']):9.2f}"
            f" {statistics.fmean(result['words']):6.1f}"
            f" {1000 * statistics.fmean(result['seconds']):11.2f}"
        )
    reference_words = statistics.fmean(len(rouge_tokens(row["summary"])) for row in rows)
    print(f"(reference summaries: {reference_words:.1f} words on average)")

    print("\nTuning split (the default ranker's weights were tuned on 'tune' only):")
    print(f"{'split':<9} {'n':>3}  {'algorithm':<9} {'R-1':>6} {'R-2':>6} {'R-L':>6} {f'R1-R@{RECALL_BUDGET}':>9}")
    for split, wanted in (("tune", False), ("held-out", True)):
        chosen = [i for i, h in enumerate(held) if h == wanted]
        if not chosen:
            continue
        for name in ("lead", "default"):
            r1, r2, rl = _mean_rouge([results[name]["scores"][i] for i in chosen])
            recall = 100 * statistics.fmean(results[name]["recalls"][i] for i in chosen)
            print(f"{split:<9} {len(chosen):>3}  {name:<9} {r1:6.2f} {r2:6.2f} {rl:6.2f} {recall:9.2f}")
    gains = [100 * (d[0] - l[0]) for d, l in zip(results["default"]["scores"], results["lead"]["scores"])]
    wins = sum(1 for g in gains if g > 1e-9)
    losses = sum(1 for g in gains if g < -1e-9)
    print(f"\ndefault - lead, ROUGE-1 per article: {wins} better, {losses} worse, {len(rows) - wins - losses} tied")
    for split, wanted in (("all", None), ("tune", False), ("held-out", True)):
        chosen = [g for g, h in zip(gains, held) if wanted is None or h == wanted]
        if chosen:
            low, high = bootstrap_interval(chosen)
            print(f"  {split:<9} mean {statistics.fmean(chosen):+5.2f}  95% paired-bootstrap CI [{low:+.2f}, {high:+.2f}]")


def bootstrap_interval(differences: list[float], resamples: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95% percentile interval of the mean of paired differences (fixed seed: reproducible)."""
    rng = random.Random(seed)
    n = len(differences)
    means = sorted(statistics.fmean(rng.choices(differences, k=n)) for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


# --- Tuning the default ranker --------------------------------------------------------

TUNING_PRIOR = Weights(
    position=1.0, position_scale=2.0, centrality=0.5, topic=0.3, quote=-0.2, dangling=-0.2, redundancy=0.5
)
TUNING_GRID: dict[str, list[float]] = {
    "position": [0, 0.25, 0.5, 1, 1.5, 2],
    "position_scale": [0.5, 1, 2, 4, 8],
    "centrality": [0, 0.25, 0.5, 0.75, 1],
    "topic": [0, 0.25, 0.5, 0.75],
    "quote": [-0.6, -0.3, -0.1, 0],
    "dangling": [-0.6, -0.3, -0.1, 0],
    "redundancy": [0, 0.25, 0.5, 1],
}
# A change must gain this much (ROUGE points) to be kept: smaller gains are noise here.
TUNING_MIN_GAIN = 0.05


def _prepare(rows: list[dict], documents: list[AlignedDocument]) -> list[tuple]:
    """Per article what scoring needs, computed once: body, vectors, features, reference."""
    prepared = []
    for row, document in zip(rows, documents):
        body, _ = body_of(document)
        vectors = sentence_vectors(body.sentences)
        prepared.append((body, vectors, sentence_features(body, vectors), row["summary"]))
    return prepared


def _weights_rouge(prepared: list[tuple], weights: Weights, length: int) -> tuple[float, float, float]:
    """Mean ROUGE of the default ranker with `weights` (the same steps as NewsRanker.rank)."""
    scores = []
    for body, vectors, features, reference in prepared:
        values = [score(f, weights, rank) for rank, f in enumerate(features)]
        candidates = prefilter(values, NewsRanker.max_candidates)
        picked = sorted(mmr_order(candidates, values, vectors, min(length, len(body)), weights))
        scores.append(rouge_scores(" ".join(body.sentences[i] for i in picked), reference))
    return _mean_rouge(scores)


def _objective(rouge: tuple[float, float, float]) -> float:
    return rouge[0] + 0.5 * (rouge[1] + rouge[2])


def tune_weights(prepared: list[tuple], length: int) -> Weights:
    """Coordinate ascent over TUNING_GRID from TUNING_PRIOR."""
    weights = TUNING_PRIOR
    best = _objective(_weights_rouge(prepared, weights, length))
    for _ in range(4):
        improved = False
        for name, values in TUNING_GRID.items():
            for value in values:
                if value == getattr(weights, name):
                    continue
                candidate = replace(weights, **{name: value})
                objective = _objective(_weights_rouge(prepared, candidate, length))
                if objective > best + TUNING_MIN_GAIN:
                    weights, best, improved = candidate, objective, True
        if not improved:
            break
    return weights


def run_tuning(rows: list[dict], documents: list[AlignedDocument], length: str) -> None:
    count = int(length) if length.isdigit() else 3
    prepared = _prepare(rows, documents)
    held = [is_held_out(row["id"]) for row in rows]
    tune = [p for p, h in zip(prepared, held) if not h]
    tuned = tune_weights(tune, count)
    print(f"\nTuned on the tune split ({len(tune)} articles), length {count}:")
    changed = {
        f.name: getattr(tuned, f.name)
        for f in fields(Weights)
        if getattr(tuned, f.name) != getattr(TUNING_PRIOR, f.name)
    }
    print(f"  changes from the prior: {changed}")
    print(f"  shipped defaults:       {DEFAULT_WEIGHTS}")
    for split, wanted in (("tune", False), ("held-out", True)):
        part = [p for p, h in zip(prepared, held) if h == wanted]
        r1, r2, rl = _weights_rouge(part, tuned, count)
        print(f"  tuned weights on {split:<9} R-1 {r1:6.2f}  R-2 {r2:6.2f}  R-L {rl:6.2f}")

    print("\nNested cross-validation over all articles (2 x 5 folds, tuned inside each training fold):")
    totals = {"default": [0.0, 0.0, 0.0], "lead": [0.0, 0.0, 0.0]}
    tested = 0
    for repeat in range(2):
        order = list(range(len(prepared)))
        random.Random(repeat).shuffle(order)
        for fold in range(5):
            test = [prepared[i] for j, i in enumerate(order) if j % 5 == fold]
            train = [prepared[i] for j, i in enumerate(order) if j % 5 != fold]
            default = _weights_rouge(test, tune_weights(train, count), count)
            lead = _mean_rouge(
                [rouge_scores(" ".join(body.sentences[:count]), reference) for body, _, _, reference in test]
            )
            for name, rouge in (("default", default), ("lead", lead)):
                for k, value in enumerate(rouge):
                    totals[name][k] += value * len(test)
            tested += len(test)
    for name, total in totals.items():
        r1, r2, rl = (t / tested for t in total)
        print(f"  {name:<8} R-1 {r1:6.2f}  R-2 {r2:6.2f}  R-L {rl:6.2f}")


# --- Long articles -------------------------------------------------------------------


def long_article(rows: list[dict], sentences: int = LONG_SENTENCES) -> AlignedDocument:
    """Dev articles concatenated as paragraphs until the body has ~`sentences` sentences."""
    parts: list[str] = []
    document = None
    for row in rows * 10:
        parts.append(row["text"])
        document = segment_article("\n\n".join(parts))
        if sum(1 for b in document.blocks if b.kind == "body" for _ in b.sentences) >= sentences:
            break
    assert document is not None
    return document


def time_long(rows: list[dict], length: str) -> None:
    document = long_article(rows)
    body = sum(len(b.sentences) for b in document.blocks if b.kind == "body")
    print(f"\nLong article: {body} body sentences ({len(document.text):,} characters), length {length!r}")
    print(f"{'algorithm':<11} {'seconds':>8} {'candidates':>10}  {'without prefilter':>18}")
    for name, ranker in ALGORITHMS.items():
        seconds = _best_time(lambda: summarize(document, length, name))
        unbounded = ""
        bound = str(ranker.max_candidates) if getattr(ranker, "quadratic", False) else "all"
        if getattr(ranker, "quadratic", False):
            # The same algorithm with its candidate bound lifted: what the prefilter saves.
            original = ranker.max_candidates
            ranker.max_candidates = 10**9
            try:
                unbounded = f"{_best_time(lambda: summarize(document, length, name), runs=1):18.3f}"
            finally:
                ranker.max_candidates = original
        print(f"{name:<11} {seconds:8.3f} {bound:>10}  {unbounded}")
    print("(candidates: sentences left by the centrality prefilter before the quadratic step)")


def _best_time(run, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def time_quotes_against_translation(length: str) -> None:
    """Summary + quotes cost on the seed relative to its Apertium translation (target ≤ 5%)."""
    try:
        extract_quotes = importlib.import_module("bitexto.summarize.quotes").extract_quotes
    except (ImportError, AttributeError):
        print("\nsummarize.quotes.extract_quotes not available: summary+quotes vs translation skipped")
        return
    from bitexto.translate.pipeline import translate_article

    text = SEED.read_text(encoding="utf-8")
    translate_seconds = _best_time(lambda: translate_article(text, engine="apertium"), runs=3)
    document = translate_article(text, engine="apertium")

    def summary_and_quotes() -> None:
        summarize(document, length)
        extract_quotes(document)

    extra_seconds = _best_time(summary_and_quotes, runs=5)
    share = 100 * extra_seconds / translate_seconds
    print(
        f"\nSeed: Apertium translation {translate_seconds:.3f} s; summary + quotes {extra_seconds:.4f} s"
        f" = {share:.1f}% of it (target <= 5%)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL with id, text, summary")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--length", default="3", help="summary length: N sentences or N%% (default 3)")
    parser.add_argument("--long", action="store_true", help="also time a ~400-sentence article")
    parser.add_argument("--tune", action="store_true", help="re-run the default ranker's tuning (slow)")
    args = parser.parse_args(argv)

    rows = load_articles(args.data, args.limit)
    if not rows:
        print(f"no articles in {args.data}", file=sys.stderr)
        return 1
    documents = [segment_article(row["text"]) for row in rows]
    results = evaluate(rows, documents, args.length)
    print_table(results, rows, args.length)
    if args.tune:
        run_tuning(rows, documents, args.length)
    if args.long:
        time_long(rows, args.length)
    time_quotes_against_translation(args.length)
    return 0


if __name__ == "__main__":
    sys.exit(main())
