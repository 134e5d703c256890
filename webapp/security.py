"""CSRF protection for HTML forms and the security headers on every response."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

# No inline script anywhere: all JavaScript comes from /static.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def init_app(app: Flask, json_blueprints: tuple[str, ...] = ()) -> None:
    """Protect forms with CSRF tokens; JSON APIs (token-less clients) are exempt."""
    csrf.init_app(app)
    for name in json_blueprints:
        csrf.exempt(app.blueprints[name])

    @app.after_request
    def add_security_headers(response):
        for header, value in HEADERS.items():
            response.headers.setdefault(header, value)
        return response
