""".docx files (python-docx): their text for reading, and a translated copy with the formatting kept.

A paragraph is a translate.markup Segment whose spans are its runs (each run is a stretch
of text with one formatting: bold, italics, a font). After translation each run gets the
English of its own words, located as markup spans are; English that falls between runs
goes to the run before it, so every word keeps a formatting and no run's style is lost.
Paragraphs in tables are included; headers, footers and text boxes are left as they are.
"""

from __future__ import annotations

import io
from typing import Iterator

from bitexto.translate.errors import InputError
from bitexto.translate.glossary import Glossary
from bitexto.translate.markup import Segment, Span, translate_segments

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _open(data: bytes):
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as error:  # pragma: no cover - a dependency of bitexto
        raise InputError("Reading .docx files needs python-docx: pip install python-docx") from error
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise InputError(f"This is not a readable .docx file ({error}).") from None
    except Exception as error:  # zipfile.BadZipFile and lxml errors from a damaged file
        raise InputError(f"This is not a readable .docx file ({type(error).__name__}).") from None


def _paragraphs(document) -> Iterator:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def docx_text(data: bytes) -> str:
    """The document's paragraphs as plain text, a blank line between them."""
    return "\n\n".join(p.text for p in _paragraphs(_open(data)) if p.text.strip())


def translate_docx(data: bytes, engine, glossary: Glossary | None = None) -> bytes:
    """A copy of the .docx with every paragraph's text in English, run formatting kept."""
    document = _open(data)
    paragraphs, segments = [], []
    seen = set()
    for paragraph in _paragraphs(document):
        # A merged table cell yields the same paragraph more than once.
        if id(paragraph._p) in seen or not paragraph.text.strip():
            continue
        seen.add(id(paragraph._p))
        runs = list(paragraph.runs)
        spans, position = [], 0
        for run in runs:
            spans.append(Span(position, position + len(run.text), "", ""))
            position += len(run.text)
        paragraphs.append((paragraph, runs))
        segments.append(Segment("".join(run.text for run in runs), spans))
    if segments:
        translate_segments(segments, engine, glossary)
    for (paragraph, runs), segment in zip(paragraphs, segments, strict=True):
        if not runs:
            continue
        for run, text in zip(runs, _run_texts(segment), strict=True):
            run.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _run_texts(segment: Segment) -> list[str]:
    """The English each run gets: its placed range, gaps going to the run before."""
    owner = [-1] * len(segment.english)
    # Wider ranges first, so a run placed inside another's range (a fallback) wins its part.
    for start, end, index in sorted(segment.inserts, key=lambda p: -(p[1] - p[0])):
        if segment.spans[index].end > segment.spans[index].start:
            for position in range(start, end):
                owner[position] = index
    first = next((i for i, span in enumerate(segment.spans) if span.end > span.start), 0)
    texts = [""] * len(segment.spans)
    current = first
    for position, char in enumerate(segment.english):
        # Spaces go with the run before them: a run placed by the whole-sentence fallback
        # would otherwise take the spaces between the runs placed inside it.
        if owner[position] != -1 and not char.isspace():
            current = owner[position]
        texts[current] += char
    return texts
