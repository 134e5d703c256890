"""`bitexto models install|list`: the Argos es→en packages on this machine."""

from __future__ import annotations

from pathlib import Path

import click

from bitexto.settings import Settings


@click.group()
def models():
    """Install and list Argos Translate es→en models."""


@models.command("install")
@click.option("--version", "version", default=None, help="Package version (default: BITEXTO_ARGOS_VERSION, 1.0).")
@click.option("--from", "from_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Install from a local .argosmodel file instead of the package index.")
@click.option("--sha256", default=None, help="Expected SHA-256 of the file (checked before installing).")
def models_install(version, from_file, sha256):
    """Verify and install an Argos es→en package (from FILE, or the index when online)."""
    from bitexto.translate.models import install_from_index, install_package

    settings = Settings.from_env()
    if from_file:
        metadata = install_package(from_file, expected_sha256=sha256, options=settings.translate)
    else:
        click.echo(f"Fetching es→en {version or settings.argos_version} from the Argos package index…", err=True)
        metadata = install_from_index(version or settings.argos_version, options=settings.translate)
    click.echo(
        f"Installed Argos {metadata['from_code']}→{metadata['to_code']} "
        f"{metadata['package_version']} into {settings.data_dir}"
    )


@models.command("list")
def models_list():
    """List installed Argos packages."""
    from bitexto.translate.models import list_packages

    settings = Settings.from_env()
    packages = list_packages(settings.translate)
    if not packages:
        click.echo("No Argos package installed; translations use Apertium. "
                   "Install one with: bitexto models install --from FILE.argosmodel")
    for package in packages:
        click.echo(f"{package['from_code']}→{package['to_code']}  {package['version']}  {package['path']}")
