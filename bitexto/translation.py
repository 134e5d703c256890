"""Texts and files translated as they are, not read as news articles: LibreTranslate's routes.

Plain texts go through the one analysis path (bitexto.analysis) as texts
(`article=False`): lines and sentences, one engine call for every sentence of the
request, names protected, no summary or quotes; each English text is the text with every
sentence replaced by its translation, so spacing and line breaks survive. HTML keeps its
markup and a .docx its formatting (bitexto.translate.markup, bitexto.translate.docx_file).
"""

from __future__ import annotations

from dataclasses import dataclass

from bitexto.analysis import AnalysisOptions, ArticleInput, analyse_articles
from bitexto.settings import Settings
from bitexto.translate.docx_file import DOCX_MEDIA_TYPE, docx_text, translate_docx
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine
from bitexto.translate.glossary import Glossary
from bitexto.translate.inputs import decode_text, detect_language, rank_languages
from bitexto.translate.markup import sentence_count as html_sentence_count
from bitexto.translate.markup import translate_html, translate_html_many

__all__ = ["DOCX_MEDIA_TYPE", "Translated", "decode_text", "detect_language", "document_chars", "docx_text",
           "rank_languages", "translate_file", "translate_texts"]


@dataclass(frozen=True)
class Translated:
    texts: list[str]
    sentences: int  # sentences the engine translated


def translate_texts(texts: list[str], engine: Engine, settings: Settings, media_type: str = "text/plain",
                    glossary: Glossary | None = None) -> Translated:
    """English for each text: sentences translated in one engine call, gaps kept."""
    if media_type == "text/html":
        count = html_sentence_count(texts)
        if not count:
            return Translated(list(texts), 0)
        return Translated(translate_html_many(texts, engine, glossary), count)
    options = AnalysisOptions(glossary=glossary, settings=settings, article=False)
    inputs = [ArticleInput(id=str(number), text=text, media_type=media_type) for number, text in enumerate(texts)]
    documents = []
    for outcome in analyse_articles(inputs, engine, options):
        if outcome.article is None:
            outcome.raise_error()  # the engine failed: the request fails with it (502/503)
        documents.append(outcome.article.document)
    return Translated([_reassemble(document) for document in documents],
                      sum(1 for document in documents for _ in document.sentences()))


def _reassemble(document: AlignedDocument) -> str:
    """The document's text with each sentence replaced by its translation."""
    parts, position = [], 0
    for sentence in document.sentences():
        parts.append(document.text[position:sentence.start])
        parts.append(sentence.target or "")
        position = sentence.end
    parts.append(document.text[position:])
    return "".join(parts)


def document_chars(data: bytes, suffix: str) -> int:
    """How many characters of text an uploaded .txt, .html or .docx holds."""
    if suffix == ".docx":
        return len(docx_text(data))
    return len(decode_text(data)[0])


def translate_file(data: bytes, suffix: str, engine: Engine, settings: Settings,
                   glossary: Glossary | None = None) -> bytes:
    """The translated file: a .docx keeps its formatting, an .html its markup, a .txt its paragraphs."""
    if suffix == ".docx":
        return translate_docx(data, engine, glossary)
    text, _encoding = decode_text(data)
    if suffix == ".html":
        return translate_html(text, engine, glossary).encode("utf-8")
    return translate_texts([text], engine, settings, "text/plain", glossary).texts[0].encode("utf-8")
