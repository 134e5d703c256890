"""What the commands share: reading an article, the progress bar, the seed article."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bitexto.resources import SEED_ARTICLE
from translate.inputs import decode_text

__all__ = ["SEED_ARTICLE", "ProgressBar", "read_article"]



def read_article(source: str) -> str:
    """The article in FILE, or on stdin for "-", decoded (a note on stderr when not UTF-8)."""
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
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
