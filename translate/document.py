"""The aligned document: the one domain type every surface of bitexto renders.

A document is a list of blocks (paragraphs or lines of the pasted article); each block
holds sentences with exact offsets into the document's normalised text, and each
sentence is paired with its English translation once an engine has run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

BLOCK_KINDS = ("body", "headline", "related_headline", "caption", "boilerplate", "credit", "byline", "dateline")
# Blocks a reader of the article itself cares about; the others are page furniture
# that is kept (and shown dimmed) but never summarised or quoted.
CONTENT_KINDS = ("body", "headline")


@dataclass
class Sentence:
    id: str
    source: str
    start: int
    end: int
    target: str | None = None
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "start": self.start,
            "end": self.end,
            "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Sentence":
        return cls(id=data["id"], source=data["source"], start=data["start"], end=data["end"],
                   target=data.get("target"), flags=list(data.get("flags", ())))


@dataclass
class Block:
    id: str
    kind: str
    start: int
    end: int
    sentences: list[Sentence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Block":
        return cls(id=data["id"], kind=data["kind"], start=data["start"], end=data["end"],
                   sentences=[Sentence.from_dict(sentence) for sentence in data["sentences"]])


@dataclass(frozen=True)
class EngineInfo:
    """Which engine and model produced a translation; shown with every result."""

    name: str
    model: str
    version: str

    def to_dict(self) -> dict:
        return {"name": self.name, "model": self.model, "version": self.version}

    @classmethod
    def from_dict(cls, data: dict | None) -> "EngineInfo | None":
        return cls(name=data["name"], model=data["model"], version=data["version"]) if data else None

    @property
    def label(self) -> str:
        return f"{self.model} {self.version}".strip()


@dataclass
class AlignedDocument:
    text: str
    blocks: list[Block]
    engine: EngineInfo | None = None
    # What the page says about the article (translate.metadata): headline, authors,
    # published (ISO 8601 when readable, with published_text as printed), site.
    meta: dict = field(default_factory=dict)

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences

    def sentence(self, sentence_id: str) -> Sentence:
        for sentence in self.sentences():
            if sentence.id == sentence_id:
                return sentence
        raise KeyError(sentence_id)

    @property
    def is_translated(self) -> bool:
        return self.engine is not None

    def to_dict(self) -> dict:
        return {
            "engine": self.engine.to_dict() if self.engine else None,
            "meta": dict(self.meta),
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict, text: str) -> "AlignedDocument":
        """A document from its to_dict() and the normalised text its offsets refer to
        (a stored result read back, e.g. from a worker on another machine)."""
        return cls(text=text, blocks=[Block.from_dict(block) for block in data["blocks"]],
                   engine=EngineInfo.from_dict(data.get("engine")), meta=dict(data.get("meta") or {}))
