"""Normalised text → the Blocks and Sentences of an AlignedDocument.

`build_blocks(text)` is what the pipeline calls after translate.clean.normalize: one
Block per non-empty line ("b1", "b2", … in order) with its kind from
translate.classify, holding its Sentences ("s1", "s2", … numbered across the whole
document) with exact offsets, `source == text[start:end]`, no target yet, and the flag
"forced_split" on pieces of sentences cut for length (see translate.segment).
"""

from __future__ import annotations

from typing import Sequence

from bitexto.translate.page_context import read_page
from bitexto.translate.document import Block, Sentence
from bitexto.translate.metadata import page_meta
from bitexto.translate.segment import segment_sentences, split_blocks

FORCED_SPLIT = "forced_split"


def build_blocks(text: str, hints: Sequence[str | None] | None = None) -> list[Block]:
    """Blocks with kinds and sentences for already normalised `text`."""
    return build_page(text, hints)[0]


def build_page(text: str, hints: Sequence[str | None] | None = None,
               source_meta: dict | None = None) -> tuple[list[Block], dict]:
    """Blocks of `text` and the page's metadata (translate.metadata).

    `hints` (one per non-empty line) and `source_meta` come from an HTML source
    (translate.html_fragment); plain text has neither.
    """
    spans = split_blocks(text)
    if hints is not None and len(hints) != len(spans):
        hints = None  # the hints were made for other lines: ignore rather than misplace them
    reading = read_page(text, spans, hints)
    blocks = _blocks(text, spans, reading.kinds)
    return blocks, page_meta(text, blocks, reading.title, source_meta)


def _blocks(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> list[Block]:
    blocks: list[Block] = []
    sentence_count = 0
    for block_number, ((start, end), kind) in enumerate(zip(spans, kinds), start=1):
        sentences = []
        for span in segment_sentences(text, start, end):
            sentence_count += 1
            sentences.append(
                Sentence(
                    id=f"s{sentence_count}",
                    source=text[span.start : span.end],
                    start=span.start,
                    end=span.end,
                    flags=[FORCED_SPLIT] if span.forced else [],
                )
            )
        blocks.append(Block(id=f"b{block_number}", kind=kind, start=start, end=end, sentences=sentences))
    return blocks
