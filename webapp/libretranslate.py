"""LibreTranslate-compatible endpoints, so existing LibreTranslate clients work unchanged.

    POST /translate       {"q": str | [str], "source": "es" | "auto", "target": "en",
                           "format": "text" | "html", "api_key"?, "glossary"?} → {"translatedText": ...}

`glossary` is bitexto's own addition: {"término": "translation"} applied to this request
(a term mapped to itself is not translated); an unusable glossary is a 422.
    GET|POST /languages   [{"code", "name", "targets"}]
    POST /detect          {"q"} → [{"confidence": 0..100, "language"}]

Requests are JSON or forms, as LibreTranslate accepts them; errors carry LibreTranslate's
`error` field (inside bitexto's one error body) and its statuses: 400 for a missing or
unsupported parameter, 403 for API keys, 413 for too much text, 429 for rate limits.

Texts go through bitexto's own pipeline: normalised, split into sentences, translated in
one batch by the app's engine (behind the translation cache), and put back together
with the original spacing and line breaks between sentences, so paragraphs survive.
With `format: html` the markup is kept, as LibreTranslate keeps it: text nodes are
translated, tags and attributes copied, inline tags inside a sentence put around the
English of their words (translate.markup).

    POST /translate_file  multipart `file` (.txt, .html, .docx), source, target
                          → {"translatedFileUrl": ".../download_file/<id>.<name>"}
    GET  /download_file/<id>.<name>   the translated file
    GET  /frontend/settings           what LibreTranslate's own web client asks first
"""

from __future__ import annotations

from babel import Locale
from flask import Blueprint, current_app, jsonify
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from bitexto import translation
from bitexto.glossaries import Glossary
from bitexto.translation import detect_language, rank_languages
from bitexto.webapp import metrics, service
from bitexto.webapp.limits import exempt, require_api_key
from bitexto.webapp.glossary_input import glossary_option
from bitexto.webapp.openapi import KEYED, LIBRETRANSLATE, api_spec, request_body, responses
from bitexto.webapp.schemas import DetectRequest, Detection, Language, TranslateRequest, Translation
from bitexto.webapp.schemas.libretranslate import AUTO, SOURCE, TARGET

bp = Blueprint("libretranslate", __name__)

LANGUAGES = [
    {"code": SOURCE, "name": "Spanish", "targets": [TARGET]},
    {"code": TARGET, "name": "English", "targets": []},
]
MAX_DETECTIONS = 3
MIN_DETECTION_CONFIDENCE = 1.0  # percent

# LibreTranslate answers browsers from any origin; so must a drop-in replacement.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, X-API-Key",
    "Access-Control-Allow-Methods": "GET, POST",
    "Access-Control-Max-Age": str(60 * 60 * 24),
}


@bp.after_request
def allow_cross_origin(response):
    for header, value in CORS_HEADERS.items():
        response.headers.setdefault(header, value)
    return response


@bp.route("/languages", methods=["GET", "POST"])
@exempt
@api_spec.validate(tags=[LIBRETRANSLATE], resp=responses(200, list[Language], "Languages and their targets."))
def languages():
    """Supported languages (LibreTranslate-compatible)"""
    return jsonify(LANGUAGES)


@bp.post("/translate")
@require_api_key
@api_spec.validate(json=TranslateRequest, form=TranslateRequest, validation_error_status=400, tags=[LIBRETRANSLATE],
                   security=KEYED, resp=responses(200, Translation, "The translation: a string, or a list for a list "
                                                  "of texts.", 400, 403, 413, 415, 429, 503))
def translate():
    """Translate text (LibreTranslate-compatible)

    Spanish → English. Each text is split into sentences, translated, and joined back with its
    original spacing and line breaks. With source `auto` the response also has `detectedLanguage`.
    """
    wanted: TranslateRequest = request_body()
    texts, batch = _texts(wanted.q)
    _check_size(texts)

    body: dict = {}
    if wanted.source == AUTO:
        detections = [_detected_source(text) for text in texts]
        body["detectedLanguage"] = detections if batch else detections[0]
    glossary = glossary_option(wanted.glossary)
    translations = translate_texts(texts, "text/html" if wanted.format == "html" else "text/plain", glossary)
    return jsonify({"translatedText": translations if batch else translations[0], **body})


@bp.post("/detect")
@require_api_key
@api_spec.validate(json=DetectRequest, form=DetectRequest, validation_error_status=400, tags=[LIBRETRANSLATE],
                   security=KEYED, resp=responses(200, list[Detection], "Candidate languages, most likely first.",
                                                  400, 403, 413, 415, 429))
def detect():
    """Detect the language of a text (LibreTranslate-compatible)"""
    texts, _batch = _texts(request_body().q)
    _check_size(texts)
    return jsonify(detect_languages("\n".join(texts)))


def translate_texts(texts: list[str], media_type: str = "text/plain", glossary: Glossary | None = None) -> list[str]:
    """English for each text (bitexto.translation), counted in the metrics."""
    translated = translation.translate_texts(texts, service.get_engine(), current_app.config["BITEXTO"], media_type,
                                             glossary)
    metrics.count_sentences(translated.sentences)
    return translated.texts


def detect_languages(text: str) -> list[dict]:
    """Most likely languages first, confidence in percent, as LibreTranslate reports them.

    Unlike LibreTranslate, languages bitexto cannot translate are reported too: a French
    text is said to be French, not "English with low confidence".
    """
    ranking = [(language, probability * 100) for language, probability in rank_languages(text)]
    if not any(ch.isalpha() for ch in text) or not ranking:
        # LibreTranslate's answer when nothing can be detected.
        return [{"confidence": 0.0, "language": TARGET}]
    best = [(language, confidence) for language, confidence in ranking[:MAX_DETECTIONS]
            if confidence >= MIN_DETECTION_CONFIDENCE] or ranking[:1]
    return [{"confidence": round(confidence, 2), "language": language} for language, confidence in best]


def _detected_source(text: str) -> dict:
    """The `detectedLanguage` entry for `source: auto`; only Spanish can be translated.

    Texts too short to identify reliably are taken as Spanish, the only source there is.
    """
    language = detect_language(text)
    if language not in (None, SOURCE):
        name = Locale("en").languages.get(language, language)
        raise BadRequest(
            f"The text looks like {name} ({language}), not Spanish: bitexto translates Spanish (es) into English (en)"
        )
    probabilities = dict(rank_languages(text)) if text.strip() else {}
    return {"confidence": round(probabilities.get(SOURCE, 0.0) * 100, 2), "language": SOURCE}


def _texts(q: str | list[str]) -> tuple[list[str], bool]:
    """`q` as a list of texts, and whether it was a list (a batch)."""
    return ([q], False) if isinstance(q, str) else (q, True)


def _check_size(texts: list[str]) -> None:
    limit = current_app.config["BITEXTO"].max_chars
    size = sum(len(text) for text in texts)
    if size > limit:
        raise RequestEntityTooLarge(
            f"Invalid request: request ({size:,} characters) exceeds text limit ({limit:,})"
        )
