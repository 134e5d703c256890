"""`bitexto newsletter FILE|ID`: an article as a newsletter snippet (e-mail HTML, Markdown, text).

FILE (or - for stdin) is a Spanish article, analysed now; ID is an article the web app
stored (its permalink's last part), read from the web app's database. The rendering is
bitexto.newsletter; this module only finds the article.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from bitexto.newsletter import (
    DEFAULT_QUOTES,
    FORMATS,
    LANGUAGES,
    LAYOUTS,
    MAX_QUOTES,
    render_newsletter,
)
from bitexto.cli.common import ProgressBar, glossary_option, load_glossary, read_article
from bitexto.settings import Settings
from bitexto.translate.engines import ENGINE_NAMES, create_engine

if TYPE_CHECKING:
    from bitexto.results import ArticleResult


@click.command()
@click.argument("article", metavar="FILE|ID")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: e-mail HTML; md: Markdown; text: the plain-text alternative.")
@click.option("--quotes", type=click.IntRange(0, MAX_QUOTES), default=DEFAULT_QUOTES, show_default=True,
              help="How many key quotes, highest-scoring first.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="both", show_default=True,
              help="The content's languages: both (English first), en or es.")
@click.option("--layout", type=click.Choice(LAYOUTS), default="stacked", show_default=True,
              help="With both languages: Spanish below English, or side by side.")
@click.option("--source", "source_name", default=None, help="The publication, named in the credit line.")
@click.option("--link", default=None, help="An http(s) URL the headline links to, e.g. the article's page.")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default=None,
              help="Translation engine for a FILE (default: BITEXTO_ENGINE or auto).")
@glossary_option
def newsletter(article, output_format, quotes, lang, layout, source_name, link, engine, glossary_file):
    """Print an article as a newsletter snippet: headline, bilingual summary, key quotes, credit.

    FILE is a Spanish article (- reads stdin), translated and analysed now. ID is an
    article stored by the web app (the last part of its /a/ID address).
    """
    if article == "-" or Path(article).is_file():
        result = _analyse_file(article, engine, glossary_file)
    else:
        result = _stored_result(article)
        if result is None:
            raise click.BadParameter(
                f"{article!r} is neither a file nor the id of an article stored by the web app.",
                param_hint="FILE|ID")
    click.echo(render_newsletter(result, format=output_format, quotes=quotes, lang=lang, layout=layout,
                                 source=source_name, permalink=link), nl=False)


def _analyse_file(path: str, engine_name: str | None, glossary_file: str | None = None) -> ArticleResult:
    from bitexto.analysis import analyse_article

    settings = Settings.from_env()
    glossary = load_glossary(settings, glossary_file)
    engine = create_engine(engine_name, settings.translate)
    return analyse_article(read_article(path), engine, settings=settings, on_progress=ProgressBar(), glossary=glossary)


def _stored_result(article_id: str) -> ArticleResult | None:
    from bitexto.store import fetch_article, open_store

    stored = fetch_article(open_store(Settings.from_env().database_location()), article_id)
    return stored.result if stored else None
