"""Reading the paste form: pasted text or an uploaded .txt/.html file, and the summary options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from flask import Request
from flask_babel import gettext as _

from bitexto.translate.errors import InputError
from bitexto.translation import decode_text, docx_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
FORMATS = ("text", "html")


@dataclass
class Submission:
    """What the reader sent; `text` is what the form shows again if something goes wrong."""

    text: str = ""
    source_format: str = "text"
    length: str = ""
    algorithm: str = ""
    filename: str = ""
    glossary: str = ""  # one "término = translation" a line (remembered by the browser)


def read_form(request: Request) -> Submission:
    """The form's text fields as sent; never fails, so an error page can show them again."""
    form = request.form
    return Submission(
        text=form.get("text", ""),
        source_format=form.get("format") if form.get("format") in FORMATS else "text",
        length=form.get("length", "").strip(),
        algorithm=form.get("algorithm", "").strip(),
        glossary=form.get("glossary", ""),
    )


def read_upload(submission: Submission, request: Request) -> Submission:
    """Put an uploaded file's text in place of the text box, if a file was chosen.

    Raises InputError for both a file and pasted text, an unsupported file type or a
    file that is not text.
    """
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return submission
    if submission.text.strip():
        raise InputError(_("Paste the text or choose a file, not both: clear one of them."))
    suffix = PurePath(upload.filename).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES:
        raise InputError(_("Upload a .txt, .html or .docx file (this one is %(name)s).", name=upload.filename))
    if suffix in DOCX_SUFFIXES:
        submission.text = docx_text(upload.read())  # InputError when it is not a .docx
        submission.filename = upload.filename
        submission.source_format = "text"
        return submission
    submission.text, _encoding = decode_text(upload.read())
    submission.filename = upload.filename
    submission.source_format = "html" if suffix in HTML_SUFFIXES else "text"
    return submission
