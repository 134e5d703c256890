"""The OpenAPI 3 description of bitexto's HTTP API, written by hand.

Served as /openapi.json and rendered as the /docs page. The test suite checks that
every API route of the app is described here (and nothing else), and fires generated
requests at every path described.
"""

from __future__ import annotations

import copy
from importlib.metadata import PackageNotFoundError, version

from bitexto import newsletter
from summarize import ALGORITHMS

ERROR_STATUSES = {
    "400": "Malformed request: invalid JSON, a JSON body that is not an object, or (LibreTranslate endpoints) a missing or unsupported parameter.",
    "403": "Missing API key (when the server requires one) or invalid API key.",
    "404": "No such article.",
    "413": "The request body or the article is too long.",
    "415": "Unsupported Content-Type (or uploaded file type).",
    "422": "The article cannot be processed: empty, binary, not Spanish, a bad summary option or an unusable glossary.",
    "429": "Too many requests from this client; see the Retry-After header.",
    "503": "No translation engine is available.",
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _errors(*statuses: str) -> dict:
    return {
        status: {"description": ERROR_STATUSES[status], "content": _json(_ref("Error"))}
        for status in statuses
    }


def _string(description: str, **extra) -> dict:
    return {"type": "string", "description": description, **extra}


SUMMARY_LENGTH = {
    "description": "Summary length: a number of sentences (3) or a share of the article (\"20%\").",
    "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "example": "20%"}],
    "default": "3",
}
ALGORITHM = _string("Summary algorithm.", enum=list(ALGORITHMS), default="default")
FORMAT = _string("Format of the text: plain text or HTML (converted to text first).",
                 enum=["text", "html"], default="text")
API_KEY_FIELD = _string("API key (also accepted as an Authorization: Bearer or X-API-Key header).")
GLOSSARY = {
    "description": "The reader's glossary for this request: {\"Sanidad\": \"Ministry of Health\"}; a term mapped "
                   "to itself is not translated. Also a list of [term, translation] pairs, or text with one "
                   "\"término = translation\" a line. Names are kept as written without it.",
    "oneOf": [{"type": "object", "additionalProperties": {"type": "string"}},
              {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
              {"type": "string"}],
}

SCHEMAS: dict[str, dict] = {
    "Error": {
        "type": "object",
        "description": "The one error body of every endpoint. `error` is also what LibreTranslate clients read.",
        "required": ["error", "status"],
        "properties": {
            "error": _string("What went wrong, for a person to read."),
            "status": {"type": "integer", "description": "The HTTP status, repeated."},
        },
    },
    "ArticleRequest": {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": _string("The Spanish article."),
            "format": FORMAT,
            "summary_length": SUMMARY_LENGTH,
            "algorithm": ALGORITHM,
            "glossary": GLOSSARY,
            "api_key": API_KEY_FIELD,
        },
    },
    "ArticleUpload": {
        "type": "object",
        "description": "A form: the article in `text`, or uploaded as `file` (.txt or .html; UTF-8 or Windows-1252).",
        "properties": {
            "text": _string("The Spanish article."),
            "file": {"type": "string", "format": "binary", "description": "A .txt or .html file (also .text, .md, .htm, .xhtml)."},
            "format": FORMAT,
            "summary_length": SUMMARY_LENGTH,
            "algorithm": ALGORITHM,
            "api_key": API_KEY_FIELD,
        },
    },
    "Engine": {
        "type": "object",
        "properties": {
            "name": _string("Engine: argos or apertium."),
            "model": _string("Model name."),
            "version": _string("Model or package version."),
        },
    },
    "Sentence": {
        "type": "object",
        "properties": {
            "id": _string("Sentence id, s1, s2, … across the article."),
            "source": _string("The Spanish sentence."),
            "target": _string("Its English translation.", nullable=True),
            "start": {"type": "integer", "description": "Offset of the sentence in the normalised text."},
            "end": {"type": "integer"},
            "flags": {"type": "array", "items": {"type": "string"},
                      "description": "Quality notes, e.g. unknown_words, forced_split."},
        },
    },
    "Block": {
        "type": "object",
        "properties": {
            "id": _string("Block id, b1, b2, …"),
            "kind": _string("Block kind.", enum=["body", "headline", "related_headline", "caption",
                                                 "boilerplate", "credit"]),
            "start": {"type": "integer"},
            "end": {"type": "integer"},
            "sentences": {"type": "array", "items": _ref("Sentence")},
        },
    },
    "Summary": {
        "type": "object",
        "properties": {
            "algorithm": _string("The algorithm used."),
            "sentences": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": _string("Sentence id."), "source": _string("Spanish."),
                                   "target": _string("English.")},
                },
            },
        },
    },
    "Quote": {
        "type": "object",
        "properties": {
            "id": _string("Quote id."),
            "text": _string("The quotation in Spanish."),
            "target": _string("Its English counterpart.", nullable=True),
            "speaker": _string("Who said it, when known.", nullable=True),
            "sentence_id": _string("The sentence it starts in."),
            "start": {"type": "integer"},
            "end": {"type": "integer"},
            "marks": _string("The quotation marks used."),
            "flags": {"type": "array", "items": {"type": "string"}},
            "key": {"type": "boolean", "description": "One of the article's key quotes."},
            "score": {"type": "number"},
        },
    },
    "Article": {
        "type": "object",
        "properties": {
            "id": _string("Article id."),
            "url": _string("The article's page in the web app.", example="/a/Xk3v9QpL2aE"),
            "created_at": {"type": "number", "description": "Unix time it was stored."},
            "options": {"type": "object", "description": "summary_length, algorithm and format used."},
            "text": _string("The article as analysed (normalised; HTML turned into text): every "
                            "`start`/`end` offset refers to it."),
            "engine": _ref("Engine"),
            "blocks": {"type": "array", "items": _ref("Block")},
            "summary": _ref("Summary"),
            "quotes": {"type": "array", "items": _ref("Quote")},
        },
    },
    "JobCreated": {
        "type": "object",
        "properties": {
            "id": _string("Job id; once done, also the article's id."),
            "state": _string("Always queued on creation.", enum=["queued"]),
            "url": _string("Where to follow the job.", example="/api/v1/jobs/Xk3v9QpL2aE7bT0w"),
        },
    },
    "Job": {
        "type": "object",
        "properties": {
            "id": _string("Job id."),
            "state": _string("queued → running → done, or failed (see `error`).",
                             enum=["queued", "running", "done", "failed"]),
            "progress": {"type": "object", "description": "Sentences translated so far, of `total` (0 until known).",
                         "properties": {"done": {"type": "integer"}, "total": {"type": "integer"}}},
            "article_id": _string("The stored article once done.", nullable=True),
            "article_url": _string("The article's page once done (its JSON: /api/v1/articles/{article_id}).",
                                   nullable=True),
            "error": _string("Why it failed; on a queued job, why the last attempt was retried.", nullable=True),
            "attempts": {"type": "integer", "description": "Runs started so far (a crashed worker's job is retried)."},
            "created_at": {"type": "number", "description": "Unix time it was submitted."},
            "updated_at": {"type": "number", "description": "Unix time of its last change or heartbeat."},
        },
    },
    "BatchRequest": {
        "type": "object",
        "required": ["articles"],
        "properties": {
            "articles": {
                "type": "array",
                "description": "The articles (at most BITEXTO_BATCH_MAX_ARTICLES, 1,000 by default).",
                "items": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "id": _string("Your id for it, unique in the batch (default: its position, from 1)."),
                        "text": _string("The Spanish article."),
                        "format": FORMAT,
                    },
                },
            },
            "summary_length": SUMMARY_LENGTH,
            "algorithm": ALGORITHM,
            "api_key": API_KEY_FIELD,
        },
    },
    "BatchCreated": {
        "type": "object",
        "properties": {
            "id": _string("Batch id."),
            "state": _string("Always queued on creation.", enum=["queued"]),
            "url": _string("Where to follow the batch.", example="/api/v1/batches/bXk3v9QpL2aE7bT0w"),
            "articles": {"type": "array", "description": "Each article's id and its job.", "items": {
                "type": "object",
                "properties": {"id": _string("Your id for the article."), "job_id": _string("Its job."),
                               "job_url": _string("Where to follow its job alone.")},
            }},
        },
    },
    "Batch": {
        "type": "object",
        "properties": {
            "id": _string("Batch id."),
            "state": _string("queued until an article starts, running until every article has finished, "
                             "then done (see `counts.failed`).", enum=["queued", "running", "done"]),
            "created_at": {"type": "number", "description": "Unix time it was submitted."},
            "options": {"type": "object", "description": "summary_length and algorithm used."},
            "counts": {"type": "object", "description": "Articles per job state.",
                       "properties": {state: {"type": "integer"} for state in ("queued", "running", "done", "failed")}},
            "progress": {"type": "object", "description": "Articles finished (done or failed), of `total`.",
                         "properties": {"done": {"type": "integer"}, "total": {"type": "integer"}}},
            "articles": {"type": "array", "description": "In the order submitted.", "items": {
                "type": "object",
                "properties": {
                    "id": _string("Your id for the article."),
                    "job_id": _string("Its job."),
                    "state": _string("Its job's state.", enum=["queued", "running", "done", "failed"]),
                    "progress": {"type": "object", "description": "Its sentences translated so far."},
                    "article_id": _string("The stored article once done.", nullable=True),
                    "article_url": _string("The article's page once done.", nullable=True),
                    "error": _string("Why it failed.", nullable=True),
                },
            }},
        },
    },
    "TranslateRequest": {
        "type": "object",
        "required": ["q", "source", "target"],
        "properties": {
            "q": {"description": "Text(s) to translate.",
                  "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "source": _string("Source language.", enum=["es", "auto"]),
            "target": _string("Target language.", enum=["en"]),
            "format": _string("text, or html: the markup is kept and its text translated.",
                              enum=["text", "html"], default="text"),
            "glossary": GLOSSARY,
            "api_key": API_KEY_FIELD,
        },
    },
    "FileRequest": {
        "type": "object",
        "required": ["file", "source", "target"],
        "properties": {
            "file": {"type": "string", "format": "binary", "description": "A .txt, .html or .docx file."},
            "source": _string("Source language.", enum=["es", "auto"]),
            "target": _string("Target language.", enum=["en"]),
            "glossary": _string("Optional glossary: one \"término = translation\" a line."),
            "api_key": API_KEY_FIELD,
        },
    },
    "DetectRequest": {
        "type": "object",
        "required": ["q"],
        "properties": {"q": _string("Text whose language to detect."), "api_key": API_KEY_FIELD},
    },
    "Detection": {
        "type": "object",
        "properties": {
            "confidence": {"type": "number", "minimum": 0, "maximum": 100,
                           "description": "Confidence in percent."},
            "language": _string("ISO 639 language code."),
        },
    },
    "Language": {
        "type": "object",
        "properties": {
            "code": _string("Language code."),
            "name": _string("Language name in English."),
            "targets": {"type": "array", "items": _string("Target language code.")},
        },
    },
    "Health": {
        "type": "object",
        "properties": {
            "status": _string("ok, or unavailable when the database or engine is unusable.",
                              enum=["ok", "unavailable"]),
            "version": _string("bitexto version."),
            "engine": {"type": "object", "description": "The engine in use (loaded true) or the one configured."},
            "database": {"type": "object", "properties": {"ok": {"type": "boolean"},
                                                           "error": _string("Why not.", nullable=True)}},
        },
    },
}


