"""`bitexto keys create NAME`: API keys for the web API."""

from __future__ import annotations

import click

from bitexto.settings import Settings


@click.group()
def keys():
    """Create API keys for the web API (needed when BITEXTO_REQUIRE_API_KEYS is on)."""


@keys.command("create")
@click.argument("name")
def keys_create(name):
    """Create an API key for NAME and print it (only its hash is stored: keep it now)."""
    from bitexto.store import create_api_key

    if not name.strip():
        raise click.BadParameter("give the key holder a name", param_hint="NAME")
    key = create_api_key(Settings.from_env().database_location(), name.strip())
    click.echo(f"API key for {name.strip()} (shown only this once; bitexto stores only its hash):", err=True)
    click.echo(key)
