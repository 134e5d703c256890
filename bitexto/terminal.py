"""Side-by-side rendering of an aligned document for the terminal."""

from __future__ import annotations

import textwrap
from itertools import zip_longest

import click
from wcwidth import wcswidth

from translate.document import CONTENT_KINDS, AlignedDocument

GUTTER = " │ "
MIN_COLUMN = 20


def engine_banner(document: AlignedDocument) -> str:
    engine = document.engine
    if engine is None:
        return "Not translated."
    banner = f"Engine: {engine.model} {engine.version}"
    if engine.name == "apertium":
        banner += (
            " — lower quality (word for word). For better English install the Argos model: "
            "bitexto models install --from translate-es_en-1_0.argosmodel"
        )
    return banner


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - max(wcswidth(text), 0))


def side_by_side(document: AlignedDocument, width: int) -> list[str]:
    """Lines of two aligned columns (Spanish | English), sentence by sentence.

    Blocks that are not part of the article (captions, related headlines, promotions,
    credits) are kept, labelled and dimmed, never dropped.
    """
    column = max(MIN_COLUMN, (width - len(GUTTER)) // 2)
    lines: list[str] = []
    for block in document.blocks:
        dim = block.kind not in CONTENT_KINDS
        if block.kind != "body":
            lines.append(click.style(f"[{block.kind.replace('_', ' ')}]", dim=dim, bold=not dim))
        for sentence in block.sentences:
            target = sentence.target or ""
            if sentence.flags:
                target += f"  ⚠ {', '.join(sentence.flags)}"
            left = textwrap.wrap(sentence.source, column) or [""]
            right = textwrap.wrap(target, column) or [""]
            for src, tgt in zip_longest(left, right, fillvalue=""):
                row = _pad(src, column) + GUTTER + tgt
                lines.append(click.style(row, dim=True) if dim else row)
        lines.append("")
    return lines