def _form_and_json(json_schema: str, form_schema: str | None = None) -> dict:
    form = _ref(form_schema or json_schema)
    return {
        "required": True,
        "content": {
            "application/json": {"schema": _ref(json_schema)},
            "application/x-www-form-urlencoded": {"schema": form},
            "multipart/form-data": {"schema": form},
        },
    }


ARTICLE_ID = {"name": "article_id", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "The id returned when the article was created."}
KEYED = [{}, {"bearer": []}, {"apiKeyHeader": []}]  # optional unless REQUIRE_API_KEYS


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


NEWSLETTER_OPTIONS = [
    _query("format", "html (e-mail), md (Markdown) or text (plain text).",
           {"type": "string", "enum": list(newsletter.FORMATS), "default": "html"}),
    _query("quotes", "How many key quotes, highest-scoring first.",
           {"type": "integer", "minimum": 0, "maximum": newsletter.MAX_QUOTES,
            "default": newsletter.DEFAULT_QUOTES}),
    _query("lang", "The content's languages: both (English first), en or es.",
           {"type": "string", "enum": list(newsletter.LANGUAGES), "default": "both"}),
    _query("layout", "With both languages: Spanish below English, or side by side.",
           {"type": "string", "enum": list(newsletter.LAYOUTS), "default": "stacked"}),
    _query("source", "The publication, named in the credit line.", {"type": "string", "maxLength": newsletter.MAX_SOURCE_CHARS}),
]

