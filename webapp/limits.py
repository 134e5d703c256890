"""Who may call the API and how often: API keys, rate limits and request size limits.

- Rate limits (Flask-Limiter) apply to POST requests, the ones that translate: each
  client gets RATELIMIT_DEFAULT per endpoint, counted per IP address, or per API key for
  a caller with a valid key, who gets RATELIMIT_API_KEY (ten times the default unless
  configured). Counters live in RATELIMIT_STORAGE_URI (memory:// by default, so they are
  per process; use redis:// or memcached:// for several processes).
- API keys are optional: with REQUIRE_API_KEYS the views marked `@require_api_key` need
  one, sent as `Authorization: Bearer KEY`, an `X-API-Key` header or an `api_key` field
  (the LibreTranslate way). Keys are stored hashed (webapp.store); `bitexto keys create
  NAME` makes one. A key that is sent but unknown is refused even when keys are
  optional: a client that believes it has a key should hear that it does not.
- Too-large requests (MAX_CONTENT_LENGTH) get a 413 that says what the limit is.

Client addresses come from `request.remote_addr`; behind a reverse proxy, wrap the app in
werkzeug's ProxyFix so that this is the client's address, not the proxy's.
"""

from __future__ import annotations

import functools
import hashlib
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

from flask import Flask, current_app, g, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from limits import parse_many
from werkzeug.exceptions import Forbidden, HTTPException, RequestEntityTooLarge

from bitexto import store
from bitexto.webapp.store import get_db
from bitexto.webapp.errors import render_error
from bitexto.webapp.payload import read_payload

KEY_HOLDER_FACTOR = 10
# Flask's own default for MAX_FORM_MEMORY_SIZE (one non-file form field): lower than a
# long article, so it is raised to the request size limit unless configured otherwise.
FLASK_FORM_MEMORY_DEFAULT = 500_000
KEY_HELP = "Send it as `Authorization: Bearer KEY`, an `X-API-Key` header or an `api_key` field."

View = TypeVar("View", bound=Callable)


@dataclass(frozen=True)
class Caller:
    key: str | None  # the key the request presented, if any
    name: str | None  # the key holder's name when the key is valid


def presented_key() -> str | None:
    """The API key sent with the request: header first, then the body's `api_key` field."""
    authorization = request.headers.get("Authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    header = request.headers.get("X-API-Key", "").strip()
    if header:
        return header
    value = read_payload().get("api_key")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def caller(*, strict: bool = True) -> Caller:
    """The request's key and its holder, looked up once per request.

    A body that cannot be read raises its error (400, 413, 415) when `strict`; the rate
    limiter asks with strict=False and counts such a request against the client address.
    """
    if "api_caller" not in g:
        try:
            key = presented_key()
        except HTTPException:
            if strict:
                raise
            return Caller(key=None, name=None)
        g.api_caller = Caller(key=key, name=store.api_key_name(get_db(), key) if key else None)
    return g.api_caller


def require_api_key(view: View) -> View:
    """Refuse unknown keys always, and missing keys when REQUIRE_API_KEYS is on."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        who = caller()
        if who.key is not None and who.name is None:
            raise Forbidden(f"Invalid API key. {KEY_HELP}")
        if who.key is None and current_app.config["REQUIRE_API_KEYS"]:
            raise Forbidden(
                f"This server requires an API key. {KEY_HELP} "
                "Ask the operator for one (they create it with: bitexto keys create NAME)."
            )
        return view(*args, **kwargs)

    return checked


def exempt(view: View) -> View:
    """Mark a view as never rate limited (cheap lookups such as /languages)."""
    view.rate_limit_exempt = True
    return view


def rate_limit_key() -> str:
    who = caller(strict=False)
    if who.name is not None:
        # The key's hash, not its name: two keys with one name are two budgets.
        return "key:" + hashlib.sha256(who.key.encode()).hexdigest()[:16]
    return "ip:" + (request.remote_addr or "unknown")


def current_limit() -> str:
    config = current_app.config
    return config["RATELIMIT_API_KEY"] if caller(strict=False).name is not None else config["RATELIMIT_DEFAULT"]


def scaled_limit(limit: str, factor: int) -> str:
    """`limit` with every amount multiplied: "120 per minute" → "1200 per 1 minute"."""
    return "; ".join(
        f"{item.amount * factor} per {item.multiples} {item.GRANULARITY.name}" for item in parse_many(limit)
    )


def init_app(app: Flask) -> Limiter:
    config = app.config
    config.setdefault("RATELIMIT_API_KEY", scaled_limit(config["RATELIMIT_DEFAULT"], KEY_HOLDER_FACTOR))
    config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # Flask-Limiter would put its window's reset time in Retry-After on every response
    # of a limited route, a 200 or the translation lane's 503 alike (taking the later
    # of the two): a client would then wait a whole window for a lane that frees in a
    # second. Its value goes in a header of its own; Retry-After is set where a refusal
    # is made (here for the rate limit, webapp.lanes for the lane).
    config.setdefault("RATELIMIT_HEADER_RETRY_AFTER", "X-RateLimit-Retry-After")
    if config.get("MAX_FORM_MEMORY_SIZE") == FLASK_FORM_MEMORY_DEFAULT and config.get("MAX_CONTENT_LENGTH"):
        config["MAX_FORM_MEMORY_SIZE"] = config["MAX_CONTENT_LENGTH"]

    limiter = Limiter(
        key_func=rate_limit_key,
        default_limits=[current_limit],
        # Reading pages and stored articles is cheap; translating is what needs a budget.
        default_limits_exempt_when=lambda: request.method != "POST",
        storage_uri=config["RATELIMIT_STORAGE_URI"],
    )
    limiter.init_app(app)
    for view in app.view_functions.values():
        if getattr(view, "rate_limit_exempt", False):
            limiter.exempt(view)

    @app.errorhandler(RateLimitExceeded)
    def too_many_requests(error: RateLimitExceeded):
        body, status = render_error(
            429,
            f"Too many requests: the limit is {error.description} per client on this endpoint. "
            "Wait a little and try again.",
        )
        window = limiter.current_limit
        wait = max(1, int(window.reset_at - time.time())) if window is not None else 1
        return body, status, {"Retry-After": str(wait)}

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error: RequestEntityTooLarge):
        if error.description != RequestEntityTooLarge.description:
            return render_error(413, error.description)  # raised by a view with its own message
        limit = request.max_content_length or config.get("MAX_CONTENT_LENGTH")
        shown = f" ({_bytes(limit)})" if limit else ""
        return render_error(
            413,
            f"The request is larger than this server accepts{shown}. Send a shorter article.",
        )

    return limiter


def _bytes(count: int) -> str:
    if count >= 1024 * 1024 and count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MiB"
    if count >= 1024 and count % 1024 == 0:
        return f"{count // 1024} KiB"
    return f"{count:,} bytes"
