"""`bitexto translate` and `bitexto summarize`: one article, side by side in the terminal or as JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from bitexto.cli.common import SEED_ARTICLE, ProgressBar, glossary_option, load_glossary, read_article
from bitexto.settings import Settings
from bitexto.translate.engines import ENGINE_NAMES, create_engine


@click.command()
@click.argument("source", default=str(SEED_ARTICLE), metavar="FILE|-")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default=None,
              help="Translation engine (default: BITEXTO_ENGINE or auto).")
@click.option("--json", "as_json", is_flag=True, help="Print the aligned document as JSON.")
@click.option("--format", "input_format", type=click.Choice(["text", "html"]), default=None,
              help="Input format (default: html for .html/.htm files, else text).")
@click.option("--width", type=int, default=None, help="Terminal width for the side-by-side view.")
@glossary_option
def translate(source, engine, as_json, input_format, width, glossary_file):
    """Translate an article (default: the embedded seed article)."""
    from bitexto.analysis import analyse_article
    from bitexto.cli.terminal import engine_banner, side_by_side

    settings = Settings.from_env()
    glossary = load_glossary(settings, glossary_file)
    text = read_article(source)
    input_format = input_format or ("html" if Path(source).suffix.lower() in (".html", ".htm") else "text")
    translator = create_engine(engine, settings.translate)
    media_type = "text/html" if input_format == "html" else "text/plain"
    document = analyse_article(text, translator, summary_length=None, settings=settings, on_progress=ProgressBar(),
                               media_type=media_type, glossary=glossary).document
    if as_json:
        # "text" is the normalised text every start/end offset refers to, as in the API.
        click.echo(json.dumps({"text": document.text, **document.to_dict()}, ensure_ascii=False, indent=2))
        return
    click.echo(engine_banner(document))
    click.echo()
    width = width or shutil.get_terminal_size((120, 24)).columns
    for line in side_by_side(document, width):
        click.echo(line)


@click.command()
@click.argument("source", default=str(SEED_ARTICLE), metavar="FILE|-")
@click.option("--length", default="3", show_default=True,
              help="Summary length: a number of sentences (5) or a share of the article (20%).")
@click.option("--algorithm", default="default", show_default=True,
              help="default (news-tuned), lead, lexrank, textrank, lsa, luhn, edmundson, sumbasic, kl, reduction.")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default=None,
              help="Translation engine (default: BITEXTO_ENGINE or auto).")
@click.option("--no-translation", is_flag=True, help="Summarise the Spanish only (fast).")
@click.option("--all-quotes", is_flag=True, help="Show every quote, not only the key ones.")
@click.option("--json", "as_json", is_flag=True, help="Print summary and quotes as JSON.")
@click.option("--width", type=int, default=None, help="Terminal width.")
@glossary_option
def summarize(source, length, algorithm, engine, no_translation, all_quotes, as_json, width, glossary_file):
    """Bilingual summary and key quotes of an article (default: the seed article)."""
    from bitexto.analysis import analyse_article
    from bitexto.cli.terminal import engine_banner, summary_view

    settings = Settings.from_env()
    glossary = None if no_translation else load_glossary(settings, glossary_file)
    text = read_article(source)
    translator = None if no_translation else create_engine(engine, settings.translate)
    result = analyse_article(text, translator, translate=not no_translation, summary_length=length,
                             algorithm=algorithm, settings=settings, on_progress=ProgressBar(),
                             glossary=glossary)
    document, summary, quotes = result.document, result.summary, result.quotes
    if as_json:
        payload = {
            "engine": document.engine.to_dict() if document.engine else None,
            "summary": summary.to_dict()["sentences"],
            "quotes": [quote.to_dict() for quote in quotes],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(engine_banner(document))
    click.echo()
    width = width or shutil.get_terminal_size((120, 24)).columns
    for line in summary_view(summary, quotes, width, all_quotes):
        click.echo(line)