PATHS: dict[str, dict] = {
    "/api/v1/articles": {
        "post": {
            "tags": ["articles"],
            "summary": "Translate, summarise and store an article",
            "description": "Segments the Spanish article into sentences, translates every sentence, picks a "
                           "bilingual extractive summary and aligns the key quotes; the result is stored "
                           "and readable at `url`.",
            "security": KEYED,
            "requestBody": _form_and_json("ArticleRequest", "ArticleUpload"),
            "responses": {
                "201": {"description": "The analysed article.", "content": _json(_ref("Article")),
                        "headers": {"Location": {"schema": {"type": "string"},
                                                 "description": "The article's API URL."}}},
                **_errors("400", "403", "413", "415", "422", "429", "503"),
            },
        },
    },
    "/api/v1/articles/{article_id}": {
        "get": {
            "tags": ["articles"],
            "summary": "A stored article",
            "security": KEYED,
            "parameters": [ARTICLE_ID],
            "responses": {
                "200": {"description": "The article as it was created.", "content": _json(_ref("Article"))},
                **_errors("403", "404"),
            },
        },
    },
    "/api/v1/articles/{article_id}/newsletter": {
        "get": {
            "tags": ["articles"],
            "summary": "A stored article as a newsletter snippet",
            "description": "The headline, the bilingual summary (English first), the top key quotes with "
                           "their speakers in both languages and a credit line naming the source and the "
                           "engine. `html` is e-mail HTML: tables, inline styles only, no script, no "
                           "images, 600 px wide, its only link the article's page; `text` is its "
                           "plain-text alternative; `md` is Markdown.",
            "security": KEYED,
            "parameters": [ARTICLE_ID, *NEWSLETTER_OPTIONS],
            "responses": {
                "200": {"description": "The snippet.",
                        "content": {media: {"schema": {"type": "string"}}
                                    for media in ("text/html", "text/markdown", "text/plain")}},
                **_errors("403", "404", "422"),
            },
        },
    },
    "/api/v1/jobs": {
        "post": {
            "tags": ["jobs"],
            "summary": "Analyse an article in the background",
            "description": "Takes the same body as POST /api/v1/articles and answers at once; follow the job at "
                           "`url` until it is done (then its article is stored under `article_id`) or failed "
                           "(with the reason in `error`). Summary options are checked now; what only the "
                           "analysis can tell (not Spanish, too long) fails the job.",
            "security": KEYED,
            "requestBody": _form_and_json("ArticleRequest", "ArticleUpload"),
            "responses": {
                "202": {"description": "Queued.", "content": _json(_ref("JobCreated")),
                        "headers": {"Location": {"schema": {"type": "string"}, "description": "The job's URL."}}},
                **_errors("400", "403", "413", "415", "422", "429"),
            },
        },
    },
    "/api/v1/jobs/{job_id}": {
        "get": {
            "tags": ["jobs"],
            "summary": "A job's state and progress",
            "security": KEYED,
            "parameters": [{"name": "job_id", "in": "path", "required": True, "schema": {"type": "string"},
                            "description": "The id returned when the job was created."}],
            "responses": {
                "200": {"description": "The job.", "content": _json(_ref("Job"))},
                **_errors("403"),
                "404": {"description": "No such job.", "content": _json(_ref("Error"))},
            },
        },
    },
    "/api/v1/batches": {
        "post": {
            "tags": ["jobs"],
            "summary": "Analyse many articles in the background",
            "description": "One job per article, processed by the running workers (on any number of machines "
                           "with the Redis queue). The request is checked as a whole; an article that only "
                           "its analysis can refuse (empty, not Spanish, too long) fails alone, with its "
                           "reason, and the rest go on. A large batch may need a larger "
                           "BITEXTO_MAX_REQUEST_BYTES.",
            "security": KEYED,
            "requestBody": {"required": True, "content": _json(_ref("BatchRequest"))},
            "responses": {
                "202": {"description": "Queued.", "content": _json(_ref("BatchCreated")),
                        "headers": {"Location": {"schema": {"type": "string"}, "description": "The batch's URL."}}},
                **_errors("400", "403", "413", "415", "422", "429"),
            },
        },
    },
    "/api/v1/batches/{batch_id}": {
        "get": {
            "tags": ["jobs"],
            "summary": "A batch's state, and each article's",
            "security": KEYED,
            "parameters": [{"name": "batch_id", "in": "path", "required": True, "schema": {"type": "string"},
                            "description": "The id returned when the batch was created."}],
            "responses": {
                "200": {"description": "The batch.", "content": _json(_ref("Batch"))},
                **_errors("403"),
                "404": {"description": "No such batch.", "content": _json(_ref("Error"))},
            },
        },
    },
    "/translate": {
        "post": {
            "tags": ["LibreTranslate"],
            "summary": "Translate text (LibreTranslate-compatible)",
            "description": "Spanish → English. Each text is split into sentences, translated, and joined back "
                           "with its original spacing and line breaks. With source `auto` the response also "
                           "has `detectedLanguage`.",
            "security": KEYED,
            "requestBody": _form_and_json("TranslateRequest"),
            "responses": {
                "200": {
                    "description": "The translation: a string, or a list for a list of texts.",
                    "content": _json({
                        "type": "object",
                        "properties": {
                            "translatedText": {"oneOf": [{"type": "string"},
                                                         {"type": "array", "items": {"type": "string"}}]},
                            "detectedLanguage": {"oneOf": [_ref("Detection"),
                                                           {"type": "array", "items": _ref("Detection")}]},
                        },
                    }),
                },
                **_errors("400", "403", "413", "415", "422", "429", "503"),
            },
        },
    },
    "/translate_file": {
        "post": {
            "tags": ["LibreTranslate"],
            "summary": "Translate a .txt, .html or .docx file (LibreTranslate-compatible)",
            "description": "HTML keeps its markup, .docx its paragraphs' run formatting. The answer is the "
                           "address of the translated file, kept for an hour.",
            "security": KEYED,
            "requestBody": {"required": True,
                            "content": {"multipart/form-data": {"schema": _ref("FileRequest")}}},
            "responses": {
                "200": {"description": "Where to download the translation.",
                        "content": _json({"type": "object",
                                          "properties": {"translatedFileUrl": _string("Download address.")}})},
                **_errors("400", "403", "413", "422", "429", "503"),
            },
        },
    },
    "/download_file/{name}": {
        "get": {
            "tags": ["LibreTranslate"],
            "summary": "A translated file, as an attachment",
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "The file."},
                "404": {"description": "No such file (or it has expired).", "content": _json(_ref("Error"))},
            },
        },
    },
    "/frontend/settings": {
        "get": {
            "tags": ["LibreTranslate"],
            "summary": "Settings LibreTranslate's web client reads first",
            "responses": {"200": {"description": "Character limit, file formats, languages.",
                                  "content": _json({"type": "object"})}},
        },
    },
    "/languages": {
        method: {
            "tags": ["LibreTranslate"],
            "summary": "Supported languages (LibreTranslate-compatible)",
            "responses": {"200": {"description": "Languages and their targets.",
                                  "content": _json({"type": "array", "items": _ref("Language")})}},
        }
        for method in ("get", "post")
    },
    "/detect": {
        "post": {
            "tags": ["LibreTranslate"],
            "summary": "Detect the language of a text (LibreTranslate-compatible)",
            "security": KEYED,
            "requestBody": _form_and_json("DetectRequest"),
            "responses": {
                "200": {"description": "Candidate languages, most likely first.",
                        "content": _json({"type": "array", "items": _ref("Detection")})},
                **_errors("400", "403", "413", "415", "429"),
            },
        },
    },
    "/health": {
        "get": {
            "tags": ["operations"],
            "summary": "Liveness and readiness",
            "description": "200 when the database answers and the engine is loaded or loadable; 503 otherwise.",
            "responses": {
                "200": {"description": "Healthy.", "content": _json(_ref("Health"))},
                "503": {"description": "Database or engine unusable.", "content": _json(_ref("Health"))},
            },
        },
    },
    "/metrics": {
        "get": {
            "tags": ["operations"],
            "summary": "Prometheus metrics",
            "description": "Requests by endpoint and status, latency histogram, sentences translated, "
                           "translation cache hits and misses.",
            "responses": {"200": {"description": "Prometheus text exposition format.",
                                  "content": {"text/plain": {"schema": {"type": "string"}}}}},
        },
    },
    "/openapi.json": {
        "get": {
            "tags": ["operations"],
            "summary": "This OpenAPI document",
            "responses": {"200": {"description": "OpenAPI 3 document.", "content": _json({"type": "object"})}},
        },
    },
    "/docs": {
        "get": {
            "tags": ["operations"],
            "summary": "This API's documentation as a web page",
            "responses": {"200": {"description": "HTML page.", "content": {"text/html": {"schema": {"type": "string"}}}}},
        },
    },
}


