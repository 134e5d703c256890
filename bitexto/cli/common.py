"""What the commands share: reading an article, the progress bar, the seed article."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bitexto.resources import SEED_ARTICLE
from bitexto.translate.inputs import decode_text

__all__ = ["SEED_ARTICLE", "ProgressBar", "read_article"]



ZIP_MAGIC = b"PK\x03\x04"  # a .docx is a zip file


def read_article(source: str) -> str:
    """The article in FILE, or on stdin for "-", decoded (a note on stderr when not UTF-8);
    a .docx file (by its name, or a zip on stdin) gives its paragraphs' text."""
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    if source.lower().endswith(".docx") or (source == "-" and data.startswith(ZIP_MAGIC)):
        from bitexto.translate.docx_file import docx_text
        from bitexto.translate.errors import InputError

        try:
            return docx_text(data)
        except InputError as error:
            raise click.UsageError(str(error)) from None
    text, encoding = decode_text(data)
    if encoding != "utf-8":
        click.echo(f"Note: the input was not UTF-8; read it as {encoding}.", err=True)
    return text


class ProgressBar:
    """A click progress bar on stderr for long articles; silent when stderr is not a terminal."""

    def __init__(self):
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Translating", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.bar.__exit__(None, None, None)


def glossary_option(command):
    """`--glossary FILE` for every command that translates."""
    return click.option("--glossary", "glossary_file", type=click.Path(dir_okay=False), default=None,
                        help="Glossary file (CSV/TSV: Spanish term, English; default: BITEXTO_GLOSSARY).")(command)


def load_glossary(settings, path):
    """The glossary to use, or a one-line error (click exits with status 2)."""
    from bitexto.translate.glossary import GlossaryError

    try:
        return settings.load_glossary(path)
    except GlossaryError as error:
        raise click.UsageError(f"glossary: {error}") from None
