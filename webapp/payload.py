"""What an API client sent: a JSON object, a urlencoded form or a multipart form, read once.

Every endpoint that takes a body reads it through `read_payload`, so malformed JSON, a
JSON body that is not an object and an unsupported content type get the same clear
message (and status) everywhere, and the API key lookup (webapp.limits) can read the
`api_key` field without parsing the body a second time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from flask import g, request
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
ACCEPTED_TYPES_HELP = (
    "Send a JSON object (Content-Type: application/json) or a form "
    "(application/x-www-form-urlencoded or multipart/form-data)."
)


@dataclass
class Payload:
    fields: dict[str, object] = field(default_factory=dict)
    files: dict[str, FileStorage] = field(default_factory=dict)

    def get(self, name: str, default: object = None) -> object:
        return self.fields.get(name, default)

    def file(self, name: str) -> FileStorage | None:
        """The uploaded file called `name`, or None when the field is absent or empty
        (a browser form with no file chosen still sends the part, with no filename)."""
        upload = self.files.get(name)
        if upload is None or not upload.filename:
            return None
        return upload


def is_json_type(mimetype: str) -> bool:
    return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))


def read_payload(*, query_fallback: bool = False) -> Payload:
    """The request's fields, parsed once per request.

    `query_fallback` also takes fields from the query string, under the body's, as
    LibreTranslate does for form requests (`request.values`).

    Raises BadRequest (malformed JSON, non-object JSON, broken form), UnsupportedMediaType
    (a body of any other type) and RequestEntityTooLarge (via werkzeug's limits).
    """
    payload = g.get("_payload")
    if payload is None:
        payload = g._payload = _parse()
    if query_fallback:
        return Payload(fields={**request.args.to_dict(), **payload.fields}, files=payload.files)
    return payload


def _parse() -> Payload:
    mimetype = request.mimetype
    if is_json_type(mimetype):
        return Payload(fields=_json_object())
    if mimetype in FORM_TYPES:
        try:
            form = request.form.to_dict()
            files = request.files.to_dict()
        except ValueError as error:  # werkzeug's multipart parser on a broken body
            raise BadRequest(f"The form data could not be parsed: {error}") from None
        return Payload(fields=form, files=files)
    if _has_body():
        shown = mimetype or "none"
        raise UnsupportedMediaType(f"Unsupported Content-Type: {shown}. {ACCEPTED_TYPES_HELP}")
    return Payload()


def _has_body() -> bool:
    if request.content_length is not None:
        return request.content_length > 0
    # Chunked bodies have no Content-Length; reading is bounded by MAX_CONTENT_LENGTH.
    return bool(request.get_data(cache=True))


def _json_object() -> dict:
    data = request.get_data(cache=True)
    if not data.strip():
        raise BadRequest('The request body is empty; send a JSON object such as {"text": "..."}.')
    try:
        value = json.loads(data)
    except RecursionError:
        raise BadRequest("The request body is not valid JSON: it is nested too deeply.") from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, over-long integers
        raise BadRequest(f"The request body is not valid JSON: {error}.") from None
    if not isinstance(value, dict):
        kind = type(value).__name__ if value is not None else "null"
        raise BadRequest(f'The JSON body must be an object such as {{"text": "..."}}, not {_json_kind(kind)}.')
    return value


def _json_kind(python_type: str) -> str:
    return {"list": "an array", "str": "a string", "int": "a number", "float": "a number",
            "bool": "a boolean", "null": "null"}.get(python_type, python_type)
