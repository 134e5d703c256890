"""Side-by-side rendering of an aligned document for the terminal."""

from __future__ import annotations

import textwrap
from itertools import zip_longest

import click
from wcwidth import wcswidth

from bitexto.translate.document import CONTENT_KINDS, AlignedDocument

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


def column_width(width: int) -> int:
    return max(MIN_COLUMN, (width - len(GUTTER)) // 2)


def two_columns(left: str, right: str, width: int, dim: bool = False) -> list[str]:
    """One pair of texts wrapped into two aligned columns."""
    column = column_width(width)
    left_lines = textwrap.wrap(left, column) or [""]
    right_lines = textwrap.wrap(right, column) or [""]
    rows = [_pad(src, column) + GUTTER + tgt
            for src, tgt in zip_longest(left_lines, right_lines, fillvalue="")]
    return [click.style(row, dim=True) for row in rows] if dim else rows


def side_by_side(document: AlignedDocument, width: int) -> list[str]:
    """Lines of two aligned columns (Spanish | English), sentence by sentence.

    Blocks that are not part of the article (captions, related headlines, promotions,
    credits) are kept, labelled and dimmed, never dropped.
    """
    lines: list[str] = []
    for block in document.blocks:
        dim = block.kind not in CONTENT_KINDS
        if block.kind != "body":
            lines.append(click.style(f"[{block.kind.replace('_', ' ')}]", dim=dim, bold=not dim))
        for sentence in block.sentences:
            target = sentence.target or ""
            if sentence.flags:
                target += f"  ⚠ {', '.join(sentence.flags)}"
            lines.extend(two_columns(sentence.source, target, width, dim))
        lines.append("")
    return lines


def summary_view(summary, quotes, width: int, all_quotes: bool) -> list[str]:
    """The bilingual summary, then the quotes with their speakers, as two columns."""
    lines = [click.style(f"Summary ({summary.algorithm}, {summary.length} sentences)", bold=True)]
    for sentence in summary.sentences:
        lines.extend(two_columns(sentence.source, sentence.target or "", width))
    shown = [q for q in quotes if all_quotes or q.key]
    lines += ["", click.style("Quotes" if all_quotes else "Key quotes", bold=True)]
    if not shown:
        lines.append("(none found)")
    for quote in shown:
        speaker = quote.speaker or (f"unnamed: {quote.speaker_description}" if quote.speaker_description
                                    else "unattributed")
        flags = f"  ⚠ {', '.join(quote.flags)}" if quote.flags else ""
        lines.append(click.style(f"{speaker} ({quote.sentence_id}){flags}", italic=True))
        lines.extend(two_columns(f"«{quote.text}»", f"“{quote.target}”" if quote.target else "", width))
    return lines