def app_version() -> str:
    try:
        return version("bitexto")
    except PackageNotFoundError:
        return "0"


def openapi_document() -> dict:
    """A fresh copy of the document (callers may not mutate a shared one)."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "bitexto API",
            "version": app_version(),
            "description": "Offline Spanish → English news translation: aligned sentences, a bilingual "
                           "extractive summary and key quotes. Also speaks the LibreTranslate API "
                           "(/translate, /languages, /detect) so its clients work unchanged. Every error "
                           "has the body {\"error\": message, \"status\": code}.",
        },
        "tags": [
            {"name": "articles", "description": "Whole articles: translation, summary, quotes."},
            {"name": "jobs", "description": "Long articles and batches in the background, with progress."},
            {"name": "LibreTranslate", "description": "Drop-in LibreTranslate endpoints."},
            {"name": "operations", "description": "Health, metrics and documentation."},
        ],
        "paths": copy.deepcopy(PATHS),
        "components": {
            "schemas": copy.deepcopy(SCHEMAS),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "An API key from `bitexto keys create NAME`."},
                "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
    }


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
                        "type": _type_label(prop),
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


def _type_label(prop: dict) -> str:
    if "enum" in prop:
        return " | ".join(str(value) for value in prop["enum"])
    if "oneOf" in prop:
        return " or ".join(_type_label(option) for option in prop["oneOf"])
    if prop.get("type") == "array":
        return f"array of {_type_label(prop.get('items', {}))}"
    return prop.get("format") if prop.get("format") == "binary" else prop.get("type", "any")
