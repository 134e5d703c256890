"""The API's request validation and its OpenAPI 3 document, both from webapp.schemas.

spectree generates the document from the routes' `@api_spec.validate(...)` declarations
(request models, response models, tags, security; summaries from the views' docstrings)
and runs each declared body model before the view. It reads the body our way (a
subclass of its Flask plugin, `PayloadValidation`): through webapp.payload, so JSON and
both form encodings carry the same fields, LibreTranslate bodies fall back on the query
string, a malformed body keeps its own 400/413/415, and a refused value is raised as
the model's `refusal` (422 or 400), which webapp.errors renders as {"error", "status"}.
"""

from __future__ import annotations

import copy
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import current_app, request
from pydantic import ValidationError
from spectree import Response, SpecTree, Tag
from spectree.plugins.base import Context
from spectree.plugins.flask_plugin import FlaskPlugin

from bitexto.webapp.payload import FORM_TYPES, read_payload
from bitexto.webapp.schemas import Error, RequestModel

ERROR_STATUSES = {
    400: "Malformed request: invalid JSON, a JSON body that is not an object, or (LibreTranslate endpoints) a missing or unsupported parameter.",
    403: "Missing API key (when the server requires one) or invalid API key.",
    404: "No such article.",
    413: "The request body or the article is too long.",
    415: "Unsupported Content-Type (or uploaded file type).",
    422: "The article cannot be processed: empty, binary, not Spanish, or a bad summary option.",
    429: "Too many requests from this client; see the Retry-After header.",
    503: "No translation engine is available.",
}
KEYED = [{}, {"bearer": []}, {"apiKeyHeader": []}]  # optional unless REQUIRE_API_KEYS
ARTICLES = Tag(name="articles", description="Whole articles: translation, summary, quotes.")
JOBS = Tag(name="jobs", description="Long articles and batches in the background, with progress.")
LIBRETRANSLATE = Tag(name="LibreTranslate", description="Drop-in LibreTranslate endpoints.")
OPERATIONS = Tag(name="operations", description="Health, metrics and documentation.")
DESCRIPTION = (
    "Offline Spanish → English news translation: aligned sentences, a bilingual extractive summary and "
    "key quotes. Also speaks the LibreTranslate API (/translate, /languages, /detect) so its clients work "
    "unchanged. Every error has the body {\"error\": message, \"status\": code}."
)


def app_version() -> str:
    try:
        return version("bitexto")
    except PackageNotFoundError:
        return "0"


class PayloadValidation(FlaskPlugin):
    """spectree's Flask plugin, reading and refusing request bodies the bitexto way."""

    def request_validation(self, request, query, json, form, headers, cookies):
        fields = validated(query, request.args.to_dict()) if query is not None else None
        is_form = request.mimetype in FORM_TYPES
        model = (form if is_form else None) or json
        body = validated_body(model) if model is not None else None
        request.context = Context(fields, None if is_form else body, body if is_form else None, None, None)

    def validate_response(self, resp, resp_model, skip_validation, force_resp_serialize):
        # Responses are described, not checked: a description lagging behind the code
        # must not turn a good answer into a 500. Flask makes the response as usual.
        return resp, None


def validated_body(model: type[RequestModel]) -> RequestModel:
    """The request's body (webapp.payload, read once) as an instance of `model`."""
    payload = read_payload(query_fallback=model.reads_query_string)
    return validated(model, {**payload.fields, **payload.files})


def validated(model: type[RequestModel], fields: dict) -> RequestModel:
    """`fields` as an instance of `model`, or the model's refusal with the first problem."""
    try:
        # The app's config is the validators' context (a batch's article limit).
        return model.model_validate(fields, context=current_app.config)
    except ValidationError as error:
        raise model.refusal(refusal_message(error)) from None


def refusal_message(error: ValidationError) -> str:
    """The first problem, in the validator's own words, and where: "articles[2]: …"."""
    problem = error.errors(include_url=False)[0]
    location = list(problem["loc"])
    if problem["type"] != "value_error":
        # pydantic's own words ("Input should be a valid integer") name no field: say which.
        return f"`{_path(location)}`: {problem['msg']}" if location else problem["msg"]
    reason = str(problem["ctx"]["error"])
    if location and isinstance(location[-1], str):
        location.pop()  # our message names its field itself; only where that field sits is added
        return f"{_path(location)}: {reason}" if location else reason
    # A message about an item of a list: "articles[2] must be an object".
    return f"{_path(location)} {reason}" if location else reason


