"""The `bitexto` command line: a click group, one module per command (group)."""

from __future__ import annotations

import click

from bitexto.cli import articles, batch, keys, models, newsletter, serve, worker
from bitexto.cli.common import SEED_ARTICLE
from bitexto.translate.errors import BitextoError

__all__ = ["SEED_ARTICLE", "main"]


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


for command in (articles.translate, articles.summarize, serve.serve, models.models, keys.keys, batch.batch,
                worker.worker, newsletter.newsletter):
    main.add_command(command)
