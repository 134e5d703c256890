"""Translating formatted text and keeping its formatting: HTML tags, a .docx paragraph's runs.

A formatted document is a list of Segments: the text of one block (a paragraph, a table
cell, a list item) and its inline Spans (a bold word, a link, a run of italics) as
offsets into that text. The segments are translated together through the pipeline, so
names and the glossary are protected as everywhere else, and each span is put back
around its English:

- a span over a whole segment, or over whole sentences, wraps their English;
- a span inside a sentence ("el <b>presidente</b> dijo") wraps the English of its own
  words, found in the sentence's English: each span's text is translated alone, in a
  second engine call, and looked up there (a name is looked up as written). When it
  cannot be found (the engine reordered or merged the words), the span wraps the whole
  sentence, so no markup is ever dropped; only its extent widens.

Spans are nested or disjoint, as markup is; a span whose English would cross another's
is widened to the enclosing one. The formats themselves (HTML here, .docx in
translate.docx_file) only cut their document into segments and write it back.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Sequence

from bitexto.translate.blocks import build_blocks
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine
from bitexto.translate.glossary import Glossary


@dataclass
class Span:
    start: int
    end: int
    open: str  # what to write before the span's English (a start tag), and after it
    close: str


@dataclass
class Segment:
    text: str
    spans: list[Span] = field(default_factory=list)
    english: str = ""
    # (position in `english`, text to insert): the spans placed in the English
    inserts: list[tuple[int, int, str]] = field(default_factory=list)

    def rendered(self, escape=lambda text: text) -> str:
        """The English with every span's open and close text inserted."""
        # (position, kind, size, order, text): at one position, closes (inner first), then
        # empty spans whole, then opens (outer first).
        events = []
        for order, (start, end, index) in enumerate(self.inserts):
            span = self.spans[index]
            if start == end:
                events.append((start, 1, 0, 0, order, span.open + span.close))
                continue
            # Equal English ranges nest as in the source: the longer source span, then the
            # one closed later (spans are listed as they close), is the outer one.
            extent = span.end - span.start
            events.append((start, 2, -(end - start), -extent, -index, span.open))
            events.append((end, 0, end - start, extent, index, span.close))
        events.sort()
        parts, position = [], 0
        for at, _kind, _size, _extent, _order, text in events:
            parts.append(escape(self.english[position:at]))
            parts.append(text)
            position = at
        parts.append(escape(self.english[position:]))
        return "".join(parts)


def translate_segments(segments: Sequence[Segment], engine: Engine,
                       glossary: Glossary | None = None) -> None:
    """Fill in each segment's English and where its spans go, in two engine calls at most."""
    from bitexto.translate.pipeline import translate_documents

    documents = [AlignedDocument(text=s.text, blocks=build_blocks(s.text)) for s in segments]
    translate_documents(documents, engine, glossary=glossary)
    pieces: list[list[tuple[int, int, int, int]]] = []  # per segment: source and English offsets of sentences
    for segment, document in zip(segments, documents, strict=True):
        segment.english, offsets = _reassemble(document)
        pieces.append(offsets)
    inner = [(k, i) for k, s in enumerate(segments) for i, span in enumerate(s.spans)
             if _has_words(s.text[span.start:span.end]) and not _whole_sentences(span, pieces[k], len(s.text))]
    texts = [segments[k].text[segments[k].spans[i].start:segments[k].spans[i].end] for k, i in inner]
    alone = {}
    if texts:
        small = [AlignedDocument(text=t, blocks=build_blocks(t)) for t in texts]
        translate_documents(small, engine, glossary=glossary)
        alone = {key: _reassemble(doc)[0] for key, doc in zip(inner, small, strict=True)}
    for k, segment in enumerate(segments):
        _place(segment, pieces[k], {i: alone[(k, i)] for kk, i in alone if kk == k})


