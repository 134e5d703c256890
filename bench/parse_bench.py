"""The Spanish parse's cost next to the translation's: one line for the seed article.

    .venv/bin/python bench/parse_bench.py [--repeats 5]

Times translate.language's parse of the seed article (a fresh document each run, the
model loaded beforehand) and its Apertium translation (the article's text through
`apertium -u spa-eng`, the command bitexto's Apertium engine runs), alternating the
two, and prints the medians and their ratio. The quote speakers read the parse, so it is paid once per article, next to
the translation; the target is a parse of at most 20% of the translation time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

from translate.language import analyse_document, model_info
from translate.pipeline import segment_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_957073114899cdb1.txt"
TARGET_RATIO = 0.20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    model_info()  # load the model outside the timings
    parse_times, translate_times = [], []
    for _ in range(max(1, args.repeats)):
        document = segment_article(text)
        started = time.perf_counter()
        analyse_document(document)
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run(["apertium", "-u", "spa-eng"], input=document.text, capture_output=True, text=True,
                       check=True)
        translate_times.append(time.perf_counter() - started)
    parse, translate = statistics.median(parse_times), statistics.median(translate_times)
    ratio = parse / translate
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"seed parse {parse:.3f} s / Apertium translation {translate:.3f} s = {ratio:.0%} "
          f"({verdict} the {TARGET_RATIO:.0%} target; medians of {len(parse_times)})")


if __name__ == "__main__":
    main()
