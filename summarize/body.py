"""The part of an article a summariser may pick from, detached from the document model.

Only `body` sentences are ever ranked: headlines are context (they tell what the story
is about) and captions, related headlines, boilerplate and credits are page furniture.
Rankers see plain strings and answer with positions, so the summary is always made of
the document's own Sentence objects, even when two sentences have the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from bitexto.translate.document import AlignedDocument, Sentence


@dataclass(frozen=True)
class Body:
    """Body sentences in document order, with their paragraph numbers and the headlines."""

    sentences: tuple[str, ...]
    # paragraphs[i] is the number of the block holding sentences[i]; equal numbers mean
    # the same paragraph (position-aware rankers care about paragraph starts).
    paragraphs: tuple[int, ...]
    headings: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.sentences)

    def subset(self, indices: Sequence[int]) -> Body:
        """The body reduced to `indices` (kept in the given order, normally document order)."""
        return Body(
            sentences=tuple(self.sentences[i] for i in indices),
            paragraphs=tuple(self.paragraphs[i] for i in indices),
            headings=self.headings,
        )


def body_of(document: AlignedDocument) -> tuple[Body, list[Sentence]]:
    """The rankable Body of `document` and the Sentence behind each of its positions."""
    texts: list[str] = []
    paragraphs: list[int] = []
    headings: list[str] = []
    sentences: list[Sentence] = []
    for number, block in enumerate(document.blocks):
        if block.kind == "headline":
            headings.extend(s.source for s in block.sentences)
        elif block.kind == "body":
            for sentence in block.sentences:
                texts.append(sentence.source)
                paragraphs.append(number)
                sentences.append(sentence)
    return Body(tuple(texts), tuple(paragraphs), tuple(headings)), sentences
