"""clean + segment → engine → aligned document: the library's front door."""

from __future__ import annotations

from typing import Sequence

from bitexto.translate.options import TranslateOptions
from bitexto.translate.clean import normalize, prepare_text
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine, ProgressCallback, create_engine
from bitexto.translate.inputs import check_article
from bitexto.translate.numbers import english_numbers
from bitexto.translate.quality import NAME_NOT_KEPT, TERM_NOT_KEPT, degenerate_flags
from bitexto.translate.blocks import build_blocks, build_page
from bitexto.translate.glossary import Glossary
from bitexto.translate.parsing import parse_documents
from bitexto.translate.protect import Keep, Masked, mask, restore
from bitexto.translate.spanish.name_english import names_in
from bitexto.translate.spanish.parse import Analysis


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
    document: AlignedDocument, engine: Engine, on_progress: ProgressCallback | None = None,
    *, glossary: Glossary | None = None,
) -> AlignedDocument:
    """Fill in every sentence's English side, in one batched engine call."""
    translate_documents([document], engine, on_progress, glossary=glossary)
    return document


def translate_documents(
    documents: list[AlignedDocument], engine: Engine, on_progress: ProgressCallback | None = None,
    *, extra: Sequence[str] = (), glossary: Glossary | None = None, keep_names: bool = True,
    analyses: Sequence[Analysis] | None = None,
) -> list[str]:
    """Fill in the English of several documents with ONE engine call over all their
    sentences, and return the English of the `extra` strings that rode along.

    Engines translate sentence by sentence, so the result is the same as one call per
    document; what batching saves is the per-call cost (Apertium starts a process per
    call, Argos fills its token batches better). `extra` strings (the quoted speakers) are
    translated in the same call. If the engine raises, no document is changed.

    Names (bitexto.translate.spanish.name_english) and the glossary's terms are protected (translate.protect)
    when the engine says how (`engine.placeholders`): the engine receives each sentence
    with placeholders, and the English gets the names as written and the terms as the
    glossary gives them. A sentence whose placeholder did not come back is translated
    again without protection, in one second call, and flagged.
    """
    sentences = [sentence for document in documents for sentence in document.sentences()]
    masked = protected_sources(documents, engine, glossary, keep_names, analyses)
    translated = engine.translate([m.text for m in masked] + list(extra), on_progress=on_progress)
    targets, extra_english = translated[:len(sentences)], [str(text) for text in translated[len(sentences):]]
    restored: list[str | None] = []
    style = getattr(engine, "placeholders", None)
    for item, target in zip(masked, targets, strict=True):
        numbered = english_numbers(target)
        restored.append(restore(numbered, item, style) if item.protected else numbered)
    # Sentence index → its unprotected retranslation, for those whose placeholders were lost.
    retried: dict[int, str] = {}
    lost = [k for k, text in enumerate(restored) if text is None]
    if lost:
        retried = dict(zip(lost, engine.translate([masked[k].source for k in lost]), strict=True))
    for k, (sentence, target) in enumerate(zip(sentences, targets, strict=True)):
        lost_flags: tuple[str, ...] = ()
        if k in retried:
            target, lost_flags = retried[k], _lost_flags(masked[k])
            restored[k] = english_numbers(target)
        sentence.target = restored[k]
        engine_flags = getattr(target, "flags", ())
        for flag in (*engine_flags, *lost_flags, *degenerate_flags(sentence.source, sentence.target)):
            if flag not in sentence.flags:
                sentence.flags.append(flag)
    for document in documents:
        document.engine = engine.info
    return extra_english


def protected_sources(documents: list[AlignedDocument], engine: Engine, glossary: Glossary | None,
                      keep_names: bool, analyses: Sequence[Analysis] | None = None) -> list[Masked]:
    """Each sentence as the engine is to receive it: its names and terms behind placeholders.

    `analyses` are the documents' Spanish parses (translate.parsing), parsed here if needed."""
    style = getattr(engine, "placeholders", None)
    if style is None or not (keep_names or glossary):
        return [Masked(s.source, s.source, ()) for document in documents for s in document.sentences()]
    if keep_names and analyses is None:
        analyses = parse_documents(documents)
    result = []
    for number, document in enumerate(documents):
        for sentence in document.sentences():
            keeps = list(glossary.keeps(sentence.source)) if glossary else []
            if keep_names:
                keeps += _name_keeps(document, analyses[number], sentence)
            result.append(mask(sentence.source, keeps, style))
    return result


def _name_keeps(document: AlignedDocument, analysis: Analysis, sentence) -> list[Keep]:
    # Offsets into the document's text; the sentence's source is that text's slice.
    if document.text[sentence.start:sentence.end] != sentence.source:
        return []
    return [Keep(name.start - sentence.start, name.end - sentence.start, name.english, "name", name.label)
            for name in names_in(analysis, document.text, sentence.start, sentence.end)]


def _lost_flags(masked: Masked) -> tuple[str, ...]:
    kinds = {keep.kind for _, keep in masked.slots}
    return tuple(flag for kind, flag in (("name", NAME_NOT_KEPT), ("term", TERM_NOT_KEPT)) if kind in kinds)


def translate_article(
    text: str,
    engine: Engine | str | None = None,
    options: TranslateOptions | None = None,
    on_progress: ProgressCallback | None = None,
    *,
    hints: Sequence[str | None] | None = None,
    source_meta: dict | None = None,
    glossary: Glossary | None = None,
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
    return translate_document(document, engine, on_progress, glossary=glossary)


def read_page_source(raw: str, media_type: str = "text/plain"):
    """Raw input → translate.html_fragment.PageSource (text, per-line hints, metadata).

    Plain text has no hints. An HTML selection keeps its markup's hints; a whole page is
    reduced to its article by trafilatura (translate.clean) and keeps the page's
    metadata.
    """
    from bitexto.translate.clean import extract_text, is_fragment
    from bitexto.translate.html_fragment import PageSource, read_html, read_page_metadata

    if media_type != "text/html":
        return PageSource(text=raw, hints=None, meta={})
    if is_fragment(raw):
        return read_html(raw)
    return PageSource(text=extract_text(raw, media_type), hints=None, meta=read_page_metadata(raw))


def read_article(raw: str, media_type: str = "text/plain", options: TranslateOptions | None = None) -> AlignedDocument:
    """An input in a media type (text/plain or text/html) read as a news page, once: its
    HTML parsed, its lines classified, its sentences segmented, its metadata read."""
    source = read_page_source(raw, media_type)
    return segment_article(source.text, options, hints=source.hints, source_meta=source.meta)


def text_document(raw: str, media_type: str = "text/plain") -> AlignedDocument:
    """A text to translate as it is (LibreTranslate's /translate): lines and sentences,
    without reading it as an article (no checks, no page furniture, no metadata)."""
    # A blank HTML item stays blank (HTML extraction would call it unreadable).
    clean = "" if media_type == "text/html" and not raw.strip() else prepare_text(raw, media_type)
    return AlignedDocument(text=clean, blocks=build_blocks(clean))
