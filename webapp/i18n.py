"""The UI in English and Spanish: Flask-Babel, the reader's language choice, compiled catalogues.

Which language: `?lang=` (remembered in a cookie), else that cookie, else the browser's
Accept-Language, else English.

Catalogues live as text in webapp/translations (messages.pot, es and en .po files). The
binary .mo files are not committed: `init_app` compiles each .po into the instance
folder whenever its .mo is missing or older, so an edited .po takes effect on the next
start and no build step (or stale binary in git) is involved. Updating the catalogues
after changing UI strings:

    pybabel extract -F babel.cfg -k _l --no-location --sort-output -o webapp/translations/messages.pot .
    pybabel update -i webapp/translations/messages.pot -d webapp/translations \
        --no-fuzzy-matching --ignore-obsolete
    # translate the new entries in es/LC_MESSAGES/messages.po; tests/test_i18n.py checks it

(`en` is the source language: its catalogue exists so English is a real choice, and its
empty msgstrs fall back to the English msgids.)
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, request
from flask_babel import Babel, get_locale

CATALOGUES = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
COOKIE = "bitexto_lang"
COOKIE_MAX_AGE = 365 * 24 * 3600

babel = Babel()


def requested_language() -> str | None:
    """The language asked for in this request's `?lang=`, if it is one we have."""
    asked = request.args.get("lang", "").strip().lower()
    return asked if asked in LANGUAGES else None


def select_locale() -> str:
    cookie = request.cookies.get(COOKIE)
    return (
        requested_language()
        or (cookie if cookie in LANGUAGES else None)
        or request.accept_languages.best_match(list(LANGUAGES))
        or DEFAULT_LANGUAGE
    )


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else DEFAULT_LANGUAGE


def language_url(code: str) -> str:
    """This page in another language: the same path and query with `lang` replaced."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return f"{request.path}?{urlencode(args, doseq=True)}"


def remember_language(response):
    """Keep a `?lang=` choice for the next visits."""
    language = requested_language()
    if language and request.cookies.get(COOKIE) != language:
        response.set_cookie(COOKIE, language, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True)
    return response


def compile_catalogues(source: Path, target: Path) -> list[Path]:
    """Compile every source/<lang>/LC_MESSAGES/*.po whose .mo in `target` is missing or older.

    Returns the .mo files written. Each is written to a temporary name and renamed, so a
    second process starting at the same moment never reads half a file.
    """
    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        mo.parent.mkdir(parents=True, exist_ok=True)
        partial = mo.with_name(f".{mo.name}.{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            write_mo(handle, catalog)
        os.replace(partial, mo)
        written.append(mo)
    return written


def shipped_compiled(source: Path) -> bool:
    """True when every .po has its compiled .mo beside it, as an installed wheel carries
    (the build compiles them; a checkout never has .mo files in its source tree)."""
    catalogues = list(source.glob("*/LC_MESSAGES/*.po"))
    return bool(catalogues) and all(po.with_suffix(".mo").exists() for po in catalogues)


def init_app(app: Flask) -> None:
    if shipped_compiled(CATALOGUES):
        compiled = CATALOGUES
    else:  # a checkout: compiled into the instance folder, never into the source tree
        compiled = Path(app.instance_path) / "translations"
        compile_catalogues(CATALOGUES, compiled)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled)
    babel.init_app(app, locale_selector=select_locale)
    app.after_request(remember_language)

    @app.context_processor
    def language_context():
        language = current_language()
        others = {code: name for code, name in LANGUAGES.items() if code != language}
        return {"current_language": language, "other_languages": others, "language_url": language_url}
