"""The Spanish parse's cost next to the translation's: one line for the seed article.

    .venv/bin/python bench/parse_bench.py [--repeats 5]

Times translate.language's parse of the seed article (a fresh document each run, the
model loaded beforehand) and then its translation with bitexto's Apertium engine
(translate.pipeline.translate_documents on the parsed document: the names kept, the
sentences through the engine's `apertium` process, the English put back), alternating
the two, and prints the medians and their ratio. The quote speakers and the names kept
untranslated read the parse, so it is paid once per article, next to the translation;
the target is a parse of at most 20% of the translation time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bitexto.translate.engines import create_engine
from bitexto.translate.parsing import parse_document
from bitexto.translate.spanish.parse import model_info
from bitexto.translate.options import TranslateOptions
from bitexto.translate.pipeline import segment_article, translate_documents

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_957073114899cdb1.txt"
TARGET_RATIO = 0.20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    model_info()  # load the model outside the timings
    engine = create_engine("apertium", TranslateOptions())
    parse_times, translate_times = [], []
    for _ in range(max(1, args.repeats)):
        document = segment_article(text)
        started = time.perf_counter()
        analysis = parse_document(document)
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        translate_documents([document], engine, analyses=[analysis])
        translate_times.append(time.perf_counter() - started)
    parse, translate = statistics.median(parse_times), statistics.median(translate_times)
    ratio = parse / translate
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"seed parse {parse:.3f} s / Apertium translation {translate:.3f} s = {ratio:.0%} "
          f"({verdict} the {TARGET_RATIO:.0%} target; medians of {len(parse_times)})")


if __name__ == "__main__":
    main()
