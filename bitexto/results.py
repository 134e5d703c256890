"""What an analysis gives and the store keeps: typed objects, from the analysis to every view.

`ArticleResult` is one analysed article — its aligned document (blocks → sentences with
their English), its bilingual summary and its quotes (with their speakers in both
languages). It is stored with `to_dict` and read back with `from_dict`; the web pages,
the downloads, the newsletter and the API all work on it, never on its JSON.
`StoredArticle` is a row of the article store: the text as it was sent, the options, the
result.
"""

from __future__ import annotations

from dataclasses import dataclass

from bitexto.summarize import Quote, Summary
from bitexto.translate.document import AlignedDocument, Block


@dataclass
class ArticleResult:
    document: AlignedDocument
    summary: Summary | None  # None for a text translated as it is, not as an article
    quotes: list[Quote]

    def to_dict(self) -> dict:
        """The analysis as JSON: `text` is the normalised article every offset refers to."""
        return {
            "text": self.document.text,
            **self.document.to_dict(),
            "summary": self.summary.to_dict() if self.summary else None,
            "quotes": [quote.to_dict() for quote in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleResult":
        document = AlignedDocument.from_dict(data, data["text"])
        summary = Summary.from_dict(data["summary"], document) if data.get("summary") else None
        return cls(document=document, summary=summary,
                   quotes=[Quote.from_dict(quote) for quote in data["quotes"]])

    @property
    def engine_info(self) -> dict | None:
        return self.document.engine.to_dict() if self.document.engine else None

    def headline_block(self) -> Block | None:
        """The block of the article's title: the page's headline (meta, never a kicker above
        it), else its first headline, else its first paragraph."""
        headline = self.document.meta.get("headline")
        blocks = [block for block in self.document.blocks if block.sentences]
        joined = lambda block: " ".join(s.source for s in block.sentences)  # noqa: E731
        return (next((b for b in blocks if headline and b.kind == "headline" and joined(b) == headline), None)
                or next((b for b in blocks if b.kind == "headline"), None)
                or next((b for b in blocks if b.kind == "body"), None))

    def titles(self) -> tuple[str, str]:
        """The article's title in (Spanish, English), whole: a headline is never cut."""
        block = self.headline_block()
        if block is None:
            return "", ""
        sentences = block.sentences if block.kind == "headline" else block.sentences[:1]
        return (" ".join(s.source for s in sentences), " ".join(s.target or "" for s in sentences).strip())

    def key_quotes(self, limit: int | None = None) -> list[Quote]:
        """The key quotes in document order (the first `limit` of them)."""
        key = [quote for quote in self.quotes if quote.key]
        return key if limit is None else key[:limit]


@dataclass
class StoredArticle:
    id: str
    created_at: float
    text: str  # as it was sent: plain text or HTML
    options: dict
    result: ArticleResult