def _reassemble(document: AlignedDocument) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The English with the source's gaps between sentences, and each sentence's offsets
    (source start, source end, English start, English end)."""
    parts, offsets, position, length = [], [], 0, 0
    for sentence in document.sentences():
        gap = document.text[position:sentence.start]
        parts.append(gap)
        length += len(gap)
        target = sentence.target or ""
        offsets.append((sentence.start, sentence.end, length, length + len(target)))
        parts.append(target)
        length += len(target)
        position = sentence.end
    parts.append(document.text[position:])
    return "".join(parts), offsets


def _whole_sentences(span: Span, offsets, text_length: int) -> tuple[int, int] | None:
    """The English range of the sentences a span covers exactly, if it does."""
    if span.start <= 0 and span.end >= text_length:
        return (0, -1)  # the whole segment
    starts = [o for o in offsets if o[0] == span.start]
    ends = [o for o in offsets if o[1] == span.end]
    if starts and ends and starts[0][2] <= ends[0][3]:
        return (starts[0][2], ends[0][3])
    return None


def _place(segment: Segment, offsets, alone: dict[int, str]) -> None:
    placed: list[tuple[int, int, int]] = []
    order = sorted(range(len(segment.spans)), key=lambda i: (segment.spans[i].start, -segment.spans[i].end))
    for index in order:
        span = segment.spans[index]
        whole = _whole_sentences(span, offsets, len(segment.text))
        if not _has_words(segment.text[span.start:span.end]) and whole != (0, -1):
            # An empty anchor or a tag around punctuation: kept where it stood, between
            # sentences, rather than wrapped around a whole sentence.
            start = end = _point(span.start, offsets, len(segment.english))
        elif whole == (0, -1):
            start, end = 0, len(segment.english)
        elif whole is not None:
            start, end = whole
        else:
            sentence = next((o for o in offsets if o[0] <= span.start and span.end <= o[1]), None)
            low, high = (sentence[2], sentence[3]) if sentence else (0, len(segment.english))
            found = _find(segment.english, low, high, [alone.get(index, ""), segment.text[span.start:span.end]],
                          [(s, e) for s, e, _ in placed])
            start, end = found or (low, high)
        start, end = _within_enclosing(start, end, placed)
        placed.append((start, end, index))
    segment.inserts = placed


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _point(offset: int, offsets, english_length: int) -> int:
    """Where a source offset falls in the English: the start of the sentence at or after it."""
    for source_start, source_end, english_start, english_end in offsets:
        if offset <= source_start:
            return english_start
        if offset < source_end:
            return english_end
    return english_length


def _find(english: str, low: int, high: int, candidates: list[str], taken) -> tuple[int, int] | None:
    """The first untaken occurrence of a candidate's words in english[low:high]."""
    for candidate in candidates:
        words = candidate.strip().strip(".,;:").strip()
        if not words:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(english, low, high):
            here = (match.start(), match.end())
            if here not in taken:
                return here
    return None


def _within_enclosing(start: int, end: int, placed) -> tuple[int, int]:
    """Widen a range that crosses an already placed one, so the markup stays nested."""
    for other_start, other_end, _ in placed:
        crosses = (start < other_start < end < other_end) or (other_start < start < other_end < end)
        if crosses:
            return min(start, other_start), max(end, other_end)
    return start, end


# ---------------------------------------------------------------------------------- HTML

# Tags that stay inside a sentence; every other tag ends a segment.
INLINE_TAGS = frozenset("a abbr b bdi bdo cite data dfn em font i kbd mark q s samp small span "
                        "strong sub sup time u var".split())
# Elements whose content is not text to translate.
RAW_TAGS = frozenset("script style template noscript code pre textarea svg math".split())


# Elements without an end tag: never the start of a stretch copied untranslated.
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Raw-text elements: the parser hands their content over without decoding entities.
CDATA_TAGS = frozenset({"script", "style"})


def _no_translate(attrs) -> bool:
    """translate="no" (HTML) or class="notranslate" (the common convention)."""
    values = dict(attrs)
    return (values.get("translate") or "").lower() == "no" or "notranslate" in (values.get("class") or "").split()


