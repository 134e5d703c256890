"""clean + segment → engine → aligned document: the library's front door."""

from __future__ import annotations

from typing import Sequence

from translate.options import TranslateOptions
from translate.clean import normalize
from translate.document import AlignedDocument
from translate.engines import Engine, ProgressCallback, create_engine
from translate.inputs import check_article
from translate.numbers import english_numbers
from translate.quality import degenerate_flags
from translate.blocks import build_page


def segment_article(text: str, options: TranslateOptions | None = None, *,
                    hints: Sequence[str | None] | None = None, source_meta: dict | None = None) -> AlignedDocument:
    """The untranslated document: blocks and sentences with offsets into normalised text,
    and the page's metadata. `hints` and `source_meta` come from an HTML source
    (translate.html_fragment.read_fragment)."""
    options = options or TranslateOptions()
    check_article(text, options.max_chars)
    clean = normalize(text)
    blocks, meta = build_page(clean, hints, source_meta)
    return AlignedDocument(text=clean, blocks=blocks, meta=meta)


def translate_document(
    document: AlignedDocument, engine: Engine, on_progress: ProgressCallback | None = None
) -> AlignedDocument:
    """Fill in every sentence's English side, in one batched engine call."""
    return translate_documents([document], engine, on_progress)[0]


def translate_documents(
    documents: list[AlignedDocument], engine: Engine, on_progress: ProgressCallback | None = None,
    *, extra: Sequence[str] = (),
) -> list[AlignedDocument]:
    """Fill in the English of several documents with ONE engine call over all their sentences.

    Engines translate sentence by sentence, so the result is the same as one call per
    document; what batching saves is the per-call cost (Apertium starts a process per
    call, Argos fills its token batches better). `extra` strings ride along in the same
    call, for a caching engine to remember (the quoted speakers' names, which the
    newsletter reads from the cache). If the engine raises, no document is changed.
    """
    sentences = [sentence for document in documents for sentence in document.sentences()]
    targets = engine.translate([s.source for s in sentences] + list(extra), on_progress=on_progress)
    for sentence, target in zip(sentences, targets[:len(sentences)], strict=True):
        sentence.target = english_numbers(target)
        engine_flags = getattr(target, "flags", ())
        for flag in (*engine_flags, *degenerate_flags(sentence.source, sentence.target)):
            if flag not in sentence.flags:
                sentence.flags.append(flag)
    for document in documents:
        document.engine = engine.info
    return documents


def translate_article(
    text: str,
    engine: Engine | str | None = None,
    options: TranslateOptions | None = None,
    on_progress: ProgressCallback | None = None,
    *,
    hints: Sequence[str | None] | None = None,
    source_meta: dict | None = None,
) -> AlignedDocument:
    """Translate a pasted Spanish article into an aligned document.

    `engine` is an Engine, or a name among auto/argos/apertium (default: the
    BITEXTO_ENGINE setting, itself `auto` by default). `hints` and `source_meta` come
    from an HTML source (translate.html_fragment.read_fragment).
    """
    options = options or TranslateOptions()
    if engine is None or isinstance(engine, str):
        engine = create_engine(engine, options)
    document = segment_article(text, options, hints=hints, source_meta=source_meta)
    return translate_document(document, engine, on_progress)


def read_page_source(raw: str, media_type: str = "text/plain"):
    """Raw input → translate.html_fragment.PageSource (text, per-line hints, metadata).

    Plain text has no hints. An HTML selection keeps its markup's hints; a whole page is
    reduced to its article by trafilatura (translate.clean) and keeps the page's
    metadata.
    """
    from translate.clean import extract_text, is_fragment
    from translate.html_fragment import PageSource, read_html, read_page_metadata

    if media_type != "text/html":
        return PageSource(text=raw, hints=None, meta={})
    if is_fragment(raw):
        return read_html(raw)
    return PageSource(text=extract_text(raw, media_type), hints=None, meta=read_page_metadata(raw))


def translate_page(
    raw: str,
    media_type: str = "text/plain",
    engine: Engine | str | None = None,
    options: TranslateOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> AlignedDocument:
    """translate_article for an input in a media type (text/plain or text/html)."""
    source = read_page_source(raw, media_type)
    return translate_article(source.text, engine, options, on_progress,
                             hints=source.hints, source_meta=source.meta)
