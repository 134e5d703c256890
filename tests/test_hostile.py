"""Hostile requests: generated paths, methods, bodies, content types and headers; never a 5xx.

The paths come from the OpenAPI document, so every described endpoint is attacked. The
engine is the real Apertium: most generated texts are short, invalid or drawn from a
small pool (cached after the first use), which keeps the whole test well under a minute.
"""

import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bitexto.settings import Settings
from bitexto.webapp.errors import JSON_PREFIXES
from bitexto.webapp import openapi_document

pytest_plugins = ("api_fixtures",)
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

MIN_REQUESTS = 200
MAX_CONTENT_LENGTH = 16 * 1024
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]
FIELDS = ["text", "q", "source", "target", "format", "summary_length", "algorithm", "file"]
# Where translating happens, so where most generated requests go.
WORK = [("POST", "/api/v1/articles"), ("POST", "/translate"), ("POST", "/detect")]
SPANISH = ["Hola mundo.", "El gato come pescado.", SHORT_ARTICLE, "¿Qué pasa? ¡Nada!", "Costó 1.500,50 euros."]
CONTENT_TYPES = [
    "application/json", "application/json; charset=latin-1", "application/vnd.api+json",
    "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=xyz",
    "text/plain", "text/html; charset=utf-8", "application/xml", "image/png", "", "garbage/;;;",
]
INVALID_UTF8 = [b"\xff\xfe\xfd", b"\xc3\x28", b"\xed\xa0\x80", b"\x00\x01\x02binary\x00", b"\xe2\x82"]

odd_strings = st.one_of(
    st.sampled_from(["", " ", "\n\n", "\x00", "\u202e", "\ud800", "<script>alert(1)</script>", "9" * 5000,
                     "%", "../../etc/passwd", "' OR 1=1 --", "\u00a0" * 50, "Hola. " * 500]),
    st.text(max_size=30),
)
field_values = st.one_of(
    st.sampled_from(SPANISH),
    st.sampled_from(["es", "en", "auto", "fr", "text", "html", "pdf", "3", "20%", "0", "-1", "250%",
                     "lead", "default", "lexrank", "nope"]),
    odd_strings,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(st.sampled_from(SPANISH) | st.text(max_size=10), max_size=3),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
api_shaped = st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=6) | st.fixed_dictionaries(
    {}, optional={"text": st.sampled_from(SPANISH), "q": st.sampled_from(SPANISH) | field_values,
                  "source": st.sampled_from(["es", "auto"]), "target": st.just("en"),
                  "format": st.sampled_from(["text", "html"]) | field_values,
                  "summary_length": field_values, "algorithm": field_values,
                  "api_key": st.sampled_from(["", "nope"])})


@st.composite
def bodies(draw) -> tuple[bytes | dict | None, str | None]:
    """(body, content type): JSON, forms, multipart uploads, raw bytes, or nothing."""
    kind = draw(st.sampled_from(["valid", "valid", "valid", "none", "json", "json", "json-random", "form",
                                 "multipart", "raw", "huge", "nested"]))
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if kind == "valid":
        # A request every endpoint accepts, with at most one field replaced: these reach
        # the segmenter, the engine and the summariser.
        fields = {"text": draw(st.sampled_from(SPANISH)), "q": draw(st.sampled_from(SPANISH) | st.lists(
            st.sampled_from(SPANISH), max_size=3)), "source": draw(st.sampled_from(["es", "auto"])),
            "target": "en", "format": draw(st.sampled_from(["text", "html"]))}
        if draw(st.booleans()):
            fields[draw(st.sampled_from(FIELDS))] = draw(field_values)
        encoding = draw(st.sampled_from(["json", "json", "form"]))
        if encoding == "form" and all(isinstance(v, str) for v in fields.values()):
            return _urlencoded(fields).encode(), "application/x-www-form-urlencoded"
        return json.dumps(fields).encode(), "application/json"
    if kind == "none":
        return None, draw(st.none() | st.just(content_type))
    if kind == "json":
        return json.dumps(draw(api_shaped), allow_nan=True).encode(), draw(
            st.sampled_from(["application/json", content_type]))
    if kind == "json-random":
        return json.dumps(draw(json_values)).encode(), "application/json"
    if kind == "form":
        # Encoded by hand so that lone surrogates become invalid UTF-8 on the wire.
        return _urlencoded(draw(api_shaped)).encode(), "application/x-www-form-urlencoded"
    if kind == "multipart":
        fields = {name: _printable(value) for name, value in draw(api_shaped).items() if name != "file"}
        content = draw(st.sampled_from(INVALID_UTF8) | st.binary(max_size=200)
                       | st.sampled_from(SPANISH).map(lambda s: s.encode("cp1252", "replace")))
        filename = draw(st.sampled_from(["a.txt", "a.html", "a.pdf", "", "noext", "../../x.txt", "ñ.htm"]))
        fields["file"] = (content, filename)
        return fields, "multipart/form-data"
    if kind == "raw":
        return draw(st.sampled_from(INVALID_UTF8) | st.binary(max_size=300)), content_type
    if kind == "huge":
        return b'{"text": "' + b"a" * (MAX_CONTENT_LENGTH + 10) + b'"}', content_type or "application/json"
    depth = draw(st.integers(min_value=1, max_value=50_000))
    return b"[" * depth + b"]" * draw(st.integers(0, depth)), "application/json"


