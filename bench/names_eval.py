#!/usr/bin/env python3
"""Names kept as written, and BLEU/chrF, for raw Apertium and for bitexto, on line-aligned files.

    python bench/names_eval.py --spa PATH.spa --eng PATH.eng [--engine apertium] [--show]

A "kept name" is what an English reference keeps verbatim from the Spanish: a run of
capitalised words in the reference that is not at a sentence start, with the particles
between them ("Rivière-des-Prairies", "Jean de la Fontaine"), and that appears as written,
on word boundaries, in the Spanish line. A name counts as kept by a system when its output
line contains it verbatim on word boundaries. The same names are counted for every system.

Raw Apertium is `apertium -u spa-eng` on the lines, one per paragraph (a blank line
between them, so a line never runs into the next). bitexto is translate.pipeline on each
line as an article (protection of names and all). BLEU and chrF are sacrebleu's corpus
scores (`pip install sacrebleu`, in the bench extra) against the reference lines.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Lowercase words that join the capitalised parts of one name.
PARTICLES = {"de", "del", "la", "las", "los", "le", "les", "des", "du", "di", "da", "do",
             "dos", "van", "von", "der", "den", "y", "e", "el", "al", "bin", "ibn"}
WORD = re.compile(r"[^\W\d_][\w'’-]*")
SENTENCE_END = re.compile(r"[.!?:;]\W*$")


def reference_names(line: str) -> list[str]:
    """Capitalised word runs (with inner particles) that do not start a sentence."""
    names: list[str] = []
    words = list(WORD.finditer(line))
    run: list[re.Match] = []

    def close() -> None:
        while run and not run[-1].group()[0].isupper():
            run.pop()
        if run:
            names.append(line[run[0].start():run[-1].end()])
        run.clear()

    for index, match in enumerate(words):
        word = match.group()
        before = line[:match.start()]
        at_start = index == 0 or SENTENCE_END.search(before) is not None and not run
        gap = line[words[index - 1].end():match.start()] if index else ""
        joined = run and gap in (" ", "-")
        if word[0].isupper() and not (at_start and not run):
            if run and not joined:
                close()
            run.append(match)
        elif run and joined and word.lower() in PARTICLES:
            run.append(match)
        else:
            close()
    close()
    return names


def contains(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def raw_apertium(lines: list[str]) -> list[str]:
    payload = "\n\n".join(" ".join(line.split()) for line in lines) + "\n"
    result = subprocess.run(["apertium", "-u", "spa-eng"], input=payload, capture_output=True,
                            text=True, check=True)
    out = result.stdout.split("\n")
    return [" ".join(line.split()) for line in out[::2]][:len(lines)]


def bitexto_lines(lines: list[str], engine_name: str) -> list[str]:
    from bitexto.translate.blocks import build_blocks
    from bitexto.translate.clean import normalize
    from bitexto.translate.document import AlignedDocument
    from bitexto.translate.engines import create_engine
    from bitexto.translate.pipeline import translate_documents

    engine = create_engine(engine_name)
    # Not segment_article: its language check refuses a few short lines of the test set.
    documents = [AlignedDocument(text=normalize(line), blocks=build_blocks(normalize(line)))
                 for line in lines]
    translate_documents(documents, engine)
    return [" ".join(s.target or "" for s in document.sentences()) for document in documents]


def score(name: str, outputs: list[str], refs: list[str], checks: list[tuple[int, str]],
          show: bool) -> None:
    kept = [(i, n) for i, n in checks if contains(outputs[i], n)]
    line = f"{name:10s} names kept {len(kept)}/{len(checks)} = {len(kept) / max(len(checks), 1):.3f}"
    try:
        import sacrebleu

        bleu = sacrebleu.corpus_bleu(outputs, [refs]).score
        chrf = sacrebleu.corpus_chrf(outputs, [refs]).score
        line += f"   BLEU {bleu:.2f}   chrF {chrf:.2f}"
    except ImportError:
        line += "   (pip install sacrebleu for BLEU/chrF)"
    print(line)
    if show:
        for i, n in checks:
            if (i, n) not in kept:
                print(f"    lost {n!r} (line {i + 1}): {outputs[i]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spa", required=True, type=Path)
    parser.add_argument("--eng", required=True, type=Path)
    parser.add_argument("--engine", default="apertium", choices=("apertium", "argos"))
    parser.add_argument("--show", action="store_true", help="print every name a system lost")
    parser.add_argument("--diff", action="store_true", help="print every line the two systems translate differently")
    args = parser.parse_args()
    sources = args.spa.read_text(encoding="utf-8").splitlines()
    refs = args.eng.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(refs):
        sys.exit(f"{args.spa} has {len(sources)} lines, {args.eng} {len(refs)}: not line-aligned")
    checks = [(i, name) for i, ref in enumerate(refs) for name in reference_names(ref)
              if contains(sources[i], name)]
    started = time.monotonic()
    raw = raw_apertium(sources)
    print(f"raw apertium: {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    ours = bitexto_lines(sources, args.engine)
    print(f"bitexto ({args.engine}): {time.monotonic() - started:.1f} s")
    score("apertium", raw, refs, checks, args.show)
    score("bitexto", ours, refs, checks, args.show)
    if args.diff:
        for i, (a, b) in enumerate(zip(raw, ours)):
            if a != b:
                print(f"\n{i + 1} es  {sources[i]}\n  ref {refs[i]}\n  apt {a}\n  bit {b}")


if __name__ == "__main__":
    main()
