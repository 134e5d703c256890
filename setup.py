"""Build step that pyproject.toml cannot declare: the UI's message catalogues compiled.

An installed wheel carries bitexto/webapp/translations/*/LC_MESSAGES/messages.mo next to each .po,
so the web app never has to compile them where it may not write (a checkout compiles
them into its instance folder instead, see webapp.i18n).
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self):
        super().run()
        for po in Path("webapp/translations").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name)
            mo = Path(self.build_lib) / "bitexto" / po.with_suffix(".mo")  # webapp/ is bitexto.webapp
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)


setup(cmdclass={"build_py": BuildWithCatalogues})
