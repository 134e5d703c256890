"""Extractive summaries of an AlignedDocument: the article's own body sentences, in order.

Public API
----------
summarize(document, length=3, algorithm="default") -> Summary
    Picks `length` body sentences (a count such as 3 or "3", or a share such as "20%")
    with the named algorithm and returns them in document order. The English side is
    each Sentence's aligned `target` (None on an untranslated document): a summary never
    translates anything again.
sentence_scores(document) -> dict[str, float]
    The default ranker's score (0..1) of every body sentence, by sentence id.
ALGORITHMS
    Name → ranker class: the sumy algorithms (lexrank, textrank, lsa, luhn, edmundson,
    sumbasic, kl, reduction), "lead" (the first sentences) and "default" (our news ranker,
    summarize.news_ranker). Names are matched case-insensitively, ignoring "-" and "_",
    so sumy's CLI spelling "lex-rank" works too.

Only `body` blocks are ranked: headlines, captions, related headlines, boilerplate and
credits are never part of a summary (headlines still inform the rankers that use them).
Errors (bad length, unknown algorithm, nothing to summarise) raise InputError.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bitexto.summarize.body import Body, body_of
from bitexto.summarize.length import DEFAULT_LENGTH, resolve_length
from bitexto.summarize.news_ranker import NewsRanker
from bitexto.summarize.news_ranker import sentence_scores as news_scores
from bitexto.summarize.sumy_adapter import (
    EdmundsonRanker,
    KLRanker,
    LexRankRanker,
    LsaRanker,
    LuhnRanker,
    ReductionRanker,
    SumBasicRanker,
    TextRankRanker,
)
from bitexto.translate.document import AlignedDocument, Sentence
from bitexto.translate.errors import InputError

DEFAULT_ALGORITHM = "default"


class Ranker(Protocol):
    def rank(self, body: Body, count: int) -> list[int]:
        """Body positions best first; at least the first `count` are meaningful."""
        ...


class LeadRanker:
    """The first sentences of the body: the baseline every news summariser is judged by."""

    def rank(self, body: Body, count: int) -> list[int]:
        return list(range(len(body)))


ALGORITHMS: dict[str, type[Ranker]] = {
    "default": NewsRanker,
    "lead": LeadRanker,
    "lexrank": LexRankRanker,
    "textrank": TextRankRanker,
    "lsa": LsaRanker,
    "luhn": LuhnRanker,
    "edmundson": EdmundsonRanker,
    "sumbasic": SumBasicRanker,
    "kl": KLRanker,
    "reduction": ReductionRanker,
}


@dataclass
class Summary:
    """The chosen sentences (the document's own objects), in document order."""

    algorithm: str
    length: int
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.sentences]

    def to_dict(self) -> dict:
        return {
            "algorithm": self.algorithm,
            "sentences": [{"id": s.id, "source": s.source, "target": s.target} for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict, document: AlignedDocument) -> "Summary":
        """The summary of `document` that to_dict() described (its sentences are the document's)."""
        sentences = [document.sentence(entry["id"]) for entry in data["sentences"]]
        return cls(algorithm=data["algorithm"], length=len(sentences), sentences=sentences)


def summarize(
    document: AlignedDocument, length: int | str = DEFAULT_LENGTH, algorithm: str = DEFAULT_ALGORITHM
) -> Summary:
    """Summarise `document` in `length` body sentences chosen by `algorithm`.

    Args:
        document: a segmented (and possibly translated) article.
        length: sentences to keep: a count (3, "3") or a percentage of the body
            sentences ("20%", rounded half up, at least 1); clamped to the body's size.
        algorithm: a name from ALGORITHMS ("default" is the news-tuned ranker).

    Returns:
        A Summary whose `sentences` are the document's Sentence objects in document order.

    Raises:
        InputError: unknown algorithm, invalid length, or no body sentences.
    """
    name = canonical_algorithm(algorithm)
    body, sentences = body_of(document)
    if not len(body):
        raise InputError(
            "This article has no body text to summarise: every line looks like a headline, "
            "caption, credit or site boilerplate."
        )
    count = resolve_length(length, len(body))
    ranking = ALGORITHMS[name]().rank(body, count)
    picked = sorted(_first_distinct(ranking, body, count))
    return Summary(algorithm=name, length=count, sentences=[sentences[i] for i in picked])


def sentence_scores(document: AlignedDocument) -> dict[str, float]:
    """The default ranker's score (0..1, higher is more summary-worthy) per body sentence id.

    A document without body sentences gives an empty dict.
    """
    body, sentences = body_of(document)
    if not len(body):
        return {}
    return {s.id: value for s, value in zip(sentences, news_scores(body), strict=True)}


def canonical_algorithm(algorithm: str) -> str:
    """The registry name for `algorithm` ("Lex-Rank" → "lexrank"), or InputError."""
    name = str(algorithm).strip().lower().replace("-", "").replace("_", "")
    if name not in ALGORITHMS:
        raise InputError(
            f"Unknown summary algorithm {algorithm!r}. Choose one of: {', '.join(ALGORITHMS)}."
        )
    return name


def _first_distinct(ranking: list[int], body: Body, count: int) -> list[int]:
    """The first `count` positions of `ranking`, skipping repeats of an already chosen text.

    Articles repeat sentences (a pull quote, a pasted paragraph twice); a summary should
    not. Repeats are used only when there is nothing else left to fill the length.
    """
    chosen: list[int] = []
    texts: set[str] = set()
    for position in ranking:
        text = " ".join(body.sentences[position].split()).lower()
        if text not in texts:
            chosen.append(position)
            texts.add(text)
            if len(chosen) == count:
                return chosen
    for position in ranking:
        if position not in chosen:
            chosen.append(position)
            if len(chosen) == count:
                break
    return chosen