def _path(location: list) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location).lstrip(".")


def request_body() -> Any:
    """The validated body of the current request: an instance of its route's model."""
    context = request.context
    return context.json if context.json is not None else context.form


def responses(status: int, model: Any, description: str, *errors: int, not_found: str | None = None) -> Response:
    """A route's answers: `model` with `status`, and the canonical Error for each error status,
    described as in ERROR_STATUSES (a 404 as `not_found` says, when given)."""
    described = {**ERROR_STATUSES, 404: not_found or ERROR_STATUSES[404]}
    return Response(
        **{f"HTTP_{status}": (model, description)},
        **{f"HTTP_{code}": (Error, described[code]) for code in errors},
    )


api_spec = SpecTree(
    backend=PayloadValidation,
    mode="strict",  # only the routes declared with api_spec.validate are described
    annotations=False,
    title="bitexto API",
    version=app_version(),
    description=DESCRIPTION,
    openapi_version="3.1.0",
    validation_error_model=Error,
    # Component names are the models' names (no module hash): Error, Article, …
    naming_strategy=lambda model: model.__name__,
    nested_naming_strategy=lambda _parent, child: child,
    security_schemes=[
        {"name": "bearer", "data": {"type": "http", "scheme": "bearer",
                                    "description": "An API key from `bitexto keys create NAME`."}},
        {"name": "apiKeyHeader", "data": {"type": "apiKey", "field_in": "header", "name": "X-API-Key"}},
    ],
)


def openapi_document() -> dict:
    """A fresh copy of the document (callers may not mutate a shared one), in an app
    context: spectree reads the routes from the app (webapp.openapi_document makes one)
    once, and keeps the document; every app has the same API routes."""
    document = copy.deepcopy(api_spec.spec)
    for operations in document["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            # spectree names multipart only; webapp.payload reads urlencoded forms the same way.
            if "multipart/form-data" in content:
                content["application/x-www-form-urlencoded"] = content["multipart/form-data"]
            # spectree lists its validation status on every route; where there is nothing
            # to validate (no body, no query string), there is no such answer.
            has_fields = content or any(parameter["in"] == "query" for parameter in operation["parameters"])
            if not has_fields:
                operation["responses"].pop(str(api_spec.validation_error_status), None)
    return document


def endpoint_docs(document: dict) -> list[dict]:
    """The document flattened for the /docs page: one entry per path and method."""
    schemas = document["components"]["schemas"]
    entries = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody", {}).get("content", {})
            fields: dict[str, dict] = {}
            # The union over content types: a form may have fields JSON has not (file).
            for content in body.values():
                schema = _resolve(content["schema"], schemas)
                required = set(schema.get("required", ()))
                for name, prop in schema.get("properties", {}).items():
                    fields.setdefault(name, {
                        "name": name,
                        "required": name in required,
                        "type": _type_label(prop, schemas),
                        "description": prop.get("description", ""),
                    })
            entries.append({
                "anchor": f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "tag": (operation.get("tags") or [""])[0],
                "content_types": list(body),
                "fields": list(fields.values()),
                "parameters": operation.get("parameters", []),
                "responses": [
                    {"status": status, "description": response.get("description", "")}
                    for status, response in operation.get("responses", {}).items()
                ],
                "keyed": bool(operation.get("security")),
            })
    return entries


def _resolve(schema: dict, schemas: dict) -> dict:
    if "$ref" in schema:
        return schemas[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _type_label(prop: dict, schemas: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]  # a model: its name (BatchArticle)
    if "enum" in prop:
        return " | ".join(str(value) for value in prop["enum"])
    if "const" in prop:
        return str(prop["const"])
    options = prop.get("anyOf") or prop.get("oneOf")
    if options:
        # "or null" says nothing to a reader: an optional field may be left out.
        return " or ".join(_type_label(option, schemas) for option in options if option.get("type") != "null")
    if prop.get("type") == "array":
        return f"array of {_type_label(prop.get('items', {}), schemas)}"
    if prop.get("format") == "binary":
        return "binary"
    return prop.get("type") or prop.get("title") or "any"
