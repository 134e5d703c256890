"""LibreTranslate's file translation and its web client's settings, on the same blueprint.

    POST /translate_file   multipart: file (.txt, .html, .docx), source, target[, api_key]
                           → {"translatedFileUrl": "<host>/download_file/<id>.<name>"}
    GET  /download_file/<id>.<name>   the translated file, as an attachment
    GET  /frontend/settings           charLimit, file formats, languages: what
                                      LibreTranslate's web client asks before anything else

A .txt is translated as text (paragraphs kept), an .html keeps its markup
(translate.markup), a .docx its paragraphs' run formatting (translate.docx_file).
Translated files wait in the instance folder for FILE_LIFETIME_SECONDS, then go.
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path, PurePath

from flask import current_app, jsonify, request, send_from_directory
from werkzeug.exceptions import BadRequest, NotFound, RequestEntityTooLarge

from bitexto import translation
from bitexto.translation import DOCX_MEDIA_TYPE
from bitexto.webapp import service
from bitexto.webapp.glossary_input import glossary_option
from bitexto.webapp.libretranslate import bp
from bitexto.webapp.limits import exempt, require_api_key
from bitexto.webapp.openapi import KEYED, LIBRETRANSLATE, api_spec, request_body, responses
from bitexto.webapp.schemas import TranslateFileRequest
from bitexto.webapp.schemas.libretranslate import SOURCE, TARGET

FILE_FORMATS = (".txt", ".html", ".docx")
SUFFIXES = {".txt": ".txt", ".text": ".txt", ".html": ".html", ".htm": ".html", ".docx": ".docx"}
MEDIA_TYPES = {".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8", ".docx": DOCX_MEDIA_TYPE}
FILE_LIFETIME_SECONDS = 60 * 60
# <32 hex digits>.<a safe file name>: nothing else is ever served from the folder.
STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[\w .-]{1,120}$")


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "translated_files"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _forget_old_files(folder: Path) -> None:
    cutoff = time.time() - FILE_LIFETIME_SECONDS
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another worker removed it first


def _safe_name(filename: str, suffix: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", PurePath(filename).stem).strip("._") or "document"
    return f"{stem[:80]}{suffix}"


@bp.post("/translate_file")
@require_api_key
@api_spec.validate(form=TranslateFileRequest, validation_error_status=400, tags=[LIBRETRANSLATE], security=KEYED,
                   resp=responses(200, None, "The translated file's address: {\"translatedFileUrl\": …}.",
                                  400, 403, 413, 415, 429, 503))
def translate_file():
    """Translate a file (LibreTranslate-compatible)

    A .txt is translated as text (paragraphs kept), an .html keeps its markup, a .docx its
    paragraphs' formatting. The answer is the address to download the translated file from.
    """
    wanted: TranslateFileRequest | None = request_body()  # None: not a form at all (JSON, say)
    upload = wanted.file if wanted is not None else None
    if upload is None:
        raise BadRequest("Invalid request: missing file parameter")
    suffix = SUFFIXES.get(PurePath(upload.filename).suffix.lower())
    if suffix is None:
        raise BadRequest(f"Invalid request: file format not supported (use {', '.join(FILE_FORMATS)})")
    glossary = glossary_option(wanted.glossary)
    data = upload.read()
    _check_chars(translation.document_chars(data, suffix))
    translated = translation.translate_file(data, suffix, service.get_engine(), current_app.config["BITEXTO"], glossary)
    folder = _folder()
    _forget_old_files(folder)
    name = f"{secrets.token_hex(16)}.{_safe_name(upload.filename, suffix)}"
    (folder / name).write_bytes(translated)
    return jsonify({"translatedFileUrl": f"{request.host_url}download_file/{name}"})


@bp.get("/download_file/<name>")
@api_spec.validate(tags=[LIBRETRANSLATE], resp=responses(200, None, "The translated file, as an attachment.", 404))
def download_file(name: str):
    """Download a translated file (LibreTranslate-compatible; kept for an hour)"""
    if not STORED_NAME.match(name) or not (_folder() / name).is_file():
        raise NotFound("No translated file at this address (they are kept for an hour).")
    suffix = PurePath(name).suffix.lower()
    return send_from_directory(_folder(), name, as_attachment=True, download_name=name[33:],
                               mimetype=MEDIA_TYPES.get(suffix, "application/octet-stream"))


@bp.get("/frontend/settings")
@exempt
@api_spec.validate(tags=[LIBRETRANSLATE], resp=responses(200, None, "charLimit, languages, file formats."))
def frontend_settings():
    """What LibreTranslate's own web client asks before anything else"""
    return jsonify({
        "charLimit": current_app.config["BITEXTO"].max_chars,
        "frontendTimeout": 500,
        "apiKeys": True,
        "keyRequired": bool(current_app.config["REQUIRE_API_KEYS"]),
        "suggestions": False,
        "filesTranslation": True,
        "supportedFilesFormat": list(FILE_FORMATS),
        "language": {"source": {"code": SOURCE, "name": "Spanish"},
                     "target": {"code": TARGET, "name": "English"}},
    })


def _check_chars(size: int) -> None:
    limit = current_app.config["BITEXTO"].max_chars
    if size > limit:
        raise RequestEntityTooLarge(f"Invalid request: file ({size:,} characters) exceeds text limit ({limit:,})")
