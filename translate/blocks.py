"""Normalised text → the Blocks and Sentences of an AlignedDocument.

`build_blocks(text)` is what the pipeline calls after translate.clean.normalize: one
Block per non-empty line ("b1", "b2", … in order) with its kind from
translate.classify, holding its Sentences ("s1", "s2", … numbered across the whole
document) with exact offsets, `source == text[start:end]`, no target yet, and the flag
"forced_split" on pieces of sentences cut for length (see translate.segment).
"""

from __future__ import annotations

from translate.classify import classify_blocks
from translate.document import Block, Sentence
from translate.segment import segment_sentences, split_blocks

FORCED_SPLIT = "forced_split"


def build_blocks(text: str) -> list[Block]:
    """Blocks with kinds and sentences for already normalised `text`."""
    spans = split_blocks(text)
    kinds = classify_blocks(text, spans)
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