def test_no_generated_request_gets_a_5xx(make_app):
    app = make_app(
        MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH,
        BITEXTO=Settings.from_env(max_chars=2000),
        RATELIMIT_ENABLED=False,
    )
    client = app.test_client()
    real_id = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE}).get_json()["id"]
    paths = list(openapi_document()["paths"])
    sent = []

    article_ids = st.sampled_from([real_id, "nope", "", "..", "%00"]) | st.text(max_size=40).map(
        lambda s: quote(s, safe=""))
    plain_headers = st.fixed_dictionaries({}, optional={
        "Accept": st.sampled_from(["application/json", "text/html", "*/*", "image/png", "garbage"]),
        "Accept-Language": st.sampled_from(["es", "en", "xx", "*", "es;q=abc"]),
    })
    headers = plain_headers | plain_headers | plain_headers | st.fixed_dictionaries({
        "Authorization": st.sampled_from(["Bearer ", "Bearer nope", "Basic abc", "bearer", ""]),
        "X-API-Key": st.sampled_from(["", "nope", "x" * 500]),
    })
    targets = st.one_of(
        st.sampled_from(WORK), st.sampled_from(WORK), st.sampled_from(WORK),
        st.tuples(st.sampled_from(METHODS), st.sampled_from(paths)),
    )

    def send(method, url, data, content_type, headers, query):
        kwargs = {"headers": headers, "query_string": _urlencoded(query)}
        if data is not None and method not in ("GET", "HEAD", "OPTIONS"):
            kwargs["data"] = data
        if content_type is not None:
            kwargs["content_type"] = content_type
        response = client.open(url, method=method, **kwargs)
        sent.append((method, url))

        assert response.status_code < 500, (method, url, data if not isinstance(data, bytes) else data[:200],
                                             content_type, response.get_data(as_text=True)[:500])
        if response.status_code >= 400 and method != "HEAD" and url.startswith(JSON_PREFIXES):
            body = response.get_json()
            assert set(body) == {"error", "status"} and body["status"] == response.status_code
            assert isinstance(body["error"], str) and body["error"]

    # Every described path with every method at least once, whatever Hypothesis draws.
    for path in paths:
        for method in METHODS:
            send(method, path.replace("{article_id}", real_id), b'{"q": [[]], "text": {}}', "application/json", {}, {})

    @settings(max_examples=MIN_REQUESTS + 100, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(target=targets, article_id=article_ids, body=bodies(), headers=headers,
           query=st.dictionaries(st.sampled_from(FIELDS), odd_strings, max_size=2))
    def attack(target, article_id, body, headers, query):
        method, path = target
        data, content_type = body
        send(method, path.replace("{article_id}", article_id or "x"), data, content_type, headers, query)

    attack()

    assert len(sent) >= MIN_REQUESTS + len(paths) * len(METHODS)


def _wire(value) -> bytes:
    return str(value).encode("utf-8", "surrogatepass")


def _urlencoded(fields: dict) -> str:
    return urlencode({name: _wire(value) for name, value in fields.items()})


def _printable(value) -> str:
    """A multipart field value: werkzeug's test client can only encode valid UTF-8 there."""
    return _wire(value).decode("utf-8", "replace")

