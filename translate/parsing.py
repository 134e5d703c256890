"""The Spanish parse of aligned documents: made once per analysis, kept beside the document.

The parse is derived from the document's text alone, so it is never stored: one analysis
(bitexto.analysis) parses its documents once, in one batched pipe, and hands each
`Analysis` to whatever reads it — the names kept untranslated (translate.pipeline) and the
quotes' speakers (bitexto.summarize.quotes). A library caller who does not pass one gets it
parsed on the spot.
"""

from __future__ import annotations

from typing import Sequence

from bitexto.translate.document import AlignedDocument
from bitexto.translate.spanish.parse import Analysis, analyse_many


def parse_documents(documents: Sequence[AlignedDocument]) -> list[Analysis]:
    """Every document's parse, all their blocks in one batched pipe."""
    return analyse_many((document.text, [(block.start, block.end) for block in document.blocks])
                        for document in documents)


def parse_document(document: AlignedDocument) -> Analysis:
    return parse_documents([document])[0]