class _Cutter(HTMLParser):
    """Cuts HTML into pieces: raw markup to copy (str) and text Segments to translate.

    Block elements marked translate="no" are copied like scripts; inline ones stay in
    their sentence and their text is kept as written (`keep_as_is`, see translate_html_many).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str | Segment] = []
        self.raw_tag: str | None = None  # inside this element, everything is copied
        self.raw_depth = 0
        self.open_inline: list[tuple[str, int, str, bool]] = []  # (tag, start offset, start tag, keep as is)
        self.keep_as_is: set[str] = set()
        self.segment = Segment("")

    def _flush(self):
        segment, self.segment = self.segment, Segment("")
        # Inline elements still open continue in the next segment: close them here.
        for _tag, start, raw, _keep in self.open_inline:
            segment.spans.append(Span(start, len(segment.text), raw, ""))
        self.open_inline = [(tag, 0, "", keep) for tag, _start, _raw, keep in self.open_inline]
        if segment.text.strip():
            self.pieces.append(segment)
        elif segment.text or segment.spans:  # whitespace between tags: copied as it was
            self.pieces.append("".join(s.open for s in segment.spans) + html.escape(segment.text, quote=False)
                               + "".join(s.close for s in reversed(segment.spans)))

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or f"<{tag}>"
        if self.raw_tag is not None:
            self.raw_depth += tag == self.raw_tag
            self.pieces.append(raw)
            return
        no_translate = _no_translate(attrs)
        if tag in INLINE_TAGS:
            self.open_inline.append((tag, len(self.segment.text), raw, no_translate))
            return
        self._flush()
        self.pieces.append(raw)
        if tag in RAW_TAGS or (no_translate and tag not in VOID_TAGS):
            self.raw_tag, self.raw_depth = tag, 1

    def handle_startendtag(self, tag, attrs):
        if self.raw_tag is None and tag in INLINE_TAGS:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
            return
        if self.raw_tag is None:
            self._flush()
        self.pieces.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag):
        raw = f"</{tag}>"
        if self.raw_tag is not None:
            self.pieces.append(raw)
            if tag == self.raw_tag:
                self.raw_depth -= 1
                if self.raw_depth == 0:
                    self.raw_tag = None
            return
        if tag in INLINE_TAGS and any(t == tag for t, _, _, _ in self.open_inline):
            while self.open_inline:
                open_tag, start, open_raw, keep = self.open_inline.pop()
                self.segment.spans.append(Span(start, len(self.segment.text), open_raw, f"</{open_tag}>"))
                if keep and self.segment.text[start:].strip():
                    self.keep_as_is.add(" ".join(self.segment.text[start:].split()))
                if open_tag == tag:
                    break
            return
        self._flush()
        self.pieces.append(raw)

    def handle_data(self, data):
        if self.raw_tag is None:
            self.segment.text += data
        else:
            self.pieces.append(data if self.raw_tag in CDATA_TAGS else html.escape(data, quote=False))

    def handle_comment(self, data):
        if self.raw_tag is None:
            self._flush()
        self.pieces.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.pieces.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.pieces.append(f"<?{data}>")

    def close(self):
        super().close()
        self._flush()


def html_segments(markup: str) -> list[str | Segment]:
    return _cut(markup)[0]


def _cut(markup: str) -> tuple[list[str | Segment], set[str]]:
    """The pieces of the HTML, and the texts of inline elements marked translate="no"."""
    cutter = _Cutter()
    cutter.feed(markup)
    cutter.close()
    return [_tidy(piece) if isinstance(piece, Segment) else piece for piece in cutter.pieces], cutter.keep_as_is


def _tidy(segment: Segment) -> Segment:
    """HTML whitespace is one space: collapse every run (a line break inside a paragraph
    would otherwise split its sentence), moving the spans' offsets with the text."""
    text, mapping, previous_space = [], [], False
    for char in segment.text:
        mapping.append(len(text))
        space = char.isspace()
        if not (space and previous_space):
            text.append(" " if space else char)
        previous_space = space
    mapping.append(len(text))
    spans = [Span(mapping[s.start], mapping[s.end], s.open, s.close) for s in segment.spans]
    return Segment("".join(text), spans)


def translate_html(markup: str, engine: Engine, glossary: Glossary | None = None) -> str:
    """The HTML with its text translated and its tags and attributes as they were."""
    return translate_html_many([markup], engine, glossary)[0]


def translate_html_many(markups: Sequence[str], engine: Engine, glossary: Glossary | None = None) -> list[str]:
    """Several HTML texts, all their text in one engine call (two with inline spans)."""
    cut = [_cut(markup) for markup in markups]
    documents = [pieces for pieces, _keep in cut]
    segments = [piece for pieces in documents for piece in pieces if isinstance(piece, Segment)]
    keep_as_is = set().union(*(keep for _pieces, keep in cut))
    if segments:
        translate_segments(segments, engine, _with_do_not_translate(glossary, keep_as_is))

    def escape(text: str) -> str:
        return html.escape(text, quote=False)

    return ["".join(piece if isinstance(piece, str) else piece.rendered(escape) for piece in pieces)
            for pieces in documents]


def _with_do_not_translate(glossary: Glossary | None, texts: set[str]) -> Glossary | None:
    """The glossary plus each translate="no" text mapped to itself (the user's entry wins)."""
    if not texts:
        return glossary
    entries = list(glossary.entries) if glossary else []
    known = {term.lower() for term, _ in entries}
    return Glossary.from_pairs(entries + [(text, text) for text in sorted(texts) if text.lower() not in known])


def sentence_count(markups: Sequence[str]) -> int:
    return sum(len(block.sentences) for markup in markups for piece in html_segments(markup)
               if isinstance(piece, Segment) for block in build_blocks(piece.text))
