"""The `bitexto` command line."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from bitexto.settings import Settings
from translate.engines import ENGINE_NAMES, create_engine
from translate.errors import BitextoError
from translate.inputs import decode_text

SEED_ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "000_957073114899cdb1.txt"


class BitextoGroup(click.Group):
    """Turns core errors into one clear line on stderr instead of a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BitextoError as error:
            raise click.ClickException(error.message) from None


@click.group(cls=BitextoGroup)
@click.version_option(package_name="bitexto")
def main():
    """bitexto: Spanish news → English, offline, side by side."""


def _read_article(source: str) -> str:
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    text, encoding = decode_text(data)
    if encoding != "utf-8":
        click.echo(f"Note: the input was not UTF-8; read it as {encoding}.", err=True)
    return text


class _ProgressBar:
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


@main.command()
@click.argument("source", default=str(SEED_ARTICLE), metavar="FILE|-")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default=None,
              help="Translation engine (default: BITEXTO_ENGINE or auto).")
@click.option("--json", "as_json", is_flag=True, help="Print the aligned document as JSON.")
@click.option("--format", "input_format", type=click.Choice(["text", "html"]), default=None,
              help="Input format (default: html for .html/.htm files, else text).")
@click.option("--width", type=int, default=None, help="Terminal width for the side-by-side view.")
def translate(source, engine, as_json, input_format, width):
    """Translate an article (default: the embedded seed article)."""
    from bitexto.terminal import engine_banner, side_by_side
    from translate.pipeline import translate_page

    settings = Settings.from_env()
    text = _read_article(source)
    input_format = input_format or ("html" if Path(source).suffix.lower() in (".html", ".htm") else "text")
    translator = create_engine(engine, settings)
    media_type = "text/html" if input_format == "html" else "text/plain"
    document = translate_page(text, media_type, translator, settings, on_progress=_ProgressBar())
    if as_json:
        # "text" is the normalised text every start/end offset refers to, as in the API.
        click.echo(json.dumps({"text": document.text, **document.to_dict()}, ensure_ascii=False, indent=2))
        return
    click.echo(engine_banner(document))
    click.echo()
    width = width or shutil.get_terminal_size((120, 24)).columns
    for line in side_by_side(document, width):
        click.echo(line)


@main.command()
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
def summarize(source, length, algorithm, engine, no_translation, all_quotes, as_json, width):
    """Bilingual summary and key quotes of an article (default: the seed article)."""
    from bitexto.articles import analyse_article
    from bitexto.terminal import engine_banner, summary_view

    settings = Settings.from_env()
    text = _read_article(source)
    translator = None if no_translation else create_engine(engine, settings)
    result = analyse_article(text, translator, translate=not no_translation, summary_length=length,
                             algorithm=algorithm, settings=settings, on_progress=_ProgressBar())
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


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int, help="Waitress worker threads.")
def serve(host, port, threads):
    """Serve the web app with a production WSGI server (waitress)."""
    import waitress

    from webapp import create_app
    from webapp.jobs_service import start_workers
    from webapp.service import warm_up

    app = create_app()
    if app.config["WARM_UP"]:
        warm_up(app)
    # Jobs left queued by a restart resume now, not when someone next opens their page.
    start_workers(app)
    click.echo(f"bitexto on http://{host}:{port}/  (Ctrl+C stops it)")
    waitress.serve(app, host=host, port=port, threads=threads)


@main.group()
def models():
    """Install and list Argos Translate es→en models."""


@models.command("install")
@click.option("--version", "version", default=None, help="Package version (default: BITEXTO_ARGOS_VERSION, 1.0).")
@click.option("--from", "from_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Install from a local .argosmodel file instead of the package index.")
@click.option("--sha256", default=None, help="Expected SHA-256 of the file (checked before installing).")
def models_install(version, from_file, sha256):
    """Verify and install an Argos es→en package (from FILE, or the index when online)."""
    from translate.models import install_from_index, install_package

    settings = Settings.from_env()
    if from_file:
        metadata = install_package(from_file, expected_sha256=sha256, settings=settings)
    else:
        click.echo(f"Fetching es→en {version or settings.argos_version} from the Argos package index…", err=True)
        metadata = install_from_index(version or settings.argos_version, settings=settings)
    click.echo(
        f"Installed Argos {metadata['from_code']}→{metadata['to_code']} "
        f"{metadata['package_version']} into {settings.data_dir}"
    )


@models.command("list")
def models_list():
    """List installed Argos packages."""
    from translate.models import list_packages

    settings = Settings.from_env()
    packages = list_packages(settings)
    if not packages:
        click.echo("No Argos package installed; translations use Apertium. "
                   "Install one with: bitexto models install --from FILE.argosmodel")
    for package in packages:
        click.echo(f"{package['from_code']}→{package['to_code']}  {package['version']}  {package['path']}")


@main.group()
def keys():
    """Create API keys for the web API (needed when BITEXTO_REQUIRE_API_KEYS is on)."""


@keys.command("create")
@click.argument("name")
def keys_create(name):
    """Create an API key for NAME and print it (only its hash is stored: keep it now)."""
    from webapp import create_app
    from webapp.store import create_api_key

    if not name.strip():
        raise click.BadParameter("give the key holder a name", param_hint="NAME")
    database = create_app().config["DATABASE"]
    key = create_api_key(database, name.strip())
    click.echo(f"API key for {name.strip()} (shown only this once; bitexto stores only its hash):", err=True)
    click.echo(key)


from bitexto.cli_batch import batch  # noqa: E402  (a command in its own module)
main.add_command(batch)

from bitexto.cli_jobs import worker  # noqa: E402  (a command in its own module)
main.add_command(worker)

from bitexto.cli_newsletter import newsletter  # noqa: E402  (a command in its own module)
main.add_command(newsletter)
