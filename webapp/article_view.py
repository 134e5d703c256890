"""What the article page shows, built from a stored article (a typed StoredArticle).

Everything here is plain data for the templates and the Markdown export: rows of
sentence pairs grouped by block, the summary, the quotes and the labels. Article text
stays text; marking a quote inside a sentence splits the sentence into parts, which the
template escapes one by one (nothing here produces HTML).

A different summary length or algorithm is computed from the stored, already translated
sentences: nothing is translated again, so only the summary changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from bitexto.articles import summary_of
from bitexto.results import StoredArticle
from bitexto.translate.document import CONTENT_KINDS, Block, Sentence
from bitexto.translate.errors import InputError
from bitexto.webapp import labels

if TYPE_CHECKING:
    from bitexto.summarize import Quote, Summary


@dataclass
class Part:
    """A run of a sentence's text; `quote` is the id of the quote it belongs to, if any."""

    text: str
    quote: str | None = None


@dataclass
class SentenceRow:
    id: str
    source: list[Part]
    target: list[Part]
    source_text: str
    target_text: str
    flags: list[str]
    in_summary: bool = False


@dataclass
class BlockView:
    id: str
    kind: str
    label: str
    is_furniture: bool
    rows: list[SentenceRow]


@dataclass
class QuoteView:
    id: str
    sentence_id: str
    source: str
    target: str | None
    speaker: str | None
    marks: str
    flags: list[str]
    key: bool
    # Who said it as the article puts it, when it names nobody ("un portavoz del ministerio").
    speaker_description: str | None = None
    speaker_target: str | None = None  # the speaker in English (roles translated, names as written)


@dataclass
class ArticleView:
    id: str
    created: datetime
    engine: dict | None
    engine_label: str
    low_quality_engine: bool
    title: str
    title_en: str
    blocks: list[BlockView]
    summary: list[Sentence]
    summary_algorithm: str
    summary_length: str
    summary_error: str | None
    key_quotes: list[QuoteView]
    other_quotes: list[QuoteView]
    sentence_count: int = 0
    options: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # translate.metadata: headline, authors, published, site
    article: StoredArticle | None = field(default=None, repr=False)  # what the view shows, read once
    chosen_summary: Summary | None = field(default=None, repr=False)

    @property
    def published_label(self) -> str | None:
        """The publication date in the reader's language (babel), or as the page wrote it
        when it could not be read."""
        return labels.published_date(self.meta.get("published")) or self.meta.get("published_text")


def build_view(article: StoredArticle, length: str | None = None, algorithm: str | None = None) -> ArticleView:
    """The page's data for a stored article and the summary options asked for.

    A bad summary option is reported in `summary_error` and the stored summary is shown,
    so a typo in the length box never costs the reader the article.
    """
    result = article.result
    error = None
    try:
        summary, length, algorithm = summary_of(article, length, algorithm)
    except InputError as exc:
        error = exc.message
        summary, length, algorithm = summary_of(article, None, None)
    summary_ids = set(summary.ids)
    quotes = [_quote_view(q) for q in result.quotes]
    quotes_by_sentence: dict[str, list[Quote]] = {}
    for quote in result.quotes:
        quotes_by_sentence.setdefault(quote.sentence_id, []).append(quote)
    blocks = [_block_view(b, summary_ids, quotes_by_sentence) for b in result.document.blocks]
    title, title_en = result.titles()
    return ArticleView(
        id=article.id,
        created=datetime.fromtimestamp(article.created_at, tz=timezone.utc),
        engine=result.engine_info,
        engine_label=labels.engine(result.document.engine),
        low_quality_engine=labels.is_low_quality(result.document.engine),
        title=title,
        title_en=title_en,
        blocks=blocks,
        summary=summary.sentences,
        summary_algorithm=algorithm,
        summary_length=length,
        summary_error=error,
        key_quotes=[q for q in quotes if q.key],
        other_quotes=[q for q in quotes if not q.key],
        sentence_count=sum(len(b.rows) for b in blocks),
        options=article.options,
        meta=result.document.meta,
        article=article,
        chosen_summary=summary,
    )


def _block_view(block: Block, summary_ids: set[str], quotes: dict[str, list[Quote]]) -> BlockView:
    rows = []
    for s in block.sentences:
        target = s.target or ""
        sentence_quotes = quotes.get(s.id, [])
        rows.append(SentenceRow(
            id=s.id,
            source=_mark_source(s, sentence_quotes),
            target=_mark_target(target, sentence_quotes),
            source_text=s.source,
            target_text=target,
            flags=[labels.flag(f) for f in s.flags],
            in_summary=s.id in summary_ids,
        ))
    return BlockView(
        id=block.id, kind=block.kind, label=labels.block_kind(block.kind),
        is_furniture=block.kind not in CONTENT_KINDS, rows=rows,
    )


def _split(text: str, spans: list[tuple[int, int, str]]) -> list[Part]:
    """`text` cut at non-overlapping (start, end, quote id) spans, in order."""
    parts: list[Part] = []
    position = 0
    for start, end, quote_id in sorted(spans):
        if start < position or start >= end:
            continue  # overlapping or empty: leave that text unmarked
        if start > position:
            parts.append(Part(text[position:start]))
        parts.append(Part(text[start:end], quote_id))
        position = end
    if position < len(text) or not parts:
        parts.append(Part(text[position:]))
    return parts


def _mark_source(sentence: Sentence, quotes: list[Quote]) -> list[Part]:
    """The Spanish sentence with its quotes marked, from the quotes' document offsets."""
    spans = []
    for quote in quotes:
        # Offsets are into the whole document; a quote may run past its sentence.
        start = max(quote.start, sentence.start) - sentence.start
        end = min(quote.end, sentence.end) - sentence.start
        if 0 <= start < end <= len(sentence.source):
            spans.append((start, end, quote.id))
    return _split(sentence.source, spans)


def _mark_target(target: str, quotes: list[Quote]) -> list[Part]:
    """The English sentence with each quote's English marked where it is found verbatim."""
    spans = []
    for quote in quotes:
        found = target.find(quote.target) if quote.target else -1
        if found >= 0:
            spans.append((found, found + len(quote.target), quote.id))
    return _split(target, spans)


def _quote_view(quote: Quote) -> QuoteView:
    return QuoteView(
        id=quote.id, sentence_id=quote.sentence_id, source=quote.text, target=quote.target,
        speaker=quote.speaker, marks=quote.marks or "«»", flags=[labels.flag(f) for f in quote.flags],
        key=quote.key, speaker_description=quote.speaker_description, speaker_target=quote.speaker_target,
    )
